#!/usr/bin/env bash
# Fails when the wasm build pulls in a CLI-only crate: every crate of Cargo.toml's
# native-only dependency table that is not also a common dependency must be absent from
# the wasm32 dependency tree.
set -euo pipefail
cd "$(dirname "$0")/.."
table() { # crate names of one [section] of Cargo.toml
  awk -v sec="$1" '
    /^\[/ { on = ($0 == sec); next }
    on && /^[A-Za-z0-9_-]+[ ]*=/ { sub(/[ ]*=.*/, ""); print }
  ' Cargo.toml | sort -u
}
native_only=$(comm -23 <(table "[target.'cfg(not(target_arch = \"wasm32\"))'.dependencies]") <(table "[dependencies]"))
[ -n "$native_only" ] || { echo "check-wasm-deps: found no native-only dependency table in Cargo.toml" >&2; exit 1; }
wasm_tree=$(cargo tree -q --target wasm32-unknown-unknown -e normal --prefix none | awk '{print $1}' | sort -u)
leaked=$(comm -12 <(echo "$native_only") <(echo "$wasm_tree"))
if [ -n "$leaked" ]; then
  echo "error: the wasm build pulls in CLI-only crates: $(echo $leaked)" >&2
  echo "  fix: move their use behind #[cfg(not(target_arch = \"wasm32\"))] or out of the library" >&2
  exit 1
fi
echo "wasm dependency tree has none of the CLI-only crates ($(echo $native_only))"
