// Prints raw, gzip (level 9) and brotli (quality 11) sizes of the bundle's files; then what a
// page with widgets loads, per runtime (the entry, one runtime's glue and wasm, the stylesheet),
// against the 200 KB brotli budget; then the presets, each fetched only by a page that shows it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_KB = 200;
const dir = process.argv[2];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const sizes = (file) => {
  const data = readFileSync(file);
  return [
    data.length,
    gzipSync(data, { level: 9 }).length,
    brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
};

function table(title, files, label) {
  let total = [0, 0, 0];
  console.log(`${title.padEnd(36)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const file of files) {
    const s = sizes(file);
    total = total.map((t, i) => t + s[i]);
    console.log(`  ${label(file).padEnd(34)}${s.map(kb).join('')}`);
  }
  console.log(`  ${'total'.padEnd(34)}${total.map(kb).join('')}`);
}

const top = readdirSync(dir).sort().filter((name) => statSync(join(dir, name)).isFile());
table('files', top.map((name) => join(dir, name)), (f) => f.slice(dir.length + 1));

const brotli = (name) => sizes(join(dir, name))[2];
console.log(`what a page with widgets loads (brotli): the entry, one runtime and its stylesheet; budget ${BUDGET_KB} KB`);
for (const runtime of top.filter((n) => n.endsWith('_bg.wasm')).map((n) => n.slice(0, -'_bg.wasm'.length))) {
  const css = runtime === 'hb-core' ? 'handbook-widgets.css' : `${runtime}.css`;
  const total = brotli('handbook-widgets.js') + brotli(`${runtime}.js`) + brotli(`${runtime}_bg.wasm`) + brotli(css);
  const over = total / 1024 - BUDGET_KB;
  const who = runtime === 'hb-core' ? 'widgets of several kinds' : `only ${runtime.slice(3)} widgets`;
  console.log(`  ${who.padEnd(34)}${kb(total)}${over > 0 ? `  (${over.toFixed(1)} KB over)` : ''}`);
}
const presets = join(dir, 'presets');
table('presets (each only where shown)', readdirSync(presets).sort().map((n) => join(presets, n)), (f) => f.slice(presets.length + 1));
