# recall: the two commands of the README are `make run` and `make test`.
SWIFT ?= swift
PREFIX ?= /usr/local
BIN_PATH = $$($(SWIFT) build -c release --show-bin-path)

.PHONY: lint format run test build release install uninstall bench deps clean fuzz fsrs-rs-venv check-fsrs-rs
FSRS_VENV = .build/venv-fsrs

## Opens the recall REPL on the bundled decks (installs system packages and builds first).
run: release
	@"$(BIN_PATH)/recall" $(ARGS)

## Runs the whole test suite (installs system packages first), the end-to-end check of
## `recall export` against real Anki (in a venv under .build/; SKIPPED without PyPI), every
## fuzz target for 30 seconds with a fixed seed (a finding fails the run), then the live
## comparison of `recall optimize` with fsrs-rs-python (SKIPPED when it cannot be installed).
test: deps lint
	$(SWIFT) build --build-tests
	./tools/check_anki_export.sh
	$(SWIFT) test
	FUZZ_SEED=1 ./scripts/fuzz.sh 30
	@$(MAKE) --no-print-directory check-fsrs-rs

## A Python venv under .build/ with fsrs-rs-python 0.9.3, the optimizer's reference.
fsrs-rs-venv:
	@$(FSRS_VENV)/bin/python -c "import fsrs_rs_python" 2>/dev/null || \
	  { python3 -m venv $(FSRS_VENV) && \
	    $(FSRS_VENV)/bin/pip install --quiet --retries 1 --timeout 20 fsrs-rs-python==0.9.3; }

## recall optimize against fsrs-rs-python's compute_parameters, live, on the test histories.
check-fsrs-rs:
	@if $(MAKE) --no-print-directory fsrs-rs-venv >/dev/null 2>&1; then \
	  $(FSRS_VENV)/bin/python tools/check_optimizer_live.py "$$($(SWIFT) build --show-bin-path)/recall"; \
	else \
	  echo "fsrs-rs-python live comparison: SKIPPED (fsrs-rs-python 0.9.3 cannot be installed from PyPI here)"; \
	fi

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

## Checks the formatting (.swift-format) of every Swift file; `make format` fixes what it can.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Benchmarks Fuzz Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Benchmarks Fuzz Package.swift
