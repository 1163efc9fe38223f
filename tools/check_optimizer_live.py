#!/usr/bin/env python3
"""Compares `recall optimize` with fsrs-rs-python 0.9.3, live (run by `make test`).

    .build/venv-fsrs/bin/python tools/check_optimizer_live.py PATH/TO/recall

For the shared real log and the two simulated histories of Tests/OptimizerTests/Fixtures, runs
`recall optimize --csv FILE --json` (TZ=UTC), builds the same training items in Python, fits
them with fsrs-rs-python's compute_parameters, and scores both fits with fsrs-rs-python's
evaluate(). Passes when recall's log loss is within 0.5 % of fsrs-rs's, or better, on every
history. Exit status 1 on a failure.
"""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_optimizer_fixtures import FIXTURES, REAL_LOG, build_items, read_history, to_fsrs  # noqa: E402
from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS  # noqa: E402


def main():
    recall = sys.argv[1]
    histories = [("real log", REAL_LOG)] + [
        (name, os.path.join(FIXTURES, f"{name}.csv")) for name in ("simulated-a", "simulated-b")]
    failed = False
    for name, path in histories:
        run = subprocess.run([recall, "optimize", "--csv", path, "--json"], capture_output=True, text=True,
                             env=dict(os.environ, TZ="UTC"))
        if run.returncode != 0:
            print(f"{name}: recall optimize failed ({run.returncode}): {run.stderr.strip()}")
            failed = True
            continue
        ours = json.loads(run.stdout)
        rows, cards = read_history(path)
        items = to_fsrs(build_items(rows, cards))
        theirs = FSRS(DEFAULT_PARAMETERS).compute_parameters(items)
        their_loss = FSRS(theirs).evaluate(items).log_loss
        our_loss = FSRS(ours["parameters"]).evaluate(items).log_loss
        ratio = our_loss / their_loss
        verdict = "ok" if ratio <= 1.005 and ours["items"] == len(items) else "FAILED"
        failed |= verdict != "ok"
        print(f"{name}: {len(items)} items; log loss by fsrs-rs's evaluate: recall {our_loss:.5f}, "
              f"fsrs-rs {their_loss:.5f} ({(ratio - 1) * 100:+.2f} %) {verdict}")
    print("fsrs-rs-python live comparison: " + ("FAILED" if failed else "passed"))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
