// A small W3C WebDriver client for the cross-engine tests: starts a driver (chromedriver,
// geckodriver or WebKitWebDriver) on a free loopback port, opens a headless session, and offers
// the few commands the tests need. Every engine is driven the same way, through the standard
// protocol, so a test means the same in each.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';

const WEBKIT_LIBEXEC = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1';

/** The engines, how to start their drivers, and what their sessions ask for. */
export const ENGINES = {
  chromium: {
    label: 'Chromium',
    driver: () => ['chromedriver', (port) => [`--port=${port}`]],
    version: () => execFileSync(process.env.CHROMIUM ?? 'chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(),
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
          '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      },
    }),
  },
  firefox: {
    label: 'Firefox',
    driver: () => [process.env.GECKODRIVER ?? `${process.env.HOME}/.cargo/bin/geckodriver`, (port) => ['--port', String(port), '--host', '127.0.0.1']],
    version: () => execFileSync('firefox-esr', ['--version']).toString().trim(),
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        // No network beyond loopback: keep Firefox from calling home.
        prefs: {
          'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
          'network.captive-portal-service.enabled': false, 'network.connectivity-service.enabled': false, 'extensions.update.enabled': false,
          'browser.newtabpage.enabled': false, 'browser.startup.homepage_override.mstone': 'ignore',
        },
      },
    }),
  },
  webkit: {
    label: 'WebKit',
    driver: () => ['WebKitWebDriver', (port) => [`--port=${port}`]],
    // MiniBrowser has no headless mode: it draws into a virtual X display.
    display: true,
    version: () => `WebKitGTK ${execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0']).toString().trim()} (MiniBrowser)`,
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: `${WEBKIT_LIBEXEC}/MiniBrowser`, args: ['--automation'] },
    }),
  },
};

/** Which engines to run: `ENGINES=chromium,firefox` narrows it; default all three. */
export function selectedEngines() {
  const wanted = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);
  return wanted.filter((name) => ENGINES[name]);
}

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.unref();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/** Special keys, by the names the tests use. */
export const Key = {
  Tab: '\uE004', Enter: '\uE007', Space: '\uE00D', Escape: '\uE00C', Backspace: '\uE003',
  End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
  Shift: '\uE008',
};

class WebDriverError extends Error {}

