#!/usr/bin/env python3
"""Makes the Anki fixture packages of Tests/AnkiTests/Fixtures with the real `anki` package.

Needs anki 26.9.x and genanki from PyPI (the Makefile's venv has both):

    python3 -m venv .build/venv-anki
    .build/venv-anki/bin/pip install "anki==26.9.*" genanki
    .build/venv-anki/bin/python tools/make_anki_fixtures.py

Writes, into Tests/AnkiTests/Fixtures/:
- latest.apkg     Anki's default export (collection.anki21b, schema 18, zstd, protobuf meta/media map);
- legacy.apkg     the "Support older Anki versions" export (collection.anki21, schema 11, JSON media map);
- collection.colpkg  the whole collection (schema 18, zstd);
- genanki.apkg    a genanki package (collection.anki2, schema 11);
- notes.txt       Anki's plain-text notes export with every header (#separator, #html, #tags,
                  #columns, #notetype column, #deck column, #guid column);
- expected.json   what the collection holds (counts, each note's fields, each card's state),
                  for the tests to compare with.

The collection has Basic, Basic (and reversed card), Basic (optional reversed card),
Basic (type in the answer), Cloze and a custom note type; HTML, entities, an image and a
sound; tags with `::`; a suspended card; FSRS on (so answered cards carry a memory state in
cards.data); reviews answered through Anki's own scheduler on three days, plus a manual
"set due date" and a "forget" row; deck options with their own desired retention and FSRS
parameters.
"""

import json
import os
import shutil
import sys
import tempfile
import time
from unittest import mock

from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "AnkiTests", "Fixtures")

# A 1x1 PNG and a few bytes standing for a sound.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00recall fixture sound"

PARAMS = [0.3, 1.2, 3.1, 16.0, 7.1, 0.6, 1.8, 0.01, 1.5, 0.15, 0.98, 1.9, 0.11, 0.3, 2.3, 0.24,
          2.9, 0.5, 0.66, 0.05, 0.15]


def build(folder):
    col = Collection(os.path.join(folder, "collection.anki2"))
    col.set_config("fsrs", True)
    col.media.write_data("pic.png", PNG)
    col.media.write_data("hello.mp3", MP3)

    part1 = col.decks.id("Lit::Novel::Part 1")
    vocab = col.decks.id("Vocab")
    conf = col.decks.add_config_returning_id("Lit options")
    config = col.decks.get_config(conf)
    config["desiredRetention"] = 0.85
    config["fsrsParams6"] = PARAMS
    col.decks.update_config(config)
    deck = col.decks.get(part1)
    deck["conf"] = conf
    col.decks.save(deck)

    def notetype(name):
        model = col.models.by_name(name)
        assert model, name
        return model

    custom = col.models.new("Quote")
    for field in ["Quote", "Author", "Year"]:
        col.models.add_field(custom, col.models.new_field(field))
    template = col.models.new_template("Card 1")
    template["qfmt"] = "{{Quote}}"
    template["afmt"] = "{{FrontSide}}<hr id=answer>{{Author}} ({{Year}})"
    col.models.add_template(custom, template)
    col.models.add(custom)

    def add(model_name, fields, deck_id, tags=()):
        note = col.new_note(notetype(model_name))
        for i, value in enumerate(fields):
            note.fields[i] = value
        note.tags = list(tags)
        col.add_note(note, deck_id)
        return note

    notes = [
        add("Basic", ["Who <b>narrates</b> the novel?", "Kathy&nbsp;H.<br>a carer"], part1, ["part::one", "Narrator"]),
        add("Basic (and reversed card)", ["Hailsham", "the school &amp; its grounds"], part1, ["place"]),
        add("Basic (optional reversed card)", ["Norfolk", "<div>lost corner</div><div>of England</div>", "y"], part1),
        add("Basic (optional reversed card)", ["Madame", "the gallery", ""], part1),
        add("Basic (type in the answer)", ["Kathy's closest friend?", "Ruth"], part1, ["part::one"]),
        add("Cloze", ["{{c1::Kathy}}, {{c2::Ruth::a friend}} and {{c1::Tommy}} &#39;s story", "from chapter 1"], part1),
        add("Basic", ['A picture: <img src="pic.png"> and a sound [sound:hello.mp3]', "media"], vocab, ["media"]),
        add("Quote", ["Memories <i>fade</i>", "Kazuo Ishiguro", "2005"], vocab),
        add("Basic", ["suspended front", "suspended back"], vocab),
    ]

    cards = {note.id: [c.id for c in note.cards()] for note in notes}
    # The suspended one.
    col.sched.suspend_cards(cards[notes[8].id])

    # Reviews through Anki's own scheduler, on three days (time mocked), FSRS on.
    start = int(time.time()) - 20 * 86400
    answers = [
        (0, [(0, 3), (0, 3), (2, 3), (7, 4)]),  # Basic: learning, graduates, two reviews
        (1, [(0, 1), (0, 3), (0, 3), (3, 1), (3, 3)]),  # reversed: a lapse, relearning
        (4, [(0, 3)]),  # typed: still learning
        (5, [(0, 4)]),  # cloze c1: easy at once
    ]
    for note_index, steps in answers:
        cid = cards[notes[note_index].id][0]
        for offset_days, ease in steps:
            now = start + offset_days * 86400 + 600 * steps.index((offset_days, ease))
            with mock.patch("time.time", return_value=float(now)):
                card = col.get_card(cid)
                card.start_timer()
                card.timer_started = now - 7
                col.sched.answerCard(card, ease)
    # A manual "set due date" (a reschedule row) and a "forget" (a manual row).
    col.sched.set_due_date([cards[notes[0].id][0]], "5")
    col.sched.schedule_cards_as_new([cards[notes[5].id][0]], restore_position=True, reset_counts=False)
    return col, notes, {"Lit::Novel::Part 1": part1, "Vocab": vocab}


