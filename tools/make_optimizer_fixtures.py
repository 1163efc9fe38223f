#!/usr/bin/env python3
"""Generates the optimizer fixtures of Tests/OptimizerTests/Fixtures with fsrs-rs-python 0.9.3.

    make fsrs-rs-venv      # or: python3 -m venv .build/venv-fsrs && .build/venv-fsrs/bin/pip install fsrs-rs-python==0.9.3
    .build/venv-fsrs/bin/python tools/make_optimizer_fixtures.py

fsrs-rs-python 0.9.3 wraps the Rust crate fsrs 6.6.2. For each history (the shared real log and
two histories simulated by tools/simulate_fsrs_history.py from known non-default parameters),
it builds the training items the way recall does (and fsrs-rs's Anki converter does): days
counted in UTC with a 04:00 rollover, each card's reviews in time order, one item per review
with delta_t > 0, items ordered by the time of their last review. It then records:

- the number of items and an FNV-1a hash of them (so the Swift tests know they build the same);
- the pretrained initial stabilities: compute_parameters on the first-long-term items only
  returns them (with the default w4 … w20), for all first ratings and for subsets of ratings
  that exercise the geometric filling;
- compute_parameters on all items (fsrs-rs's fit) and its wall time;
- evaluate() (log loss, RMSE(bins)) of the defaults, of fsrs-rs's fit and of the true parameters.

Writes Tests/OptimizerTests/Fixtures/optimizer-fixtures.json and the two simulated CSVs.
"""

import csv
import json
import os
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "OptimizerTests", "Fixtures")
REAL_LOG = os.path.join(ROOT, "Tests", "ReplayTests", "Fixtures", "fsrs-test-revlogs.csv")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ROLLOVER_HOUR = 4

SIMULATED = [
    # name, cards, reviews, seed, true parameters
    ("simulated-a", 1500, 15000, 1,
     [0.5, 1.8, 4.0, 12.0, 5.8, 1.1, 2.2, 0.01, 1.6, 0.25, 1.1, 1.8, 0.09, 0.35, 1.9, 0.45, 2.4, 0.4, 0.2, 0.1, 0.3]),
    ("simulated-b", 800, 8000, 2,
     [1.0, 2.5, 5.0, 20.0, 6.5, 0.6, 1.5, 0.05, 1.2, 0.12, 0.9, 1.2, 0.05, 0.2, 1.2, 0.3, 2.0, 0.7, 0.3, 0.05, 0.2]),
]


def read_history(path):
    """(card, microseconds since 1970, rating) per row, cards numbered by first appearance."""
    cards = {}
    rows = []
    with open(path, newline="") as handle:
        for row in csv.DictReader(handle):
            card = cards.setdefault(row["card_id"], len(cards))
            moment = datetime.fromisoformat(row["review_time"].replace("Z", "+00:00"))
            micros = (moment - EPOCH) // timedelta(microseconds=1)
            rating = int(row.get("rating") or row["review_rating"])
            rows.append((card, micros, rating))
    return rows, len(cards)


def study_day(micros, tz=timezone.utc):
    moment = EPOCH + timedelta(microseconds=micros - ROLLOVER_HOUR * 3_600_000_000)
    return moment.astimezone(tz).date().toordinal()


def build_items(rows, card_count):
    """The items as lists of (rating, delta_t), in recall's order."""
    by_card = [[] for _ in range(card_count)]
    for index, (card, micros, rating) in enumerate(rows):
        by_card[card].append((micros, index, rating))
    keyed = []
    for card, reviews in enumerate(by_card):
        if not reviews:
            continue
        reviews.sort()
        sequence = []
        previous = None
        for position, (micros, _, rating) in enumerate(reviews):
            day = study_day(micros)
            delta = 0 if position == 0 else max(0, day - previous)
            previous = day
            sequence.append((rating, delta))
            if delta > 0:
                keyed.append(((micros, card, position + 1), list(sequence)))
    keyed.sort(key=lambda entry: entry[0])
    return [items for _, items in keyed]


def fnv1a(items):
    value = 0xCBF29CE484222325
    for item in items:
        text = "".join(f"{rating}:{delta};" for rating, delta in item) + "\n"
        for byte in text.encode():
            value ^= byte
            value = (value * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{value:016x}"


def to_fsrs(items):
    return [FSRSItem([FSRSReview(rating, delta) for rating, delta in item]) for item in items]


def long_term_count(item):
    return sum(1 for _, delta in item if delta > 0)


def evaluate(parameters, fsrs_items):
    result = FSRS(parameters).evaluate(fsrs_items)
    return {"parameters": list(parameters), "log_loss": result.log_loss, "rmse_bins": result.rmse_bins}


def dataset(name, csv_name, true_parameters=None):
    path = os.path.join(FIXTURES, csv_name) if true_parameters else REAL_LOG
    rows, card_count = read_history(path)
    items = build_items(rows, card_count)
    fsrs_items = to_fsrs(items)
    fsrs = FSRS(DEFAULT_PARAMETERS)

    first_long_term = [item for item in items if long_term_count(item) == 1]
    pretrain = []
    present = sorted({item[0][0] for item in first_long_term})
    subsets = [present] + [[r] for r in present] + [
        [a, b] for a in present for b in present if a < b] + [
        [r for r in present if r != skip] for skip in present if len(present) == 4]
    for subset in subsets:
        chosen = [item for item in first_long_term if item[0][0] in subset]
        if len(chosen) < 30:
            continue
        parameters = fsrs.compute_parameters(to_fsrs(chosen))
        pretrain.append({"first_ratings": subset, "items": len(chosen), "stabilities": parameters[:4]})

    started = time.perf_counter()
    fitted = fsrs.compute_parameters(fsrs_items)
    seconds = time.perf_counter() - started
    evaluations = [evaluate(DEFAULT_PARAMETERS, fsrs_items), evaluate(fitted, fsrs_items)]
    if true_parameters:
        evaluations.append(evaluate(true_parameters, fsrs_items))
    print(f"{name}: {len(rows)} reviews, {len(items)} items, fit in {seconds:.2f} s, "
          f"log loss default {evaluations[0]['log_loss']:.5f} fitted {evaluations[1]['log_loss']:.5f}")
    return {
        "name": name,
        "csv": csv_name,
        "true_parameters": true_parameters,
        "reviews": len(rows),
        "items": len(items),
        "items_fnv1a": fnv1a(items),
        "pretrain": pretrain,
        "fitted": fitted,
        "fit_seconds": round(seconds, 3),
        "evaluations": evaluations,
    }


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    datasets = [dataset("real", "fsrs-test-revlogs.csv")]
    for name, cards, reviews, seed, parameters in SIMULATED:
        csv_name = f"{name}.csv"
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "simulate_fsrs_history.py"),
                        "--cards", str(cards), "--reviews", str(reviews), "--seed", str(seed),
                        "--parameters", ",".join(map(str, parameters)),
                        "--out", os.path.join(FIXTURES, csv_name)], check=True)
        datasets.append(dataset(name, csv_name, parameters))
    fixture = {
        "generator": "tools/make_optimizer_fixtures.py with fsrs-rs-python 0.9.3 (Rust fsrs 6.6.2)",
        "timezone": "UTC",
        "rollover_hour": ROLLOVER_HOUR,
        "default_parameters": list(DEFAULT_PARAMETERS),
        "datasets": datasets,
    }
    with open(os.path.join(FIXTURES, "optimizer-fixtures.json"), "w") as out:
        json.dump(fixture, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
