#!/usr/bin/env python3
"""The Anki side of `recall-bench anki` (needs `pip install "anki==26.9.*"`).

    anki_bench.py generate OUT.apkg [--notes N]   make the benchmark package (seeded)
    anki_bench.py import PACKAGE COLLECTION        time import_anki_package into a new collection
    anki_bench.py export COLLECTION OUT.apkg       time export_anki_package of that collection

The package: N notes (50 000) of "Basic (and reversed card)" in one deck, so 2N cards
(100 000), every card in review with an FSRS memory state and 10 review-log rows (1 000 000),
exported by Anki itself (collection.anki21b, with scheduling). `import` and `export` print
their own seconds; recall-bench measures the whole process (wall time, peak memory).
"""

import hashlib
import os
import random
import sqlite3
import sys
import time

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest


def generate(out, notes):
    random.seed(11)
    folder = os.path.dirname(os.path.abspath(out))
    path = os.path.join(folder, "anki-bench-source.anki2")
    for leftover in [path, path + "-wal", out]:
        if os.path.exists(leftover):
            os.remove(leftover)
    col = Collection(path)
    model = col.models.by_name("Basic (and reversed card)")
    did = col.decks.id("Bench::Generated")
    crt = col.db.scalar("select crt from col")
    today = int((time.time() - crt) // 86400)
    now = int(time.time())
    note_rows, card_rows, revlog_rows = [], [], []
    base = 1_600_000_000_000
    revlog_id = base
    for i in range(notes):
        front = f"Question {i}: what is the {random.choice(['capital', 'meaning', 'date', 'author'])} of item {i * 7919 % 100003}?"
        back = f"Answer {i}<br>with <b>some</b> detail &amp; more"
        nid = base + i
        note_rows.append((nid, f"bench{i}", model["id"], now, -1, " bench ", front + "\x1f" + back, front,
                          int(hashlib.sha1(front.encode()).hexdigest()[:8], 16), 0, ""))
        for ord_ in (0, 1):
            cid = base + 2 * i + ord_
            start = now - random.randint(450, 700) * 86400
            t = start
            ivl = 0
            for r in range(10):
                ease = random.choices([1, 2, 3, 4], [10, 15, 65, 10])[0]
                last = ivl
                ivl = min(60, max(1, int(ivl * 2.3 + 1))) if ease > 1 else 1
                revlog_id += random.randint(1, 5000)
                revlog_rows.append((t * 1000 + (revlog_id % 1000), cid, -1, ease, ivl, last, 2500,
                                    random.randint(2000, 20000), 0 if r == 0 else 1))
                t += ivl * 86400 + random.randint(0, 3600)
            due = today + random.randint(-5, 60)
            data = '{"s":%.4f,"d":%.3f,"dr":0.9,"lrt":%d}' % (random.uniform(1, 300), random.uniform(1, 10), t - ivl * 86400)
            card_rows.append((cid, nid, did, ord_, now, -1, 2, 2, due, ivl, 2500, 10, random.randint(0, 3), 0, 0, 0, 0, data))
    col.close()
    # Anki's DB proxy takes a round trip per row; plain sqlite3 fills the tables in seconds.
    db = sqlite3.connect(path)
    db.executemany("insert into notes values (?,?,?,?,?,?,?,?,?,?,?)", note_rows)
    db.executemany("insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", card_rows)
    # revlog ids must be unique.
    seen = set()
    unique = []
    for row in revlog_rows:
        rid = row[0]
        while rid in seen:
            rid += 1
        seen.add(rid)
        unique.append((rid,) + row[1:])
    db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", unique)
    db.commit()
    db.close()
    col = Collection(path)
    col.export_anki_package(out_path=out, options=ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False), limit=None)
    print(f"notes {col.note_count()} cards {col.card_count()} revlog {col.db.scalar('select count(*) from revlog')}")
    col.close()
    os.remove(path)


def import_package(package, collection):
    for leftover in [collection, collection + "-wal"]:
        if os.path.exists(leftover):
            os.remove(leftover)
    col = Collection(collection)
    start = time.perf_counter()
    col.import_anki_package(ImportAnkiPackageRequest(
        package_path=os.path.abspath(package),
        options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True)))
    seconds = time.perf_counter() - start
    print(f"import_anki_package {seconds:.3f} s: notes {col.note_count()} cards {col.card_count()} "
          f"revlog {col.db.scalar('select count(*) from revlog')}")
    col.close()


def export_package(collection, out):
    col = Collection(collection)
    start = time.perf_counter()
    col.export_anki_package(out_path=out, options=ExportAnkiPackageOptions(
        with_scheduling=True, with_deck_configs=True, with_media=False, legacy=False), limit=None)
    seconds = time.perf_counter() - start
    print(f"export_anki_package {seconds:.3f} s")
    col.close()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "generate":
        generate(sys.argv[2], int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--notes" else 50_000)
    elif command == "import":
        import_package(sys.argv[2], sys.argv[3])
    elif command == "export":
        export_package(sys.argv[2], sys.argv[3])
    else:
        print(__doc__)
        sys.exit(2)
