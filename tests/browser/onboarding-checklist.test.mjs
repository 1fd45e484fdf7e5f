// The onboarding checklist as a new hire uses it: ticking by mouse and keyboard, progress that
// survives a reload and follows other tabs, storage that throws, reset, start date and export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openPage, mounted, eventually, launchWithProfile } from './harness.mjs';

const env = useBrowser();
const url = () => `${env.url}/docs/handbook/product/hiring.html`;
const KEY = 'handbook-widgets:onboarding-checklist:mattermost-pm-onboarding';

async function open(options) {
  const page = await openPage(env.browser, url(), options);
  await mounted(page, '#onboarding');
  return page;
}

const w = (page) => page.locator('#onboarding');
const progressText = (page) => w(page).locator('.hb-progress__text').textContent();
const item = (page, text) => w(page).locator('li.hb-item', { has: page.locator(`:scope > .hb-item__row label`, { hasText: text }) }).first();
const box = (page, text) => item(page, text).locator(':scope > .hb-item__row input[type="checkbox"]');

test('ticking by mouse: a real checkbox, the parent shows mixed, progress is announced', async () => {
  const page = await open();
  assert.equal(await progressText(page), '0 of 117 done (0%)');
  await box(page, 'Add to meetings').click();
  assert.equal(await box(page, 'Add to meetings').isChecked(), true);
  const parent = box(page, 'Meet with Manager');
  assert.equal(await parent.evaluate((el) => el.indeterminate), true);
  assert.equal(await parent.getAttribute('aria-checked'), 'mixed');
  assert.equal(await progressText(page), '1 of 117 done (0%)');
  assert.equal(await w(page).locator('.hb-progress').getAttribute('role'), 'status');
  assert.match(await w(page).locator('.hb-phase[data-phase="first-day"] .hb-phase__count').textContent(), /1 of 11 done/);
  // A parent's checkbox ticks its whole subtree, and clears it again.
  await parent.click();
  assert.equal(await item(page, 'Meet with Manager').getAttribute('data-state'), 'done');
  assert.equal(await progressText(page), '6 of 117 done (5%)');
  await parent.click();
  assert.equal(await progressText(page), '0 of 117 done (0%)');
  assert.deepEqual(page.uncaught, []);
});

test('ticking and "not applicable" by keyboard', async () => {
  const page = await open();
  await box(page, 'First day projects').focus();
  await page.keyboard.press('Space');
  assert.equal(await box(page, 'First day projects').isChecked(), true);
  await page.keyboard.press('Tab'); // → its N/A switch
  await page.keyboard.press('Tab'); // → next item's checkbox
  await page.keyboard.press('Tab'); // → its N/A switch
  await page.keyboard.press('Enter');
  const na = item(page, 'Set up 1-1 times and create 1-1 doc');
  assert.equal(await na.getAttribute('data-state'), 'not-applicable');
  assert.equal(await progressText(page), '1 of 116 done (0%)', 'N/A leaves the item out of the count');
});

test('ticks survive a reload, in a versioned record', async () => {
  const page = await open();
  await box(page, 'Learn about team').click();
  await box(page, 'Add to team meetings').click();
  await page.reload();
  await mounted(page, '#onboarding');
  assert.equal(await box(page, 'Learn about team').isChecked(), true);
  assert.equal(await progressText(page), '2 of 117 done (1%)');
  const record = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
  assert.equal(record.version, 1);
  assert.equal(Object.values(record.ticks).filter((m) => m === 'done').length, 2);
  // Ticks for items that no longer exist are ignored.
  await page.evaluate((k) => {
    const r = JSON.parse(localStorage.getItem(k));
    r.ticks['first-day-gone'] = 'done';
    localStorage.setItem(k, JSON.stringify(r));
  }, KEY);
  await page.reload();
  await mounted(page, '#onboarding');
  assert.equal(await progressText(page), '2 of 117 done (1%)');
});

