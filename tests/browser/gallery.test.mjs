// The gallery that `./dev serve` shows, as built by trunk: every example mounts, and the one
// that shows bad data shows the error the README quotes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, eventually } from './harness.mjs';

const env = useBrowser();

test('every gallery example mounts; the bad-data example explains itself', async () => {
  const page = await openPage(env.browser, `${env.url}/gallery/index.html`);
  const states = await eventually(async () => {
    const s = await page.locator('[data-hb-widget]').evaluateAll((els) => els.map((e) => e.getAttribute('data-hb-state')));
    return s.length > 0 && s.every((x) => x === 'ready' || x === 'error') && s;
  }, { message: 'every gallery mount settled' });
  // The seeds' eight, the four shaped like other handbooks, the inline one; then the bad one,
  // and the playground's preview (the first example).
  assert.deepEqual(states, [...Array(12).fill('ready'), 'error', 'ready']);
  const error = await page.locator('#ex-error ~ [data-hb-widget] [role="alert"]').textContent();
  assert.match(error, /Wrong data shape\s*invalid type: string "fifty", expected u32\s*JSON path\s*\$\.variants\[0\]\.stages\[0\]\.minutes\s*Position\s*line 1, column 101/);
  // Every example has the snippet that mounts it (and the page its script tag's); the
  // playground has its own.
  assert.equal(await page.locator('.example .snippet').count(), 13);
  assert.equal(await page.locator('.snippet').count(), 15);
  assert.equal(await page.locator('.playground .snippet').count(), 1);
  assert.deepEqual(page.uncaught, []);
});
