#!/usr/bin/env bash
# End-to-end check of `recall export` against real Anki, run by `make test`:
# imports the Anki fixture package into recall, answers nothing more, exports it with
# `recall export`, and imports that into the real `anki` package (26.9.x, from PyPI, in a
# venv under .build/), comparing notes, cards, review-log rows and card states.
# When the venv cannot be made (no PyPI, no python3-venv) it prints SKIPPED: never a pass.
set -uo pipefail
cd "$(dirname "$0")/.."
venv=.build/venv-anki
if ! "$venv/bin/python" -c "import anki" 2>/dev/null; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1 \
        || ! "$venv/bin/pip" install -q --disable-pip-version-check "anki==26.9.*" genanki >/dev/null 2>&1; then
        echo "SKIPPED: Anki end-to-end check (could not install the anki package from PyPI into $venv)"
        exit 0
    fi
fi
bin="$(swift build --show-bin-path)/recall"
[[ -x "$bin" ]] || { echo "error: $bin is not built (run swift build)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" NO_COLOR=1
store="$work/progress.sqlite"
"$bin" import Tests/AnkiTests/Fixtures/latest.apkg --into "$work/decks" --store "$store" >/dev/null 2>&1 \
    || { echo "error: recall import failed" >&2; exit 1; }
"$bin" export lit-novel-part-1 vocab --decks "$work/decks" --store "$store" -o "$work/out.apkg" >/dev/null \
    || { echo "error: recall export failed" >&2; exit 1; }
echo "Anki end-to-end check: recall export → anki $("$venv/bin/python" -c 'import anki.buildinfo as b; print(b.version)') import_anki_package"
if "$venv/bin/python" tools/check_anki_export.py "$work/out.apkg" "$store" lit-novel-part-1 vocab; then
    echo "Anki end-to-end check: PASSED"
else
    echo "Anki end-to-end check: FAILED"
    exit 1
fi
