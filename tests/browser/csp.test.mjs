// Under a strict Content-Security-Policy (no 'unsafe-inline' for styles or scripts, wasm
// allowed by 'wasm-unsafe-eval'), every widget is styled and the page sees no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, STRICT_CSP } from './harness.mjs';

const env = useBrowser();

/** The computed style of the first `selector` inside the mount `id`'s shadow root. */
const styleOf = (page, id, selector, property) =>
  page.evaluate(([id, selector, property]) => {
    const el = document.getElementById(id).shadowRoot.querySelector(selector);
    return el && getComputedStyle(el)[property];
  }, [id, selector, property]);

test('every widget is styled under the strict policy, with no violation', async () => {
  const page = await openPage(env.browser, `${env.url}/docs/strict/widgets.html`);
  const response = await page.reload();
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  for (const id of ['hiring', 'levels', 'programs', 'onboarding', 'fetched', 'inline']) {
    await mounted(page, `#${id}`);
    // base.css draws the widget's frame; without the stylesheet it has none.
    assert.equal(await styleOf(page, id, '.hb-widget', 'borderTopStyle'), 'solid', id);
    assert.notEqual(await styleOf(page, id, '.hb-widget', 'borderTopLeftRadius'), '0px', id);
  }
  // Widget-specific rules apply too: tabs are a flex row, closed details are hidden.
  assert.equal(await styleOf(page, 'hiring', '[role="tablist"]', 'display'), 'flex');
  assert.equal(await styleOf(page, 'hiring', '.hb-stage__details', 'display'), 'none');
  // The error box is styled as well.
  await mounted(page, '#broken', 'error');
  assert.notEqual(await styleOf(page, 'broken', '.hb-error', 'backgroundColor'), 'rgba(0, 0, 0, 0)');
  // One stylesheet object is shared by every mount.
  assert.equal(await page.evaluate(() => {
    const sheets = [...document.querySelectorAll('[data-hb-widget]')].map((el) => el.shadowRoot.adoptedStyleSheets[0]);
    return new Set(sheets).size;
  }), 1);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(await page.evaluate(() => window.hostErrors), []);
  assert.deepEqual(page.uncaught, []);

  // The policy is in force and the recorder sees violations: an inline <style> is refused.
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'main { color: red }';
    document.head.append(style);
  });
  await page.waitForFunction(() => window.cspViolations.length > 0);
  assert.match((await page.evaluate(() => window.cspViolations))[0], /style-src/);
});

test('a wasm that cannot load is reported in a styled box under the strict policy too', async () => {
  const page = await openPage(env.browser, `${env.url}/docs/strict/missing-wasm.html`);
  await mounted(page, '#w', 'error');
  const box = page.locator('#w .hb-load-error');
  assert.match(await box.textContent(), /could not be loaded/);
  assert.equal(await box.evaluate((el) => getComputedStyle(el).borderTopStyle), 'solid');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(page.uncaught, []);
});
