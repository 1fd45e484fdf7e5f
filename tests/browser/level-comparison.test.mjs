// The level comparison as a reader uses it: picking, swapping, stepping, the ladder, keyboard,
// and the pair in the URL fragment surviving reload and following the back button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, mounted, eventually } from './harness.mjs';

const env = useBrowser();
const path = '/docs/handbook/product/hiring.html';

async function open(options, hash = '') {
  const page = await openPage(env.browser, `${env.url}${path}${hash}`, options);
  await mounted(page, '#gitlab-levels');
  await mounted(page, '#mm-levels');
  return page;
}

const pair = (page, id = '#gitlab-levels') =>
  page.locator(`${id} .hb-levels`).evaluate((el) => [el.dataset.left, el.dataset.right]);
const headers = (page, id = '#gitlab-levels') =>
  page.locator(`${id} thead th`).allTextContents();

test('the first two levels show side by side by default', async () => {
  const page = await open();
  assert.deepEqual(await pair(page), ['group-manager-product', 'director-product-management']);
  assert.deepEqual(await headers(page), ['Group Manager, Product (GMP)Grade 9.5', 'Director of Product ManagementGrade 10']);
  assert.equal(await page.evaluate(() => location.hash), '', 'the default pair writes nothing to the address');
  assert.deepEqual(page.uncaught, []);
});

test('picking either side with the selects', async () => {
  const page = await open();
  await page.locator('#gitlab-levels select[data-side="right"]').selectOption({ label: 'VP of Product Monetization' });
  assert.deepEqual(await pair(page), ['group-manager-product', 'vp-product-monetization']);
  await page.locator('#gitlab-levels select[data-side="left"]').selectOption({ label: 'Senior Director of Product Management' });
  assert.deepEqual(await pair(page), ['senior-director-product-management', 'vp-product-monetization']);
  assert.match(await page.locator('#gitlab-levels caption').textContent(), /Senior Director of Product Management compared with VP of Product Monetization/);
});

test('swap exchanges the sides; stepping moves both, and stops at the ends', async () => {
  const page = await open();
  const w = page.locator('#gitlab-levels');
  await w.locator('[data-action="swap"]').click();
  assert.deepEqual(await pair(page), ['director-product-management', 'group-manager-product']);
  await w.locator('[data-action="swap"]').click();
  await w.locator('[data-action="up"]').click();
  assert.deepEqual(await pair(page), ['director-product-management', 'senior-director-product-management']);
  await w.locator('[data-action="up"]').click();
  await w.locator('[data-action="up"]').click();
  assert.deepEqual(await pair(page), ['vp-product-management', 'vp-product-monetization']);
  assert.equal(await w.locator('[data-action="up"]').getAttribute('aria-disabled'), 'true');
  await w.locator('[data-action="up"]').click({ force: true }); // at the top: nothing moves
  assert.deepEqual(await pair(page), ['vp-product-management', 'vp-product-monetization']);
  await w.locator('[data-action="down"]').click();
  assert.deepEqual(await pair(page), ['senior-director-product-management', 'vp-product-management']);
});

test('clicking a level on the ladder compares it with the level it grows from', async () => {
  const page = await open();
  await page.locator('#gitlab-levels .hb-ladder__button', { hasText: 'Senior Director' }).click();
  assert.deepEqual(await pair(page), ['director-product-management', 'senior-director-product-management']);
  assert.equal(await page.locator('#gitlab-levels .hb-ladder__button[aria-current="true"]').count(), 2);
  assert.match(await page.locator('#gitlab-levels [role="status"]').textContent(), /Comparing Director of Product Management with Senior Director/);
});

test('everything works from the keyboard', async () => {
  const page = await open();
  const right = page.locator('#gitlab-levels select[data-side="right"]');
  await right.focus();
  await page.keyboard.press('ArrowDown'); // a focused, closed select changes value with the arrows
  assert.deepEqual(await pair(page), ['group-manager-product', 'senior-director-product-management']);
  await page.keyboard.press('Tab'); // → Swap
  await page.keyboard.press('Enter');
  assert.deepEqual(await pair(page), ['senior-director-product-management', 'group-manager-product']);
  await page.keyboard.press('Tab'); // → One level down
  await page.keyboard.press('Tab'); // → One level up
  await page.keyboard.press(' ');
  assert.deepEqual(await pair(page), ['vp-product-management', 'director-product-management']);
  const ladder = page.locator('#gitlab-levels .hb-ladder__button').nth(1);
  await ladder.focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await pair(page), ['group-manager-product', 'director-product-management']);
});

