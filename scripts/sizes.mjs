// Prints raw, gzip (level 9) and brotli (quality 11) sizes of the bundle's files: first what a
// page with widgets loads (the total is measured against the 200 KB brotli budget), then the
// presets, each fetched only by a page that shows it.
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
  console.log(`${title.padEnd(32)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
  for (const file of files) {
    const s = sizes(file);
    total = total.map((t, i) => t + s[i]);
    console.log(`  ${label(file).padEnd(30)}${s.map(kb).join('')}`);
  }
  console.log(`  ${'total'.padEnd(30)}${total.map(kb).join('')}`);
  return total;
}

const top = readdirSync(dir).sort().map((name) => join(dir, name)).filter((f) => statSync(f).isFile());
// The static stylesheet is for reading with scripts off, in place of the runtime.
const loaded = top.filter((f) => !f.endsWith('-static.css'));
const total = table('what a page with widgets loads', loaded, (f) => f.slice(dir.length + 1));
table('only with scripts off', top.filter((f) => f.endsWith('-static.css')), (f) => f.slice(dir.length + 1));
const presets = join(dir, 'presets');
table('presets (each only where shown)', readdirSync(presets).sort().map((n) => join(presets, n)), (f) => f.slice(presets.length + 1));
const over = total[2] / 1024 - BUDGET_KB;
console.log(`budget: ${(total[2] / 1024).toFixed(1)} KB brotli of ${BUDGET_KB} KB for what a page loads`
  + (over > 0 ? ` (${over.toFixed(1)} KB over)` : ''));
