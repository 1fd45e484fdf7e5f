// Prints raw, gzip (level 9) and brotli (quality 11) sizes of every file in a folder, and the total.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
let total = [0, 0, 0];
console.log(`${'file'.padEnd(24)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const name of readdirSync(dir).sort()) {
  const data = readFileSync(join(dir, name));
  const sizes = [
    data.length,
    gzipSync(data, { level: 9 }).length,
    brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  total = total.map((t, i) => t + sizes[i]);
  console.log(`${name.padEnd(24)}${sizes.map(kb).join('')}`);
}
console.log(`${'total'.padEnd(24)}${total.map(kb).join('')}`);
console.log(`budget: ${(total[2] / 1024).toFixed(1)} KB of 100 KB brotli for the whole bundle`);
