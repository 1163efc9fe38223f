#!/usr/bin/env python3
"""Imports a package exported by recall into real Anki (the `anki` package from PyPI) and
checks that Anki sees what recall has: notes, cards, review-log rows, card states, suspended
cards and FSRS memory states.

    check_anki_export.py PACKAGE.apkg STORE.sqlite DECK_ID...

Prints one line per check and exits 1 on any mismatch. Run by tools/check_anki_export.sh
(from `make test`).
"""

import json
import os
import sqlite3
import sys
import tempfile

from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest


def main():
    package, store_path, decks = sys.argv[1], sys.argv[2], sys.argv[3:]
    store = sqlite3.connect(store_path)
    marks = ",".join("?" * len(decks))
    items = store.execute(
        f"select phase, suspended, stability is not null from item where orphaned_at is null and deck_id in ({marks})",
        decks).fetchall()
    reviews = store.execute(
        f"select count(*) from review join item on item.id = review.item_id where kind = 'study' and deck_id in ({marks})",
        decks).fetchone()[0]
    cards_per_deck = {d: store.execute("select count(distinct card_id) from item where orphaned_at is null and deck_id = ?",
                                       (d,)).fetchone()[0] for d in decks}
    phase_type = {"new": 0, "learning": 1, "review": 2, "relearning": 3}
    expected_types = {}
    for phase, _, _ in items:
        expected_types[phase_type[phase]] = expected_types.get(phase_type[phase], 0) + 1
    expected = {
        "notes": sum(cards_per_deck.values()),
        "cards": len(items),
        "revlog rows": reviews,
        "card types": dict(sorted(expected_types.items())),
        "suspended cards": sum(1 for _, suspended, _ in items if suspended),
        "cards with an FSRS memory state": sum(1 for phase, _, memory in items if memory and phase != "new"),
    }

    with tempfile.TemporaryDirectory() as folder:
        col = Collection(os.path.join(folder, "collection.anki2"))
        col.set_config("fsrs", True)
        request = ImportAnkiPackageRequest(
            package_path=os.path.abspath(package),
            options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True,
                                             merge_notetypes=True, update_notes=1, update_notetypes=1))
        col.import_anki_package(request)
        types = {}
        for (card_type,) in col.db.all("select type from cards"):
            types[card_type] = types.get(card_type, 0) + 1
        memory = 0
        for (data,) in col.db.all("select data from cards where type != 0"):
            try:
                parsed = json.loads(data) if data else {}
            except ValueError:
                parsed = {}
            if "s" in parsed and "d" in parsed:
                memory += 1
        actual = {
            "notes": col.note_count(),
            "cards": col.card_count(),
            "revlog rows": col.db.scalar("select count(*) from revlog"),
            "card types": dict(sorted(types.items())),
            "suspended cards": col.db.scalar("select count(*) from cards where queue = -1"),
            "cards with an FSRS memory state": memory,
        }
        col.close()

    failed = 0
    for key, value in expected.items():
        ok = actual[key] == value
        failed += not ok
        print(f"  {'ok' if ok else 'MISMATCH'}: {key}: recall {value}, Anki {actual[key]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
