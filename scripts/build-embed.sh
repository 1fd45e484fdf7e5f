#!/usr/bin/env bash
# Writes dist/embed/: the bundle a maintainer copies to any path or CDN. Stable file names;
# the entry finds everything relative to its own URL. Runtimes: hb-core (every widget) and one
# per widget (hb-<widget>), for pages whose widgets are all of one kind. Prints each file's
# raw, gzip and brotli size, and the size report of hb-core.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"
out=dist/embed
wasm=target/wasm32-unknown-unknown/release/handbook_widgets.wasm
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

rm -rf "$out"
mkdir -p "$out"

# runtime <name> <cargo features>: builds the wasm with those widgets, optimised once with its
# function names kept (target/<name>_bg.named.wasm, for the size report), then stripped, so the
# report describes exactly the shipped code.
runtime() {
  local name=$1 named=target/$1_bg.named.wasm
  cargo build --release --lib --target wasm32-unknown-unknown --no-default-features --features "$2"
  wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out" --out-name "$name" "$wasm"
  wasm-opt -Oz --converge -g "${features[@]}" "$out/${name}_bg.wasm" -o "$named"
  wasm-opt "${features[@]}" --strip-debug --strip-producers "$named" -o "$out/${name}_bg.wasm"
}
runtime hb-core all-widgets
widgets=$(sed -n "s/^const WIDGETS = \[\(.*\)\];$/\1/p" assets/embed/handbook-widgets.js | tr -d "',")
for widget in $widgets; do
  runtime "hb-$widget" "$widget"
done

cp assets/embed/handbook-widgets.js "$out/"
# The entry and wasm-bindgen's glue, minified (their comments are for this repository; the
# names the wasm imports by are object keys, which terser keeps): about 2.7 KB brotli a page.
for js in "$out"/*.js; do
  terser "$js" --module --compress --mangle --output "$js"
done
# Presets, fetched by a page only when it shows one.
cp -r assets/data "$out/presets"
# The stylesheet hb-core fetches and pre-rendered pages link to, each one-widget runtime's
# (the shared rules and that widget's), and the rules for reading with scripts off.
cargo run -q --bin handbook-widgets -- stylesheet > "$out/handbook-widgets.css"
for widget in $widgets; do
  cargo run -q --bin handbook-widgets -- stylesheet --widget "$widget" > "$out/hb-$widget.css"
done
cargo run -q --bin handbook-widgets -- stylesheet --static > "$out/handbook-widgets-static.css"
# Each widget's JSON Schema, which data files name in "$schema" for their editors.
cargo run -q --bin handbook-widgets -- schema --out "$out/schema"
node scripts/sizes.mjs "$out"
if command -v twiggy >/dev/null; then
  node scripts/size-report.mjs target/hb-core_bg.named.wasm "$out/hb-core_bg.wasm"
else
  echo "(no size report: twiggy is not installed; ./dev setup installs it)"
fi
