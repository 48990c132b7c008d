"""Benchmark: ingest all of SaudiNewsNet and ANT into a fresh store, against a no-processing baseline.

    .venv/bin/python bench/ingest.py [--limit N]

Baseline, measured in the same run: the same files read with json.load (SaudiNewsNet) and one regex
per field (ANT), the same titles and texts inserted with sqlite3 into an FTS5 table, no processing.
Each side runs in its own child process so that its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import io
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


def run_naba(db_path: str, limit: int | None) -> dict:
    from naba import engine
    from naba.settings import Settings
    from naba.store import open_store

    paths = [str(p) for p in SAUDI] + [str(ANT)]
    raw_bytes = sum(zipfile.ZipFile(p).infolist()[0].file_size for p in SAUDI)
    with tarfile.open(ANT, mode="r|xz") as archive:
        raw_bytes += sum(m.size for m in archive if m.isfile())
    store = open_store(db_path, Settings())
    start = time.perf_counter()

    class Enough(Exception):
        pass

    def stop_at_limit(report):
        if limit and report.read >= limit:
            raise Enough

    try:
        report = engine.ingest(store, paths, Settings(), progress=stop_at_limit)
    except Enough:
        report = None
    seconds = time.perf_counter() - start
    stats = store.stats()
    store.close()
    return {"articles": stats.articles, "read": report.read if report else stats.articles,
            "rejected": len(report.rejected) if report else 0,
            "unchanged": report.unchanged if report else 0, "updated": report.updated if report else 0,
            "bytes": raw_bytes, "seconds": seconds,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "db_mb": Path(db_path).stat().st_size / 2**20}


def _in_child(target, db_path, limit) -> dict:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(target, (db_path, limit))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="stop after this many articles (smoke runs)")
    args = parser.parse_args()
    if not SAUDI or not ANT.exists():
        print(f"skipped: the data is not in {DATA}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = _in_child(run_baseline, f"{tmp}/baseline.db", args.limit)
        naba = _in_child(run_naba, f"{tmp}/naba.db", args.limit)
    rows = [("baseline: json.load + sqlite3 FTS5", base), ("naba ingest (whole pipeline)", naba)]
    print(f"| run | articles | seconds | articles/s | MB/s | peak RSS MB |")
    print(f"|---|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['articles']:,} | {r['seconds']:.1f} | {r['articles'] / r['seconds']:,.0f} | "
              f"{r['bytes'] / 2**20 / r['seconds']:.1f} | {r['rss_mb']:.0f} |")
    ratio = (naba["articles"] / naba["seconds"]) / (base["articles"] / base["seconds"])
    print(f"\nnaba/baseline throughput ratio: {ratio:.2f}  ·  naba read {naba['read']:,} records, "
          f"stored {naba['articles']:,} articles ({naba['unchanged']:,} unchanged re-ingests, "
          f"{naba['updated']:,} updated, {naba['rejected']:,} rejected)  ·  store size {naba['db_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