test('the pair lives in the fragment: a reload and a shared link open the same comparison', async () => {
  const page = await open();
  await page.locator('#gitlab-levels select[data-side="right"]').selectOption({ label: 'VP of Product Management' });
  const hash = await eventually(() => page.evaluate(() => location.hash), { message: 'fragment written' });
  assert.equal(hash, '#hb-gitlab-levels=group-manager-product~vp-product-management');
  await page.reload();
  await mounted(page, '#gitlab-levels');
  assert.deepEqual(await pair(page), ['group-manager-product', 'vp-product-management']);
  const shared = await open(undefined, '#hb-gitlab-levels=vp-product-monetization~director-product-management');
  assert.deepEqual(await pair(shared), ['vp-product-monetization', 'director-product-management']);
});

test('the back button returns to the previous pair', async () => {
  const page = await open();
  const w = page.locator('#gitlab-levels');
  await w.locator('[data-action="up"]').click();
  await w.locator('[data-action="up"]').click();
  assert.deepEqual(await pair(page), ['senior-director-product-management', 'vp-product-management']);
  await page.goBack();
  await eventually(async () => (await pair(page))[0] === 'director-product-management', { message: 'back one pair' });
  assert.deepEqual(await pair(page), ['director-product-management', 'senior-director-product-management']);
  await page.goBack();
  await eventually(async () => (await pair(page))[0] === 'group-manager-product', { message: 'back to the default' });
  await page.goForward();
  await eventually(async () => (await pair(page))[0] === 'director-product-management', { message: 'forward again' });
});

test('two ladders on one page keep their own pairs', async () => {
  const page = await open();
  await page.locator('#mm-levels [data-action="up"]').click();
  await page.locator('#gitlab-levels [data-action="swap"]').click();
  assert.deepEqual(await pair(page, '#mm-levels'), ['pm-2', 'senior-pm']);
  assert.deepEqual(await pair(page), ['director-product-management', 'group-manager-product']);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /hb-mm-levels=pm-2~senior-pm/);
  assert.match(hash, /hb-gitlab-levels=director-product-management~group-manager-product/);
  await page.reload();
  await mounted(page, '#mm-levels');
  await mounted(page, '#gitlab-levels');
  assert.deepEqual(await pair(page, '#mm-levels'), ['pm-2', 'senior-pm']);
  assert.deepEqual(await pair(page), ['director-product-management', 'group-manager-product']);
});

test('what is new is marked in words; the hiring process of each level is one click away', async () => {
  const page = await open();
  const w = page.locator('#gitlab-levels');
  assert.ok(await w.locator('td .hb-only', { hasText: 'Only in Director' }).count() >= 1);
  const stages = w.locator('.hb-compare__hiring td').nth(1);
  assert.match(await stages.textContent(), /7 stages, 5 h 15 min of interviews \(\+1 optional\)/);
  await stages.getByRole('button', { name: 'Show the stages' }).click();
  assert.equal(await stages.locator('.hb-hiring__stages li').count(), 8);
  assert.match(await stages.locator('.hb-hiring__stages').textContent(), /Final interview \(50 min\) \(optional\)/);
});

test('narrow containers stack the comparison; print keeps it side by side', async () => {
  const narrow = await open({ viewport: { width: 420, height: 900 } });
  const cells = narrow.locator('#gitlab-levels tbody tr').first().locator('td');
  const [a, b] = await cells.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(b.top >= a.bottom - 1, 'stacked');
  assert.equal(await cells.first().evaluate((el) => getComputedStyle(el, '::before').content), '"Group Manager"');
  await narrow.emulateMedia({ media: 'print' });
  const [c, d] = await cells.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  assert.ok(Math.abs(c.top - d.top) < 2 && d.left >= c.right - 1, 'side by side in print');
});
