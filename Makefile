# maestro-topo — build, run, test, install.
# `make run` and `make test` set everything up on a fresh machine.

SWIFT   ?= swift
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
RELEASE  = .build/release/maestro-topo
EXAMPLE ?= topologies/four-server.yaml

BENCH    = .build-bench
.PHONY: all deps build run bundle test bench docs install uninstall clean

all: build

# libyaml (pkg-config name yaml-0.1) comes from the system. Install it when
# missing and we may; otherwise say exactly what to install.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists yaml-0.1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing libyaml-dev and pkg-config..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config; \
	  else \
	    echo "maestro-topo needs libyaml and pkg-config. Install them with:"; \
	    echo "  sudo apt-get install -y libyaml-dev pkg-config"; \
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

test: deps
	$(SWIFT) test

# Benchmark: corpus, floor (C, libyaml events only), peers, alternated runs.
bench: build
	mkdir -p $(BENCH)
	cc -O2 -o $(BENCH)/floor bench/floor.c $$(pkg-config --cflags --libs yaml-0.1)
	cc -O2 -o $(BENCH)/measure bench/measure.c
	cd Benchmarks/YamsPeer && $(SWIFT) build -c release
	python3 bench/gen_corpus.py $(BENCH)/data
	python3 bench/run.py --data $(BENCH)/data --tool $(RELEASE) --floor $(BENCH)/floor --measure $(BENCH)/measure \
	  --yams Benchmarks/YamsPeer/.build/release/yams-peer --pyyaml bench/pyyaml_peer.py \
	  --pairs $${PAIRS:-5} --json $(BENCH)/results.json

# Regenerates docs/rules.md from the rule registry (a test checks it is current).
docs: build
	$(RELEASE) explain --markdown > docs/rules.md

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 0755 $(RELEASE) "$(DESTDIR)$(BINDIR)/maestro-topo"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/maestro-topo"

clean:
	rm -rf .build .build-bench out
