"""What a store holds after the pipeline, as one canonical file: to prove a change kept the results.

    .venv/bin/python bench/snapshot.py write OUT.jsonl [--db STORE] [--shuffle SEED] [--batch-size N]
                                                 [INPUT...]   (default input: two days of SaudiNewsNet)
    .venv/bin/python bench/snapshot.py diff A.jsonl B.jsonl

``write`` ingests the inputs into a fresh SQLite store (or reads ``--db``) and writes one line per
article, keyed by its identity (ids are not compared: they follow arrival order): the export fields
but the read times, its copy's and its story's identities, its similar-article links, and its
story's summary. ``diff`` counts the articles whose tags, entities, text, copies, story or links
differ between two snapshots, and prints a few examples of each. A story is compared by its members
(the set of articles it holds), not by its id, which follows arrival order.

``--shuffle SEED`` ingests the input's records in a random order (fixed by SEED) and ``--batch-size``
sets the stage's batch: together they measure whether copies and stories depend on arrival order.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
TWO_DAYS = [DATA / "saudinewsnet" / "2015-07-21.zip", DATA / "saudinewsnet" / "2015-07-22.zip"]
# the parts of an article a change may touch, and the snapshot fields that belong to each
PARTS = {
    "text": ("title", "body", "published_at", "source", "credited_source", "page_tags", "page_read_also",
             "page_similar", "page_related_leaks", "lang", "summary"),
    "tags": ("keywords",),
    "entities": ("entities", "attribution"),
    "copies": ("duplicate_of",),
    "stories": ("story_members", "story_summary"),
    "links": ("links",),
}


def _ingest(inputs: list[str], db: Path, shuffle: int | None = None, batch_size: int | None = None) -> None:
    from naba import engine
    from naba.settings import Settings
    from naba.sources.readers import iter_records
    from naba.store import open_store

    settings = Settings() if batch_size is None else Settings(batch_size=batch_size)
    store = open_store(str(db))
    try:
        if shuffle is None:
            engine.ingest(store, inputs, settings)
        else:
            records = list(iter_records(inputs, settings, {}))
            random.Random(shuffle).shuffle(records)
            engine.ingest_records(store, records, settings)
    finally:
        store.close()


def snapshot_lines(db: Path) -> list[str]:
    from naba.serve.export import export_record
    from naba.store import open_store

    store = open_store(str(db))
    try:
        identity = {dump.stored.id: dump.identity for dump in store.transfer.dump()}
        lines = []
        for stored in store.articles.scan():
            record = export_record(stored)
            for volatile in ("id", "fetched_at", "first_seen_at", "story_id", "duplicate_of"):
                record.pop(volatile)
            record["identity"] = identity[stored.id]
            record["duplicate_of"] = identity.get(stored.duplicate_of) if stored.duplicate_of else None
            record["story"] = identity.get(stored.story_id) if stored.story_id else None
            record["links"] = sorted([identity[other], score] for other, score in store.stories.links_of(stored.id))
            summary = store.stories.get(stored.story_id) if stored.story_id else None
            record["story_summary"] = None if summary is None else [
                summary.title, summary.articles, list(summary.outlets), list(summary.top_entities),
                list(summary.keywords)]
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
        return sorted(lines)
    finally:
        store.close()


def write(out: Path, db: Path | None, inputs: list[str], shuffle: int | None = None,
          batch_size: int | None = None) -> None:
    if db is None:
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "snapshot.db"
            _ingest(inputs or [str(p) for p in TWO_DAYS], db, shuffle, batch_size)
            lines = snapshot_lines(db)
    else:
        lines = snapshot_lines(db)
    out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(lines)} articles -> {out}")


def _read(path: Path) -> dict[str, dict]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    members: dict[str, list[str]] = {}
    for record in records:
        if record["story"] is not None:
            members.setdefault(record["story"], []).append(record["identity"])
    for record in records:
        record["story_members"] = sorted(members[record["story"]]) if record["story"] is not None else None
    return {record["identity"]: record for record in records}


def diff(a_path: Path, b_path: Path, examples: int = 3) -> int:
    a, b = _read(a_path), _read(b_path)
    only_a, only_b = a.keys() - b.keys(), b.keys() - a.keys()
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = {}
    for key in sorted(a.keys() & b.keys()):
        for part, names in PARTS.items():
            if any(a[key].get(n) != b[key].get(n) for n in names):
                counts[part] += 1
                if len(shown.setdefault(part, [])) < examples:
                    changed = {n: (a[key].get(n), b[key].get(n)) for n in names if a[key].get(n) != b[key].get(n)}
                    shown[part].append(f"  {key}: {json.dumps(changed, ensure_ascii=False)[:400]}")
    print(f"articles: {len(a)} and {len(b)}; only in the first: {len(only_a)}; only in the second: {len(only_b)}")
    print("| part | articles that differ |\n|---|---:|")
    for part in PARTS:
        print(f"| {part} | {counts[part]} |")
    for part, lines in shown.items():
        print(f"\n{part}:\n" + "\n".join(lines))
    return 0 if not (only_a or only_b or counts) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    w = commands.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--db", type=Path, default=None)
    w.add_argument("--shuffle", type=int, default=None, metavar="SEED")
    w.add_argument("--batch-size", type=int, default=None)
    w.add_argument("inputs", nargs="*")
    d = commands.add_parser("diff")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        if not args.inputs and args.db is None and not TWO_DAYS[0].exists():
            print(f"skipped: {TWO_DAYS[0]} is absent", file=sys.stderr)
            return 0
        write(args.out, args.db, args.inputs, args.shuffle, args.batch_size)
        return 0
    return diff(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())
