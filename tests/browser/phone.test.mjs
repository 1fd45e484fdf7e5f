// On a phone, as Chromium's mobile emulation has it (390 × 844 CSS pixels, touch, the host
// page's width=device-width meta tag honoured): no widget is wider than its container, and a
// tap works. The cross-engine suite checks the same width in Firefox and WebKit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted } from './harness.mjs';
import { widgetOverflow } from './overflow.mjs';

const env = useBrowser();
const phone = { viewport: { width: 390, height: 844 }, context: { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } };

test('on a phone no widget is wider than its container, and tapping works', async () => {
  const page = await openPage(env.browser, `${env.url}/docs/handbook/product/hiring.html`, phone);
  for (const id of ['mm', 'gl', 'ff', 'gitlab-levels', 'mm-levels', 'programs', 'onboarding', 'inline']) await mounted(page, `#${id}`);
  assert.equal(await page.evaluate(() => innerWidth), 390, 'the meta viewport tag is honoured');
  assert.deepEqual(await page.evaluate(widgetOverflow), []);
  const tab = page.locator('#gl [role="tab"]').nth(2);
  await tab.tap();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  assert.deepEqual(page.uncaught, []);
});
