// In Chromium, Firefox and WebKit, at desktop and phone width: every data source mounts, the
// host page's styles stay out and the widgets' stay in, broken data stays in its own mount
// beside a working widget (the worst data too: each engine has its own limits on the wasm
// stack), a strict Content-Security-Policy is kept, widgets written as fenced code blocks mount
// on each generator's markup, and no widget is wider than its container.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import { eachEngine, openSettled, text, expectText, expectAttr } from './harness.mjs';
import * as worst from '../browser/worst-cases.mjs';
import { widgetOverflow } from '../browser/overflow.mjs';
import { appendLaterWidget } from '../browser/harness.mjs';
import * as prerendered from '../browser/prerendered-site.mjs';

before(prerendered.buildSite);

eachEngine((ctx, test) => {
  test('every data source mounts, and styles stay on their side of the shadow root', async () => {
    await openSettled(ctx, '/docs/handbook/product/hiring.html');
    const report = await ctx.s.run(() => {
      const mounts = [...document.querySelectorAll('[data-hb-widget]')];
      const root = (id) => document.getElementById(id).shadowRoot;
      return {
        states: mounts.map((m) => `${m.id}:${m.getAttribute('data-hb-state')}`),
        stages: ['mm', 'ff'].map((id) => root(id).querySelectorAll('.hb-stage').length),
        inlineTitle: root('inline').querySelector('h2')?.textContent,
        // The host hides `.hb-widget` and paints every button magenta; neither reaches inside.
        widgetDisplay: getComputedStyle(root('mm').querySelector('.hb-widget')).display,
        tabBackground: getComputedStyle(root('gl').querySelector('[role="tab"]')).backgroundColor,
        hostButton: getComputedStyle(document.getElementById('host-button')).backgroundColor,
        hostItem: getComputedStyle(document.querySelector('#host-list li')).color,
        hostLog: window.hostLog,
        // How the stylesheet arrived: shared constructable sheet, or the <style> fallback.
        sheets: mounts.map((m) => (m.shadowRoot.adoptedStyleSheets?.length ? 'adopted' : m.shadowRoot.querySelector('style') ? 'style' : 'none')),
      };
    });
    assert.deepEqual(report.states, ['mm', 'gl', 'ff', 'gitlab-levels', 'mm-levels', 'programs', 'onboarding', 'inline'].map((id) => `${id}:ready`));
    assert.deepEqual(report.stages, [9, 8], 'preset and data-src');
    assert.equal(report.inlineTitle, 'Inline process');
    assert.notEqual(report.widgetDisplay, 'none');
    assert.notEqual(report.tabBackground, 'rgb(255, 0, 255)');
    assert.equal(report.hostButton, 'rgb(255, 0, 255)');
    assert.equal(report.hostItem, 'rgb(0, 128, 0)');
    assert.deepEqual(report.hostLog, ['head script', 'end of body']);
    // Every engine here has constructable stylesheets; one without would get the fallback.
    assert.deepEqual([...new Set(report.sheets)], ['adopted'], `stylesheets: ${report.sheets}`);
  });

  test('a pre-rendered page hydrates: the widgets keep what the browser parsed, and work', async () => {
    await openSettled(ctx, prerendered.PAGE);
    const report = await ctx.s.run(() => [...document.querySelectorAll('[data-hb-widget]')].map((m) =>
      // A fresh render empties the shadow root; hydration keeps the pre-rendered stylesheet
      // link and the marked root.
      `${m.id}:${m.getAttribute('data-hb-state')}:${m.shadowRoot.querySelectorAll('link[rel="stylesheet"], .hb-mount[data-hb-build]').length}`));
    assert.deepEqual(report, prerendered.IDS.map((id) => `${id}:ready:2`));
    await ctx.s.click(['#gl', '[role="tab"]:nth-child(3)']);
    await expectAttr(ctx, 'gl', '[role="tab"]:nth-child(3)', 'aria-selected', 'true');
    await ctx.s.click(['#programs', 'button.hb-person-chip[data-person="hanna"]']);
    await expectText(ctx, 'programs', '.hb-dir__status', '4 of 13 programs match');
  });

  test('broken data stays in its own mount, and the good widget beside it works', async () => {
    await openSettled(ctx, '/docs/handbook/product/broken.html');
    const alert = (id) => text(ctx, id, '[role="alert"]');
    assert.match(await alert('malformed'), /Malformed JSON.*trailing comma.*line 4, column 60/s);
    assert.match(await alert('shape'), /Wrong data shape.*expected u32.*\$\.variants\[0\]\.stages\[0\]\.minutes/s);
    assert.match(await alert('unknown-widget'), /Unknown widget.*"pie-chart"/s);
    assert.match(await alert('not-found'), /HTTP 404.*\/data\/no-such-file\.json/s);
    assert.match(await alert('no-data'), /data-src.*data-preset/s);
    await ctx.s.click(['#good', '[role="tab"]:nth-child(4)']);
    await expectAttr(ctx, 'good', '[role="tab"]:nth-child(4)', 'aria-selected', 'true');
    // Hostile data: nothing ran, no unsafe link is live.
    const hostile = await ctx.s.run(() => ({
      pwned: window.pwned ?? null,
      hrefs: [...document.getElementById('hostile').shadowRoot.querySelectorAll('[href]')].map((a) => a.getAttribute('href')),
      hostAfter: window.hostAfter,
      hostErrors: window.hostErrors,
    }));
    assert.deepEqual(hostile, { pwned: null, hrefs: ['https://example.com'], hostAfter: true, hostErrors: [] });
  });

  test('the worst data stays in its own mount, and a widget added afterwards still mounts', async () => {
    const before = { ...worst.closed };
    await openSettled(ctx, worst.PATH);
    const states = await ctx.s.run(() => Object.fromEntries(
      [...document.querySelectorAll('[data-hb-widget]')].map((m) => [m.id, m.getAttribute('data-hb-state')])));
    for (const id of worst.READY) assert.equal(states[id], 'ready', id);
    for (const [id, expected] of Object.entries(worst.ERRORS)) {
      assert.equal(states[id], 'error', id);
      assert.match(await text(ctx, id, '[role="alert"]'), expected, id);
    }
    assert.match(await text(ctx, 'deep-list', '.hb-widget'), /deepest.*item249/s);
    assert.ok(worst.closed.never > before.never && worst.closed.stall > before.stall, 'the endless requests were stopped');
    await ctx.s.click(['#good-hiring', '[role="tab"]:nth-child(3)']);
    await expectAttr(ctx, 'good-hiring', '[role="tab"]:nth-child(3)', 'aria-selected', 'true');
    await ctx.s.run(appendLaterWidget);
    await ctx.s.until(() => document.getElementById('later').getAttribute('data-hb-state') === 'ready', [], { message: 'the later widget' });
    assert.deepEqual(await ctx.s.run(() => window.hostErrors), []);
  });

  test('under a strict Content-Security-Policy every widget is styled, with no violation', async () => {
    await openSettled(ctx, '/docs/strict/widgets.html');
    const report = await ctx.s.run(() => ({
      borders: [...document.querySelectorAll('[data-hb-widget]')].map((m) => {
        const box = m.shadowRoot.querySelector('.hb-widget, .hb-error');
        return `${m.id}:${box && getComputedStyle(box).borderTopStyle}`;
      }),
      violations: window.cspViolations,
      errors: window.hostErrors,
    }));
    assert.deepEqual(report.borders, ['hiring', 'levels', 'programs', 'onboarding', 'fetched', 'inline', 'broken'].map((id) => `${id}:solid`));
    assert.deepEqual(report.violations, []);
    assert.deepEqual(report.errors, []);
  });

  test('widgets written as fenced code blocks mount on each generator\'s markup', async () => {
    await ctx.s.goto(`${ctx.url}/docs/handbook/product/fences.html`);
    const states = () => ctx.s.run(() => [...document.querySelectorAll('main > section')].map((s) => {
      const host = s.querySelector('[data-hb-fence]');
      return `${s.id}: ${host?.getAttribute('data-hb-fence')} ${host?.getAttribute('data-hb-state')} ${Boolean(host?.shadowRoot?.querySelector('.hb-widget, [role="alert"]'))}`;
    }));
    await ctx.s.until(() => document.querySelectorAll('[data-hb-fence][data-hb-state="ready"], [data-hb-fence][data-hb-state="error"]').length === 7,
      [], { timeout: 30000, message: 'seven fences settled' })
      .catch(async (e) => { throw new Error(`${e.message}; ${await states()}`); });
    assert.deepEqual(await states(), [
      'plain: hiring-timeline ready true',
      'hugo: owner-directory ready true',
      'material: level-comparison ready true',
      'docusaurus: onboarding-checklist ready true',
      'vitepress: hiring-timeline ready true',
      'sphinx: hiring-timeline ready true',
      'broken: owner-directory error true',
      'other: undefined undefined false',
    ]);
  });

  test('no widget is wider than its container', async () => {
    await openSettled(ctx, '/docs/handbook/product/hiring.html');
    const overflow = await ctx.s.run(widgetOverflow);
    assert.deepEqual(overflow, []);
    const width = await ctx.s.run(() => document.documentElement.clientWidth);
    assert.ok(ctx.phone ? width <= 390 : width > 1000, `viewport ${width} px`);
  });
}, { handlers: worst.handlers });
