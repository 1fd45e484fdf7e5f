// The gallery's playground, as a maintainer uses it: start from a preset or an example, edit
// the JSON and see the widget follow, see the widget's own error box with its line and
// column and go there, copy the mount for a page, and share the state through the address.
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { useBrowser, openPage, eventually, mounted, axePath } from './harness.mjs';

const env = useBrowser();

async function openPlayground(url = `${env.url}/gallery/index.html#playground`, options = {}) {
  const page = await openPage(env.browser, url, options);
  await mounted(page, '#playground-preview');
  return page;
}

/** The preview's text, inside its shadow root. */
function previewText(page) {
  return page.locator('#playground-preview').evaluate((m) => m.shadowRoot.textContent);
}

test('playground: starts from the first example, and the widget follows the JSON as one types', async () => {
  const page = await openPlayground();
  const editor = page.locator('#pg-json');
  const first = JSON.parse(await editor.inputValue());
  assert.equal(first.title, 'Mattermost: Product Manager hiring process');
  assert.equal(await page.locator('#pg-widget').inputValue(), 'hiring-timeline');
  assert.match(await page.locator('#pg-status').textContent(), /^Valid/);
  // An edit shows in the preview without anything else done.
  first.title = 'Our own hiring process';
  await editor.fill(JSON.stringify(first, null, 2));
  await eventually(async () => (await previewText(page)).includes('Our own hiring process'), { message: 'the preview follows' });
  // Typing, key by key, too: a character that breaks the JSON, then one that mends it.
  await editor.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(',');
  await mounted(page, '#playground-preview', 'error');
  assert.match(await page.locator('#pg-status').textContent(), /^Line \d+, column \d+: Malformed JSON/);
  await page.keyboard.press('Backspace');
  await mounted(page, '#playground-preview');
  assert.deepEqual(page.uncaught, []);
});

test('playground: the error box has the line and column, and the button goes there', async () => {
  const page = await openPlayground();
  const text = '{\n  "title": "T",\n  "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call", "minutes": "fifty" }] }]\n}';
  await page.locator('#pg-json').fill(text);
  await mounted(page, '#playground-preview', 'error');
  // The widget's own box, as on a page.
  const alert = page.locator('#playground-preview [role="alert"]');
  assert.match(await alert.textContent(), /Wrong data shape.*Position\s*line 3, column 84/s);
  const status = page.locator('#pg-status');
  assert.equal(await status.textContent(), 'Line 3, column 84: Wrong data shape: invalid type: string "fifty", expected u32');
  assert.equal(await status.getAttribute('role'), 'status');
  const jump = page.locator('#pg-jump');
  assert.equal(await jump.isVisible(), true);
  // By keyboard: the button is reachable and goes to the value at fault.
  await jump.focus();
  await page.keyboard.press('Enter');
  const selection = await page.locator('#pg-json').evaluate((t) => ({
    focused: document.activeElement === t,
    at: t.selectionStart,
    text: t.value.slice(t.selectionStart, t.selectionStart + 7),
  }));
  assert.deepEqual(selection, { focused: true, at: text.indexOf('"fifty"'), text: '"fifty"' });
  // Mended, the button goes away.
  await page.locator('#pg-json').fill(text.replace('"fifty"', '50'));
  await mounted(page, '#playground-preview');
  assert.equal(await jump.isVisible(), false);
});

test('playground: any example or preset is a start, with its widget', async () => {
  const page = await openPlayground();
  const start = page.locator('#pg-start');
  const options = await start.locator('option').evaluateAll((os) => os.map((o) => o.textContent));
  // Every example on the page: the six preset ones, the five data-src ones, the two inline ones
  // (one of them the bad data).
  assert.equal(options.length, 13);
  assert.ok(options.some((o) => o.includes('(preset mattermost-program-management)')));
  assert.ok(options.some((o) => o.includes('(examples/engineering-ladder.json)')));
  await start.selectOption({ label: options.find((o) => o.includes('engineering-ladder')) });
  await eventually(async () => (await page.locator('#pg-widget').inputValue()) === 'level-comparison', { message: 'the widget follows the start' });
  await mounted(page, '#playground-preview');
  assert.equal(await page.locator('#playground-preview').getAttribute('data-hb-widget'), 'level-comparison');
  assert.match(await previewText(page), /Engineering career framework|Staff/);
  // The widget can be changed by hand: this data is not an owner directory's.
  await page.locator('#pg-widget').selectOption('owner-directory');
  await mounted(page, '#playground-preview', 'error');
  assert.match(await page.locator('#pg-status').textContent(), /unknown field|missing field/);
});

