#!/usr/bin/env python3
"""Validates the deck schema examples against Decks/schema.json and records the verdicts.

The examples live in Tests/DecksTests/Fixtures/schema-examples/{valid,invalid}/. This
script checks every one with the JSON Schema (draft 2020-12, `pip install jsonschema`),
fails if an example in valid/ is rejected or one in invalid/ is accepted, and writes the
verdicts to Tests/DecksTests/Fixtures/schema-examples/verdicts.json. The Swift tests then
check that `recall check` gives the same verdict for every example, and that verdicts.json
lists every example, so the schema and the validator cannot drift apart unnoticed.

Run it after changing the schema or the examples, and commit verdicts.json:

    python3 tools/check_schema_examples.py
"""
import json
import pathlib
import sys

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "Tests" / "DecksTests" / "Fixtures" / "schema-examples"


def main() -> int:
    schema = json.loads((ROOT / "Decks" / "schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    verdicts = {}
    failures = []
    for folder in ("valid", "invalid"):
        for path in sorted((EXAMPLES / folder).glob("*.json")):
            name = f"{folder}/{path.name}"
            deck = json.loads(path.read_text(encoding="utf-8"))
            errors = sorted(validator.iter_errors(deck), key=lambda e: list(e.path))
            verdict = "invalid" if errors else "valid"
            verdicts[name] = verdict
            if verdict != folder:
                detail = errors[0].message if errors else "the schema accepts it"
                failures.append(f"{name}: expected {folder}, schema says {verdict} ({detail})")
    (EXAMPLES / "verdicts.json").write_text(json.dumps(verdicts, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"{len(verdicts)} examples, {len(failures)} disagreements; wrote {EXAMPLES / 'verdicts.json'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
