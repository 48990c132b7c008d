"""Benchmark: reading an article's precomputed related lists, and what computing them adds to ingest.

    .venv/bin/python bench/related.py [--db PATH] [--queries 2000] [--ingest-days 2]

1. Reading (what a page costs). On a copy of a store holding SaudiNewsNet + ANT (``--db``, else one is built
   at /tmp/naba-bench-full.db with `naba ingest --workers 2` and kept), the lists of ``--queries`` random
   articles are computed (``naba.stories.related.refresh``, timed: random articles, so no warm cache), then
   read warm (every query run once first): ``store.related.lists(id)``, the one indexed read a page needs,
   and ``related(store, id)``, the lists with their shown articles (what `naba related` and
   /api/articles/{id}/related return); the baseline is ``store.articles.get(id)`` for the same ids in the
   same run.
2. Computing (after the story stage, in ingest). `naba ingest` of the first ``--ingest-days`` days of
   SaudiNewsNet into a fresh store, twice in the same run: as it is, and with ``lists=False`` (`naba
   ingest --no-lists`);
   ms per stored article of each, and the difference: what the lists cost an ingest (``--ingest-days 0``
   skips it).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from naba import engine
from naba.settings import Settings
from naba.store import open_store
from naba.stories.related import refresh, related

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FULL = Path("/tmp/naba-bench-full.db")


def build_full(path: Path) -> None:
    inputs = [str(DATA / "saudinewsnet"), str(DATA / "ant" / "ant-v2.1.tar.xz")]
    subprocess.run([sys.executable, "-m", "naba", "ingest", *inputs, "--workers", "2", "--db", str(path)],
                   check=False, stdout=subprocess.DEVNULL)


def reading(path: Path, ids: list[int]) -> tuple[dict[str, dict[str, float]], float]:
    store = open_store(str(path))
    try:
        start = time.perf_counter()
        refresh(store, ids)
        compute_ms = (time.perf_counter() - start) * 1000 / len(ids)
        calls: dict[str, Callable[[int], object]] = {
            "articles.get": store.articles.get, "related.lists": store.related.lists,
            "related()": lambda i: related(store, i)}
        for call in calls.values():  # warm: the pages these queries read are in the cache
            for article_id in ids:
                call(article_id)
        return {name: _timed(call, ids) for name, call in calls.items()}, compute_ms
    finally:
        store.close()


def ingest_ms(paths: list[str], lists: bool) -> tuple[float, int]:
    """ms per stored article of an in-process ingest into a fresh store, lists on or off."""
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "ingest.db"))
        start = time.perf_counter()
        engine.ingest(store, paths, Settings(), lists=lists)
        seconds = time.perf_counter() - start
        stored = store.articles.stats().articles
        pending = store.related.count_pending()
        store.close()
    assert (pending == 0) == lists, "lists are stored exactly when ingest computes them"
    return seconds * 1000 / stored, stored


def _timed(call: Callable[[int], object], ids: list[int]) -> dict[str, float]:
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
    parser.add_argument("--ingest-days", type=int, default=2)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    full = args.db or FULL
    if not full.exists():
        build_full(full)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "full.db"
        shutil.copyfile(full, copy)
        conn = sqlite3.connect(copy)
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        conn.close()
        sample = random.Random(2).sample(ids, min(args.queries, len(ids)))
        figures, compute_ms = reading(copy, sample)
    print(f"Reading an article's lists ({len(ids):,} articles, {len(sample):,} random queries, warm):\n")
    print("| call | p50 ms | p99 ms | calls/s | p99 vs articles.get |")
    print("|---|---:|---:|---:|---:|")
    for name, f in figures.items():
        print(f"| {name} | {f['p50']:.3f} | {f['p99']:.3f} | {f['per_s']:,.0f} | "
              f"{f['p99'] / figures['articles.get']['p99']:.2f}x |")
    print(f"\n`refresh` of the {len(sample):,} random articles above (no warm cache): {compute_ms:.1f} ms an article.",
          flush=True)
    if args.ingest_days <= 0:
        return 0
    days = sorted(str(p) for p in (DATA / "saudinewsnet").glob("*.zip"))[:args.ingest_days]
    with_lists, stored = ingest_ms(days, lists=True)
    without, _ = ingest_ms(days, lists=False)
    print(f"\nComputing them: ingest of {len(days)} days of SaudiNewsNet ({stored:,} articles stored), "
          f"in-process, one worker:\n")
    print("| ingest | ms per stored article |")
    print("|---|---:|")
    print(f"| without lists (baseline) | {without:.1f} |")
    print(f"| with lists (as shipped) | {with_lists:.1f} |")
    print(f"| the lists' share | {with_lists - without:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