test('playground: the embed snippet, inline or as a data file, and its copy button', async () => {
  const page = await openPlayground(undefined, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  const json = '{ "title": "Hiring </script> notes", "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call" }] }] }';
  await page.locator('#pg-json').fill(json);
  await mounted(page, '#playground-preview');
  const snippet = page.locator('#pg-snippet');
  assert.equal(
    await snippet.textContent(),
    '<div data-hb-widget="hiring-timeline">\n  <script type="application/json">\n    { "title": "Hiring \\u003c/script> notes", "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call" }] }] }\n  </script>\n</div>',
  );
  // The snippet, pasted into a page, mounts the same widget.
  const pasted = await page.evaluate((html) => {
    const host = document.createElement('div');
    host.innerHTML = html;
    return JSON.parse(host.querySelector('script').textContent).title;
  }, await snippet.textContent());
  assert.equal(pasted, 'Hiring </script> notes');
  await page.locator('input[name="embed"][value="src"]').check();
  await page.locator('#pg-path').fill('/handbook/data/hiring.json');
  assert.equal(await snippet.textContent(), '<div data-hb-widget="hiring-timeline" data-src="/handbook/data/hiring.json"></div>');
  await page.locator('.playground .snippet button').click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await snippet.textContent());
});

test('playground: the address carries the state, and a shared link opens it', async () => {
  const page = await openPlayground();
  const text = '{ "id": "shared", "title": "Shared plan", "phases": [{ "id": "p", "title": "Day one", "items": [{ "text": "Say hello" }] }] }';
  await page.locator('#pg-widget').selectOption('onboarding-checklist');
  await page.locator('#pg-json').fill(text);
  await mounted(page, '#playground-preview');
  const url = await eventually(async () => {
    const href = await page.evaluate(() => location.href);
    return href.includes('play=') && href.endsWith('#playground') && href;
  }, { message: 'the address has the state' });
  const other = await openPlayground(url);
  assert.equal(await other.locator('#pg-json').inputValue(), text);
  assert.equal(await other.locator('#pg-widget').inputValue(), 'onboarding-checklist');
  assert.equal(await other.locator('#pg-start').inputValue(), 'link');
  assert.match(await previewText(other), /Shared plan.*Say hello/s);
  // A link whose state is damaged says so and starts from the first example.
  const broken = await openPlayground(`${env.url}/gallery/index.html?play=z%21%21#playground`);
  assert.equal(await broken.locator('#pg-shared').textContent(), 'The playground data in this link could not be read; the first example is shown instead.');
  assert.equal(JSON.parse(await broken.locator('#pg-json').inputValue()).title, 'Mattermost: Product Manager hiring process');
  assert.deepEqual([...page.uncaught, ...other.uncaught, ...broken.uncaught], []);
});

/** A share link holding `text` as the playground writes it, deflated or not. */
const linkTo = (text, deflate = false) =>
  `${env.url}/gallery/index.html?play=${deflate ? 'z' : 't'}${(deflate ? deflateRawSync(Buffer.from(text)) : Buffer.from(text)).toString('base64url')}#playground`;

