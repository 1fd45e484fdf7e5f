// Real site generators, as a maintainer meets them: each generator's example site
// (integrations/<generator>/example/) set up as the README's recipe says (the integration's
// files beside it, the bundle in its static folder), built by the generator itself, whose build
// pre-renders the widgets through the integration; then served and read in headless Chromium:
// with JavaScript off the widgets are there, with it they hydrate in place, and a client-side
// navigation to a page mounts its widgets.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openPage, eventually } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SITES = join(root, 'target/sites');
const env = useBrowser();

/** Each generator: the commands that build its example (run in the copied example), its
 *  sources `check` reads and how many widgets it finds there, where the bundle goes, the
 *  integration's files and where they go in the site, the built pages with their widgets,
 *  and the link (selector, text) from the first page to the second that the generator's
 *  client-side router follows (none for sites of plain pages). */
const python = (program) => join(root, 'tools/python/bin', program);
const home = ['owner-directory', 'level-comparison'];
const hiring = ['hiring-timeline', 'onboarding-checklist'];
const GENERATORS = {
  hugo: {
    // check sees the fences; the shortcodes' data is checked when prerender reads the built pages.
    sources: [['content'], 1],
    // Hugo has no hook after a build: the recipe runs prerender after it.
    build: [['hugo', []], ['handbook-widgets', ['prerender', 'public', '--strict']]],
    bundle: 'static/widgets/v1',
    files: [['layouts', 'layouts']],
    out: 'public',
    pages: { '': home, 'hiring/': hiring },
  },
  mkdocs: {
    sources: [['docs'], 4],
    build: [[python('mkdocs'), ['build', '--strict']]],
    bundle: 'docs/widgets/v1',
    files: [['handbook_widgets.py', 'handbook_widgets.py']],
    out: 'site',
    pages: { '': home, 'hiring/': hiring },
    // Material's instant loading.
    link: ['.md-content a', 'how we hire'],
  },
  docusaurus: {
    sources: [['docs'], 4],
    build: [['node_modules/.bin/docusaurus', ['build']]],
    bundle: 'static/widgets/v1',
    files: [['handbook-widgets.mjs', 'handbook-widgets.mjs']],
    out: 'build',
    pages: { '': home, 'hiring/': hiring },
    link: ['article a', 'how we hire'],
  },
  vitepress: {
    sources: [['docs'], 4],
    build: [['node_modules/.bin/vitepress', ['build', 'docs']]],
    bundle: 'docs/public/widgets/v1',
    files: [['handbook-widgets.mjs', 'docs/.vitepress/handbook-widgets.mjs']],
    out: 'site',
    pages: { '': home, 'hiring.html': hiring },
    link: ['.vp-doc a', 'how we hire'],
  },
  jekyll: {
    sources: [['index.md', 'hiring.md'], 4],
    build: [['jekyll', ['build']]],
    bundle: 'widgets/v1',
    files: [['handbook_widgets.rb', '_plugins/handbook_widgets.rb']],
    out: '_site',
    pages: { '': home, 'hiring/': hiring },
  },
  sphinx: {
    sources: [['index.rst', 'hiring.rst'], 4],
    build: [[python('sphinx-build'), ['-W', '-b', 'html', '.', '_build/html']]],
    bundle: '_static/widgets/v1',
    files: [['handbook_widgets.py', 'handbook_widgets.py']],
    out: '_build/html',
    pages: { '': home, 'hiring.html': hiring },
  },
};

/** The file a page's path is served from. */
const fileOf = (path) => (path === '' || path.endsWith('/') ? `${path}index.html` : path);

/** Copies the example of `name` (its node_modules linked, not copied), adds the integration's
 *  files and the bundle, and builds it with the generator, the command-line program of this
 *  checkout on PATH; returns the build's messages. */
