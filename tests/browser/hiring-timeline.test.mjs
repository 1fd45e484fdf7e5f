// The hiring timeline as a reader uses it, in headless Chromium, on a plain host page that
// loads the built embed bundle from another path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, eventually, hasFocus, axePath } from './harness.mjs';

const page_ = '/docs/handbook/product/hiring.html';
const env = useBrowser();

async function open(options) {
  const page = await openPage(env.browser, env.url + page_, options);
  await mounted(page, '#mm');
  await mounted(page, '#gl');
  return page;
}

test('every widget on the host page renders from its source', async () => {
  const page = await open();
  assert.equal(await page.locator('#mm .hb-stage').count(), 9);
  assert.equal(await page.locator('#gl [role="tab"]').count(), 5);
  await mounted(page, '#ff'); // data-src, resolved against the page
  assert.equal(await page.locator('#ff .hb-stage').count(), 8);
  await mounted(page, '#inline');
  assert.equal(await page.locator('#inline h2').textContent(), 'Inline process');
  assert.equal(await page.locator('#inline .hb-stage__who strong').textContent(), 'recruiter');
  assert.equal(await page.locator('#mm [data-total="minutes"]').textContent().then((t) => t.startsWith('4 h 30 min')), true);
  assert.deepEqual(page.uncaught, []);
  assert.deepEqual(await page.evaluate(() => window.hostLog), ['head script', 'end of body']);
});

test('tabs switch by mouse', async () => {
  const page = await open();
  const director = page.locator('#gl [role="tab"]', { hasText: /^Director$/ });
  await director.click();
  assert.equal(await director.getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#gl [role="tab"][aria-selected="true"]').count(), 1);
  const panel = page.locator(`#gl #${await director.getAttribute('aria-controls')}`);
  assert.equal(await panel.isVisible(), true);
  assert.equal(await panel.locator('.hb-stage').count(), 8);
  assert.equal(await page.locator('#gl .hb-timeline').getAttribute('data-variant'), 'director-product-management');
  assert.equal(await page.locator('#gl .hb-timeline__panel:visible').count(), 1);
});

test('tabs follow the WAI-ARIA keyboard pattern', async () => {
  const page = await open();
  const tabs = page.locator('#gl [role="tab"]');
  const selected = page.locator('#gl [role="tab"][aria-selected="true"]');
  await tabs.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected.textContent(), 'Director');
  assert.equal(await hasFocus(tabs.nth(1)), true);
  await page.keyboard.press('End');
  assert.equal(await selected.textContent(), 'VP of Product Monetization');
  assert.equal(await hasFocus(tabs.nth(4)), true);
  await page.keyboard.press('ArrowRight'); // wraps
  assert.equal(await selected.textContent(), 'Group Manager, Product');
  await page.keyboard.press('ArrowLeft'); // wraps back
  assert.equal(await selected.textContent(), 'VP of Product Monetization');
  await page.keyboard.press('Home');
  assert.equal(await selected.textContent(), 'Group Manager, Product');
  // Only the selected tab is in the tab order; Tab moves on into the panel.
  assert.deepEqual(await tabs.evaluateAll((els) => els.map((e) => e.tabIndex)), [0, -1, -1, -1, -1]);
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#gl [role="tabpanel"]:visible').evaluate((el) => el.getRootNode().activeElement === el), true);
});

test('a stage expands and collapses by mouse', async () => {
  const page = await open();
  const stage = page.locator('#mm .hb-stage').nth(1);
  const toggle = stage.locator('.hb-stage__toggle');
  const details = stage.locator('.hb-stage__details');
  assert.equal(await details.isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await stage.getAttribute('data-state'), 'expanded');
  assert.equal(await details.isVisible(), true);
  assert.match(await details.textContent(), /25-minute screening call with a recruiter/);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await details.isVisible(), false);
});

test('a stage expands by keyboard, and "show all" opens every stage', async () => {
  const page = await open();
  const toggle = page.locator('#mm .hb-stage__toggle').nth(2);
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press(' ');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  const all = page.locator('#mm .hb-timeline__tools .hb-button');
  await all.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#mm .hb-stage__toggle[aria-expanded="true"]').count(), 9);
  assert.equal(await all.textContent(), 'Hide all details');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#mm .hb-stage__toggle[aria-expanded="true"]').count(), 0);
});

test('wide containers lay stages out horizontally, narrow ones vertically', async () => {
  const wide = await open({ viewport: { width: 1400, height: 900 } });
  const [a, b] = await wide.locator('#mm .hb-stage').evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(Math.abs(a.top - b.top) < 2 && b.left > a.right - 1, `side by side: ${JSON.stringify([a, b])}`);
  const narrow = await open({ viewport: { width: 420, height: 900 } });
  const [c, d] = await narrow.locator('#mm .hb-stage').evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(d.top >= c.bottom - 1 && Math.abs(c.left - d.left) < 2, `stacked: ${JSON.stringify([c, d])}`);
});

test('print shows every variant and every stage detail, without controls', async () => {
  const page = await open();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#gl .hb-timeline__panel:visible').count(), 5);
  assert.equal(await page.locator('#mm .hb-stage__details:visible').count(), 9);
  assert.equal(await page.locator('#gl [role="tablist"]').isVisible(), false);
  const [a, b] = await page.locator('#mm .hb-stage').evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(b.top >= a.bottom - 1, 'stages stack in print');
});

test('host styles do not reach in, widget styles do not leak out', async () => {
  const page = await open();
  // The host hides .hb-stage and paints buttons magenta; neither reaches the shadow roots.
  assert.equal(await page.locator('#mm .hb-stage').first().isVisible(), true);
  const tabBg = await page.locator('#gl [role="tab"]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(tabBg, 'rgb(255, 0, 255)');
  const stageColor = await page.locator('#mm .hb-stage').first().evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(stageColor, 'rgb(0, 128, 0)');
  // And the page keeps its own look: no stylesheet added to the document.
  assert.equal(await page.evaluate(() => document.styleSheets.length), 1);
  assert.equal(await page.locator('#host-button').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(255, 0, 255)');
  assert.equal(await page.locator('#host-list li').evaluate((el) => getComputedStyle(el).color), 'rgb(0, 128, 0)');
  // Every class the widgets use is prefixed hb-.
  const classes = await page.evaluate(() => [...document.querySelectorAll('[data-hb-widget]')]
    .flatMap((m) => [...(m.shadowRoot?.querySelectorAll('[class]') ?? [])].flatMap((e) => [...e.classList])));
  assert.ok(classes.length > 50);
  assert.deepEqual(classes.filter((c) => !c.startsWith('hb-')), []);
  // The fallback content inside a mount no longer shows once the widget is there.
  assert.equal(await page.locator('#inline .fallback').isVisible(), false);
});

test('follows the reader\'s colour scheme', async () => {
  const light = await open({ context: { colorScheme: 'light' } });
  const dark = await open({ context: { colorScheme: 'dark' } });
  const bg = (page) => page.locator('#mm .hb-root').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await bg(light), 'rgb(255, 255, 255)');
  assert.equal(await bg(dark), 'rgb(22, 27, 34)');
});

for (const colorScheme of ['light', 'dark']) {
  test(`no WCAG 2.2 AA violations found by axe-core (${colorScheme})`, async () => {
    const page = await open({ context: { colorScheme } });
    await mounted(page, '#ff');
    await mounted(page, '#inline');
    await page.locator('#mm .hb-timeline__tools .hb-button').click();
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
    assert.deepEqual(summary, []);
    assert.ok(result.passes.length > 10, 'axe ran its checks');
  });
}
