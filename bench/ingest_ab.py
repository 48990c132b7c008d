"""Benchmark: one process's CPU to ingest the first N records, this code against a git ref, alternated.

    .venv/bin/python bench/ingest_ab.py --baseline REV [--limit 9000] [--rounds 2] [--then N]

Each run ingests the first ``--limit`` records of SaudiNewsNet + ANT (bench/ingest.py's inputs) into a
fresh SQLite store, in a process of its own, lists included, as ``naba ingest`` does; the ``--baseline``
ref's ``src`` is exported to a temporary folder (as bench/credit_reads.py does). The versions alternate
``--rounds`` times, so that a shared machine's drift falls on both. Printed: each run's CPU seconds
(``time.process_time``: the machine's other jobs count less than in wall time) and the lists' part, then
the medians and their ratio.

With ``--then N`` the first ``--limit`` records are ingested once, by this code, and each run times a new
process that adds the next N records to a copy of that store (a crawl's or a cron's later run: the
story stage loads the days around its batch from the store).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from credit_reads import export

ROOT = Path(__file__).resolve().parents[1]

_WORKER = r"""
import itertools, json, sys, tempfile, time
sys.path.insert(0, sys.argv[2])
from ingest import ANT, SAUDI
import naba
from naba import engine
from naba.settings import Settings
from naba.sources.readers import iter_records
from naba.store import open_store

with tempfile.TemporaryDirectory() as tmp:
    path, skip = (sys.argv[3], int(sys.argv[4])) if len(sys.argv) > 3 else (f"{tmp}/naba.db", 0)
    store = open_store(path, Settings())
    records = itertools.islice(iter_records([str(p) for p in SAUDI] + [str(ANT)], Settings()), skip,
                               skip + int(sys.argv[1]))
    started = time.process_time()
    report = engine.ingest_records(store, records, Settings(), workers=1)
    cpu = time.process_time() - started
    store.close()
json.dump({"code": naba.__file__, "cpu": cpu, "lists": report.lists_seconds, "read": report.read}, sys.stdout)
"""


def run(src: Path | None, limit: int, store: Path | None = None, skip: int = 0, copy: bool = True) -> dict:
    """One process ingesting ``limit`` records (after the first ``skip``) into a new store, or into
    ``store`` (a copy of it, unless not ``copy``)."""
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    args = [sys.executable, "-c", _WORKER, str(limit), str(ROOT / "bench")]
    if store is not None:
        target = store.with_name("run.db") if copy else store
        if copy:
            shutil.copyfile(store, target)
        args += [str(target), str(skip)]
    out = subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    expected = src if src is not None else ROOT / "src"
    if not result["code"].startswith(str(expected)):
        sys.exit(f"the worker ran {result['code']}, not the code under {expected}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", required=True, help="the git ref to compare with")
    parser.add_argument("--limit", type=int, default=9000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--then", type=int, default=0, help="time adding this many more records to a store of --limit")
    args = parser.parse_args()
    runs: dict[str, list[dict]] = {args.baseline: [], "this code": []}
    with tempfile.TemporaryDirectory() as tmp:
        baseline = export(args.baseline, Path(tmp))
        store, size, skip = None, args.limit, 0
        if args.then:
            store = Path(tmp) / "base.db"
            run(None, args.limit, store, 0, copy=False)
            size, skip = args.then, args.limit
        for _ in range(args.rounds):
            runs[args.baseline].append(run(baseline, size, store, skip))
            runs["this code"].append(run(None, size, store, skip))
    if args.then:
        print(f"records {args.limit + 1:,}-{args.limit + args.then:,} added by a new process to a store of the "
              f"first {args.limit:,} (written by this code), lists included; CPU seconds a run, alternated\n")
    else:
        print(f"first {args.limit:,} records, one process, lists included; CPU seconds a run, alternated\n")
    print("| code | runs | median | lists (median) |")
    print("|---|---|---:|---:|")
    medians = {}
    for name, results in runs.items():
        medians[name] = statistics.median(r["cpu"] for r in results)
        shown = " · ".join(f"{r['cpu']:.1f}" for r in results)
        print(f"| {name} | {shown} | {medians[name]:.1f} | {statistics.median(r['lists'] for r in results):.1f} |")
    print(f"\nthis code / {args.baseline}: {medians['this code'] / medians[args.baseline]:.2f}")


if __name__ == "__main__":
    main()
