# maestro-topo — build, run, test, install.
# `make run` and `make test` set everything up on a fresh machine.

SWIFT   ?= swift
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
BASHDIR  = $(PREFIX)/share/bash-completion/completions
ZSHDIR   = $(PREFIX)/share/zsh/site-functions
FISHDIR  = $(PREFIX)/share/fish/vendor_completions.d
DATADIR  = $(PREFIX)/share/maestro-topo
EXTRAS   = .build/extras
RELEASE  = .build/release/maestro-topo
EXAMPLE ?= topologies/four-server.yaml

BENCH    = .build-bench
.PHONY: all deps build run bundle test-tools test test-asan fuzz bench docs extras deb install uninstall clean

all: build

# libyaml (pkg-config name yaml-0.1) and OpenSSL (pkg-config name openssl)
# come from the system. Install them when missing and we may; otherwise say
# exactly what to install.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1 || ! pkg-config --exists openssl; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing libyaml-dev, libssl-dev and pkg-config..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev libssl-dev pkg-config; \
	  else \
	    echo "maestro-topo needs libyaml, OpenSSL and pkg-config. Install them with:"; \
	    echo "  sudo apt-get install -y libyaml-dev libssl-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

# A fully static release binary: no dynamic loading at start, which is most
# of what a run over one small file costs (see docs/performance.md).
build: deps
	$(SWIFT) build -c release --product maestro-topo -Xswiftc -static-executable

# Plans the bundled four-server layout.
run: build
	$(RELEASE) plan $(EXAMPLE)

# Writes the four-server bundle to out/four-server. The keystore password
# comes from MAESTRO_KEYSTORE_PASSWORD; without it a marked placeholder is used.
bundle: build
	mkdir -p out
	$(RELEASE) bundle $(EXAMPLE) --out out/four-server --force \
	  $$( [ -n "$${MAESTRO_KEYSTORE_PASSWORD:-}" ] || echo --placeholder-secrets )

# The real tools some tests run, from PyPI: check-jsonschema judges the
# JSON Schema, pre-commit runs the repository's hook. Installed when missing and we are root; otherwise named (those
# tests skip on a user's machine, and fail under CI=true).
PYTOOLS = check-jsonschema pre-commit
test-tools:
	@for tool in $(PYTOOLS); do \
	  command -v $$tool >/dev/null 2>&1 && continue; \
	  if [ "$$(id -u)" = 0 ] && command -v python3 >/dev/null 2>&1; then \
	    echo "Installing $$tool..."; python3 -m pip install --quiet $$tool; \
	    if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi; \
	  else echo "Some tests need $$tool: python3 -m pip install --user $$tool"; fi; \
	done

test: deps test-tools
	$(SWIFT) test

# The whole suite under AddressSanitizer, in its own build folder. The tests
# run the maestro-topo built beside them, so the CLI runs under ASan too.
# Leak checks are off: what LeakSanitizer reports at exit is the XCTest
# runner's and the Swift runtime's, not ours.
test-asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

# libFuzzer over loader, rules, planner and renderers (package in Fuzz/),
# for FUZZ_SECONDS. The corpus grows in $(FUZZ)/corpus, seeded from
# topologies/ and the regression fixtures; crashes, leaks, timeouts and
# out-of-memory inputs land in $(FUZZ)/artifacts/ and fail the target.
# Linked with lld: gold fails on the fuzzer-instrumented objects. The build
# plan is not cached: SwiftPM watches only the root package (Fuzz/) for new
# files, so a file added to Sources/ would otherwise go unseen.
FUZZ         = .build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_BIN     = $(FUZZ)/release/maestro-topo-fuzz
FUZZ_SEEDS   = topologies Tests/MaestroTopoTests/Fixtures/fuzz-regressions
fuzz: deps
	$(SWIFT) build -c release --package-path Fuzz --scratch-path $(FUZZ) --disable-build-manifest-caching \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
	mkdir -p $(FUZZ)/corpus $(FUZZ)/artifacts
	find $(FUZZ_SEEDS) -type f ! -name '*.md' | while read -r f; do \
	  cp "$$f" "$(FUZZ)/corpus/seed-$$(echo "$$f" | tr / _)"; done
	SWIFT_BACKTRACE=enable=no $(FUZZ_BIN) $(FUZZ)/corpus -dict=Fuzz/maestro.dict \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=5 -rss_limit_mb=2048 \
	  -artifact_prefix=$(FUZZ)/artifacts/ -print_final_stats=1

