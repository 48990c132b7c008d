"""Benchmark: `naba export` in each format on a large store: time, peak memory, rows, size; and whether
the Parquet export reads back (pyarrow, then pandas) as the same rows as the JSONL one.

    .venv/bin/python bench/export.py --db COPY_OF_A_STORE [--out DIR]

Give a copy of a store (the export only reads, but a store is opened for writing by every command:
never point this at a shared original). Each run is the real console script in its own process, its
peak RSS read from the kernel (wait4). The baseline, measured in the same run, is the least an export
can do: the sqlite3 module reading every article row and writing it as JSON, nothing else.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

NABA = str(Path(sys.executable).with_name("naba"))
# Runs a command and prints its exit code and peak RSS (KB). The measured process is started by this
# small process, not by the benchmark: Linux counts a child's memory from its parent's at fork time, so
# a child of a benchmark that has loaded pandas would be charged for pandas.
MEASURE = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""
BASELINE = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in conn.execute("SELECT * FROM articles ORDER BY id"):
        out.write(json.dumps({k: row[k] for k in row.keys()}, ensure_ascii=False) + "\\n")
"""


def measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one process."""
    start = time.perf_counter()
    report = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    code, peak_kb = map(int, report.stdout.split())
    if code != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return seconds, peak_kb // 1024


def count_rows(path: Path) -> int:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    with path.open(encoding="utf-8", newline="") as handle:
        if path.suffix == ".csv":
            return sum(1 for _ in csv.reader(handle)) - 1  # the header
        return sum(1 for _ in handle)


def same_rows(parquet: Path, jsonl: Path) -> tuple[bool, int]:
    """Does the Parquet file hold the JSONL's records, in order? Compared a row group at a time."""
    import pyarrow.parquet as pq

    reader, compared = pq.ParquetFile(parquet), 0
    with jsonl.open(encoding="utf-8") as lines:
        for group in range(reader.num_row_groups):
            for row in reader.read_row_group(group).to_pylist():
                if row != json.loads(next(lines)):
                    return False, compared
                compared += 1
        return next(lines, None) is None, compared


def pandas_rows(parquet: Path) -> tuple[int, list[str]]:
    import pandas as pd

    frame = pd.read_parquet(parquet)
    return len(frame), list(frame.columns)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a copy of a SQLite store")
    parser.add_argument("--out", default="/tmp/naba-bench-export", help="folder for the exported files")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    runs = [("baseline: sqlite3 rows as JSON, no naba", [sys.executable, "-c", BASELINE, args.db,
                                                           str(out / "baseline.jsonl")], out / "baseline.jsonl")]
    for fmt in ("jsonl", "parquet", "csv"):
        path = out / f"export.{fmt}"
        runs.append((f"naba export --format {fmt}", [NABA, "export", "--db", args.db, "--format", fmt,
                                                     "--output", str(path)], path))
    timings = [measured(command) for _, command, _ in runs]  # all runs first, then the reading back
    print("| run | rows | seconds | rows/s | peak RSS MB | MB written | speed vs baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    base_seconds = timings[0][0]
    for (label, _, path), (seconds, peak) in zip(runs, timings, strict=True):
        rows = count_rows(path)
        print(f"| {label} | {rows:,} | {seconds:.1f} | {rows / seconds:,.0f} | {peak:,} | "
              f"{path.stat().st_size / 1e6:,.0f} | {base_seconds / seconds:.2f} |")
    same, compared = same_rows(out / "export.parquet", out / "export.jsonl")
    count, columns = pandas_rows(out / "export.parquet")
    print(f"\nParquet read back with pyarrow: {'the same' if same else 'NOT the same'} rows as the JSONL export "
          f"({compared:,} compared); pandas.read_parquet: {count:,} rows, {len(columns)} columns")


if __name__ == "__main__":
    main()
