// Ordinary Markdown in every text field hydrates: each sample of
// tests/fixtures/markdown-samples.json (a list, a quote, a heading, a table, code, a rule, raw
// HTML, ...) in each text field of each widget, pre-rendered by the command-line program, is
// parsed by Chromium into the shape that was written, so the runtime hydrates the very nodes
// the page holds and renders none afresh. tests/hydration.rs checks the same natively.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openPage } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SITE = join(root, 'target/markdown-samples-site');
const fixture = JSON.parse(readFileSync(join(root, 'tests/fixtures/markdown-samples.json'), 'utf8'));

/** Sets the value at a JSON pointer. */
function setAt(data, pointer, value) {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop();
  const parent = keys.reduce((node, key) => node[key], data);
  assert.ok(last in parent, pointer);
  parent[last] = value;
}

/** One page per widget, every sample in every field a mount of it; pre-rendered. */
function buildSite() {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  const counts = {};
  for (const [widget, spec] of Object.entries(fixture.widgets)) {
    const mounts = [];
    for (const field of spec.fields) {
      for (const [name, sample] of Object.entries(fixture.samples)) {
        const data = structuredClone(spec.data);
        setAt(data, field, sample);
        const json = JSON.stringify(data).replaceAll('<', '\\u003c');
        mounts.push(`<div data-hb-widget="${widget}" id="m${mounts.length}" title="${field}: ${name}"><script type="application/json">${json}</script></div>`);
      }
    }
    counts[widget] = mounts.length;
    writeFileSync(join(SITE, `${widget}.html`), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${widget}</title>
<script type="module" src="/cdn/widgets/v1/handbook-widgets.js"></script></head>
<body><main>
${mounts.join('\n')}
</main></body></html>
`);
  }
  execFileSync('cargo', ['run', '-q', '--bin', 'handbook-widgets', '--', 'prerender', SITE, '--strict'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  return counts;
}

const env = useBrowser();
let counts;
before(() => { counts = buildSite(); });

for (const widget of Object.keys(fixture.widgets)) {
  test(`${widget}: every Markdown sample in every text field hydrates, none rendered afresh`, async () => {
    const page = await openPage(env.browser, null);
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        window.firstNodes = [...document.querySelectorAll('[data-hb-widget]')].map((m) => m.shadowRoot?.querySelector('.hb-widget'));
      });
    });
    await page.goto(`${env.url}/samples/${widget}.html`);
    await page.waitForFunction((n) => document.querySelectorAll('[data-hb-widget][data-hb-state="ready"]').length === n, counts[widget], { timeout: 60000 });
    const report = await page.evaluate(() => [...document.querySelectorAll('[data-hb-widget]')].map((m, i) => ({
      title: m.title,
      prerendered: window.firstNodes[i] != null,
      hydrated: window.firstNodes[i] != null && m.shadowRoot.querySelector('.hb-widget') === window.firstNodes[i],
    })));
    assert.equal(report.length, counts[widget]);
    assert.deepEqual(report.filter((r) => !r.prerendered).map((r) => r.title), [], 'pre-rendered');
    assert.deepEqual(report.filter((r) => !r.hydrated).map((r) => r.title), [], 'hydrated, the same nodes');
    assert.deepEqual(warnings.filter((w) => w.includes('afresh')), []);
    assert.deepEqual(page.uncaught, []);
    await page.context().close();
  });
}
