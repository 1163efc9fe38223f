#!/usr/bin/env python3
"""Generates the FSRS parity fixtures of Tests/SchedulingTests/Fixtures and the replay fixtures
of Tests/ReplayTests/Fixtures with py-fsrs 6.3.2.

    pip install fsrs==6.3.2
    python3 tools/make_fsrs_fixtures.py

Writes, deterministically (seeded):
- fsrs-parity.json: review sequences under several scheduler configurations (default, other
  steps, no steps, custom 21/19/17-number vectors, other desired retentions, a short maximum
  interval): random ratings reviewed early, on time, very late, the same day, or even before
  the previous review, plus every rating from every state. Each review records the state
  after it at full precision and the retrievability just before it.
- ReplayTests: fsrs-test-revlogs.csv: a copy of ../shared/data/fsrs-test-revlogs.csv (real reviews).
- fsrs-test-revlogs.expected.csv: the state, step, stability, difficulty and due columns that
  Benchmarks/replay_pyfsrs.py prints for it (the replay output without the echoed columns).
"""

import json
import math
import os
import random
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Benchmarks"))
from replay_pyfsrs import migrate  # noqa: E402  (FSRS6.md's migration of 19- and 17-number vectors)
FIXTURES = os.path.join(ROOT, "Tests", "SchedulingTests", "Fixtures")
REPLAY_FIXTURES = os.path.join(ROOT, "Tests", "ReplayTests", "Fixtures")
REVLOGS = os.path.join(ROOT, "..", "shared", "data", "fsrs-test-revlogs.csv")
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
PHASES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}

rng = random.Random(20240101)


def micros(moment):
    return (moment - EPOCH) // timedelta(microseconds=1)


def random_weights():
    """A valid vector: each default weight moved randomly, kept inside the bounds."""
    weights = []
    for default, low, high in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        value = default * rng.uniform(0.6, 1.4) + rng.uniform(-0.05, 0.05)
        weights.append(round(min(max(value, low), high), 4))
    return weights


FSRS5_WEIGHTS = [0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
                 1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621]
FSRS45_WEIGHTS = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367,
                  1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755]

CONFIGURATIONS = [
    {"name": "defaults"},
    {"name": "three learning steps, two relearning steps", "learning_steps": [60, 600, 3600],
     "relearning_steps": [600, 3600]},
    {"name": "no steps", "learning_steps": [], "relearning_steps": []},
    {"name": "one 30s learning step", "learning_steps": [30], "relearning_steps": [300]},
    {"name": "custom 21 parameters", "parameters": random_weights()},
    {"name": "custom 21 parameters, decay 0.5", "parameters": random_weights()[:20] + [0.5]},
    {"name": "FSRS-5 vector (19)", "parameters": FSRS5_WEIGHTS},
    {"name": "FSRS-4.5 vector (17)", "parameters": FSRS45_WEIGHTS},
    {"name": "desired retention 0.8", "desired_retention": 0.8},
    {"name": "desired retention 0.95", "desired_retention": 0.95},
    {"name": "desired retention 0.7, maximum interval 100", "desired_retention": 0.7, "maximum_interval": 100},
    {"name": "desired retention 0.99", "desired_retention": 0.99},
]


def scheduler_for(config):
    return Scheduler(
        parameters=migrate(config.get("parameters", DEFAULT_PARAMETERS)),
        desired_retention=config.get("desired_retention", 0.9),
        learning_steps=[timedelta(seconds=s) for s in config.get("learning_steps", [60, 600])],
        relearning_steps=[timedelta(seconds=s) for s in config.get("relearning_steps", [600])],
        maximum_interval=config.get("maximum_interval", 36500),
        enable_fuzzing=False,
    )


