// Pre-rendered pages in Chromium: `handbook-widgets prerender` writes the host page's widgets
// into it; with JavaScript off the page reads as a styled static page, and with it the widgets
// hydrate in place (the same nodes, no layout shift, no second fetch), then take the URL
// fragment and saved ticks. A stale or altered pre-render is rendered afresh, never broken.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openPage, mounted, eventually } from './harness.mjs';
import { SITE, PAGE, IDS, ENCODED, LEGACY_TEXT, PLACEMENTS, buildSite } from './prerendered-site.mjs';

const KEY = 'handbook-widgets:onboarding-checklist:mattermost-pm-onboarding';
/** The checkbox of the checklist item labelled `text`. */
const box = (page, text) => page.locator('#onboarding li.hb-item', { has: page.locator(':scope > .hb-item__row label', { hasText: text }) })
  .first().locator(':scope > .hb-item__row input[type="checkbox"]');

/** The pre-rendered page, altered by `change`, served at `path`. */
const altered = (change) => (req, res) =>
  res.writeHead(200, { 'content-type': 'text/html' }).end(change(readFileSync(join(SITE, 'docs/handbook/product/hiring.html'), 'utf8')));

const env = useBrowser({
  '/site/docs/handbook/product/other-build.html': altered((html) => html.replaceAll(/data-hb-build="[0-9a-f]+"/g, 'data-hb-build="0000000000000000"')),
  // What an HTML minifier does: comments out, Yew's hydration markers with them.
  '/site/docs/handbook/product/minified.html': altered((html) => html.replaceAll(/<!--[\s\S]*?-->/g, '')),
});

before(buildSite);

/** Records, before any script of the page runs, the layout shifts and each widget's first
 *  rendered element (to tell hydration, which keeps them, from a fresh render). */
async function instrument(page) {
  await page.addInitScript(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      window.firstNodes = [...document.querySelectorAll('[data-hb-widget]')].map((m) => m.shadowRoot?.querySelector('.hb-widget'));
    });
  });
}

test('with JavaScript off, every pre-rendered widget reads as a styled static page', async () => {
  const page = await openPage(env.browser, null, { context: { javaScriptEnabled: false } });
  await page.goto(`${env.url}${PAGE}`);
  const report = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-hb-widget]')].map((m) => {
    const root = m.shadowRoot;
    const visible = (selector) => [...root.querySelectorAll(selector)].filter((el) => el.getBoundingClientRect().height > 0).length;
    return [m.id, {
      border: getComputedStyle(root.querySelector('.hb-widget')).borderTopStyle,
      text: root.querySelector('.hb-widget').textContent.slice(0, 60),
      panels: visible('.hb-timeline__panel'),
      details: visible('.hb-stage__details'),
      tabs: visible('[role="tablist"]'),
      tools: visible('.hb-checklist__tools, .hb-dir__toolbar, .hb-levels__controls, .hb-button'),
      state: m.getAttribute('data-hb-state'),
    }];
  })));
  for (const id of IDS) {
    assert.equal(report[id].border, 'solid', `${id} is styled`);
    assert.equal(report[id].tools, 0, `${id}: no control that needs the script`);
    assert.equal(report[id].state, null, `${id}: no script ran`);
  }
  assert.match(report.mm.text, /^Mattermost: Product Manager hiring process/);
  assert.match(report.ff.text, /^FlowFuse/);
  assert.match(report['gitlab-levels'].text, /^GitLab: Product Management leadership levels/);
  assert.match(report.onboarding.text, /^Mattermost: Product Manager onboarding/);
  // Every variant of the GitLab process, every stage's details, and no tab strip.
  assert.deepEqual([report.gl.panels, report.gl.tabs], [5, 0]);
  assert.ok(report.mm.details >= 8, `${report.mm.details} details open`);
});

test('with JavaScript, the widgets hydrate in place: same nodes, no layout shift, no second fetch, working controls', async () => {
  const page = await openPage(env.browser, null);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await instrument(page);
  const fetchedBefore = env.requests.length;
  await page.goto(`${env.url}${PAGE}`);
  for (const id of IDS) await mounted(page, `#${id}`);
  await page.waitForTimeout(300);
  assert.deepEqual(warnings, []);
  // The very elements the browser parsed are the live widget's.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-hb-widget]')].map((m, i) =>
    window.firstNodes[i] !== undefined && m.shadowRoot.querySelector('.hb-widget') === window.firstNodes[i])), IDS.map(() => true));
  assert.equal(await page.evaluate(() => window.shifts), 0, 'cumulative layout shift');
  // The data of data-src and presets came with the page.
  const fetched = env.requests.slice(fetchedBefore);
  assert.deepEqual(fetched.filter((p) => p.endsWith('.json')), []);
  assert.ok(fetched.includes('/cdn/widgets/v1/handbook-widgets.css'));
  // Controls work.
  const tab = page.locator('#gl [role="tab"]').nth(2);
  await tab.click();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  await box(page, 'Add to meetings').click();
  assert.equal(await page.locator('#onboarding .hb-progress__text').textContent(), '1 of 117 done (0%)');
  await page.locator('#programs input[type="search"]').fill('swag');
  await eventually(async () => (await page.locator('#programs .hb-dir__status').textContent()) === '1 of 13 programs match', { message: 'search' });
  assert.deepEqual(page.uncaught, []);
});

