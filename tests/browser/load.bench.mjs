// Loading over a slow network, in headless Chromium: a handbook page with one hiring timeline,
// plain and pre-rendered, the pre-rendered page with a second kind of widget, and a page with
// the script tag and no widget. Figures, not assertions.
//
// The network is slow 4G as DevTools emulates it (1.6 Mbit/s down, 750 kbit/s up, 150 ms
// round trip), and every file is served brotli-compressed (quality 11) with the cache headers
// a CDN gives a versioned bundle. Each page loads RUNS times, each in a fresh browser context,
// whose HTTP cache starts empty: a cold cache. (DevTools' "disable cache" would also stop the
// memory cache that lets a page's second <link> to a stylesheet use the first one's, which no
// real visit does.) The medians are printed.
// Times count from the start of navigation, read in requestAnimationFrame callbacks (so "the
// same frame" means the same rendering opportunity):
//   page text     the page's own first paragraph is there, and its last (after the widget)
//   widget        the widget's content is there, and styled (its stylesheet applied); frames
//                 with the content there but unstyled are counted (a flash)
//   interactive   a click on a tab that is not selected selects it
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { launch } from './harness.mjs';

const RUNS = Number(process.env.LOAD_RUNS ?? 5);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const site = join(root, 'target/load-bench');
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };

// The page: some handbook text, then the widget (GitLab's five leadership levels: five tabs).
const page = (body) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Hiring process - Product Management</title>
  <script type="module" src="/widgets/handbook-widgets.js"></script>
</head>
<body>
  <main>
    <h1>Hiring process</h1>
    <p id="page-text">How we hire product leaders: every stage, who runs it and how long it takes.</p>
    ${body}
    <p id="page-end">Questions about the process go to the recruiting team.</p>
  </main>
</body>
</html>
`;
const MOUNT = '<div id="hiring" data-hb-widget="hiring-timeline" data-preset="gitlab-pm-leadership-hiring"></div>';
// The same with a widget of another kind below it: such a page loads the runtime with every
// widget (hb-core) instead of the hiring timeline's own.
const TWO_KINDS = `${MOUNT}\n    <div data-hb-widget="owner-directory" data-preset="mattermost-program-management"></div>`;

function buildSite() {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'prerendered'), { recursive: true });
  mkdirSync(join(site, 'two-kinds'), { recursive: true });
  cpSync(join(root, 'dist/embed'), join(site, 'widgets'), { recursive: true });
  writeFileSync(join(site, 'plain.html'), page(MOUNT));
  writeFileSync(join(site, 'prerendered/index.html'), page(MOUNT));
  writeFileSync(join(site, 'two-kinds/index.html'), page(TWO_KINDS));
  writeFileSync(join(site, 'no-widget.html'), page(''));
  for (const folder of ['prerendered', 'two-kinds']) {
    execFileSync('cargo', ['run', '-q', '--bin', 'handbook-widgets', '--', 'prerender', join(site, folder), '--strict'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' };
const compressed = new Map();
function brotli(file) {
  if (!compressed.has(file)) {
    compressed.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return compressed.get(file);
}

async function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(site, path.endsWith('/') ? `${path}index.html` : path);
    if (path.includes('..')) return res.writeHead(404).end();
    try {
      const body = brotli(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'br',
        'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=86400',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// Runs in the page from its first moment: one check per frame.
function watch() {
  const t = { text: null, end: null, widget: null, interactive: null, unstyledFrames: 0 };
  window.__load = t;
  let target = null;
  const styled = (root) => root.adoptedStyleSheets.length > 0
    || [...root.styleSheets].some((s) => { try { return s.cssRules.length > 0; } catch { return false; } });
  const frame = (now) => {
    if (t.text === null && document.getElementById('page-text')) t.text = now;
    if (t.end === null && document.getElementById('page-end')) t.end = now;
    const root = document.getElementById('hiring')?.shadowRoot;
    if (t.widget === null && root?.querySelector('[role="tab"]')) {
      if (styled(root)) t.widget = now;
      else t.unstyledFrames += 1;
    }
    if (t.widget !== null && t.interactive === null) {
      target ??= [...root.querySelectorAll('[role="tab"]')].findIndex((tab) => tab.getAttribute('aria-selected') !== 'true');
      const tab = root.querySelectorAll('[role="tab"]')[target];
      if (tab?.getAttribute('aria-selected') === 'true') t.interactive = now;
      else tab?.click();
    }
    if (t.interactive === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function load(browser, url, { waitFor }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const bytes = new Map();
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  await tab.addInitScript(watch);
  await tab.goto(url, { waitUntil: 'load' });
  if (waitFor) await tab.waitForFunction(() => window.__load.interactive !== null, null, { timeout: 30000 });
  else await tab.waitForTimeout(1500); // anything the entry script would still fetch
  const times = await tab.evaluate(() => window.__load);
  // The browser's own request for a favicon is not the page's.
  const fetched = [...bytes].map(([id, n]) => ({ url: urls.get(id), bytes: n })).filter((f) => !f.url.endsWith('/favicon.ico'));
  await context.close();
  return { times, fetched };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

buildSite();
const server = await serve();
const browser = await launch();
try {
  console.log(`load over slow 4G (1.6 Mbit/s down, 150 ms round trip), cold cache, brotli; median of ${RUNS}`);
  for (const [name, path] of [
    ['pre-rendered page', '/prerendered/'],
    ['plain page', '/plain.html'],
    ['pre-rendered page with two kinds of widget', '/two-kinds/'],
  ]) {
    await load(browser, server.url + path, { waitFor: true }); // warm-up: the browser's own first-time costs
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push((await load(browser, server.url + path, { waitFor: true })));
    const m = (key) => median(runs.map((r) => r.times[key]));
    const withFirst = runs.filter((r) => r.times.widget === r.times.text).length;
    const sameFrame = runs.filter((r) => r.times.widget === r.times.end).length;
    const flashes = runs.reduce((sum, r) => sum + r.times.unstyledFrames, 0);
    const total = median(runs.map((r) => r.fetched.reduce((sum, f) => sum + f.bytes, 0)));
    console.log(`  ${name}: page text ${ms(m('text'))}, after the widget ${ms(m('end'))}; widget ${ms(m('widget'))} `
      + `(in the frame of the page's first text in ${withFirst} of ${RUNS} runs, of the text after it in ${sameFrame}; unstyled frames: ${flashes}); `
      + `interactive ${ms(m('interactive'))}; ${kb(total)} fetched`);
  }
  const empty = await load(browser, `${server.url}/no-widget.html`, { waitFor: false });
  const beyond = empty.fetched.filter((f) => !f.url.endsWith('/no-widget.html'));
  console.log(`  page with the tag and no widget: ${kb(beyond.reduce((sum, f) => sum + f.bytes, 0))} fetched beyond its HTML `
    + `(${beyond.map((f) => f.url.replace(server.url, '')).join(', ') || 'nothing'})`);
} finally {
  await browser.close();
  await server.close();
}
