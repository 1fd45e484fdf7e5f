// The owner directory as a reader uses it: search as you type, click a name, the gap filters,
// switching views, keyboard only, and the filter surviving reload and the back button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, eventually } from './harness.mjs';

const env = useBrowser();
const path = '/docs/handbook/product/hiring.html';

async function open(hash = '') {
  const page = await openPage(env.browser, `${env.url}${path}${hash}`);
  await mounted(page, '#programs');
  return page;
}

const w = (page) => page.locator('#programs');
const titles = (page) => w(page).locator('.hb-program__title').allTextContents();
const status = (page) => w(page).locator('.hb-dir__status').textContent();

test('typing a search filters as you type, marks the match and announces the count', async () => {
  const page = await open();
  assert.equal(await status(page), '13 programs');
  await w(page).locator('input[type="search"]').pressSequentially('swag');
  await eventually(async () => (await status(page)) === '1 of 13 programs match', { message: 'status' });
  assert.deepEqual(await titles(page), ['Community promotions']);
  assert.equal(await w(page).locator('mark.hb-match').first().textContent(), 'swag');
  assert.equal(await w(page).locator('[role="status"].hb-dir__status').count(), 1);
  assert.deepEqual(page.uncaught, []);
});

test('what does Hanna own: one click on her name', async () => {
  const page = await open();
  await w(page).locator('button.hb-person-chip[data-person="hanna"]').first().click();
  assert.deepEqual(await titles(page), ['Channel partner operations', 'Onboarding/Offboarding', 'Community promotions', 'Community event logistics']);
  assert.equal(await status(page), '4 of 13 programs match');
  const chip = w(page).locator('[data-filter="person"]');
  assert.match(await chip.textContent(), /Person: Hanna Park/);
  await chip.click(); // removes the person filter
  assert.equal(await status(page), '13 programs');
});

test('what is unowned: one click, and the count is always there', async () => {
  const page = await open();
  const unowned = w(page).locator('[data-filter="unowned"]');
  assert.match(await unowned.textContent(), /Unowned 3/);
  await unowned.click();
  assert.equal(await unowned.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await titles(page), ['Self-service operations', 'Out-of-band non-MME requests', 'Manual license key provisioning and administration']);
  assert.equal(await w(page).locator('.hb-program:visible .hb-tag--unowned').count(), 3);
  // Combined with "process to be added", then cleared at once.
  await w(page).locator('[data-filter="no-process"]').click();
  assert.equal(await status(page), '3 of 13 programs match');
  await w(page).locator('[data-action="clear"]').click();
  assert.equal(await status(page), '13 programs');
  assert.equal(await unowned.getAttribute('aria-pressed'), 'false');
});

test('switching to the by-person view, filters included', async () => {
  const page = await open();
  await w(page).getByRole('tab', { name: 'By person' }).click();
  assert.equal(await w(page).locator('.hb-dir').getAttribute('data-view'), 'people');
  const hanna = w(page).locator('.hb-person[data-person="hanna"] .hb-person__counts');
  assert.equal(await hanna.textContent(), 'Owns 3 · Supports 1');
  assert.match(await w(page).locator('.hb-person--unowned').textContent(), /3 unowned/);
  await w(page).locator('input[type="search"]').fill('moderator');
  await eventually(async () => (await w(page).locator('.hb-person').count()) === 1, { message: 'only John' });
  assert.equal(await w(page).locator('.hb-person').getAttribute('data-person'), 'john');
});

test('everything works from the keyboard', async () => {
  const page = await open();
  const search = w(page).locator('input[type="search"]');
  await search.focus();
  await page.keyboard.type('GNN');
  await eventually(async () => (await status(page)) === '1 of 13 programs match', { message: 'search by keyboard' });
  await page.keyboard.press('Tab'); // → Unowned
  await page.keyboard.press('Tab'); // → Process to be added
  await page.keyboard.press('Enter');
  assert.equal(await w(page).locator('[data-filter="no-process"]').getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Tab'); // → Clear all filters
  await page.keyboard.press('Enter');
  assert.equal(await status(page), '13 programs');
  const tab = w(page).getByRole('tab', { name: 'By program group' });
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await w(page).locator('.hb-dir').getAttribute('data-view'), 'people');
});

test('the active filter lives in the fragment: reload, shared link, back button', async () => {
  const page = await open();
  await w(page).locator('[data-filter="unowned"]').click();
  await w(page).getByRole('tab', { name: 'By person' }).click();
  await w(page).locator('input[type="search"]').fill('license');
  const hash = await eventually(async () => {
    const h = await page.evaluate(() => location.hash);
    return h.includes('q=license') && h;
  }, { message: 'fragment' });
  assert.equal(hash, '#hb-programs=view=people;q=license;u');
  await page.reload();
  await mounted(page, '#programs');
  assert.equal(await w(page).locator('input[type="search"]').inputValue(), 'license');
  assert.equal(await w(page).locator('[data-filter="unowned"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await w(page).locator('.hb-dir').getAttribute('data-view'), 'people');
  // Typing replaced the history entry; the back button undoes the last real change (the view).
  await page.goBack();
  await eventually(async () => (await w(page).locator('.hb-dir').getAttribute('data-view')) === 'groups', { message: 'back' });
  const shared = await open('#hb-programs=p=vidhi');
  assert.equal(await status(shared), '4 of 13 programs match');
});
