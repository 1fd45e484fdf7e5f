#!/usr/bin/env bash
# Writes dist/embed/: the bundle a maintainer copies to any path or CDN. Stable file names;
# the entry finds its wasm relative to its own URL; handbook-widgets.css is for pre-rendered
# pages. Prints each file's raw, gzip and brotli size.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
out=dist/embed
wasm=target/wasm32-unknown-unknown/release/handbook_widgets.wasm

cargo build --release --lib --target wasm32-unknown-unknown
rm -rf "$out"
mkdir -p "$out"
# Optimised once with its function names kept (for the size report), then stripped: the
# report describes exactly the shipped code.
named=target/hb-core_bg.named.wasm
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out" --out-name hb-core "$wasm"
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-opt -Oz --converge -g "${features[@]}" "$out/hb-core_bg.wasm" -o "$named"
wasm-opt "${features[@]}" --strip-debug --strip-producers "$named" -o "$out/hb-core_bg.wasm"
cp assets/embed/handbook-widgets.js "$out/"
# Presets, fetched by a page only when it shows one.
cp -r assets/data "$out/presets"
# The stylesheets pre-rendered pages link to: the same CSS the wasm carries, and the rules for
# reading with scripts off.
cargo run -q --bin handbook-widgets -- stylesheet > "$out/handbook-widgets.css"
cargo run -q --bin handbook-widgets -- stylesheet --static > "$out/handbook-widgets-static.css"
node scripts/sizes.mjs "$out"
if command -v twiggy >/dev/null; then
  node scripts/size-report.mjs "$named" "$out/hb-core_bg.wasm"
else
  echo "(no size report: twiggy is not installed; ./dev setup installs it)"
fi