for (const [name, script, reason] of [
  ['blocked', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }), /operation is insecure/],
  ['full', () => { Storage.prototype.setItem = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); }; }, /quota has been exceeded/],
]) {
  test(`storage that throws (${name}): the checklist works and says progress will not be saved`, async () => {
    const context = await env.browser.newContext();
    await context.addInitScript(script);
    const page = await context.newPage();
    const uncaught = [];
    page.on('pageerror', (e) => uncaught.push(String(e)));
    await page.goto(url());
    await mounted(page, '#onboarding');
    await box(page, 'Add to meetings').click();
    assert.equal(await box(page, 'Add to meetings').isChecked(), true);
    assert.equal(await progressText(page), '1 of 117 done (0%)');
    const notice = w(page).locator('[data-notice="unsaved"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Progress will not be saved/);
    assert.match(await notice.textContent(), reason);
    assert.deepEqual(uncaught, []);
    await context.close();
  });
}

test('a tick in one tab shows in another open tab', async () => {
  const context = await env.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  await a.goto(url());
  await b.goto(url());
  await mounted(a, '#onboarding');
  await mounted(b, '#onboarding');
  await box(a, 'Get accounts set up').click();
  await eventually(() => box(b, 'Get accounts set up').isChecked(), { message: 'the other tab follows' });
  assert.equal(await progressText(b), '1 of 117 done (0%)');
  await context.close();
});

/** Puts `text` in storage as this checklist's record, then reloads so the widget reads it. */
async function withSaved(page, text) {
  await page.evaluate(([k, t]) => localStorage.setItem(k, t), [KEY, text]);
  await page.reload();
  await mounted(page, '#onboarding');
}

const saved = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

for (const [kind, text, reason] of [
  ['newer', '{"version":2,"ticks":{"first-day-x":"done"},"kept":["by a newer bundle"]}', /saved by a newer version of the handbook widgets \(record format 2; this page's version reads format 1\)/],
  ['damaged', '{"version":1,"ticks":{"first-day-x":"do', /it is damaged \(EOF while parsing/],
  ['wrong shape', '{"version":1,"ticks":["first-day-x"]}', /it is damaged \(invalid type: sequence, expected a map/],
]) {
  test(`saved progress this version cannot read (${kind}) is named and never touched`, async () => {
    const page = await open();
    await withSaved(page, text);
    const notice = w(page).locator('[data-notice="unreadable"]');
    assert.match(await notice.textContent(), /Saved progress is not shown/);
    assert.match(await notice.textContent(), reason);
    assert.equal(await notice.getAttribute('role'), 'status');
    assert.equal(await w(page).locator('.hb-checklist').getAttribute('data-saving'), 'off');
    assert.equal(await progressText(page), '0 of 117 done (0%)');
    // Ticking works for the visit but is not saved over the record, then or after a reload.
    await box(page, 'Add to meetings').click();
    assert.equal(await progressText(page), '1 of 117 done (0%)');
    await page.waitForTimeout(200);
    assert.equal(await saved(page), text);
    await page.reload();
    await mounted(page, '#onboarding');
    assert.equal(await saved(page), text);
    assert.equal(await progressText(page), '0 of 117 done (0%)');
    // Only resetting, on purpose and after a warning, replaces it.
    await w(page).locator('[data-action="reset"]').click();
    assert.match(await w(page).locator('[role="alertdialog"]').textContent(), /saved progress this page cannot read is deleted too/);
    await w(page).locator('[data-action="confirm-reset"]').click();
    await eventually(async () => (await saved(page)) === null, { message: 'the record removed' });
    assert.equal(await notice.count(), 0);
    await box(page, 'Add to meetings').click();
    await eventually(async () => JSON.parse(await saved(page))?.version === 1, { message: 'saving again' });
    assert.deepEqual(page.uncaught, []);
  });
}

test('a record another tab saves in a newer format: this tab keeps its ticks and stops saving', async () => {
  const context = await env.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  a.uncaught = [];
  a.on('pageerror', (e) => a.uncaught.push(String(e)));
  await a.goto(url());
  await b.goto(url());
  await mounted(a, '#onboarding');
  await mounted(b, '#onboarding');
  await box(a, 'Add to meetings').click();
  await box(a, 'Get accounts set up').click();
  // A newer bundle in the other tab writes its own format.
  const newer = '{"version":3,"ticks":{"elsewhere":"done"}}';
  await b.evaluate(([k, t]) => localStorage.setItem(k, t), [KEY, newer]);
  const notice = w(a).locator('[data-notice="unreadable"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /record format 3/);
  assert.equal(await progressText(a), '2 of 117 done (1%)');
  await box(a, 'Learn about team').click();
  assert.equal(await progressText(a), '3 of 117 done (2%)');
  await a.waitForTimeout(200);
  assert.equal(await saved(a), newer);
  assert.deepEqual(a.uncaught, []);
  await context.close();
});

test('item ids that differ only in case or punctuation each get their own checkbox', async () => {
  const page = await open();
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'ids';
    el.setAttribute('data-hb-widget', 'onboarding-checklist');
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ id: 'ids', title: 'Ids', phases: [
      { id: 'week one', title: 'Week one', items: [{ id: 'Step.1', text: 'First' }, { id: 'step-1', text: 'Second' }, { id: 'STEP 1', text: 'Third' }] },
      { id: 'Week-One', title: 'Week one again', items: [{ id: 'step_1', text: 'Fourth' }] },
    ] });
    el.append(script);
    document.querySelector('main').append(el);
  });
  await mounted(page, '#ids');
  const ids = page.locator('#ids');
  const ticked = () => ids.locator('input[type="checkbox"]').evaluateAll((boxes) => boxes.map((b) => b.checked));
  await ids.locator('label', { hasText: 'Second' }).click();
  assert.deepEqual(await ticked(), [false, true, false, false]);
  await ids.locator('label', { hasText: 'Fourth' }).click();
  assert.deepEqual(await ticked(), [false, true, false, true]);
  // Every element id in the widget is unique, and every label and disclosure points at one.
  const report = await page.evaluate(() => {
    const root = document.getElementById('ids').shadowRoot;
    const ids = [...root.querySelectorAll('[id]')].map((el) => el.id);
    const refs = [...root.querySelectorAll('label[for], [aria-controls]')]
      .map((el) => el.getAttribute('for') ?? el.getAttribute('aria-controls'));
    return { duplicates: ids.filter((id, i) => ids.indexOf(id) !== i), dangling: refs.filter((r) => !root.getElementById(r)) };
  });
  assert.deepEqual(report, { duplicates: [], dangling: [] });
});

test('reset asks first, then clears everything', async () => {
  const page = await open();
  await box(page, 'Add to meetings').click();
  await w(page).locator('[data-action="reset"]').click();
  const dialog = w(page).locator('[role="alertdialog"]');
  assert.match(await dialog.textContent(), /Reset all progress/);
  await w(page).locator('[data-action="cancel-reset"]').click();
  assert.equal(await dialog.count(), 0);
  assert.equal(await progressText(page), '1 of 117 done (0%)');
  await w(page).locator('[data-action="reset"]').click();
  await w(page).locator('[data-action="confirm-reset"]').click();
  assert.equal(await progressText(page), '0 of 117 done (0%)');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
});

test('a start date gives due dates and marks the current and overdue phases', async () => {
  const page = await open();
  const start = await page.evaluate(() => {
    const d = new Date(Date.now() - 3 * 864e5);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await w(page).locator('input[type="date"]').fill(start);
  const timing = (id) => w(page).locator(`.hb-phase[data-phase="${id}"]`).getAttribute('data-timing');
  await eventually(async () => (await timing('first-day')) === 'overdue', { message: 'first day overdue' });
  assert.equal(await timing('first-week'), 'current');
  assert.equal(await timing('first-30-days'), 'upcoming');
  assert.match(await w(page).locator('.hb-phase[data-phase="first-day"] .hb-phase__toggle').textContent(), /Overdue.*Due \d{4}-\d\d-\d\d/);
  await page.reload();
  await mounted(page, '#onboarding');
  assert.equal(await w(page).locator('input[type="date"]').inputValue(), start);
});

test('collapse, expand and hide done items', async () => {
  const page = await open();
  await w(page).locator('[data-action="collapse"]').click();
  assert.equal(await w(page).locator('.hb-phase__body:visible').count(), 0);
  const toggle = w(page).locator('.hb-phase[data-phase="first-week"] .hb-phase__toggle');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await w(page).locator('[data-action="expand"]').click();
  assert.equal(await w(page).locator('.hb-phase__body:visible').count(), 5);
  await box(page, 'Add to meetings').click();
  await w(page).locator('[data-action="hide-done"]').click();
  assert.equal(await item(page, 'Add to meetings').isVisible(), false);
  assert.equal(await item(page, 'Get accounts set up').isVisible(), true);
});

test('export: a nested Markdown task list, by copy and by download', async () => {
  const page = await open({ context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await box(page, 'Add to meetings').click();
  await w(page).locator('[data-action="export"]').click();
  const text = await w(page).locator('textarea').inputValue();
  assert.match(text, /^# Mattermost: Product Manager onboarding\n\n## First Day \(1\/11\)\n\n- \[ \] Meet with Manager\n  - \[ \] Company org overview\n/);
  assert.match(text, /\n  - \[x\] Add to meetings\n/);
  assert.match(text, /\n## First 90 Days \(0\/3\)\n/);
  await w(page).locator('[data-action="copy"]').click();
  await eventually(async () => (await w(page).locator('.hb-export__status').textContent()) === 'Copied', { message: 'copied' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  const [download] = await Promise.all([page.waitForEvent('download'), w(page).locator('[data-action="download"]').click()]);
  assert.equal(download.suggestedFilename(), 'mattermost-pm-onboarding.md');
  assert.equal(await readFile(await download.path(), 'utf8'), text);
});

test('tick through a week, close the browser, come back: the progress is there', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'hb-profile-'));
  let browser = await launchWithProfile(profile);
  let page = await browser.newPage();
  await page.goto(url());
  await mounted(page, '#onboarding');
  const week = w(page).locator('.hb-phase[data-phase="first-week"]');
  await week.locator('li.hb-item', { hasText: 'Customer Obsession' }).first().locator(':scope > .hb-item__row input').click();
  const done = await progressText(page);
  assert.notEqual(done, '0 of 117 done (0%)');
  await browser.close();

  browser = await launchWithProfile(profile);
  page = await browser.newPage();
  await page.goto(url());
  await mounted(page, '#onboarding');
  assert.equal(await progressText(page), done);
  await browser.close();
});

test('print shows every phase, even collapsed ones, without the controls', async () => {
  const page = await open();
  await w(page).locator('[data-action="collapse"]').click();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await w(page).locator('.hb-phase__body:visible').count(), 5);
  assert.equal(await w(page).locator('.hb-checklist__tools').isVisible(), false);
  assert.equal(await w(page).locator('.hb-item__na:visible').count(), 0);
});