for (const [encoding, path] of Object.entries(ENCODED)) {
  test(`a page in ${encoding} is pre-rendered in it: it reads as before, and every widget hydrates with the text of the UTF-8 page`, async () => {
    const texts = async (page) => page.evaluate(() => [...document.querySelectorAll('[data-hb-widget]')].map((m) => m.shadowRoot.querySelector('.hb-widget')?.textContent));
    const reference = await openPage(env.browser, null);
    await reference.goto(`${env.url}${PAGE}`);
    for (const id of IDS) await mounted(reference, `#${id}`);
    const expected = await texts(reference);
    await reference.close();

    const page = await openPage(env.browser, null);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await instrument(page);
    await page.goto(`${env.url}${path}`);
    for (const id of IDS) await mounted(page, `#${id}`);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.characterSet), encoding === 'utf-16' ? 'UTF-16LE' : 'windows-1252');
    assert.equal(await page.locator('#legacy').textContent(), LEGACY_TEXT);
    assert.deepEqual(warnings, []);
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('[data-hb-widget]')].map((m, i) =>
      window.firstNodes[i] !== undefined && m.shadowRoot.querySelector('.hb-widget') === window.firstNodes[i])), IDS.map(() => true));
    assert.deepEqual(await texts(page), expected);
    assert.ok(expected.some((t) => /[^\x00-\xff]/.test(t)), 'the widgets hold characters beyond latin-1');
    assert.deepEqual(page.uncaught, []);
  });
}

test('mounts in awkward places: a list item hydrates on its host, nested mounts keep their own data, SVG and image mounts are refused in the console', async () => {
  const page = await openPage(env.browser, null);
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.liNode = document.querySelector('#li > .hb-host')?.shadowRoot?.querySelector('.hb-widget');
  }));
  await page.goto(`${env.url}${PLACEMENTS}`);
  await eventually(() => page.evaluate(() => [...document.querySelectorAll('[data-hb-widget]')]
    .every((m) => ['ready', 'error'].includes(m.getAttribute('data-hb-state')))), { message: 'every mount settled' });
  const report = await page.evaluate(() => {
    const state = (id) => document.getElementById(id).getAttribute('data-hb-state');
    const li = document.getElementById('li');
    const host = li.querySelector(':scope > .hb-host');
    return {
      states: ['li', 'outer', 'svg', 'img', 'entity'].map((id) => `${id}: ${state(id)}`),
      hydrated: Boolean(window.liNode) && host?.shadowRoot?.querySelector('.hb-widget') === window.liNode,
      hosts: li.querySelectorAll(':scope > .hb-host').length,
      outer: document.getElementById('outer').shadowRoot.textContent.includes('Outer programs'),
      svgChildren: document.getElementById('svg').childElementCount,
      imgChildren: document.getElementById('img').childElementCount,
      after: document.getElementById('after').textContent,
    };
  });
  assert.deepEqual(report, {
    states: ['li: ready', 'outer: ready', 'svg: error', 'img: error', 'entity: ready'],
    hydrated: true,
    hosts: 1,
    outer: true,
    svgChildren: 0,
    imgChildren: 0,
    after: 'After the mounts',
  });
  assert.deepEqual(messages.filter((m) => m.includes('cannot show a widget')), [
    'error: handbook-widgets: the \u201cowner-directory\u201d mount <g> cannot show a widget: it is an SVG or MathML element, where HTML does not show; put the mount on a <div> outside the <svg> or <math>',
    'error: handbook-widgets: the \u201cowner-directory\u201d mount <img> cannot show a widget: it is a void element, which holds nothing; put the mount on a <div>',
  ]);
  assert.deepEqual(messages.filter((m) => m.includes('afresh')), []);
  assert.deepEqual(page.uncaught, []);
});

test('the URL fragment and saved ticks apply straight after hydration', async () => {
  const page = await openPage(env.browser, `${env.url}${PAGE}`);
  await mounted(page, '#onboarding');
  await page.evaluate((k) => localStorage.setItem(k, JSON.stringify({ version: 1, ticks: { 'first-day-gone': 'done' } })), KEY);
  await box(page, 'Add to meetings').click();
  await page.goto(`${env.url}${PAGE}#hb-gitlab-levels=director-product-management~vp-product-monetization`);
  await page.reload();
  for (const id of IDS) await mounted(page, `#${id}`);
  const pair = await page.locator('#gitlab-levels .hb-levels').evaluate((el) => [el.dataset.left, el.dataset.right]);
  assert.deepEqual(pair, ['director-product-management', 'vp-product-monetization']);
  assert.equal(await page.locator('#onboarding .hb-progress__text').textContent(), '1 of 117 done (0%)');
  assert.equal(await box(page, 'Add to meetings').isChecked(), true);
  assert.deepEqual(page.uncaught, []);
});

for (const [name, path, reason] of [
  ['pre-rendered by another build', 'other-build.html', /another build/],
  ['with its markers stripped by a minifier', 'minified.html', /changed it after pre-rendering/],
]) {
  test(`a widget ${name} is rendered afresh, and works`, async () => {
    const page = await openPage(env.browser, null);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${env.url}/site/docs/handbook/product/${path}`);
    for (const id of IDS) await mounted(page, `#${id}`);
    assert.equal(warnings.length, IDS.length, warnings.join('\n'));
    assert.match(warnings[0], reason);
    const tab = page.locator('#gl [role="tab"]').nth(3);
    await tab.click();
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    assert.deepEqual(page.uncaught, []);
  });
}
