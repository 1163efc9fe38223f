#!/usr/bin/env python3
"""Quick check of the bundled Never Let Me Go decks (a tooling aid; `swift test` does not need it).

Checks every deck in Decks/ (except schema.json) against the deck format, version 1:
top-level and card fields, types, slugs, unique ids, sources, cloze syntax, choices,
control characters. Then checks the counts the bundled study guide promises (issue 6):
at least 220 cards, at least 30 per deck, at least 40 choice, 30 cloze, 30 typed and
20 true/false cards, and every card citing one of its deck's sources.

Usage: python3 tools/check_bundled_decks.py [DECKS_DIR]
Exit status: 0 when everything passes, 1 when anything fails.
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.S)
DECK_FIELDS = {"format", "id", "title", "description", "tags", "sources", "cards"}
SOURCE_FIELDS = {"id", "title", "author", "site", "date", "url"}
COMMON_CARD_FIELDS = {"id", "type", "tags", "hint", "explanation", "source", "location"}
TYPE_FIELDS = {
    "basic": ({"front", "back"}, {"reverse"}),
    "typed": ({"prompt", "answers"}, set()),
    "choice": ({"prompt", "choices", "answer"}, set()),
    "truefalse": ({"statement", "answer"}, set()),
    "cloze": ({"text"}, set()),
}
EXPECTED_DECKS = {
    "plot.json": "never-let-me-go-plot",
    "characters.json": "never-let-me-go-characters",
    "themes.json": "never-let-me-go-themes",
    "quotations.json": "never-let-me-go-quotations",
    "context.json": "never-let-me-go-context",
}
MINIMUM_TOTAL = 220
MINIMUM_PER_DECK = 30
MINIMUM_PER_TYPE = {"choice": 40, "cloze": 30, "typed": 30, "truefalse": 20}
SEED_FILES = {
    "bookgum-essay": "000_e4454603060950a5.txt",
    "humanity-essay": "001_d00a77fdf6e9fc97.txt",
    "shiken-guide": "002_93cca6508b780e8e.txt",
    "vulpes-libris-review": "003_91806369c209fb47.txt",
    "chartroose-review": "004_a3a8846c5bbdbf13.txt",
}
SOURCE_NAMES = [
    "shiken", "study guide", "student essay", "vulpes", "libris", "chartroose", "bookgum", "godsauce", "marygm",
    "leena", "kirsty", "frank f", "jenn", "ryan", "katelong", "francis", "hannah", "jackie", "mhairi", "ali888",
    "dr. girlfriend", "baby friday", "shellbomber", "reviewer", "commenter", "according to",
]
MAXIMUM_NAMED_IN_CONTEXT = 12
STOP_WORDS = set(
    "a an the of to in and or is are was were be by for on at as with that this what which who whom whose how why "
    "when where does do did from into it its his her their they them she he s".split()
)


def question_of(card):
    text = card.get("prompt") or card.get("front") or card.get("statement") or card.get("text") or ""
    return re.sub(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}", r"\1", text)


def answer_of(card):
    kind = card.get("type")
    if kind == "typed":
        return (card.get("answers") or [""])[0].lower()
    if kind == "choice":
        return str(card.get("answer", "")).lower()
    if kind == "basic":
        return card.get("back", "").lower()
    if kind == "cloze":
        return ",".join(body.split("::", 1)[0].lower() for _, body in CLOZE.findall(card.get("text", "")))
    return None


def tokens(text):
    return set(re.findall(r"[^\W_]+", text.lower().replace("’", "'"))) - STOP_WORDS


def normalized(text):
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("…", "...")):
        text = text.replace(a, b)
    return " ".join(text.split())


def check_revision(errors, decks):
    """Near-duplicate questions and reviewer-framed questions, across all decks."""
    cards = [(deck_id, card) for deck_id, deck in decks for card in deck.get("cards", []) if isinstance(card, dict)]
    prepared = [(f"{d}/{c.get('id')}", tokens(question_of(c)), answer_of(c)) for d, c in cards]
    for i, (a, ta, aa) in enumerate(prepared):
        for b, tb, ab in prepared[i + 1:]:
            union = ta | tb
            if not union:
                continue
            similarity = len(ta & tb) / len(union)
            if similarity >= 0.6 or (similarity >= 0.4 and aa is not None and aa == ab):
                errors.append(f"near-duplicate questions ({similarity:.0%}): {a} and {b}")
    named_in_context = 0
    for deck_id, card in cards:
        question = question_of(card).lower()
        name = next((n for n in SOURCE_NAMES if n in question), None)
        if name is None:
            continue
        if deck_id == "never-let-me-go-context":
            named_in_context += 1
        else:
            errors.append(f"{deck_id}/{card.get('id')}: the question names a source (\"{name}\")")
    if named_in_context > MAXIMUM_NAMED_IN_CONTEXT:
        errors.append(f"{named_in_context} context questions name a source, more than {MAXIMUM_NAMED_IN_CONTEXT}")


def check_locations(errors, decks, seeds_dir):
    """Every location quotes text that occurs in the seed of the source the card cites."""
    texts = {}
    for source, name in SEED_FILES.items():
        path = seeds_dir / name
        if path.exists():
            texts[source] = normalized(path.read_text(encoding="utf-8"))
    for deck_id, deck in decks:
        for card in deck.get("cards", []):
            if not isinstance(card, dict):
                continue
            where = f"{deck_id}/{card.get('id')}"
            location = card.get("location", "")
            source = card.get("source")
            if source not in texts:
                errors.append(f"{where}: no seed text for source {source!r}")
                continue
            parts = re.findall(r"“([^”]*)”", location)
            if not parts:
                errors.append(f"{where}: location {location!r} quotes no heading or paragraph")
            for part in parts:
                part = normalized(part).rstrip(".").rstrip()
                if part.endswith("..."):
                    part = part[:-3]
                if part not in texts[source]:
                    errors.append(f"{where}: location quotes {part!r}, which is not in the {source} text")


def control_characters(text):
    return [ch for ch in text if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F]


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings_in(item)


def check_text(errors, where, field, value, *, required=True):
    if not isinstance(value, str):
        errors.append(f"{where}: \"{field}\" must be a string")
        return
    if required and not value.strip():
        errors.append(f"{where}: \"{field}\" must not be empty")


def check_card(errors, deck_where, card, index, source_ids, seen_ids):
    where = f"{deck_where}: card {index}"
    if not isinstance(card, dict):
        errors.append(f"{where}: a card must be an object")
        return None
    card_id = card.get("id")
    if not isinstance(card_id, str) or not SLUG.match(card_id) or len(card_id) > 64:
        errors.append(f"{where}: \"id\" must be a slug (lowercase letters, digits, single hyphens), got {card_id!r}")
    else:
        where = f"{deck_where}: card \"{card_id}\""
        if card_id in seen_ids:
            errors.append(f"{where}: duplicate card id")
        seen_ids.add(card_id)
    kind = card.get("type")
    if kind not in TYPE_FIELDS:
        errors.append(f"{where}: unknown type {kind!r}")
        return None
    required, optional = TYPE_FIELDS[kind]
    allowed = COMMON_CARD_FIELDS | required | optional
    for field in card:
        if field not in allowed:
            errors.append(f"{where}: unknown field \"{field}\" for a {kind} card")
    for field in required:
        if field not in card:
            errors.append(f"{where}: missing field \"{field}\"")
    for field in ("explanation", "source"):
        if field not in card:
            errors.append(f"{where}: missing \"{field}\" (the bundled decks require it on every card)")
    for field in ("hint", "explanation", "location"):
        if field in card:
            check_text(errors, where, field, card[field])
    if "source" in card and card["source"] not in source_ids:
        errors.append(f"{where}: source {card['source']!r} is not one of the deck's sources")
    tags = card.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and SLUG.match(t) for t in tags):
        errors.append(f"{where}: \"tags\" must be a list of slugs")
    elif len(set(tags)) != len(tags):
        errors.append(f"{where}: duplicate tags")
    if kind == "basic":
        check_text(errors, where, "front", card.get("front"))
        check_text(errors, where, "back", card.get("back"))
        if "reverse" in card and not isinstance(card["reverse"], bool):
            errors.append(f"{where}: \"reverse\" must be true or false")
    elif kind == "typed":
        check_text(errors, where, "prompt", card.get("prompt"))
        answers = card.get("answers")
        if not isinstance(answers, list) or not answers or not all(isinstance(a, str) and a.strip() for a in answers):
            errors.append(f"{where}: \"answers\" must be a non-empty list of non-empty strings")
        elif len({a.casefold() for a in answers}) != len(answers):
            errors.append(f"{where}: \"answers\" repeats an answer")
    elif kind == "choice":
        check_text(errors, where, "prompt", card.get("prompt"))
        choices = card.get("choices")
        if not isinstance(choices, list) or not 2 <= len(choices) <= 8 or not all(isinstance(c, str) and c.strip() for c in choices):
            errors.append(f"{where}: \"choices\" must list 2 to 8 non-empty strings")
        elif len(set(choices)) != len(choices):
            errors.append(f"{where}: \"choices\" are not distinct")
        elif card.get("answer") not in choices:
            errors.append(f"{where}: \"answer\" is not exactly one of the choices")
    elif kind == "truefalse":
        check_text(errors, where, "statement", card.get("statement"))
        if not isinstance(card.get("answer"), bool):
            errors.append(f"{where}: \"answer\" must be true or false")
    elif kind == "cloze":
        text = card.get("text")
        check_text(errors, where, "text", text)
        if isinstance(text, str):
            deletions = CLOZE.findall(text)
            if not deletions:
                errors.append(f"{where}: cloze text has no deletion {{{{c1::…}}}}")
            for number, body in deletions:
                if int(number) < 1:
                    errors.append(f"{where}: cloze deletion number must be 1 or more")
                answer = body.split("::", 1)[0]
                if not answer.strip():
                    errors.append(f"{where}: cloze deletion c{number} has an empty answer")
                if "{{" in body:
                    errors.append(f"{where}: cloze deletions must not nest")
            rest = CLOZE.sub("", text)
            if "{{" in rest or "}}" in rest:
                errors.append(f"{where}: malformed cloze deletion (every {{{{ must start {{{{cN:: and close with }}}})")
    for text in strings_in(card):
        bad = control_characters(text)
        if bad:
            errors.append(f"{where}: control character U+{ord(bad[0]):04X} in text")
    return kind


def check_deck(errors, path):
    where = str(path)
    try:
        deck = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        errors.append(f"{where}: cannot read deck: {error}")
        return None
    if not isinstance(deck, dict):
        errors.append(f"{where}: a deck must be a JSON object")
        return None
    for field in deck:
        if field not in DECK_FIELDS:
            errors.append(f"{where}: unknown top-level field \"{field}\"")
    if deck.get("format") != 1 or isinstance(deck.get("format"), bool):
        errors.append(f"{where}: \"format\" must be the number 1")
    expected_id = EXPECTED_DECKS.get(path.name)
    if not isinstance(deck.get("id"), str) or not SLUG.match(deck["id"]):
        errors.append(f"{where}: deck \"id\" must be a slug")
    elif expected_id and deck["id"] != expected_id:
        errors.append(f"{where}: deck id should be {expected_id!r}, got {deck['id']!r}")
    for field in ("title", "description"):
        check_text(errors, where, field, deck.get(field))
    tags = deck.get("tags", [])
    if not isinstance(tags, list) or "never-let-me-go" not in tags or len(tags) < 2:
        errors.append(f"{where}: deck tags must include \"never-let-me-go\" and a topic tag")
    sources = deck.get("sources")
    source_ids = set()
    if not isinstance(sources, list) or not sources:
        errors.append(f"{where}: \"sources\" must be a non-empty list")
        sources = []
    for index, source in enumerate(sources):
        swhere = f"{where}: source {index}"
        if not isinstance(source, dict):
            errors.append(f"{swhere}: a source must be an object")
            continue
        for field in source:
            if field not in SOURCE_FIELDS:
                errors.append(f"{swhere}: unknown field \"{field}\"")
        sid = source.get("id")
        if not isinstance(sid, str) or not SLUG.match(sid):
            errors.append(f"{swhere}: \"id\" must be a slug")
        elif sid in source_ids:
            errors.append(f"{swhere}: duplicate source id {sid!r}")
        else:
            source_ids.add(sid)
        check_text(errors, swhere, "title", source.get("title"))
        for field in ("author", "site", "date", "url"):
            if field in source:
                check_text(errors, swhere, field, source[field])
    for text in strings_in({k: v for k, v in deck.items() if k != "cards"}):
        if control_characters(text):
            errors.append(f"{where}: control character in deck text")
    cards = deck.get("cards")
    if not isinstance(cards, list):
        errors.append(f"{where}: \"cards\" must be a list")
        return None
    seen_ids = set()
    kinds = Counter()
    cited = Counter()
    for index, card in enumerate(cards):
        kind = check_card(errors, where, card, index, source_ids, seen_ids)
        if kind:
            kinds[kind] += 1
        if isinstance(card, dict) and "source" in card:
            cited[card["source"]] += 1
    for sid in source_ids - set(cited):
        errors.append(f"{where}: source {sid!r} is listed but no card cites it")
    return deck.get("id"), len(cards), kinds


def main(argv):
    args = argv[1:]
    seeds_dir = None
    if len(args) >= 2 and args[0] == "--seeds":
        seeds_dir = Path(args[1])
        args = args[2:]
    decks_dir = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "Decks"
    errors = []
    loaded = []
    paths = sorted(p for p in decks_dir.glob("*.json") if p.name != "schema.json")
    missing = sorted(set(EXPECTED_DECKS) - {p.name for p in paths})
    for name in missing:
        errors.append(f"{decks_dir / name}: bundled deck is missing")
    total = 0
    totals = Counter()
    rows = []
    for path in paths:
        result = check_deck(errors, path)
        if result is None:
            continue
        deck_id, count, kinds = result
        loaded.append((deck_id, json.loads(path.read_text(encoding="utf-8"))))
        total += count
        totals.update(kinds)
        rows.append((deck_id, count, kinds))
        if count < MINIMUM_PER_DECK:
            errors.append(f"{path}: {count} cards, fewer than {MINIMUM_PER_DECK}")
    if total < MINIMUM_TOTAL:
        errors.append(f"{total} cards in all, fewer than {MINIMUM_TOTAL}")
    for kind, minimum in MINIMUM_PER_TYPE.items():
        if totals[kind] < minimum:
            errors.append(f"{totals[kind]} {kind} cards in all, fewer than {minimum}")
    check_revision(errors, loaded)
    if seeds_dir is None:
        print("locations against the source texts: skipped (no --seeds DIR)")
    elif not seeds_dir.is_dir():
        errors.append(f"{seeds_dir}: no such directory of source texts")
    else:
        check_locations(errors, loaded, seeds_dir)
        print(f"locations against the source texts in {seeds_dir}: checked")
    kinds_order = ["basic", "typed", "choice", "truefalse", "cloze"]
    print(f"{'deck':<32}{'cards':>6}" + "".join(f"{k:>10}" for k in kinds_order))
    for deck_id, count, kinds in rows:
        print(f"{deck_id:<32}{count:>6}" + "".join(f"{kinds[k]:>10}" for k in kinds_order))
    print(f"{'total':<32}{total:>6}" + "".join(f"{totals[k]:>10}" for k in kinds_order))
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