def expected(col):
    rows = col.db.all("select id, guid, mid, tags, flds from notes order by id")
    out = {"notes": [], "cards": [], "revlog": []}
    for nid, guid, mid, tags, flds in rows:
        out["notes"].append({"guid": guid, "notetype": col.models.get(mid)["name"], "tags": tags.split(),
                             "fields": flds.split("\x1f")})
    for cid, nid, did, ord_, type_, queue, due, ivl, reps, lapses, left, data in col.db.all(
            "select id, nid, did, ord, type, queue, due, ivl, reps, lapses, left, data from cards order by id"):
        out["cards"].append({"note_guid": col.db.scalar("select guid from notes where id=?", nid),
                             "deck": col.decks.name(did), "ord": ord_, "type": type_, "queue": queue, "due": due,
                             "ivl": ivl, "reps": reps, "lapses": lapses, "left": left, "data": data})
    for rid, cid, ease, ivl, type_, taken in col.db.all("select id, cid, ease, ivl, type, time from revlog order by id"):
        out["revlog"].append({"id": rid, "ease": ease, "type": type_, "time": taken})
    out["crt"] = col.db.scalar("select crt from col")
    return out


def make_genanki(path):
    import genanki

    model = genanki.Model(
        1607392319, "Simple Model",
        fields=[{"name": "Question"}, {"name": "Answer"}],
        templates=[{"name": "Card 1", "qfmt": "{{Question}}", "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}"}])
    deck = genanki.Deck(2059400110, "Genanki::Capitals")
    deck.add_note(genanki.Note(model=model, fields=["Capital of <b>France</b>?", "Paris"], tags=["geo::europe"],
                               guid="recall-genanki-1"))
    deck.add_note(genanki.Note(model=genanki.BASIC_AND_REVERSED_CARD_MODEL, fields=["Berlin", "Germany"],
                               guid="recall-genanki-2"))
    deck.add_note(genanki.Note(model=genanki.CLOZE_MODEL, fields=["{{c1::Rome}} is in {{c2::Italy}}", ""],
                               guid="recall-genanki-3"))
    with tempfile.TemporaryDirectory() as folder:
        pic = os.path.join(folder, "map.png")
        with open(pic, "wb") as f:
            f.write(PNG)
        deck.add_note(genanki.Note(model=model, fields=['<img src="map.png">', "a map"], guid="recall-genanki-4"))
        package = genanki.Package(deck)
        package.media_files = [pic]
        package.write_to_file(path)


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        col, notes, decks = build(folder)
        with open(os.path.join(OUT, "expected.json"), "w") as f:
            json.dump(expected(col), f, indent=1, sort_keys=True)
        for name, legacy in [("latest.apkg", False), ("legacy.apkg", True)]:
            col.export_anki_package(
                out_path=os.path.join(OUT, name),
                options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True,
                                                 legacy=legacy),
                limit=None)
        col.export_note_csv(out_path=os.path.join(OUT, "notes.txt"), limit=None, with_html=True, with_tags=True,
                            with_deck=True, with_notetype=True, with_guid=True)
        col.export_collection_package(os.path.join(OUT, "collection.colpkg"), include_media=True, legacy=False)
    make_genanki(os.path.join(OUT, "genanki.apkg"))
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == "__main__":
    sys.exit(main())
