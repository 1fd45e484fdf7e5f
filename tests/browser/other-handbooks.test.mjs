// Data shaped like other companies' handbook pages (assets/examples/, the gallery's "shape of
// other handbooks" examples) as a reader uses it, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, hasFocus, axePath, eventually } from './harness.mjs';
import { widgetOverflow } from './overflow.mjs';

const page_ = '/docs/handbook/other/handbooks.html';
const env = useBrowser();

async function open(options) {
  const page = await openPage(env.browser, env.url + page_, options);
  await mounted(page, '#hiring');
  await mounted(page, '#onboarding');
  await mounted(page, '#owners');
  await mounted(page, '#ladder');
  return page;
}

/** The page with nothing saved by an earlier test (the checklist's ticks and role). */
async function openFresh() {
  const page = await open();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await mounted(page, '#onboarding');
  return page;
}

test('hiring: a group of stages folds and unfolds by mouse and by keyboard', async () => {
  const page = await open();
  const group = page.locator('#hiring .hb-timeline__panel:visible .hb-stage-group');
  const toggle = group.locator('.hb-stage-group__title .hb-stage__toggle');
  const stages = page.locator('#hiring .hb-timeline__panel:visible .hb-stage');
  assert.equal(await stages.count(), 11);
  assert.equal(await page.locator('#hiring .hb-stage:visible').count(), 11, 'every stage shows at first');
  assert.equal(await group.locator('.hb-stage-group__subtotal').textContent(), '5 stages (1 optional, 1 conditional), 6–7 h (about 7 h 45 min – 9 h with the optional and conditional ones)');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await group.getAttribute('data-state'), 'collapsed');
  assert.equal(await page.locator('#hiring .hb-stage:visible').count(), 6, 'its five stages leave the view');
  assert.equal(await group.locator('.hb-stage-group__subtotal').isVisible(), true, 'the subtotal stays');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#hiring .hb-stage:visible').count(), 11);
  await page.keyboard.press(' ');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await hasFocus(toggle), true);
  // "Show all details" unfolds the group too.
  await page.locator('#hiring .hb-timeline__panel:visible .hb-timeline__tools .hb-button').click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#hiring .hb-stage:visible').count(), 11);
});

test('hiring: conditions, emphasis, interviewers and waits are on the stage, not behind it', async () => {
  const page = await open();
  const design = page.locator('#hiring .hb-stage', { hasText: 'System design' }).first();
  assert.equal(await design.locator('.hb-stage__condition').isVisible(), true);
  assert.equal(await design.locator('.hb-stage__condition').textContent(), 'Only when: senior and staff roles only');
  assert.equal(await design.locator('.hb-tag').textContent(), 'Conditional');
  const founder = page.locator('#hiring .hb-stage', { hasText: 'Founder chat' }).first();
  assert.equal(await founder.locator('.hb-tag').textContent(), 'Strongly encouraged');
  assert.equal(await founder.locator('.hb-stage__interviewers').textContent(), 'One of Ana Ruiz (CEO) or Ben Okafor (CTO)');
  const intro = page.locator('#hiring .hb-stage', { hasText: 'Intro call' }).first();
  assert.equal(await intro.locator('.hb-stage__wait').isVisible(), true);
  assert.equal(await intro.locator('.hb-stage__wait').textContent(), 'Then a wait of up to 48 h for a decision');
  assert.equal(await page.locator('#hiring .hb-timeline__panel:visible [data-total="calendar"]').textContent(), '2–3 weeks from start to finish');
  // The other tab has its own calendar time and its panel of five.
  await page.locator('#hiring [role="tab"]', { hasText: 'Engineering Manager' }).click();
  assert.equal(await page.locator('#hiring .hb-timeline__panel:visible [data-total="calendar"]').textContent(), '3–4 weeks from start to finish');
  assert.match(await page.locator('#hiring .hb-timeline__panel:visible .hb-stage__interviewers').first().textContent(), /^A panel of 5: Two engineering managers, /);
});

