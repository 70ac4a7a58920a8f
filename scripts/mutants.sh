#!/usr/bin/env bash
# Mutation testing of the judgement core with cargo-mutants (README "Mutation testing").
#
#   scripts/mutants.sh [MODULE...]   each module (all when none given) in its own time
#                                    budget; reports in mutants.out/MODULE/
#   scripts/mutants.sh --diff [BASE] only the mutants in lines changed since BASE (default
#                                    HEAD~1, the previous landed commit), bounded; fails
#                                    when one of them is missed
#
# A module is a set of files and the tests that judge them: each mutant is built and
# tested with those tests only (`--cargo-arg` picks the test targets for both the build
# and the test phase, the last words are cargo test filters), so one mutant costs one
# incremental build of the library and a few seconds of tests, not the whole suite.
# Budgets: MUTANTS_BUDGET seconds per module (default 3600), MUTANTS_TIMEOUT seconds per
# test run (default 120). When a budget runs out, cargo-mutants stops, and the mutants it
# reached are reported. Runs at nice 19 with one job: the machine is shared. It must not
# be run from the wasm target or CI's browser steps; it only needs cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# cargo-mutants copies the files git tracks (--gitignore=true: not tmp/, node_modules/,
# dist/, target/) to a scratch directory under TMPDIR (tmp/, like all scratch here) and
# builds there, in target/mutants/ (MUTANTS_TARGET): the dependencies are built there
# once and reused by every later run. Not target/ itself: clearmark's artifacts have the
# same names from any path, so a cargo command run in the tree during a long run would
# swap the unmutated library in under a mutant's tests. make test's mutants-diff, where
# nothing else builds meanwhile, uses target/ (MUTANTS_TARGET=target) and its
# dependencies built by the native tests.
export TMPDIR="${TMPDIR:-$PWD/tmp}"
export CARGO_TARGET_DIR="${MUTANTS_TARGET:-$PWD/target/mutants}"
mkdir -p "$TMPDIR"

BUDGET="${MUTANTS_BUDGET:-3600}"
TEST_TIMEOUT="${MUTANTS_TIMEOUT:-120}"

# The slow snapshot unit tests (25 s) only judge the snapshot module.
SKIP_SNAPSHOT=(--skip register::snapshot)
# The watch list's own engine tests (detect::watch_tests) judge it too.
LIB_ONLY_REGISTER=(--skip register::snapshot --skip detect::marks --skip detect::copy --skip text:: --skip corpus::)

# MODULE → cargo-mutants file globs and test selection.
module_args() {
  case "$1" in
    text) # normalisation, tokens, UTF-16 offsets, homoglyphs, leet: every engine test reads them
      echo "-f src/text/** -C --lib -C --test=text_normalize -C --test=detect_engine -- -- ${SKIP_SNAPSHOT[*]}" ;;
    codes) # USPTO/EUIPO codes, source readers, brand lists, watch lists, feed and update
      echo "-f src/register/*.rs -f src/register/sources/*.rs -C --lib -C --test=sources -C --test=update -C --test=enforced_cli -- -- ${LIB_ONLY_REGISTER[*]}" ;;
    snapshot) # the snapshot format, index, records, trailer and checks
      echo "-f src/register/snapshot/** -C --lib -C --test=snapshot -C --test=update -- -- --skip detect:: --skip text::" ;;
    copy) # copied copy: judge, corpus, fingerprints
      echo "-f src/detect/copy/** -f src/corpus/** -f src/codec.rs -C --lib -- -- detect::copy corpus:: codec::" ;;
    lookalike) # edit limits, disguises
      echo "-f src/detect/marks/lookalike.rs -C --lib -C --test=detect_disguises -C --test=detect_engine -- -- ${SKIP_SNAPSHOT[*]}" ;;
    detect) # the rest of detection: marks, risk, ordinary words, own brands, classes
      echo "-f src/detect/** -e src/detect/copy/** -e src/detect/marks/lookalike.rs -C --lib -C --test=detect_engine -C --test=detect_disguises -C --test=detect_properties -- -- ${SKIP_SNAPSHOT[*]}" ;;
    *) echo "unknown module '$1' (text codes snapshot copy lookalike detect)" >&2; return 2 ;;
  esac
}
ALL_MODULES=(text codes snapshot copy lookalike detect)

command -v cargo-mutants >/dev/null || {
  echo "error: cargo-mutants is not installed; run: make tools-test (or scripts/install-tools.sh test)" >&2
  exit 1
}

