"""Benchmark: what a change to the clean stage's attribution does to stored texts, and what it costs.

    .venv/bin/python bench/credit_reads.py [--db PATH] [--baseline main] [--articles 3000] [--seed 5] [--out DIR]

A fixed-seed draw of ``--articles`` stored articles of ``--db`` (read-only) is cleaned again from each one's
kept raw input (the store's ``raw_inputs``, parsed and ``clean_article``-ed exactly as ingest does), once by
the ``--baseline`` git ref's code (its ``src`` exported to a temporary folder) and once by the checked-out
code, each in its own process, twice alternating (the machine is shared: the spread of the two rounds is
the noise). Printed: the texts whose ``Article.attribution`` differs, and the clean stage's CPU time an
article (``time.process_time`` around ``clean_article``; parsing the raw input is not counted, nor loading
the tables and the model, done once before) and the attribution's share of it. The changed reads are
written to ``OUT/changed.jsonl`` to be read by a person.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB = Path("/work/stores/full-new1.db")

_WORKER = r"""
import json, random, sqlite3, sys, time
import naba
from naba.pipeline.clean import article as article_module
from naba.pipeline.clean.article import clean_article
from naba.sources.readers import parse_record
from naba.store.rows import record_from_row

db_path, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
db.row_factory = sqlite3.Row
ids = sorted(r[0] for r in db.execute("SELECT article_id FROM raw_inputs"))
picked = sorted(random.Random(seed).sample(ids, min(n, len(ids))))
spent = [0.0]
inner = article_module.find_attribution

def timed(*args, **kwargs):
    started = time.process_time()
    try:
        return inner(*args, **kwargs)
    finally:
        spent[0] += time.process_time() - started

# warm up (the gazetteer, the lexicon and the name model load on first use): not counted
warm = "قالت صحيفة غارديان نيوز إن البحث جار، وفقا لوكالة سبوتنيك.\nبحسب وكالة ستار ميديا نيوز"
inner(warm, None, "عنوان")
article_module.find_attribution = timed
reads, cpu, failed = {}, 0.0, 0
for article_id in picked:
    row = db.execute("SELECT article_id AS id, format, origin, hints, payload FROM raw_inputs WHERE article_id=?",
                     (article_id,)).fetchone()
    raw = parse_record(record_from_row(row))
    started = time.process_time()
    try:
        cleaned = clean_article(raw)
    except Exception:
        failed += 1
        continue
    finally:
        cpu += time.process_time() - started
    reads[article_id] = [list(cleaned.attribution), cleaned.title or ""]
json.dump({"code": naba.__file__, "reads": reads, "cpu": cpu, "attribution": spent[0], "failed": failed},
          sys.stdout, ensure_ascii=False)
"""


def run(src: Path | None, args: argparse.Namespace) -> dict:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    out = subprocess.run([sys.executable, "-c", _WORKER, str(args.db), str(args.articles), str(args.seed)],
                         env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    expected = src if src is not None else ROOT / "src"
    if not result["code"].startswith(str(expected)):
        sys.exit(f"the worker ran {result['code']}, not the code under {expected}")
    return result


def export(ref: str, into: Path) -> Path:
    archive = into / "src.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src"], stdout=handle, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=DB)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--out", type=Path, default=Path("/tmp/naba-credit-reads"))
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store")
    with tempfile.TemporaryDirectory() as tmp:
        base_src = export(args.baseline, Path(tmp))
        rounds = [(run(base_src, args), run(None, args)) for _ in range(2)]
    base, branch = rounds[0]
    changed = [{"id": int(i), "title": read[1], "before": read[0], "after": branch["reads"].get(i, [[]])[0]}
               for i, read in base["reads"].items() if branch["reads"].get(i, [[]])[0] != read[0]]
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "changed.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in changed)
    texts = len(base["reads"])
    gained = sum(1 for row in changed if set(row["after"]) > set(row["before"]))
    lost = sum(1 for row in changed if set(row["after"]) < set(row["before"]))
    print(f"{texts} stored texts (seed {args.seed}), baseline {args.baseline}; "
          f"changed reads in {args.out}/changed.jsonl\n")
    print("| figure | baseline | this code |")
    print("|---|---:|---:|")
    print(f"| texts whose attribution differs | – | {len(changed)} ({gained} only gain, {lost} only lose a name) |")
    print(f"| texts crediting an outlet | {sum(1 for r in base['reads'].values() if r[0])} "
          f"| {sum(1 for r in branch['reads'].values() if r[0])} |")
    for k, (b, o) in enumerate(rounds, 1):
        print(f"| clean stage, ms CPU an article (round {k}) | {1000 * b['cpu'] / texts:.2f} "
              f"| {1000 * o['cpu'] / texts:.2f} |")
        print(f"| of it attribution (round {k}) | {1000 * b['attribution'] / texts:.2f} "
              f"| {1000 * o['attribution'] / texts:.2f} |")


if __name__ == "__main__":
    main()
