#!/usr/bin/env bash
# Trusts a development update key in the unpacked builds (dist/chrome, dist/firefox) so a
# local feed (`clearmark snapshot publish --key target/dev-update-key/feed.key ...`) can
# be installed by a locally loaded extension. The key pair is made once per machine with
# `clearmark keygen` under target/ (never committed, never shipped); only its PUBLIC half
# is appended to the unpacked builds' update-keys.txt. The zips are assembled before this
# step, so release zips trust only the keys in extension/update-keys.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=${CLI:-target/debug/clearmark}
KEY=target/dev-update-key/feed.key
if [ ! -f "$KEY" ]; then
  mkdir -p "$(dirname "$KEY")"
  "$CLI" keygen --out "$KEY"
fi
public=$(tr -d '[:space:]' < "${KEY%.key}.pub")
for browser in chrome firefox; do
  keys="dist/$browser/update-keys.txt"
  [ -f "$keys" ] || { echo "dev-update-key: $keys is missing: assemble first (make extension)" >&2; exit 1; }
  grep -q "$public" "$keys" || printf '# development key of this machine (%s); not in the release zips\n%s\n' "$KEY" "$public" >> "$keys"
done
echo "dev-update-key: dist/{chrome,firefox}/update-keys.txt trust ${KEY%.key}.pub"