# caught/missed/timeout/unviable counts of one mutants.out directory.
summary() {
  local out="$1/mutants.out"
  local c m t u
  c=$( (cat "$out/caught.txt" 2>/dev/null || true) | grep -c . || true)
  m=$( (cat "$out/missed.txt" 2>/dev/null || true) | grep -c . || true)
  t=$( (cat "$out/timeout.txt" 2>/dev/null || true) | grep -c . || true)
  u=$( (cat "$out/unviable.txt" 2>/dev/null || true) | grep -c . || true)
  echo "caught $c / viable $((c + m + t)) (missed $m, timeout $t, unviable $u)"
}

# Runs cargo-mutants in the budget; its own exit status (2 when mutants are missed, 3 on
# test timeouts) is read from the report instead.
run() {
  local budget="$1"; shift
  timeout --signal=INT --kill-after=60 "$budget" \
    nice -n 19 cargo mutants --jobs 1 --gitignore=true --timeout "$TEST_TIMEOUT" "$@" || true
}

if [ "${1:-}" = --diff ]; then
  base="${2:-HEAD~1}"
  # A clean clone of the first commit, or a shallow one, has nothing to diff against.
  if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    echo "mutants-diff: skipped, no commit $base to diff against (first commit or shallow clone)"
    exit 0
  fi
  core=(src/text src/detect src/register src/corpus src/codec.rs)
  if git diff --quiet "$base" -- "${core[@]}"; then
    echo "mutants-diff: skipped, the diff against $base does not touch ${core[*]}"
    exit 0
  fi
  mkdir -p mutants.out/diff tmp
  diff_file="tmp/mutants-diff.patch"
  git diff "$base" -- "${core[@]}" >"$diff_file"
  # Deterministic and bounded: at most MUTANTS_DIFF_MAX mutants (default 10: 11 took
  # 6m23s here, baseline included, at about 29 s each), spread over the diff
  # (round-robin shard 0 of n), each
  # judged by the unit tests and the engine, sources, update and snapshot integration
  # tests; the whole run, baseline build included, gets MUTANTS_DIFF_BUDGET seconds
  # (default 480) as a safety net.
  max="${MUTANTS_DIFF_MAX:-10}"
  count=$(cargo mutants --in-diff "$diff_file" --list -f 'src/text/**' -f 'src/detect/**' -f 'src/register/**' -f 'src/corpus/**' -f src/codec.rs | grep -c . || true)
  if [ "$count" -eq 0 ]; then
    echo "mutants-diff: no mutants in the lines changed since $base"
    exit 0
  fi
  shards=$(((count + max - 1) / max))
  echo "mutants-diff: $count mutants in the lines changed since $base; testing $(((count + shards - 1) / shards)) of them (shard 0/$shards)"
  rm -rf mutants.out/diff/mutants.out
  # The snapshot unit tests take 25 s: only when the diff touches the snapshot module.
  filters=(-- --)
  git diff --quiet "$base" -- src/register/snapshot && filters+=("${SKIP_SNAPSHOT[@]}")
  run "${MUTANTS_DIFF_BUDGET:-480}" --in-diff "$diff_file" -f 'src/text/**' -f 'src/detect/**' -f 'src/register/**' -f 'src/corpus/**' -f src/codec.rs \
    --sharding round-robin --shard "0/$shards" -o mutants.out/diff \
    -C --lib -C --test=detect_engine -C --test=detect_disguises -C --test=sources -C --test=update -C --test=snapshot \
    "${filters[@]}"
  echo "mutants-diff: $(summary mutants.out/diff)"
  if [ -s mutants.out/diff/mutants.out/missed.txt ]; then
    echo "error: mutants in the changed lines survive the tests (mutants.out/diff/mutants.out/missed.txt):" >&2
    cat mutants.out/diff/mutants.out/missed.txt >&2
    echo "  fix: add a test that fails for each, or say in README \"Mutation testing\" why it is equivalent" >&2
    exit 1
  fi
  exit 0
fi

modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=("${ALL_MODULES[@]}")
for m in "${modules[@]}"; do
  args=$(module_args "$m")
  mkdir -p "mutants.out/$m"
  echo "==> mutants: $m (budget ${BUDGET}s): cargo mutants --jobs 1 --timeout $TEST_TIMEOUT $args"
  # shellcheck disable=SC2086 # the module's arguments are words; globs are quoted by cargo-mutants
  set -f
  run "$BUDGET" -o "mutants.out/$m" ${MUTANTS_ARGS:-} $args
  set +f
  echo "    $m: $(summary "mutants.out/$m")"
done
