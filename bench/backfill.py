"""Benchmark: naba backfill on Spark local[1] and local[2] against one naba ingest process, on the same
WARC files (all of SaudiNewsNet and ANT written out as article pages, as tests/warc_files.py does).

    .venv/bin/python bench/backfill.py [--days N] [--ant-files N] [--work DIR]

Each run is its own process tree; its wall time and peak memory (the sum of the resident sets of the
process and every descendant: the JVM and its Python workers, sampled every 0.2 s) are printed as a
markdown table, the one-process ingest as the baseline, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "tests"))

from warc_files import Page, article_page, saudinewsnet_items, write_warc  # noqa: E402


def snn_warcs(work: Path, days: int | None) -> list[Path]:
    zips = sorted((DATA / "saudinewsnet").glob("*.zip"))[:days]
    out = []
    for path in zips:
        target = work / f"snn-{path.stem}.warc.gz"
        if not target.exists():
            write_warc(target, [Page(i["url"], article_page(i)) for i in saudinewsnet_items(path) if i.get("url")])
        out.append(target)
    return out


def ant_warcs(work: Path, limit: int | None) -> list[Path]:
    """ANT's TREC files as pages, one WARC per outlet."""
    from naba.settings import Settings
    from naba.sources.readers import iter_records, parse_record

    targets = sorted(work.glob("ant-*.warc.gz"))
    if targets:
        return targets
    folder = work / "ant"
    if not folder.exists():
        with tarfile.open(DATA / "ant" / "ant-v2.1.tar.xz") as archive:
            archive.extractall(folder, filter="data")
    by_outlet: dict[str, list[Page]] = {}
    files = sorted(str(p) for p in folder.rglob("*.txt"))[:limit]
    for record in iter_records(files, Settings()):
        if not hasattr(record, "payload"):
            continue
        try:
            raw = parse_record(record)
        except Exception:
            continue
        item = {"title": raw.title or "", "content": raw.body, "source": raw.source or "",
                "date_extracted": raw.published or "", "url": raw.url or f"http://ant.example/{len(by_outlet)}"}
        by_outlet.setdefault(raw.source or "ant", []).append(Page(item["url"], article_page(item)))
    for n, pages in enumerate(by_outlet.values()):
        targets.append(write_warc(work / f"ant-{n}.warc.gz", pages))
    return targets


def measured(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak MB of the process tree."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.2)
    if process.returncode not in (0, 3):
        raise SystemExit(f"{command[:3]} failed with {process.returncode}")
    return time.monotonic() - start, peak / 1024


def _stored(work: Path, command: list[str]) -> int:
    """Articles a run stored: the ingest's SQLite rows, or the backfill's report."""
    if command[1] == "ingest":
        with sqlite3.connect(work / "ingest.db") as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    return int(json.loads((Path(command[command.index("--out") + 1]) / "report.json").read_text())["stored"])


def _tree_rss(pid: int) -> int:
    """KB resident in ``pid`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/status") as handle:
                rss[int(entry)] = next((int(line.split()[1]) for line in handle if line.startswith("VmRSS")), 0)
            children.setdefault(parent, []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="SaudiNewsNet days (default: all 18)")
    parser.add_argument("--ant-files", type=int, default=None, help="ANT files (default: all); 0 for none")
    parser.add_argument("--work", default="/tmp/naba-bench-backfill")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    warcs = snn_warcs(work, args.days) + (ant_warcs(work, args.ant_files) if args.ant_files != 0 else [])
    naba = str(ROOT / ".venv" / "bin" / "naba")
    inputs = [str(p) for p in warcs]
    seen = ["--seen-at", "2024-01-01T00:00:00+00:00"]
    # the backfill computes no related lists (a loaded store's are computed by `naba refresh`): neither does this
    runs = [("baseline: naba ingest, one process",
             [naba, "ingest", *inputs, "--db", str(work / "ingest.db"), "--no-lists"])]
    for master in ("local[1]", "local[2]"):
        runs.append((f"naba backfill --master {master}",
                     [naba, "backfill", *inputs, "--out", str(work / master.strip("]").replace("[", "-")),
                      "--master", master, *seen]))
    for stale in (work / "ingest.db", work / "ingest.db-wal", work / "ingest.db-shm"):
        stale.unlink(missing_ok=True)
    results = []
    for name, command in runs:
        seconds, peak = measured(command)
        results.append((name, seconds, peak, _stored(work, command)))
    mb = sum(p.stat().st_size for p in warcs) / 1e6
    print(f"{len(warcs)} WARC files, {mb:,.0f} MB\n")
    print("| run | articles stored | seconds | articles/s | peak memory MB (process tree) | vs baseline |")
    print("|---|---:|---:|---:|---:|---:|")
    base = results[0][1]
    for name, seconds, peak, articles in results:
        print(f"| {name} | {articles:,} | {seconds:,.1f} | {articles / seconds:,.1f} | {peak:,.0f} | "
              f"{base / seconds:.2f} |")
    cores = 2
    per_article = results[-1][1] * cores / results[-1][3]
    print(f"\nmeasured cost: {per_article * 1000:.1f} core-ms per article (local[2], whole job); "
          f"100M articles = {per_article * 1e8 / 3600:,.0f} core-hours")


if __name__ == "__main__":
    main()
