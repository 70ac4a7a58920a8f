#!/usr/bin/env bash
# Installs what `make run` (`install-tools.sh run`) or `make test` (`install-tools.sh test`)
# needs and is missing, idempotently: each step checks first and skips when the right
# version is present. A failed step names itself and the fix. Assumes a Debian machine
# with the Rust toolchain (rustup), node/npm and python; uses only crates.io, npm and apt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

what="${1:-run}"
case "$what" in run|test) ;; *) echo "usage: $0 run|test" >&2; exit 2 ;; esac

STEP=""
STARTED=0
step() { STEP="$1"; STARTED=$SECONDS; printf '==> %s\n' "$STEP"; }
done_step() { printf '    %s (%ss)\n' "$1" "$((SECONDS - STARTED))"; }
die() {
  printf 'error: set-up step "%s" failed: %s\n  fix: %s\n' "$STEP" "$1" "$2" >&2
  exit 1
}
# Runs a command as root (apt): directly when root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "apt-get needs root and sudo is not installed" "run as root: apt-get install -y $*"; fi
}

step "Rust toolchain"
command -v cargo >/dev/null || die "cargo is not on PATH" "install Rust with rustup (https://rustup.rs), then open a new shell"
command -v rustup >/dev/null || die "rustup is not on PATH (needed to add the wasm target)" "install Rust with rustup (https://rustup.rs)"
done_step "$(cargo --version)"

step "Node.js and npm"
command -v node >/dev/null || die "node is not on PATH" "sudo apt-get install -y nodejs npm"
command -v npm >/dev/null || die "npm is not on PATH" "sudo apt-get install -y npm"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "node $(node --version) is too old (need 20 or newer)" "install node 20+ (Debian 12: apt-get install nodejs from bookworm-backports or NodeSource)"
done_step "node $(node --version), npm $(npm --version)"

step "wasm32 target"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  done_step "present"
else
  rustup target add wasm32-unknown-unknown || die "rustup could not add the target" "check the network, then: rustup target add wasm32-unknown-unknown"
  done_step "installed"
fi

step "wasm-bindgen-cli (same version as Cargo.lock's wasm-bindgen)"
wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$wb_version" ] || die "no wasm-bindgen in Cargo.lock" "run: cargo generate-lockfile"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$wb_version" ]; then
  done_step "wasm-bindgen $wb_version present"
else
  # Without --locked: with it, resolution fails on a crate missing from the index.
  cargo install wasm-bindgen-cli --version "$wb_version" \
    || die "cargo install wasm-bindgen-cli $wb_version failed" "check the network and the error above, then: cargo install wasm-bindgen-cli --version $wb_version"
  done_step "installed wasm-bindgen $wb_version"
fi

step "npm packages (package-lock.json)"
if [ -d node_modules ] && npm ls --depth=0 >/dev/null 2>&1; then
  done_step "present"
else
  npm ci --no-audit --no-fund || die "npm ci failed" "check the network and the error above, then: npm ci"
  done_step "installed"
fi

[ "$what" = test ] || exit 0

step "browsers and drivers (apt: chromium chromium-driver firefox-esr openssl xvfb xdotool)"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing+=(firefox-esr)
command -v openssl >/dev/null || missing+=(openssl)
# Chromium's extension permission dialog takes only the keyboard: check-site.test.mjs runs
# Chromium on a private X display (Xvfb) and presses its keys with xdotool.
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
if [ ${#missing[@]} -eq 0 ]; then
  done_step "present"
else
  as_root apt-get update || die "apt-get update failed" "check the network and /etc/apt/sources.list, then: sudo apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} failed" "sudo apt-get install -y ${missing[*]}"
  done_step "installed ${missing[*]}"
fi

step "geckodriver 0.37.1 (crates.io)"
if geckodriver --version 2>/dev/null | head -1 | grep -q '^geckodriver 0\.37\.1\b'; then
  done_step "present"
else
  cargo install geckodriver --version 0.37.1 --locked \
    || die "cargo install geckodriver failed" "check the network and the error above, then: cargo install geckodriver --version 0.37.1 --locked"
  done_step "installed"
fi

step "cargo-mutants 27.1.0 (crates.io)"
if cargo mutants --version 2>/dev/null | grep -qx 'cargo-mutants 27\.1\.0'; then
  done_step "present"
else
  cargo install cargo-mutants --version 27.1.0 --locked \
    || die "cargo install cargo-mutants failed" "check the network and the error above, then: cargo install cargo-mutants --version 27.1.0 --locked"
  done_step "installed"
fi
