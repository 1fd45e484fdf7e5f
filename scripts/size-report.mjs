// What the wasm's bytes are: raw bytes per crate and the biggest functions, read by twiggy
// from a copy of the shipped wasm that keeps its function names.
//
//   node scripts/size-report.mjs <named.wasm> <shipped.wasm> [functions]
//
// Generic code is counted under the crate that defines it, whatever type it was instantiated
// for: serde_json's deserialize_seq for our Stage is serde_json's, Yew's component `view` for
// our widgets is Yew's. Data segments are string constants and tables (Unicode, HTML entities).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const [file, shipped, top = '15'] = process.argv.slice(2);
const items = JSON.parse(
  execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'json', file], { maxBuffer: 1 << 28 }),
);

function crateOf(name) {
  if (name.startsWith('data segment')) return '(data: strings, tables)';
  if (name.includes('subsection') || name.startsWith('custom section')) return null;
  if (name.startsWith('import ') || name.startsWith('export ') || /^(elem|type|table|code)\[/.test(name)) {
    return '(wasm-bindgen imports, exports, tables)';
  }
  // `<A as B>::f` belongs to A's crate; strip references and primitive receivers.
  const s = name.replace(/^<+/, '').replace(/^(&mut |&|dyn |\*const |\*mut )+/, '');
  const m = s.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/);
  if (m) return m[1] === 'std' || m[1] === 'alloc' ? 'core, alloc, std' : m[1] === 'core' ? 'core, alloc, std' : m[1];
  if (/^(f64|f32|u8|u16|u32|u64|usize|i32|i64|isize|char|str|bool|T|\[)/.test(s)) return 'core, alloc, std';
  return '(other)';
}

const crates = new Map();
let total = 0;
for (const { name, shallow_size: bytes } of items) {
  const crate = crateOf(name);
  if (crate === null) continue;
  total += bytes;
  crates.set(crate, (crates.get(crate) ?? 0) + bytes);
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
console.log(`wasm by crate (raw bytes of ${kb(total).trim()}; brotli shrinks code to about a third)`);
for (const [crate, bytes] of [...crates].sort((a, b) => b[1] - a[1])) {
  if (bytes < 1024) continue;
  console.log(`  ${kb(bytes)} ${pct(bytes)}  ${crate}`);
}
console.log(`biggest functions and data (raw)`);
const shown = items.filter(({ name }) => crateOf(name) !== null).slice(0, Number(top));
for (const { name, shallow_size: bytes } of shown) {
  const short = name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
  console.log(`  ${kb(bytes)}  ${short.length > 110 ? `${short.slice(0, 107)}...` : short}`);
}

// Code against data in the shipped wasm, raw and brotli: what the crate figures above become.
const wasm = readFileSync(shipped);
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
let at = 8;
const leb = () => {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return value;
  }
};
console.log('shipped wasm by section (raw, brotli alone)');
while (at < wasm.length) {
  const id = wasm[at++];
  const size = leb();
  const name = { 10: 'code', 11: 'data' }[id];
  if (name) console.log(`  ${name.padEnd(6)}${kb(size)}${kb(brotli(wasm.subarray(at, at + size)))}`);
  at += size;
}