test('playground: a link naming something other than a widget is refused, and nothing of it reaches the snippet', async () => {
  const json = '{ "title": "T", "variants": [{ "id": "a", "label": "A", "stages": [{ "title": "Call" }] }] }';
  for (const name of [
    'hiring-timeline"><img src=x onerror=window.ran=1>',
    '<script>window.ran=1</script>',
    "level-comparison' onmouseover='window.ran=1",
    'hiring-timeline" data-src="https://evil.example/x.json',
    'owner-directory\u0000',
    'Hiring-Timeline',
  ]) {
    const page = await openPlayground(linkTo(`${name}\n${json}`));
    assert.match(await page.locator('#pg-shared').textContent(), /names a widget this playground does not have/, name);
    assert.ok(['hiring-timeline', 'level-comparison', 'owner-directory', 'onboarding-checklist'].includes(await page.locator('#pg-widget').inputValue()));
    for (const embed of ['inline', 'src']) {
      await page.locator(`input[name="embed"][value="${embed}"]`).check();
      const snippet = await page.locator('#pg-snippet').textContent();
      assert.ok(!snippet.includes('onerror') && !snippet.includes('window.ran') && !snippet.includes('evil'), `${name} (${embed}): ${snippet.slice(0, 120)}`);
    }
    assert.equal(await page.evaluate(() => window.ran), undefined);
    assert.deepEqual(page.uncaught, []);
    await page.close();
  }
  // A link without a newline is a widget name alone: all of it.
  const bare = await openPage(env.browser, linkTo('level-comparison'));
  await eventually(async () => (await bare.locator('#pg-widget').inputValue()) === 'level-comparison', { message: 'the whole name' });
  assert.equal(await bare.locator('#pg-json').inputValue(), '');
});

test('playground: the snippet pasted into a page runs nothing and swallows nothing, whatever the JSON holds', async () => {
  const page = await openPlayground();
  const title = 'a <!--<script> b </script><img src=x onerror=window.ran=1> c <SCRIPT>window.ran=2</SCRIPT>';
  const json = JSON.stringify({ title, variants: [{ id: 'a', label: 'A', stages: [{ title: 'Call' }] }] }, null, 2);
  await page.locator('#pg-json').fill(json);
  await mounted(page, '#playground-preview');
  const inline = await page.locator('#pg-snippet').textContent();
  await page.locator('input[name="embed"][value="src"]').check();
  const path = 'data/x.json" onmouseover="window.ran=3';
  await page.locator('#pg-path').fill(path);
  const src = await page.locator('#pg-snippet').textContent();
  // Pasted into a page, as a maintainer would: the parser reads the whole snippet as one
  // mount, its JSON as the same data, and the rest of the page survives.
  const host = await openPage(env.browser, null);
  await host.setContent(`<!doctype html><body>${inline}\n${src}\n<p id="after">The rest of the page</p></body>`);
  const read = await host.evaluate(() => ({
    mounts: [...document.querySelectorAll('[data-hb-widget]')].map((m) => m.getAttribute('data-hb-widget')),
    title: JSON.parse(document.querySelector('[data-hb-widget] > script').textContent).title,
    src: document.querySelectorAll('[data-hb-widget]')[1]?.getAttribute('data-src'),
    after: document.getElementById('after')?.textContent,
    images: document.images.length,
    ran: window.ran,
  }));
  assert.deepEqual(read, { mounts: ['hiring-timeline', 'hiring-timeline'], title, src: path, after: 'The rest of the page', images: 0, ran: undefined });
  assert.deepEqual([...page.uncaught, ...host.uncaught], []);
});

test('playground: a link past the size limits is refused before, or while, it inflates', async () => {
  // Over 512 KB of address: refused before anything is decoded.
  const long = await openPlayground(linkTo(`hiring-timeline\n${'x'.repeat(600 * 1024)}`));
  assert.match(await long.locator('#pg-shared').textContent(), /over 512 KB/);
  // A deflate bomb: 300 KB of link that inflates to 300 MB, stopped at 2 MB.
  const bomb = linkTo(`hiring-timeline\n${' '.repeat(300 * 1024 * 1024)}`, true);
  assert.ok(bomb.length < 512 * 1024, `${bomb.length} characters`);
  const page = await openPlayground(bomb);
  assert.match(await page.locator('#pg-shared').textContent(), /inflates to more than 2 MB/);
  // The playground works on, from the first example.
  assert.equal(JSON.parse(await page.locator('#pg-json').inputValue()).title, 'Mattermost: Product Manager hiring process');
  assert.deepEqual([...long.uncaught, ...page.uncaught], []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`playground: no WCAG 2.2 AA violations found by axe-core (${colorScheme})`, async () => {
    const page = await openPlayground(undefined, { context: { colorScheme } });
    await page.locator('#pg-json').fill('{ "title": 5 }');
    await mounted(page, '#playground-preview', 'error');
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() =>
      window.axe.run('#playground', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
    assert.ok(result.passes.length > 5, 'axe ran its checks');
  });
}
