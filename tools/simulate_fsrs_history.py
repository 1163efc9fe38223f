#!/usr/bin/env python3
"""Simulates a review history from known FSRS-6 parameters, for testing the optimizer.

    python3 tools/simulate_fsrs_history.py --cards 1500 --reviews 15000 --seed 1 --out sim.csv

Each card is introduced on a random day of the first year, at a random time between 08:00 and
22:00 UTC (so a 04:00 rollover in UTC never splits a day). Its first rating follows Anki's
usual first-rating mix; Again and Hard go through same-day learning steps (1 and 10 minutes)
until Good. After that, each review happens when the true model's retrievability falls to a
desired retention drawn per card from 0.75 to 0.95, a day or two early or late at random
(sometimes much later), and at most 365 days apart. Recall is drawn with the true retrievability; a success is Hard, Good
or Easy in Anki's usual mix, a lapse is Again followed by a 10-minute relearning step (Good).
The true model is FSRS-6 with the given parameters, stepped as fsrs-rs does (whole days,
same-day reviews use the short-term formula). The history has exactly the requested number of
reviews: every card gets at least two, and the rest are shared out unevenly.

Writes `card_id,review_time,rating` (the layout `recall log --csv` writes and `recall replay`
reads), sorted by time. Deterministic for a seed.
"""

import argparse
import math
import random
from datetime import datetime, timedelta, timezone

TRUE_PARAMETERS = [0.5, 1.8, 4.0, 12.0, 5.8, 1.1, 2.2, 0.01, 1.6, 0.25, 1.1, 1.8, 0.09, 0.35, 1.9,
                   0.45, 2.4, 0.4, 0.2, 0.1, 0.3]
FIRST_RATING = [0.24, 0.094, 0.495, 0.171]
SUCCESS_RATING = [0.224, 0.632, 0.144]  # Hard, Good, Easy
MAXIMUM_INTERVAL = 365  # days, a common deck setting
EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)


class Model:
    def __init__(self, w):
        self.w = w
        self.decay = -w[20]
        self.factor = 0.9 ** (1 / self.decay) - 1

    def retrievability(self, t, s):
        return (1 + self.factor * t / s) ** self.decay

    def interval(self, s, retention):
        return s / self.factor * (retention ** (1 / self.decay) - 1)

    def first(self, rating):
        w = self.w
        return max(w[rating - 1], 0.001), min(max(w[4] - math.exp(w[5] * (rating - 1)) + 1, 1), 10)

    def step(self, s, d, t, rating):
        w = self.w
        r = self.retrievability(t, s)
        if t == 0:
            sinc = math.exp(w[17] * (rating - 3 + w[18])) * s ** -w[19]
            new_s = s * (max(sinc, 1) if rating >= 2 else sinc)
        elif rating == 1:
            new_s = min(w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp((1 - r) * w[14]),
                        s / math.exp(w[17] * w[18]))
        else:
            hard = w[15] if rating == 2 else 1
            easy = w[16] if rating == 4 else 1
            new_s = s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9] * (math.exp((1 - r) * w[10]) - 1) * hard * easy)
        easy_d = w[4] - math.exp(w[5] * 3) + 1
        damped = d + (10 - d) * (-w[6] * (rating - 3)) / 9
        new_d = min(max(w[7] * (easy_d - damped) + damped, 1), 10)
        return min(max(new_s, 0.001), 36500), new_d


def pick(rng, weights):
    x = rng.random()
    for index, weight in enumerate(weights):
        x -= weight
        if x < 0:
            return index
    return len(weights) - 1


def simulate(cards, reviews, seed, parameters):
    rng = random.Random(seed)
    model = Model(parameters)
    # Every card gets at least 2 reviews; the rest go to cards in proportion to a random
    # appetite, so a few cards have many reviews and many have few.
    quotas = [2] * cards
    appetite = [rng.expovariate(1) for _ in range(cards)]
    for card in rng.choices(range(cards), weights=appetite, k=max(0, reviews - 2 * cards)):
        quotas[card] += 1
    rows = []
    for card in range(cards):
        quota = quotas[card]
        retention = rng.uniform(0.75, 0.95)
        day = rng.randrange(365)
        seconds = rng.randrange(8 * 3600, 21 * 3600)
        card_id = f"c{card}"

        def log(day, seconds, rating):
            rows.append((EPOCH + timedelta(days=day, seconds=seconds), card_id, rating))

        rating = pick(rng, FIRST_RATING) + 1
        s, d = model.first(rating)
        log(day, seconds, rating)
        count = 1
        minutes = 0
        while rating < 3 and count < quota:  # learning steps, same day
            minutes += 1 if minutes == 0 else 10
            rating = 3 if rng.random() < 0.75 else 1
            s, d = model.step(s, d, 0, rating)
            log(day, seconds + minutes * 60, rating)
            count += 1
        while count < quota:
            interval = min(MAXIMUM_INTERVAL, max(1, round(model.interval(s, retention))))
            jitter = rng.random()
            if jitter < 0.1:
                interval = max(1, interval + rng.randrange(-2, 1))
            elif jitter < 0.25:
                interval += rng.randrange(1, 4)
            elif jitter < 0.3:
                interval = interval * 2 + rng.randrange(0, 10)
            day += interval
            seconds = rng.randrange(8 * 3600, 21 * 3600)
            recalled = rng.random() < model.retrievability(interval, s)
            rating = pick(rng, SUCCESS_RATING) + 2 if recalled else 1
            s, d = model.step(s, d, interval, rating)
            log(day, seconds, rating)
            count += 1
            if rating == 1 and count < quota:
                rating = 3
                s, d = model.step(s, d, 0, rating)
                log(day, seconds + 600, rating)
                count += 1
    rows.sort(key=lambda row: row[0])
    return rows


def write(rows, path):
    with open(path, "w", newline="") as out:
        out.write("card_id,review_time,rating\n")
        for time, card_id, rating in rows:
            out.write(f"{card_id},{time.strftime('%Y-%m-%dT%H:%M:%SZ')},{rating}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=1500)
    parser.add_argument("--reviews", type=int, default=15000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--parameters", default=",".join(map(str, TRUE_PARAMETERS)),
                        help="21 comma-separated FSRS-6 weights (the true model)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    parameters = [float(x) for x in args.parameters.split(",")]
    assert len(parameters) == 21
    write(simulate(args.cards, args.reviews, args.seed, parameters), args.out)


if __name__ == "__main__":
    main()
