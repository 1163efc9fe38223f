# recall: the two commands of the README are `make run` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN_PATH = $$($(SWIFT) build -c release --show-bin-path)

.PHONY: run test build release install uninstall bench deps clean fuzz

## Opens the recall REPL on the bundled decks (installs system packages and builds first).
run: release
	@"$(BIN_PATH)/recall" $(ARGS)

## Runs the whole test suite (installs system packages first), then every fuzz target for
## 30 seconds with a fixed seed (a finding fails the run).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	FUZZ_SEED=1 ./scripts/fuzz.sh 30

## Installs the system packages recall needs (libreadline-dev, libsqlite3-dev), if missing.
deps:
	@./scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product recall

## Installs the binary to $(PREFIX)/bin and the bundled decks to $(PREFIX)/share/recall/decks.
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/recall/decks"
	install -m 755 "$(BIN_PATH)/recall" "$(DESTDIR)$(PREFIX)/bin/recall"
	install -m 644 Decks/*.json "$(DESTDIR)$(PREFIX)/share/recall/decks/"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/recall"
	rm -rf "$(DESTDIR)$(PREFIX)/share/recall"

## Builds the benchmarks in release mode and lists them.
bench: deps
	$(SWIFT) build -c release
	"$(BIN_PATH)/recall-bench" $(ARGS)

clean:
	rm -rf .build

## Runs every libFuzzer target (Fuzz/) for FUZZ_SECONDS seconds each, under the address
## sanitizer, in a build of its own (.build-fuzz). FUZZ_TARGETS picks some; FUZZ_SEED fixes the seed.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SEED=$(FUZZ_SEED) ./scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