# Benchmark: corpus, floor (C, libyaml events only), peers, alternated runs;
# instruction counts through valgrind's callgrind, installed when missing.
bench: build
	@command -v valgrind >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; \
	  else echo "make bench needs valgrind: sudo apt-get install -y valgrind"; exit 1; fi; }
	mkdir -p $(BENCH)
	cc -O2 -o $(BENCH)/floor bench/floor.c $$(pkg-config --cflags --libs yaml-0.1)
	cc -O2 -o $(BENCH)/measure bench/measure.c
	cd Benchmarks/YamsPeer && $(SWIFT) build -c release
	python3 bench/gen_corpus.py $(BENCH)/data
	python3 bench/run.py --data $(BENCH)/data --tool $(RELEASE) --floor $(BENCH)/floor --measure $(BENCH)/measure \
	  --yams Benchmarks/YamsPeer/.build/release/yams-peer --pyyaml bench/pyyaml_peer.py \
	  --pairs $${PAIRS:-5} --json $(BENCH)/results.json

# Regenerates docs/rules.md from the rule registry, and the JSON Schema and
# docs/format.md's key tables from the loader's key list (tests check all
# three are current).
docs: build
	$(RELEASE) explain --markdown > docs/rules.md
	$(RELEASE) schema --output docs/topology.schema.json --force
	RECORD_GOLDEN=1 $(SWIFT) test --filter DocsAndExamplesTests.testFormatKeyTablesAreGeneratedFromTheKeyList

# The man page (swift-argument-parser's generate-manual reads the command
# tree from the binary) and the bash, zsh and fish completions, which the
# binary writes itself: packaging/extras, which the tests run too.
extras: build
	$(SWIFT) build -c release --product generate-manual -Xswiftc -static-executable
	packaging/extras $(RELEASE) .build/release/generate-manual $(EXTRAS)

install: build extras
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)" "$(DESTDIR)$(BASHDIR)" "$(DESTDIR)$(ZSHDIR)" "$(DESTDIR)$(FISHDIR)" "$(DESTDIR)$(DATADIR)"
	install -m 0755 $(RELEASE) "$(DESTDIR)$(BINDIR)/maestro-topo"
	install -m 0644 $(EXTRAS)/maestro-topo.1 "$(DESTDIR)$(MANDIR)/maestro-topo.1"
	install -m 0644 $(EXTRAS)/maestro-topo.bash "$(DESTDIR)$(BASHDIR)/maestro-topo"
	install -m 0644 $(EXTRAS)/_maestro-topo "$(DESTDIR)$(ZSHDIR)/_maestro-topo"
	install -m 0644 $(EXTRAS)/maestro-topo.fish "$(DESTDIR)$(FISHDIR)/maestro-topo.fish"
	install -m 0644 $(EXTRAS)/topology.schema.json "$(DESTDIR)$(DATADIR)/topology.schema.json"

# The Debian package out/maestro-topo_VERSION_ARCH.deb (docs/packaging.md):
# the static binary, its man page and completions, built by
# packaging/deb/build-deb, which the tests run too; lintian must find no
# error in it. dpkg-deb and lintian are installed when missing and we may.
deb: extras
	@if ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v lintian >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing dpkg-dev and lintian..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev lintian; \
	  else \
	    echo "make deb needs dpkg-deb and lintian. Install them with:"; \
	    echo "  sudo apt-get install -y dpkg-dev lintian"; \
	    exit 1; \
	  fi; \
	fi
	@deb=$$(packaging/deb/build-deb $(RELEASE) $(EXTRAS) out) && \
	  lintian --tag-display-limit 0 --fail-on error "$$deb" && \
	  echo "Debian package: $$deb (lintian found no errors)"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/maestro-topo" "$(DESTDIR)$(MANDIR)/maestro-topo.1" \
	  "$(DESTDIR)$(BASHDIR)/maestro-topo" "$(DESTDIR)$(ZSHDIR)/_maestro-topo" "$(DESTDIR)$(FISHDIR)/maestro-topo.fish" \
	  "$(DESTDIR)$(DATADIR)/topology.schema.json"
	-rmdir "$(DESTDIR)$(DATADIR)" 2>/dev/null

clean:
	rm -rf .build .build-bench out
