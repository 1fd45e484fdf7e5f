// Widgets written as fenced code blocks, in headless Chromium, in the markup each site
// generator's Markdown renderer and highlighter writes (tests/fixtures/host/product/fences.html):
// each mounts from the code's text on the highlighter's own wrapper, whose nodes stay as the
// framework left them; a front matter sets options or names a preset; a broken one says so in
// place; a fence added later mounts; other code blocks are left alone.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, eventually } from './harness.mjs';
import { FENCES, buildSite } from './prerendered-site.mjs';

const env = useBrowser();
before(buildSite);
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
      'plain: div.hb-fence hiring-timeline ready',
      'hugo: div.highlight owner-directory ready',
      'material: div.language-level-comparison level-comparison ready',
      'docusaurus: div.language-onboarding-checklist onboarding-checklist ready',
      'vitepress: div.language-hiring-timeline hiring-timeline ready',
      'sphinx: div.highlight-hiring-timeline hiring-timeline ready',
      'broken: div.hb-fence owner-directory error',
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

/** Each section's element with a shadow root (the widget's host) and what it shows. */
const shadowHosts = (page) => page.evaluate(() => [...document.querySelectorAll('main > section')].map((s) => {
  const host = [...s.querySelectorAll('*')].find((el) => el.shadowRoot);
  const code = s.querySelector('pre');
  return {
    section: s.id,
    host: host ? `${host.tagName.toLowerCase()}.${host.className.split(' ')[0]}` : null,
    text: host?.shadowRoot.querySelector('.hb-widget')?.textContent.replace(/\s+/g, ' ').slice(0, 40) ?? null,
    codeShown: code.getBoundingClientRect().height > 0,
  };
}));

test('pre-rendered fences read with JavaScript off, and hydrate on the same wrapper without a fetch', async () => {
  const off = await openPage(env.browser, null, { context: { javaScriptEnabled: false } });
  await off.goto(`${env.url}${FENCES}`);
  const expected = [
    ['plain', 'div.hb-fence', /^Fence hiring/],
    ['hugo', 'div.highlight', /^Fence owners/],
    ['material', 'div.language-level-comparison', /Product Manager/],
    ['docusaurus', 'div.language-onboarding-checklist', /^Fence plan/],
    ['vitepress', 'div.language-hiring-timeline', /^VitePress hiring/],
    ['sphinx', 'div.highlight-hiring-timeline', /^Sphinx hiring/],
  ];
  const still = await shadowHosts(off);
  for (const [section, host, text] of expected) {
    const found = still.find((h) => h.section === section);
    assert.equal(found.host, host, section);
    assert.match(found.text, text, section);
    assert.equal(found.codeShown, false, `${section}: the widget shows, not its code`);
  }
  assert.deepEqual(still.find((h) => h.section === 'other'), { section: 'other', host: null, text: null, codeShown: true });

  const page = await openPage(env.browser, null);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.firstNodes = [...document.querySelectorAll('main > section')].map((s) => [...s.querySelectorAll('*')].find((el) => el.shadowRoot)?.shadowRoot.querySelector('.hb-widget'));
  }));
  const fetchedBefore = env.requests.length;
  await page.goto(`${env.url}${FENCES}`);
  await eventually(async () => (await hosts(page)).filter((h) => h.state === 'ready').length === 6, { message: 'six fences hydrated' });
  assert.deepEqual(warnings, [], 'no widget was rendered afresh');
  // The very elements the browser parsed are the live widgets', on the wrappers prerender chose.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('main > section')].slice(0, 6).map((s, i) =>
    Boolean(window.firstNodes[i]) && s.querySelector('[data-hb-fence]')?.shadowRoot?.querySelector('.hb-widget') === window.firstNodes[i])), [true, true, true, true, true, true]);
  assert.deepEqual(env.requests.slice(fetchedBefore).filter((p) => p.endsWith('.json')), [], 'the preset came with the page');
  const tab = page.locator('#vitepress [role="tab"]').nth(0);
  if (await tab.count()) await tab.click();
  assert.deepEqual(page.uncaught, []);
});