function build(name) {
  const g = GENERATORS[name];
  const example = join(root, 'integrations', name, 'example');
  const site = join(SITES, name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(SITES, { recursive: true });
  cpSync(example, site, { recursive: true, filter: (from) => !from.startsWith(join(example, 'node_modules')) });
  if (existsSync(join(example, 'node_modules'))) {
    symlinkSync(join(example, 'node_modules'), join(site, 'node_modules'));
    // webpack's cache there holds another copy's paths (Docusaurus then renders no page).
    rmSync(join(example, 'node_modules/.cache'), { recursive: true, force: true });
  }
  for (const [from, to] of g.files) cpSync(join(root, 'integrations', name, from), join(site, to), { recursive: true });
  cpSync(join(root, 'dist/embed'), join(site, g.bundle), { recursive: true });
  let log = '';
  for (const [program, args] of g.build) {
    const done = spawnSync(program, args, {
      cwd: site,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
      // The site's address, for the generators that write it into the pages (Material's
      // instant loading follows only links to it).
      env: { ...process.env, PATH: `${join(root, 'target/debug')}:${process.env.PATH}`, SITE_URL: `${env.url}/sites/${name}/${g.out}/`, NO_MKDOCS_2_WARNING: '1' },
    });
    log += `${done.stdout}${done.stderr}`;
    assert.equal(done.status, 0, `${program} ${args.join(' ')}: ${done.error ?? ''}\n${log}`);
  }
  return log;
}

before(() => {
  execFileSync('cargo', ['build', '-q', '--bin', 'handbook-widgets'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
});

/** Each widget on the page: the element holding it, its widget, state and first text. */
const widgets = (page) => page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot?.querySelector('.hb-widget')).map((el) => ({
  widget: el.getAttribute('data-hb-fence') ?? el.getAttribute('data-hb-widget'),
  state: el.getAttribute('data-hb-state'),
  classes: el.shadowRoot.querySelector('.hb-widget').className,
})));

// SITES=hugo,sphinx runs those generators' tests only.
const only = process.env.SITES?.split(',');
for (const name of Object.keys(GENERATORS).filter((n) => !only || only.includes(n))) {
  const g = GENERATORS[name];
  const url = (path) => `${env.url}/sites/${name}/${g.out}/${path}`;

  test(`${name}: the site builds with the generator, and its build pre-renders every widget`, () => {
    const log = build(name);
    const widgetCount = Object.values(g.pages).flat().length;
    assert.match(log, new RegExp(`handbook-widgets prerender: ${widgetCount} widget\\(s\\) pre-rendered in \\d+ page\\(s\\), \\d+ page\\(s\\) changed; 0 could not be`), log);
    for (const page of Object.keys(g.pages)) assert.ok(existsSync(join(SITES, name, g.out, fileOf(page))), page);
  });

  test(`${name}: check reads the widgets of the sources, as a handbook's CI runs it`, () => {
    const [paths, count] = g.sources;
    const out = execFileSync(join(root, 'target/debug/handbook-widgets'), ['check', ...paths], { cwd: join(SITES, name), encoding: 'utf8' });
    assert.match(out, new RegExp(`^handbook-widgets check: ${count} widgets? in \\d+ files?: ${count} valid, 0 with errors\n$`), out);
  });

  test(`${name}: with JavaScript off, the built pages show their widgets`, async () => {
    const page = await openPage(env.browser, null, { context: { javaScriptEnabled: false } });
    for (const [path, expected] of Object.entries(g.pages)) {
      await page.goto(url(path));
      const found = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot?.querySelector('.hb-widget')).length);
      assert.equal(found, expected.length, `${path}: ${found} pre-rendered widgets`);
    }
  });

  test(`${name}: with JavaScript, the widgets hydrate in place`, async () => {
    const page = await openPage(env.browser, null);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
      window.firstNodes = [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.querySelector('.hb-widget')).filter(Boolean);
    }));
    for (const [path, expected] of Object.entries(g.pages)) {
      await page.goto(url(path));
      await eventually(async () => (await widgets(page)).filter((w) => w.state === 'ready').length === expected.length, { message: `${path}: every widget ready` });
      assert.deepEqual((await widgets(page)).map((w) => w.widget), expected, path);
      const same = await page.evaluate(() => {
        const now = [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.querySelector('.hb-widget')).filter(Boolean);
        return now.length === window.firstNodes.length && now.every((n, i) => n === window.firstNodes[i]);
      });
      assert.ok(same, `${path}: the parsed widgets are the live ones`);
    }
    assert.deepEqual(warnings.filter((w) => w.includes('handbook-widgets')), []);
    assert.deepEqual(page.uncaught, []);
  });

  if (g.link) test(`${name}: a client-side navigation to a page mounts its widgets`, async () => {
    const page = await openPage(env.browser, null);
    await page.goto(url(''));
    await eventually(async () => (await widgets(page)).some((w) => w.state === 'ready'), { message: 'the home page mounted' });
    await page.evaluate(() => { window.samePage = true; });
    await page.locator(g.link[0], { hasText: g.link[1] }).first().click();
    const [path, expected] = Object.entries(g.pages)[1];
    await eventually(async () => (await widgets(page)).filter((w) => w.state === 'ready').length === expected.length, { message: `${path}: every widget ready after the navigation` });
    assert.equal(await page.evaluate(() => window.samePage), true, 'no page load: the router swapped the content');
    assert.deepEqual((await widgets(page)).map((w) => w.widget), expected);
    assert.deepEqual(page.uncaught, []);
  });
}
