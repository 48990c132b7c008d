"""Benchmark: ingest all of SaudiNewsNet and ANT into a fresh store, against a no-processing baseline.

    .venv/bin/python bench/ingest.py [--limit N]

Baseline, measured in the same run: the same files read with json.load (SaudiNewsNet) and one regex
per field (ANT), the same titles and texts inserted with sqlite3 into an FTS5 table, no processing.
Each side runs in its own child process so that its peak memory (max RSS) is its own. naba's time is
the whole run: storing and grouping, then the related lists (computed after the story stage, as
`naba ingest` does; its column is articles whose lists were computed a second).
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import re
import resource
import sqlite3
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SAUDI = sorted((DATA / "saudinewsnet").glob("*.zip"))
ANT = DATA / "ant" / "ant-v2.1.tar.xz"
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("TITLE", "TEXT")}
_DOC = re.compile(rb"<DOC>.*?</DOC>", re.S)


def _baseline_records():
    for path in SAUDI:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                yield len(data), None
                for item in json.loads(data):
                    yield 0, (item.get("title") or "", item.get("content") or "")
    with tarfile.open(ANT, mode="r|xz") as archive:
        for member in archive:
            if not member.isfile():
                continue
            data = archive.extractfile(member).read()
            yield len(data), None
            for doc in _DOC.findall(data):
                text = doc.decode("utf-8", "replace")
                fields = [m.group(1) if (m := _FIELD[n].search(text)) else "" for n in ("TITLE", "TEXT")]
                yield 0, tuple(fields)


def run_baseline(db_path: str, limit: int | None) -> dict:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body)")
    count = size = 0
    batch = []
    start = time.perf_counter()
    for nbytes, row in _baseline_records():
        size += nbytes
        if row is None:
            continue
        batch.append(row)
        count += 1
        if len(batch) == 500:
            conn.executemany("INSERT INTO docs VALUES (?, ?)", batch)
            conn.commit()
            batch.clear()
        if limit and count >= limit:
            break
    conn.executemany("INSERT INTO docs VALUES (?, ?)", batch)
    conn.commit()
    return {"articles": count, "bytes": size, "seconds": time.perf_counter() - start,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run_naba(db_path: str, limit: int | None, workers: int = 1) -> dict:
    from naba import engine
    from naba.settings import Settings
    from naba.sources.readers import iter_records
    from naba.store import open_store

    paths = [str(p) for p in SAUDI] + [str(ANT)]
    raw_bytes = sum(zipfile.ZipFile(p).infolist()[0].file_size for p in SAUDI)
    with tarfile.open(ANT, mode="r|xz") as archive:
        raw_bytes += sum(m.size for m in archive if m.isfile())
    store = open_store(db_path, Settings())
    start = time.perf_counter()
    records = itertools.islice(iter_records(paths, Settings()), limit)
    report = engine.ingest_records(store, records, Settings(), workers=workers)  # lists computed, as ingest does
    seconds = time.perf_counter() - start
    stats = store.articles.stats()
    store.close()
    return {"articles": stats.articles, "read": report.read, "rejected": len(report.rejected),
            "unchanged": report.unchanged, "updated": report.updated, "bytes": raw_bytes,
            "stage_seconds": seconds - report.lists_seconds, "lists": report.lists,
            "lists_seconds": report.lists_seconds, "seconds": seconds,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "db_mb": Path(db_path).stat().st_size / 2**20}


def _in_child(target, *args) -> dict:
    # not daemonic, so the naba run may start its own worker processes
    with multiprocessing.get_context("spawn").Manager() as manager:
        result = manager.dict()
        child = multiprocessing.get_context("spawn").Process(target=_run_into, args=(target, args, result))
        child.start()
        child.join()
        return dict(result)


def _run_into(target, args, result) -> None:
    result.update(target(*args))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="stop after this many articles (smoke runs)")
    args = parser.parse_args()
    if not SAUDI or not ANT.exists():
        print(f"skipped: the data is not in {DATA}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = _in_child(run_baseline, f"{tmp}/baseline.db", args.limit)
        naba = _in_child(run_naba, f"{tmp}/naba.db", args.limit, 1)
        naba2 = _in_child(run_naba, f"{tmp}/naba2.db", args.limit, 2)
    rows = [("baseline: json.load + sqlite3 FTS5, no processing", base),
            ("naba ingest, one process (one core)", naba),
            ("naba ingest --workers 2 (two cores)", naba2)]
    base_rate = base["articles"] / base["seconds"]
    print("| run | records | seconds | records/s | MB/s | stored and grouped /s | lists /s | "
          "peak RSS MB (main process) | vs baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        records = r.get("read", r["articles"])
        mb_per_s = "-" if args.limit else f"{r['bytes'] / 2**20 / r['seconds']:.1f}"  # sizes are whole files
        stage = f"{records / r['stage_seconds']:,.0f}" if "stage_seconds" in r else "-"
        lists = f"{r['lists'] / r['lists_seconds']:,.0f}" if r.get("lists") else "-"
        print(f"| {name} | {records:,} | {r['seconds']:.1f} | {records / r['seconds']:,.0f} | {mb_per_s} | "
              f"{stage} | {lists} | {r['rss_mb']:.0f} | {records / r['seconds'] / base_rate:.2f} |")
    print(f"\nnaba read {naba['read']:,} records and stored {naba['articles']:,} articles "
          f"({naba['unchanged']:,} unchanged re-ingests, {naba['updated']:,} updated, "
          f"{naba['rejected']:,} rejected: records with no text); store size {naba['db_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
