// Shared by the browser tests: a static server laid out like a real site (bundle on a "CDN"
// path, host pages and data elsewhere), headless Chromium, and small polling helpers.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '../../tools/package.json'));
const { chromium } = require('playwright-core');
export const axePath = require.resolve('axe-core/axe.min.js');

const root = normalize(join(dirname(fileURLToPath(import.meta.url)), '../..'));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };

// The policy a strict corporate handbook site sends: no inline styles or scripts at all.
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// URL prefix -> folder. The bundle lives under a path of its own, unrelated to the pages'.
// Pages under /docs/strict/ come with the strict Content-Security-Policy.
const routes = [
  ['/docs/strict/', 'tests/fixtures/host/strict/'],
  // A small site that prerender.test.mjs pre-renders with the command-line program.
  ['/site/', 'target/prerendered-site/'],
  // Every Markdown sample in every text field, pre-rendered (markdown-samples.test.mjs).
  ['/samples/', 'target/markdown-samples-site/'],
  // Each site generator's example site, built by sites.test.mjs with that generator.
  ['/sites/', 'target/sites/'],
  ['/cdn/widgets/v1/', 'dist/embed/'],
  ['/gallery/', 'dist/gallery/'],
  ['/cdn-missing-wasm/', 'dist/embed/'],
  ['/docs/handbook/', 'tests/fixtures/host/'],
  ['/data/', 'assets/data/'],
  ['/fixtures-data/', 'tests/fixtures/data/'],
  ['/examples/', 'assets/examples/'],
];

/** Starts the server on a free loopback port; resolves to { url, close }. `handlers` maps
 *  exact paths to `(req, res) => …` for generated or misbehaving responses. */
export async function serve(handlers = {}) {
  const all = { '/phone.html': phoneFrame, ...handlers };
  const requests = [];
  // Addresses up to 4 MB, as trunk serve takes them: the playground's share links are tested
  // past the playground's own limits.
  const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (all[path]) {
      all[path](req, res);
      return;
    }
    const route = routes.find(([prefix]) => path.startsWith(prefix));
    if (!route || path.includes('..') || (route[0] === '/cdn-missing-wasm/' && path.endsWith('.wasm'))) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // A folder's page, as the generators link them (`../hiring/`).
    const file = join(root, route[1], path.slice(route[0].length)) + (path.endsWith('/') ? 'index.html' : '');
    try {
      const body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (route[0] === '/docs/strict/' && extname(file) === '.html') headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** Every path requested so far, in order. */
    requests,
    close: () => new Promise((done) => {
      server.close(done);
      server.closeAllConnections(); // responses that never finish, on purpose
    }),
  };
}

/** `/phone.html?src=<page>`: the page in a frame 390 × 844 CSS pixels, a phone's viewport, for
 *  engines whose windows cannot be made that narrow. */
function phoneFrame(req, res) {
  const src = new URL(req.url, 'http://x').searchParams.get('src') ?? '';
  const attr = src.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  res.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Phone</title>
<style>body { margin: 0; overflow: hidden; } iframe { border: 0; display: block; width: 390px; height: 844px; }</style></head>
<body><iframe id="phone" title="Phone viewport" src="${attr}"></iframe></body></html>`);
}

/** Starts the server (with `handlers`, see `serve`) and the browser before a test file's tests
 *  and stops them after; the returned object gets `url` and `browser` once they are up. */
export function useBrowser(handlers) {
  const env = {};
  let server;
  before(async () => {
    server = await serve(handlers);
    env.url = server.url;
    env.requests = server.requests;
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await server?.close();
  });
  return env;
}

/** Debian's Chromium, headless, with a fresh profile and no background traffic. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    // Every launch gets a fresh, empty profile directory from playwright.
  });
}

/** Chromium with a profile kept in `dir`, as a reader's own browser: closing and launching it
 *  again keeps local storage. */
export async function launchWithProfile(dir) {
  return chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A new page that records uncaught errors and console errors. */
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 }, ...options.context });
  const page = await context.newPage();
  page.uncaught = [];
  page.consoleErrors = [];
  page.on('pageerror', (error) => page.uncaught.push(String(error)));
  page.on('console', (msg) => msg.type() === 'error' && page.consoleErrors.push(msg.text()));
  if (url) await page.goto(url);
  return page;
}

/** Polls `check` until it returns a truthy value or `timeout` ms pass; returns the value. */
export async function eventually(check, { timeout = 10000, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${message} (last: ${last})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the mount `selector` has data-hb-state `state`. */
export async function mounted(page, selector, state = 'ready') {
  await page.waitForSelector(`${selector}[data-hb-state="${state}"]`, { timeout: 15000 });
  return page.locator(selector);
}

/** Whether the element the locator points at has focus (inside its shadow root too). */
export function hasFocus(locator) {
  return locator.evaluate((el) => el.getRootNode().activeElement === el);
}

/** Runs in the page (page.evaluate, or a WebDriver session's run): appends to <main>, as a
 *  client-side-routed handbook would, a mount `#later` of the FlowFuse hiring preset. */
export function appendLaterWidget() {
  const el = document.createElement('div');
  el.id = 'later';
  el.setAttribute('data-hb-widget', 'hiring-timeline');
  el.setAttribute('data-preset', 'flowfuse-pm-hiring');
  document.querySelector('main').append(el);
}