def next_time(card, kind):
    """A review time after (or, for 'before', just before) the card's last review."""
    last = card.last_review
    gap = card.due - last
    if kind == "on time":
        return card.due
    if kind == "early":
        return last + gap * rng.uniform(0.05, 0.95)
    if kind == "late":
        return card.due + gap * rng.uniform(0.2, 2.0) + timedelta(seconds=rng.randint(0, 86399))
    if kind == "very late":
        return card.due + gap * rng.uniform(3, 30) + timedelta(days=rng.randint(1, 400))
    if kind == "same day":
        return last + timedelta(seconds=rng.randint(0, 86399), microseconds=rng.randint(0, 999999))
    if kind == "day boundary":
        return last + timedelta(days=rng.randint(1, 3)) - timedelta(microseconds=rng.choice([1, 0]))
    if kind == "before":
        return last - timedelta(seconds=rng.randint(1, 200000))
    raise ValueError(kind)


TIMINGS = ["on time", "early", "late", "very late", "same day", "day boundary"]


def record(scheduler, card, rating, moment):
    before = scheduler.get_card_retrievability(card, moment) if card.last_review else None
    card, _ = scheduler.review_card(card, Rating(rating), moment)
    return card, [rating, micros(moment), PHASES[card.state], card.step, card.stability, card.difficulty,
                  micros(card.due), before]


def start_time():
    return datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(
        days=rng.randint(0, 700), seconds=rng.randint(0, 86399), microseconds=rng.choice([0, rng.randint(0, 999999)]))


def random_sequence(scheduler, length):
    card = Card(card_id=0)
    moment = start_time()
    reviews = []
    for index in range(length):
        if index > 0:
            kind = rng.choice(TIMINGS + ["before"] if index > 2 and rng.random() < 0.05 else TIMINGS)
            moment = next_time(card, kind)
        rating = rng.choices([1, 2, 3, 4], weights=[2, 1, 5, 1])[0]
        card, row = record(scheduler, card, rating, moment)
        reviews.append(row)
    return reviews


PREFIXES = {
    "new": [],
    "learning step 0": [1],
    "learning step 1": [3],
    "review": [3, 3],
    "relearning step 0": [3, 3, 1],
    "relearning step 1": [3, 3, 1, 3],
}


def every_rating_from_every_state(scheduler):
    sequences = []
    for prefix in PREFIXES.values():
        for rating in [1, 2, 3, 4]:
            for kind in ["on time", "early", "very late"]:
                card = Card(card_id=0)
                moment = start_time()
                reviews = []
                for index, earlier in enumerate(prefix):
                    if index > 0:
                        moment = card.due
                    card, row = record(scheduler, card, earlier, moment)
                    reviews.append(row)
                if prefix:
                    moment = next_time(card, kind)
                card, row = record(scheduler, card, rating, moment)
                reviews.append(row)
                sequences.append(reviews)
    return sequences


def main():
    os.makedirs(FIXTURES, exist_ok=True)
    cases = []
    for config in CONFIGURATIONS:
        scheduler = scheduler_for(config)
        sequences = [random_sequence(scheduler, rng.randint(6, 14)) for _ in range(16)]
        sequences += every_rating_from_every_state(scheduler)
        cases.append({**config, "sequences": sequences})
    fixture = {
        "generator": "tools/make_fsrs_fixtures.py with py-fsrs 6.3.2, fuzz off",
        "review": "[rating, review time (µs since 1970), phase, step, stability, difficulty, due (µs), "
                  "retrievability before the review]",
        "cases": cases,
    }
    with open(os.path.join(FIXTURES, "fsrs-parity.json"), "w") as file:
        json.dump(fixture, file, separators=(",", ":"))
        file.write("\n")

    shutil.copyfile(REVLOGS, os.path.join(REPLAY_FIXTURES, "fsrs-test-revlogs.csv"))
    output = subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "replay_pyfsrs.py"), REVLOGS],
                            check=True, capture_output=True, text=True).stdout
    with open(os.path.join(REPLAY_FIXTURES, "fsrs-test-revlogs.expected.csv"), "w") as file:
        for line in output.splitlines():
            file.write(",".join(line.split(",")[3:]) + "\n")


if __name__ == "__main__":
    main()