/** Starts the driver for `name` and resolves to an engine: `{ name, label, version, open(), stop() }`. */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const [command, args] = engine.driver();
  if (command.startsWith('/') && !existsSync(command)) throw new Error(`${command} is not installed (./dev setup installs it)`);
  const port = await freePort();
  const xvfb = engine.display && !process.env.DISPLAY ? await startXvfb() : null;
  const env = xvfb ? { ...process.env, DISPLAY: xvfb.display } : process.env;
  const child = spawn(command, args(port), { stdio: ['ignore', 'ignore', 'pipe'], env });
  let log = '';
  child.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      const res = await fetch(`${base}/status`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`${command} did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    label: engine.label,
    version: engine.version(),
    /** The end of what the driver (and its browser) printed, for reports. */
    log: () => log,
    /** A new headless browser session with a desktop window (1280 × 900), or, with `phone`,
     *  pages shown in a frame 390 × 844 CSS pixels wide (no engine here can make its window
     *  that narrow: Firefox stops at 500, MiniBrowser at 447). */
    open: async ({ phone = false } = {}) => {
      const session = await Session.create(base, engine.capabilities());
      session.phone = phone;
      // Taller than the phone frame, so that only the frame ever scrolls.
      session.size = [1280, phone ? 1000 : 900];
      await session.setWindowSize(...session.size);
      return session;
    },
    stop: async () => {
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill();
      });
      xvfb?.stop();
    },
  };
}

/** Xvfb on the first free display number from :90; resolves once it accepts clients. */
async function startXvfb() {
  let n = 90;
  while (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) n += 1;
  const child = spawn('Xvfb', [`:${n}`, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const deadline = Date.now() + 10000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('Xvfb did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { display: `:${n}`, stop: () => child.kill() };
}

/** One browser session. Elements are found by CSS selector paths that may cross shadow
 *  roots: `['#mount', 'button.hb-tab']` means `button.hb-tab` inside `#mount`'s shadow root. */
export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, capabilities) {
    const value = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } });
    return new Session(base, value.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  /** The handle of the current window. */
  handle() { return this.cmd('GET', '/window', undefined); }

  /** Opens a new, empty window and makes it current; resolves to its handle. (A window, not a
   *  tab: WebKitWebDriver's pointer actions hang in a second tab of MiniBrowser.) */
  async newWindow() {
    const { handle } = await this.cmd('POST', '/window/new', { type: 'window' });
    await this.switchTo(handle, { enterFrame: false });
    await this.setWindowSize(...this.size);
    return handle;
  }

  /** Makes the window `handle` current (in phone mode, the phone frame in it). */
  async switchTo(handle, { enterFrame = true } = {}) {
    await this.cmd('POST', '/window', { handle });
    if (this.phone && enterFrame) await this.enterFrame();
  }

  /** Closes the current window. */
  closeWindow() { return this.cmd('DELETE', '/window', undefined); }

  /** Makes the phone frame of the current page take the commands. */
  async enterFrame() {
    const frame = await this.cmd('POST', '/element', { using: 'css selector', value: '#phone' });
    await this.cmd('POST', '/frame', { id: frame });
  }

  /** Opens `url` (in phone mode, inside the phone frame, which then takes every command). */
  async goto(url) {
    this.current = url;
    if (!this.phone) return this.cmd('POST', '/url', { url });
    await this.cmd('POST', '/url', { url: `${new URL(url).origin}/phone.html?src=${encodeURIComponent(url)}` });
    await this.enterFrame();
    await this.until(() => document.readyState === 'complete' && location.pathname !== 'blank', [], { message: 'the framed page' });
  }

  /** Reloads the page where it is now (with the fragment the page may have set since it was
   *  opened); in the phone frame, by opening the frame's current address again. */
  async reload() {
    if (!this.phone) return this.cmd('POST', '/refresh', {});
    return this.goto(await this.run(() => location.href));
  }
  close() { return this.cmd('DELETE', '', undefined).catch(() => {}); }

  async setWindowSize(width, height) {
    await this.cmd('POST', '/window/rect', { width, height });
  }

  /** Runs `fn(...args)` in the page and returns its (JSON) result; promises are awaited. */
  run(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    return this.cmd('POST', '/execute/async', { script, args }).then((r) => {
      if (r && 'error' in r) throw new WebDriverError(`in the page: ${r.error}`);
      return r?.ok;
    });
  }

  /** The element at a selector path (see the class comment), as a WebDriver reference. */
  async find(path) {
    const ref = await this.cmd('POST', '/execute/sync', {
      script: `let node = document;
        for (const [i, s] of arguments[0].entries()) {
          const root = i === 0 ? document : node.shadowRoot;
          node = root && root.querySelector(s);
          if (!node) return null;
        }
        return node;`,
      args: [[].concat(path)],
    });
    if (!ref) throw new WebDriverError(`no element at ${JSON.stringify(path)}`);
    return ref;
  }

  /** Clicks the element at `path` as a reader's pointer does: scrolled into view, then a
   *  mouse press and release at its centre (WebDriver actions). Fails when something else
   *  is on top of it there. (WebKitWebDriver's Element Click does nothing inside a shadow root.) */
  async click(path) {
    await this.find(path);
    const point = await this.run((p) => {
      let node = document;
      for (const [i, s] of p.entries()) node = (i === 0 ? document : node.shadowRoot).querySelector(s);
      node.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const r = node.getBoundingClientRect();
      const [x, y] = [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
      // The element hit there, through open shadow roots.
      let hit = document.elementFromPoint(x, y);
      while (hit?.shadowRoot) {
        const inner = hit.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === hit) break;
        hit = inner;
      }
      return { x, y, covered: !(hit && (hit === node || node.contains(hit))) && (hit?.outerHTML ?? 'nothing').slice(0, 120) };
    }, [].concat(path));
    if (point.covered) throw new WebDriverError(`${JSON.stringify(path)} is covered by ${point.covered}`);
    await this.cmd('POST', '/actions', {
      actions: [{
        type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: point.x, y: point.y, origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
      }],
    });
    await this.cmd('DELETE', '/actions', undefined);
  }

  /** Types `text` (which may hold `Key` characters) into whatever has focus. */
  async keys(text) {
    const actions = [...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }]);
    await this.cmd('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.cmd('DELETE', '/actions', undefined);
  }

  /** Focuses the element at `path` (from script: WebDriver has no focus command). */
  async focus(path) {
    await this.run((p) => {
      let node = document;
      for (const [i, s] of p.entries()) node = (i === 0 ? document : node.shadowRoot).querySelector(s);
      node.focus();
    }, [].concat(path));
  }

  /** Polls `fn(...args)` in the page until it returns a truthy value; returns it. */
  async until(fn, args = [], { timeout = 15000, message = 'condition' } = {}) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.run(fn, ...args);
        if (last) return last;
      } catch (error) {
        last = error;
      }
      if (Date.now() > end) throw new Error(`timed out waiting for ${message} (last: ${last})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function call(base, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new WebDriverError(`${method} ${path}: ${json?.value?.error ?? res.status} ${json?.value?.message ?? ''}`.trim());
  return json.value;
}
