"""Benchmark: `related` latency on the full SaudiNewsNet + ANT store, and on a synthetic 1M-article one.

    .venv/bin/python bench/related.py [--db PATH] [--queries 2000] [--copies 15]

--db reuses a store that already holds all of SaudiNewsNet + ANT (else one is built at
/tmp/naba-bench-full.db with `naba ingest --workers 2`, and kept for the next run). The synthetic
store is that store plus ``--copies`` copies of it made in SQL: ids offset, dates shifted by 45 days
a copy, outlets shuffled within each copy, bodies cut to 300 characters (related never reads them);
its story summaries, entity rows and similar-article links are copied alongside, so a copy is
ranked exactly as its original would be, among a million candidates.

Each store is queried warm (every query run once first) with the same random articles; the baseline
is `store.articles.get(id)` for the same ids in the same run: one indexed read of one row.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from naba.store import open_store
from naba.stories.related import related

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FULL = Path("/tmp/naba-bench-full.db")
SHIFT_SECONDS = 45 * 86400


def build_full(path: Path) -> None:
    inputs = [str(DATA / "saudinewsnet"), str(DATA / "ant" / "ant-v2.1.tar.xz")]
    subprocess.run([sys.executable, "-m", "naba", "ingest", *inputs, "--workers", "2", "--db", str(path)],
                   check=False, stdout=subprocess.DEVNULL)


def build_synthetic(full: Path, path: Path, copies: int) -> int:
    shutil.copyfile(full, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    offset = conn.execute("SELECT max(id) FROM articles").fetchone()[0] + 1
    outlets = [row[0] for row in conn.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")]
    rng = random.Random(1)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    shifted = {"id": "id + :off", "identity": "identity || '#' || :k", "published_ts": "published_ts + :shift",
               "story_id": "story_id + :off", "duplicate_of": "duplicate_of + :off",
               "story_parent": "story_parent + :off", "body": "substr(body, 1, 300)",
               "source": "(SELECT new FROM outlet_map WHERE old = source)"}
    select = ", ".join(shifted.get(c, c) for c in columns)
    conn.execute("CREATE TEMP TABLE outlet_map (old TEXT PRIMARY KEY, new TEXT)")
    for k in range(1, copies + 1):
        shuffled = outlets[:]
        rng.shuffle(shuffled)
        conn.execute("DELETE FROM outlet_map")
        conn.executemany("INSERT INTO outlet_map VALUES (?, ?)", list(zip(outlets, shuffled, strict=True)))
        params = {"off": k * offset, "k": k, "shift": k * SHIFT_SECONDS}
        conn.execute("BEGIN")
        conn.execute(f"INSERT INTO articles ({', '.join(columns)}) SELECT {select} FROM articles WHERE id < :base",
                     {**params, "base": offset})
        conn.execute("INSERT INTO article_entities SELECT canonical, article_id + :off, name, kind, rank, "
                     "published_ts + :shift FROM article_entities WHERE article_id < :base", {**params, "base": offset})
        conn.execute("INSERT INTO article_links SELECT article_id + :off, other_id + :off, score FROM article_links "
                     "WHERE article_id < :base", {**params, "base": offset})
        conn.execute("INSERT INTO stories SELECT id + :off, title, articles, outlets, first_article_id + :off, "
                     "first_source, first_at, first_ts + :shift, last_at, last_ts + :shift, top_entities, keywords "
                     "FROM stories WHERE id < :base", {**params, "base": offset})
        conn.execute("COMMIT")
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.execute("ANALYZE")
    conn.close()
    return total


def measure(path: Path, ids: list[int]) -> dict[str, float]:
    store = open_store(str(path))
    try:
        for article_id in ids:  # warm: the pages these queries read are in the cache
            related(store, article_id)
            store.articles.get(article_id)
        return {"related": _timed(lambda i: related(store, i), ids), "get": _timed(store.get, ids)}
    finally:
        store.close()


def _timed(call, ids: list[int]) -> dict[str, float]:
    timings = []
    for article_id in ids:
        start = time.perf_counter()
        call(article_id)
        timings.append(time.perf_counter() - start)
    timings.sort()
    return {"p50": timings[len(timings) // 2] * 1000, "p99": timings[int(len(timings) * 0.99)] * 1000,
            "per_s": len(timings) / sum(timings)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--copies", type=int, default=15)
    args = parser.parse_args(argv)
    full = args.db or FULL
    if not full.exists():
        if not DATA.is_dir():
            print(f"skipped: {DATA} is absent", file=sys.stderr)
            return 0
        build_full(full)
    synthetic = full.with_name(full.stem + "-1m.db")
    total = build_synthetic(full, synthetic, args.copies)
    conn = sqlite3.connect(full)
    ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    conn.close()
    rng = random.Random(2)
    sample = rng.sample(ids, min(args.queries, len(ids)))
    offset = max(ids) + 1
    print("| store | articles | call | p50 ms | p99 ms | calls/s | p99 vs get |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for name, path, count, query_ids in (
            ("SaudiNewsNet + ANT", full, len(ids), sample),
            ("synthetic", synthetic, total, [i + rng.randint(0, args.copies) * offset for i in sample])):
        figures = measure(path, query_ids)
        for call in ("get", "related"):
            f = figures[call]
            print(f"| {name} | {count:,} | {call} | {f['p50']:.2f} | {f['p99']:.2f} | {f['per_s']:,.0f} | "
                  f"{f['p99'] / figures['get']['p99']:.1f}x |")
    synthetic.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
