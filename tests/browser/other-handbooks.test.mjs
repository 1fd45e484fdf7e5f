// Data shaped like other companies' handbook pages (assets/examples/, the gallery's "shape of
// other handbooks" examples) as a reader uses it, in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, hasFocus, axePath } from './harness.mjs';
import { widgetOverflow } from './overflow.mjs';

const page_ = '/docs/handbook/other/handbooks.html';
const env = useBrowser();

async function open(options) {
  const page = await openPage(env.browser, env.url + page_, options);
  await mounted(page, '#hiring');
  return page;
}

test('hiring: a group of stages folds and unfolds by mouse and by keyboard', async () => {
  const page = await open();
  const group = page.locator('#hiring .hb-timeline__panel:visible .hb-group');
  const toggle = group.locator('.hb-group__title .hb-stage__toggle');
  const stages = page.locator('#hiring .hb-timeline__panel:visible .hb-stage');
  assert.equal(await stages.count(), 11);
  assert.equal(await page.locator('#hiring .hb-stage:visible').count(), 11, 'every stage shows at first');
  assert.equal(await group.locator('.hb-group__subtotal').textContent(), '5 stages (2 optional), 6–7 h (about 7 h 45 min – 9 h with the optional ones)');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await group.getAttribute('data-state'), 'collapsed');
  assert.equal(await page.locator('#hiring .hb-stage:visible').count(), 6, 'its five stages leave the view');
  assert.equal(await group.locator('.hb-group__subtotal').isVisible(), true, 'the subtotal stays');
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
    for (const id of ['#hiring']) {
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
      for (const el of root.querySelectorAll('.hb-stage__title, .hb-group__title, .hb-badge, .hb-tag, .hb-stage__length')) {
        if (el.closest('[hidden]')) continue;
        const box = el.closest('.hb-stage, .hb-group').getBoundingClientRect();
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
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    assert.ok(result.passes.length > 10, 'axe ran its checks');
  });
}
