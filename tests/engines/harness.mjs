// Shared by the cross-engine tests: runs a test file's tests once per engine (Chromium,
// Firefox, WebKit) and width (desktop, phone), each group with its own server, driver and
// browser session.
import { describe, before, after, test } from 'node:test';
import { serve } from '../browser/harness.mjs';
import { ENGINES, selectedEngines, startEngine } from './webdriver.mjs';

export { Key } from './webdriver.mjs';

const announced = new Set();

/** Declares `body(ctx, test)`'s tests for every selected engine, at 1280 px and in a 390 px
 *  phone viewport. `ctx` gets `s` (the session), `url` (the server, with `handlers` as `serve`
 *  takes them) and `phone` once the group's `before` has run. `test` is node's, except that a
 *  test whose browser session is lost (the browser process died: MiniBrowser, rarely, under
 *  Xvfb) is run once more in a new session, and the loss is reported with the driver's log;
 *  any other failure, or a second loss, fails it. */
export function eachEngine(body, { handlers } = {}) {
  for (const name of selectedEngines()) {
    for (const phone of [false, true]) {
      describe(`${ENGINES[name].label}, ${phone ? 'phone, 390 px (a frame of that width)' : 'desktop, 1280 px'}`, () => {
        const ctx = { phone, engine: name };
        before(async () => {
          ctx.server = await serve(handlers);
          ctx.url = ctx.server.url;
          ctx.driver = await startEngine(name);
          if (!announced.has(name)) {
            announced.add(name);
            console.log(`engine: ${ctx.driver.version}`);
          }
          ctx.s = await ctx.driver.open({ phone });
        });
        after(async () => {
          await ctx.s?.close();
          await ctx.driver?.stop();
          await ctx.server?.close();
        });
        const retrying = (nameOfTest, fn) => test(nameOfTest, async () => {
          try {
            await fn();
          } catch (error) {
            if (!/invalid session id|session deleted|not reachable/i.test(String(error))) throw error;
            console.log(`${ENGINES[name].label}: the browser session was lost in "${nameOfTest}"; retrying once in a new one. Driver log:\n${ctx.driver.log().slice(-1500)}`);
            await ctx.driver.stop();
            ctx.driver = await startEngine(name);
            ctx.s = await ctx.driver.open({ phone });
            await fn();
          }
        });
        body(ctx, retrying);
      });
    }
  }
}

/** Opens `path` and waits until every mount on it has settled (ready or error). */
export async function openSettled(ctx, path) {
  await ctx.s.goto(`${ctx.url}${path}`);
  await settled(ctx, path);
}

/** Waits until every mount on the page open now (`path`, for the message) has settled: after a
 *  reload, without navigating again. 30 s: the first page a cold WebKit under Xvfb opens
 *  compiles the wasm while the machine is busy; the message names each mount's state. */
export async function settled(ctx, path) {
  await ctx.s.until(() => {
    const mounts = [...document.querySelectorAll('[data-hb-widget]')];
    return mounts.length > 0 && mounts.every((m) => ['ready', 'error'].includes(m.getAttribute('data-hb-state')));
  }, [], { timeout: 30000, message: `every mount on ${path} to settle` }).catch(async (e) => {
    const states = await ctx.s.run(() => [...document.querySelectorAll('[data-hb-widget]')]
      .map((m) => `${m.id || m.getAttribute('data-hb-widget')}: ${m.getAttribute('data-hb-state')}`).join(', ')).catch(() => 'unknown');
    throw new Error(`${e.message}; ${states}`);
  });
}

/** In the page: the text of `selector` inside mount `id`'s shadow root (or of the mount). */
export const text = (ctx, id, selector) => ctx.s.run((id, selector) => {
  const host = document.getElementById(id);
  const el = selector ? host.shadowRoot.querySelector(selector) : host.shadowRoot;
  return el ? el.textContent.trim() : null;
}, id, selector ?? null);

/** In the page: an attribute of `selector` inside mount `id`'s shadow root. */
export const attr = (ctx, id, selector, name) => ctx.s.run((id, selector, name) =>
  document.getElementById(id).shadowRoot.querySelector(selector)?.getAttribute(name) ?? null, id, selector, name);

/** Waits (up to 5 s) until the text of `selector` in mount `id` is `expected`: an action's
 *  result, given the engine a moment to render it. Fails naming what it is instead. */
export async function expectText(ctx, id, selector, expected) {
  await ctx.s.until((id, selector, expected) =>
    document.getElementById(id).shadowRoot.querySelector(selector)?.textContent.trim() === expected,
  [id, selector, expected], { timeout: 5000, message: `${selector} in #${id} to read "${expected}"` })
    .catch(async (e) => { throw new Error(`${e.message}; it reads "${await text(ctx, id, selector)}"`); });
}

/** Waits (up to 5 s) until attribute `name` of `selector` in mount `id` is `expected`. */
export async function expectAttr(ctx, id, selector, name, expected) {
  await ctx.s.until((id, selector, name, expected) =>
    document.getElementById(id).shadowRoot.querySelector(selector)?.getAttribute(name) === expected,
  [id, selector, name, expected], { timeout: 5000, message: `${name} of ${selector} in #${id} to be "${expected}"` })
    .catch(async (e) => { throw new Error(`${e.message}; it is "${await attr(ctx, id, selector, name)}"`); });
}
