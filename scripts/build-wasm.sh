#!/usr/bin/env bash
# Builds the wasm engine for the extension's background and the playground:
# cargo (release, wasm32) → wasm-bindgen (--target web) → wasm-opt -Oz, into dist/pkg/.
# The crate's release profile must not strip (wasm-opt needs the target-features section).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
fail() { printf 'error: wasm build step "%s" failed\n  fix: %s\n' "$1" "$2" >&2; exit 1; }

cargo build --release --target wasm32-unknown-unknown --lib \
  || fail "cargo build --target wasm32-unknown-unknown" "fix the compile error above (install the target with: make tools)"
command -v wasm-bindgen >/dev/null || fail "wasm-bindgen" "install the tools first: make tools"
rm -rf dist/pkg
wasm-bindgen --target web --out-dir dist/pkg target/wasm32-unknown-unknown/release/clearmark.wasm \
  || fail "wasm-bindgen" "its version must equal Cargo.lock's wasm-bindgen: make tools"
command -v wasm-opt >/dev/null || fail "wasm-opt" "install the npm packages: make tools"
before=$(stat -c %s dist/pkg/clearmark_bg.wasm)
wasm-opt -Oz dist/pkg/clearmark_bg.wasm -o dist/pkg/clearmark_bg.wasm \
  || fail "wasm-opt -Oz" "see the error above; the npm binaryen package must be installed (make tools)"
echo "wasm: dist/pkg/clearmark_bg.wasm $before → $(stat -c %s dist/pkg/clearmark_bg.wasm) bytes after wasm-opt"
