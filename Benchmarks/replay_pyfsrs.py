#!/usr/bin/env python3
"""Replays a review history with py-fsrs 6.3.2, printing what `recall replay` prints.

The baseline for `recall-bench replay` and the reference the replay fixtures are made with:

    python3 Benchmarks/replay_pyfsrs.py HISTORY.csv [--parameters W0,...] [--desired-retention R]
        [--learning-steps 1m,10m] [--relearning-steps 10m] [--maximum-interval DAYS]

Input: CSV with a header naming card_id, review_time (ISO 8601 with an offset) and rating
(or review_rating). Output on stdout: card_id,review_time,rating,state,step,stability,difficulty,due,
one row per input review in input order, each card's reviews applied in time order, fuzz off.
Needs `pip install fsrs==6.3.2`.
"""

import argparse
import csv
import math
import sys
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State

STATE_NAMES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_steps(text):
    steps = []
    for item in filter(None, text.split(",")):
        steps.append(timedelta(seconds=int(item[:-1]) * UNITS[item[-1]]))
    return steps


def migrate(weights):
    """FSRS6.md's migration of 19- and 17-number vectors (py-fsrs 6.3.2 takes 21 only)."""
    weights = list(weights)
    if len(weights) == 19:
        return weights + [0.0, 0.5]
    if len(weights) == 17:
        w = weights
        w[4] += 2 * w[5]
        w[5] = math.log(3 * w[5] + 1) / 3
        w[6] += 0.5
        return w + [0.0, 0.0, 0.0, 0.5]
    return weights


def make_scheduler(args):
    kwargs = {"enable_fuzzing": False}
    if args.parameters:
        kwargs["parameters"] = migrate([float(x) for x in args.parameters.split(",")])
    if args.desired_retention is not None:
        kwargs["desired_retention"] = args.desired_retention
    if args.learning_steps is not None:
        kwargs["learning_steps"] = parse_steps(args.learning_steps)
    if args.relearning_steps is not None:
        kwargs["relearning_steps"] = parse_steps(args.relearning_steps)
    if args.maximum_interval is not None:
        kwargs["maximum_interval"] = args.maximum_interval
    return Scheduler(**kwargs)


def replay(path, scheduler):
    """Returns the output rows (lists of strings) for the history at `path`."""
    with open(path, newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        card_column = header.index("card_id")
        time_column = header.index("review_time")
        rating_column = header.index("rating") if "rating" in header else header.index("review_rating")
        rows = []
        for row in reader:
            if not row:
                continue
            time = datetime.fromisoformat(row[time_column]).astimezone(timezone.utc)
            rows.append((row[card_column], row[time_column], int(row[rating_column]), time))

    by_card = {}
    for index, row in enumerate(rows):
        by_card.setdefault(row[0], []).append(index)

    results = [None] * len(rows)
    for indices in by_card.values():
        indices.sort(key=lambda i: rows[i][3])  # stable: equal times keep input order
        card = Card(card_id=0)  # an explicit id: Card() would sleep 1 ms to make one up
        for i in indices:
            card, _ = scheduler.review_card(card, Rating(rows[i][2]), rows[i][3])
            results[i] = (card.state, card.step, card.stability, card.difficulty, card.due)

    out = []
    for (card_id, time_text, rating, _), (state, step, stability, difficulty, due) in zip(rows, results):
        out.append([
            card_id, time_text, str(rating), STATE_NAMES[state], "" if step is None else str(step),
            f"{stability:.6f}", f"{difficulty:.6f}", due.strftime("%Y-%m-%dT%H:%M:%SZ"),
        ])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("history")
    parser.add_argument("--parameters")
    parser.add_argument("--desired-retention", type=float)
    parser.add_argument("--learning-steps")
    parser.add_argument("--relearning-steps")
    parser.add_argument("--maximum-interval", type=int)
    args = parser.parse_args()
    scheduler = make_scheduler(args)
    out = sys.stdout
    out.write("card_id,review_time,rating,state,step,stability,difficulty,due\n")
    out.writelines(",".join(row) + "\n" for row in replay(args.history, scheduler))


if __name__ == "__main__":
    main()