for (const width of [480, 760, 960, 1280]) {
  test(`hiring: in a ${width} px column nothing is clipped and nothing needs a sideways scroll`, async () => {
    const page = await open({ viewport: { width: width + 64, height: 900 } });
    for (const id of ['#hiring', '#onboarding', '#owners', '#ladder']) {
      await page.locator(id).evaluate((el, width) => { el.style.width = `${width}px`; }, width);
    }
    assert.deepEqual(await page.evaluate(widgetOverflow), []);
    const report = await page.locator('#hiring').evaluate((host) => {
      const root = host.shadowRoot;
      const out = [];
      for (const list of root.querySelectorAll('.hb-timeline__stages')) {
        if (list.closest('[hidden]')) continue;
        if (list.scrollWidth > list.clientWidth + 1) out.push(`a list scrolls: ${list.scrollWidth} > ${list.clientWidth}`);
      }
      // Every title, badge and tag fits inside its own stage, unclipped.
      for (const el of root.querySelectorAll('.hb-stage__title, .hb-stage-group__title, .hb-badge, .hb-tag, .hb-stage__length')) {
        if (el.closest('[hidden]')) continue;
        const box = el.closest('.hb-stage, .hb-stage-group').getBoundingClientRect();
        const r = el.getBoundingClientRect();
        if (r.right > box.right + 1 || el.scrollWidth > el.clientWidth + 1) out.push(`clipped: ${el.className} "${el.textContent}" (${Math.round(r.right)} > ${Math.round(box.right)})`);
      }
      const tops = new Set([...root.querySelectorAll('.hb-timeline__panel:not([hidden]) > .hb-timeline__stages > .hb-stage')].map((s) => Math.round(s.getBoundingClientRect().top)));
      return { out, rows: tops.size };
    });
    assert.deepEqual(report.out, []);
    // Wide columns run the stages across and wrap them onto rows; narrow ones stack them.
    if (width >= 960) assert.ok(report.rows >= 2 && report.rows < 6, `rows: ${report.rows}`);
    else assert.equal(report.rows, 6);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`other handbooks' shapes: no WCAG 2.2 AA violations found by axe-core (${colorScheme})`, async () => {
    const page = await open({ context: { colorScheme } });
    await page.locator('#hiring .hb-timeline__panel:visible .hb-timeline__tools .hb-button').click();
    await page.locator('#onboarding select.hb-checklist__audience').selectOption('sales');
    await page.locator('#onboarding [data-action="show-others"]').click();
    await page.locator('#owners [role="tab"]', { hasText: 'By owner' }).click();
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    assert.ok(result.passes.length > 10, 'axe ran its checks');
  });
}

test('onboarding: a reader picks a role; other roles\' items leave the count and the view, and can be shown', async () => {
  const page = await openFresh();
  const status = page.locator('#onboarding .hb-progress__text');
  assert.equal(await status.textContent(), '0 of 18 done (0%)');
  const role = page.locator('#onboarding select.hb-checklist__audience');
  assert.equal(await role.evaluate((s) => s.labels[0].textContent.trim().startsWith('Your role')), true, 'the select is labelled');
  await role.selectOption('sales');
  assert.equal(await status.textContent(), '0 of 11 done (0%)');
  assert.equal(await page.locator('#onboarding .hb-phase', { hasText: 'First month: engineering' }).count(), 0);
  assert.equal(await page.locator('#onboarding .hb-item', { hasText: 'Pick your first task' }).count(), 0);
  // Shown on request, set apart and still outside the count.
  const others = page.locator('#onboarding [data-action="show-others"]');
  await others.click();
  assert.equal(await others.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#onboarding .hb-phase[data-other="true"]').count(), 1);
  assert.equal((await page.locator('#onboarding .hb-phase[data-other="true"] .hb-phase__count').textContent()).trim(), 'Not counted for your role');
  assert.equal(await page.locator('#onboarding .hb-item[data-other="true"]', { hasText: 'Request a GitHub seat' }).count(), 1);
  assert.equal(await status.textContent(), '0 of 11 done (0%)');
  // By keyboard: the select takes arrow keys.
  await role.focus();
  await page.keyboard.press('ArrowUp'); // Design, just above Sales
  assert.equal(await role.inputValue(), 'design');
  assert.equal(await status.textContent(), '0 of 12 done (0%)');
  // The pick is remembered.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes('"audience":"design"')));
  await page.reload();
  await mounted(page, '#onboarding');
  await page.waitForFunction(() => document.querySelector('#onboarding').shadowRoot.querySelector('select.hb-checklist__audience').value === 'design');
  assert.equal(await status.textContent(), '0 of 12 done (0%)');
});

test('onboarding: optional items count once ticked; a "one of" group is done by any one choice', async () => {
  const page = await openFresh();
  const status = page.locator('#onboarding .hb-progress__text');
  // The checkbox of the item whose own label is `text` (a parent's row would match a child's text).
  const row = (text) => page.locator('#onboarding .hb-item__row').filter({ has: page.locator('label', { hasText: new RegExp(`^${text}$`) }) });
  const box = (text) => row(text).locator('input');
  await row('Join the Friday demo \\(optional, and fun\\)').locator('label').click();
  assert.equal(await status.textContent(), '1 of 19 done (5%)', 'the optional item joins the count once ticked');
  const group = box('Pick your first task');
  assert.equal(await group.isDisabled(), true, 'the group itself is not a choice');
  assert.equal(await group.evaluate((el) => el.getRootNode().getElementById(el.getAttribute('aria-describedby')).textContent), 'Any one of these counts');
  // By keyboard: Space on one choice.
  await box('A documentation fix').focus();
  await page.keyboard.press(' ');
  assert.equal(await group.isChecked(), true);
  assert.equal(await status.textContent(), '2 of 19 done (10%)');
  await box('A bug from the support queue').check();
  assert.equal(await status.textContent(), '2 of 19 done (10%)', 'a second choice changes nothing');
});

test('owners: teams and people apart, shared work never unowned, labels filter, the data\'s noun', async () => {
  const page = await open();
  const status = page.locator('#owners .hb-dir__status');
  assert.equal(await status.textContent(), '10 features');
  assert.equal(await page.locator('#owners [data-filter="no-process"]').count(), 0, 'nothing to find, not offered');
  // The team is in sight before any click: the lead first.
  assert.equal(await page.locator('#owners .hb-roster .hb-person-chip').first().textContent(), 'Dana Whitfield');
  // Unowned leaves out what is everyone's on purpose.
  await page.locator('#owners [data-filter="unowned"]').click();
  assert.equal(await status.textContent(), '1 of 10 features match');
  assert.equal(await page.locator('#owners .hb-program .hb-program__title').textContent(), 'Data export');
  await page.locator('#owners [data-action="clear"]').click();
  // A label on a card filters by it, and the label select follows.
  await page.locator('#owners .hb-label-chip[data-label="~group::auth"]').first().click();
  assert.equal(await status.textContent(), '2 of 10 features match');
  assert.equal(await page.locator('#owners select.hb-dir__label-filter').inputValue(), '~group::auth');
  assert.match(await page.evaluate(() => location.hash), /l=~group%3A%3Aauth|l=~group::auth/);
  // By keyboard: the label select.
  await page.locator('#owners select.hb-dir__label-filter').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#owners select.hb-dir__label-filter').inputValue(), '#g_auth');
  assert.equal(await status.textContent(), '1 of 10 features match');
  await page.locator('#owners [data-action="clear"]').click();
  // A member's name finds what their team owns too.
  await page.locator('#owners .hb-roster .hb-person-chip[data-person="mei"]').click();
  assert.equal(await status.textContent(), '3 of 10 features match');
  await page.locator('#owners [data-action="clear"]').click();
  // The by-owner view tells teams and people apart.
  await page.locator('#owners [role="tab"]', { hasText: 'By owner' }).click();
  const headings = await page.locator('#owners .hb-people__title').allTextContents();
  assert.deepEqual(headings, ['Teams', 'People']);
  assert.deepEqual(await page.locator('#owners .hb-person[data-kind="team"] .hb-person__name').allTextContents(), ['Platform team', 'Growth team']);
  assert.equal(await page.locator('#owners .hb-person[data-person="lee"] .hb-person__members').textContent(), 'Member of Growth team');
  // What is everyone's has its own place there, apart from "Owner TBD".
  const shared = page.locator('#owners .hb-person--shared');
  assert.equal(await shared.locator('.hb-person__name').textContent(), 'Shared by everyone');
  assert.equal(await shared.locator('.hb-person__counts').textContent(), '2 features everyone owns');
  assert.deepEqual(await shared.locator('.hb-person__programs li').allTextContents(), ['Documentation', 'Accessibility']);
  assert.deepEqual(await page.locator('#owners .hb-person--unowned .hb-person__programs li').allTextContents(), ['Data export']);
});

test('ladder: tracks as lanes; steps stay on the track; equivalents and hiring one click away', async () => {
  const page = await open();
  const pair = () => page.locator('#ladder .hb-levels').evaluate((el) => `${el.dataset.left}~${el.dataset.right}`);
  assert.deepEqual(await page.locator('#ladder .hb-lane__name').allTextContents(), ['Individual contributor', 'Manager', 'Executive']);
  // Levels of one grade share a column: Staff Engineer sits above Engineering Manager.
  const [staff, em] = await Promise.all(['Staff Engineer', 'Engineering Manager'].map((name) =>
    page.locator('#ladder .hb-ladder__button', { hasText: new RegExp(`^${name}`) }).first().evaluate((el) => el.getBoundingClientRect().toJSON())));
  assert.ok(Math.abs(staff.left - em.left) < 2 && em.top > staff.bottom - 1, `columns: ${JSON.stringify([staff, em])}`);
  assert.equal(await pair(), 'engineer~senior-engineer');
  await page.locator('#ladder [data-action="up"]').click();
  assert.equal(await pair(), 'senior-engineer~staff-engineer');
  // Differently worded items are paired, the changed words marked.
  assert.ok(await page.locator('#ladder mark.hb-word-changed').count() >= 4);
  assert.match(await page.locator('#ladder [data-paired="true"]').first().textContent(), /moderate/);
  // The right level's equivalent, one click away; then one step up stays on each track.
  await page.locator('#ladder td .hb-level-link', { hasText: 'Engineering Manager' }).last().click();
  assert.equal(await pair(), 'staff-engineer~engineering-manager');
  await page.locator('#ladder [data-action="up"]').click();
  assert.equal(await pair(), 'principal-engineer~senior-engineering-manager');
  assert.equal(await page.locator('#ladder [data-state="tbd"]').count(), 2, 'Mentorship is not yet written on either side');
  // The top of the individual-contributor track: no step up (Principal would leave it).
  assert.equal(await page.locator('#ladder [data-action="up"]').getAttribute('aria-disabled'), 'true');
  await page.locator('#ladder [data-action="up"]').click({ force: true });
  assert.equal(await pair(), 'principal-engineer~senior-engineering-manager');
  // A level's hiring process on this page: the link selects its tab in the timeline above.
  await page.locator('#ladder .hb-ladder__button', { hasText: /^Engineering Manager/ }).click();
  const before = await pair();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('#ladder .hb-hiring__on-page').last().click();
  await page.waitForFunction(() => document.querySelector('#hiring').shadowRoot.querySelector('[role="tab"][aria-selected="true"]')?.textContent === 'Engineering Manager');
  const top = await page.locator('#hiring').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the timeline is brought into view (top ${top})`);
  assert.match(await page.evaluate(() => location.hash), /hb-hiring=engineering-manager/);
  // Both widgets' entries live in one fragment: the comparison keeps its pair, after a reload
  // too, and the back button returns to the pair without the hiring entry.
  assert.equal(await pair(), before);
  assert.match(await page.evaluate(() => location.hash), new RegExp(`hb-ladder=${before}`));
  await page.reload();
  await mounted(page, '#ladder');
  await eventually(async () => (await pair()) === before, { message: 'the pair after a reload' });
  await page.goBack();
  await eventually(async () => !(await page.evaluate(() => location.hash)).includes('hb-hiring='), { message: 'back' });
  assert.equal(await pair(), before);
});
