// Widgets written as fenced code blocks, in headless Chromium, in the markup each site
// generator's Markdown renderer and highlighter writes (tests/fixtures/host/product/fences.html):
// each mounts from the code's text on the highlighter's own wrapper, whose nodes stay as the
// framework left them; a front matter sets options or names a preset; a broken one says so in
// place; a fence added later mounts; other code blocks are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, eventually } from './harness.mjs';

const env = useBrowser();
const PAGE = '/docs/handbook/product/fences.html';

/** Each section's host (the element with data-hb-fence), its widget, state and text. */
const hosts = (page) => page.evaluate(() => [...document.querySelectorAll('main > section')].map((s) => {
  const host = s.querySelector('[data-hb-fence]');
  return {
    section: s.id,
    tag: host?.tagName.toLowerCase(),
    class: host?.className,
    widget: host?.getAttribute('data-hb-fence'),
    state: host?.getAttribute('data-hb-state'),
    text: host?.shadowRoot?.textContent.replace(/\s+/g, ' ').slice(0, 2000),
  };
}));

test('a fenced code block in the markup of each generator is a widget, on the highlighter\'s own wrapper', async () => {
  const page = await openPage(env.browser, null);
  // The light DOM of every section as the server sent it.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.before = Object.fromEntries([...document.querySelectorAll('main > section')].map((s) => [s.id, s.innerHTML]));
  }));
  await page.goto(`${env.url}${PAGE}`);
  await eventually(async () => (await hosts(page)).filter((h) => h.state === 'ready' || h.state === 'error').length === 7, { message: 'seven fences settled' });
  const found = await hosts(page);
  const by = Object.fromEntries(found.map((h) => [h.section, h]));
  assert.deepEqual(
    found.map((h) => `${h.section}: ${h.tag}.${h.class?.split(' ')[0] ?? ''} ${h.widget} ${h.state}`),
    [
      'plain: div. hiring-timeline ready',
      'hugo: div.highlight owner-directory ready',
      'material: div.language-level-comparison level-comparison ready',
      'docusaurus: div.language-onboarding-checklist onboarding-checklist ready',
      'vitepress: div.language-hiring-timeline hiring-timeline ready',
      'sphinx: div.highlight-hiring-timeline hiring-timeline ready',
      'broken: div. owner-directory error',
      'other: undefined. undefined undefined',
    ],
  );
  // Read from the code's text, never its HTML: the stage titled "Call with <b>us</b>" keeps
  // its tags as text.
  assert.match(by.plain.text, /Fence hiring.*Call with <b>us<\/b>/);
  assert.match(by.hugo.text, /Fence owners.*Swag/);
  assert.match(by.material.text, /Product Manager/, 'the preset the front matter names');
  assert.match(by.docusaurus.text, /Fence plan.*Say hello/, 'Prism writes each line as a span ending in <br>');
  assert.match(by.vitepress.text, /VitePress hiring/);
  assert.match(by.sphinx.text, /Sphinx hiring/);
  assert.match(by.broken.text, /`colour` is not an option of a widget fence.*line 2.*the fence's front matter/);
  // The front matter's id is the widget's key (its entry in the address) and the host's id.
  assert.equal(await page.evaluate(() => document.querySelector('#material [data-hb-fence]').id), 'material-levels');
  // Wrappers keep every node the framework wrote; a bare pre is hidden, the widget before it.
  const after = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('main > section')].map((s) => [s.id, s.innerHTML])));
  const before = await page.evaluate(() => window.before);
  for (const id of ['hugo', 'material', 'docusaurus', 'vitepress', 'sphinx', 'other']) {
    assert.equal(after[id].replace(/ data-hb-(fence|mounted|state)="[^"]*"| id="material-levels"/g, ''), before[id], id);
  }
  assert.equal(await page.evaluate(() => document.querySelector('#plain pre').hidden), true);
  assert.equal(await page.evaluate(() => document.querySelector('#plain pre').previousElementSibling.hasAttribute('data-hb-fence')), true);
  // The widgets work: a tab of the VitePress one.
  await page.locator('#vitepress [role="tab"]').first().click().catch(() => {});
  assert.deepEqual(page.uncaught, []);
});

test('a fence a client-side router adds later mounts, once', async () => {
  const page = await openPage(env.browser, `${env.url}${PAGE}`);
  await eventually(async () => (await hosts(page)).filter((h) => h.state).length === 7, { message: 'the page settled' });
  await page.evaluate(() => {
    const section = document.createElement('section');
    section.id = 'later';
    section.innerHTML = '<div class="language-hiring-timeline vp-adaptive-theme"><pre class="shiki"><code><span class="line"><span>---</span></span>\n<span class="line"><span>preset: flowfuse-pm-hiring</span></span>\n<span class="line"><span>---</span></span></code></pre></div>';
    document.querySelector('main').append(section);
  });
  await eventually(async () => (await hosts(page)).find((h) => h.section === 'later')?.state === 'ready', { message: 'the later fence mounted' });
  assert.match((await hosts(page)).find((h) => h.section === 'later').text, /FlowFuse/);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#later [data-hb-fence]').length), 1);
  assert.deepEqual(page.uncaught, []);
});
