// The worst data on one page (worst-cases.mjs) beside good widgets: each bad mount shows its
// own error or renders within the limits, the good widgets keep working, a widget added
// afterwards still mounts, and nothing uncaught reaches the page. (A stack overflow in wasm
// would kill every widget at once.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, eventually, appendLaterWidget } from './harness.mjs';
import { PATH, handlers, closed, READY, ERRORS } from './worst-cases.mjs';

const env = useBrowser(handlers);

const alertText = (page, id) => page.locator(`#${id} [role="alert"]`).textContent();

test('the worst data stays in its own mount, and everything else keeps working', async () => {
  const started = Date.now();
  const p = await openPage(env.browser, `${env.url}${PATH}`);

  // Deep Markdown renders, its deep part as text.
  for (const id of READY) await mounted(p, `#${id}`);
  const text = (id) => p.locator(`#${id} .hb-widget`).textContent();
  assert.match(await text('deep-list'), /deepest.*item0.*item23.*item249/s);
  assert.match(await text('deep-quote'), /the quote/);
  assert.match(await text('emphasis'), /middle/);
  const depth = await p.evaluate(() => {
    let max = 0;
    const walk = [[document.getElementById('deep-list').shadowRoot, 0]];
    while (walk.length) {
      const [node, d] = walk.pop();
      max = Math.max(max, d);
      for (const child of node.children) walk.push([child, d + 1]);
    }
    return max;
  });
  assert.ok(depth < 60, `the deep list renders ${depth} elements deep`);
  // Items sixteen deep work.
  await p.locator('#items-16 input[type="checkbox"]').last().click();
  assert.equal(await p.locator('#items-16 .hb-progress__text').textContent(), '1 of 1 done (100%)');

  // Items sixty deep, far too large (announced or not), a million brackets, a 200,000-character
  // text, a dropped connection, fetches that never finish: errors that say so.
  for (const [id, expected] of Object.entries(ERRORS)) {
    await mounted(p, `#${id}`, 'error');
    assert.match(await alertText(p, id), expected, id);
  }
  assert.match(await alertText(p, 'reset'), /the request failed \(Failed to fetch\)/);
  // The requests that never finished were stopped.
  await eventually(() => closed.never >= 1 && closed.stall >= 1, { message: 'the requests to be aborted' });

  // The good widgets beside them still work.
  const tab = p.locator('#good-hiring [role="tab"]').nth(2);
  await tab.click();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  await p.locator('#good-directory input[type="search"]').fill('license');
  await eventually(async () => (await p.locator('#good-directory mark.hb-match').count()) > 0, { message: 'search marks' });

  // A widget added afterwards still mounts.
  await p.evaluate(appendLaterWidget);
  await mounted(p, '#later');
  assert.equal(await p.locator('#later .hb-stage').count(), 8);

  assert.deepEqual(p.uncaught, []);
  assert.deepEqual(await p.evaluate(() => window.hostErrors), []);
  console.log(`worst-case page: every mount settled ${((Date.now() - started) / 1000).toFixed(1)} s after navigation (timeouts 1 s and 2 s included)`);
});
