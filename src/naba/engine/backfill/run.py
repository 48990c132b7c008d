"""One backfill run, from the command line's paths to the output folder, on either executor."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime

from naba.engine.backfill.articles import Options
from naba.engine.backfill.output import Report
from naba.errors import UsageError
from naba.models import Rejection
from naba.sources.readers.inputs import expand_path

GLOB_CHARS = "[]{}*?"


@dataclass(frozen=True, slots=True)
class Plan:
    files: list[str]
    missing: list[Rejection]  # paths that name nothing readable: reported, the rest goes on


def plan(paths: list[str]) -> Plan:
    """The input files (one task each), in a stable order, and the paths that name none."""
    files: list[str] = []
    missing: list[Rejection] = []
    for path in paths:
        if path == "-":
            raise UsageError("a backfill reads files, not stdin", hint="give the files or folders")
        found = expand_path(path)
        if not found:
            missing.append(Rejection(path, "no such file or folder, or a glob that matches nothing"))
        for item in found or ():
            (missing if isinstance(item, Rejection) else files).append(item)  # type: ignore[arg-type]
    return Plan(sorted(dict.fromkeys(files)), missing)


def default_seen_at(files: list[str]) -> str:
    """When the articles count as first seen, unless told: the newest input file's modification time
    (so a re-run on the same files gives the same output; a page without a date is placed there)."""
    newest = max((os.stat(path).st_mtime for path in files), default=0.0)
    return datetime.fromtimestamp(int(newest), UTC).isoformat()


def backfill(paths: list[str], out: str, options: Options | None = None, master: str = "local[*]",
             executor: str = "spark", hot_key_rows: int | None = None) -> Report:
    """Backfill ``paths`` into ``out``: on Spark (``master``), or ``executor="local"`` in this process."""
    found = plan(paths)
    if not found.files:
        raise UsageError("no input files to backfill", hint="give WARC files, dumps, folders or globs")
    options = options or Options(seen_at=default_seen_at(found.files))
    if executor == "local":
        from naba.engine.backfill.local import run_local

        report = run_local(found.files, out, options)
    else:
        if any(char in out for char in GLOB_CHARS):  # Spark (Hadoop) reads its own output back as a glob
            raise UsageError(f"--out {out}: Spark reads a path with any of {GLOB_CHARS} as a glob",
                             hint="choose a folder name without them")
        from naba.engine.backfill.spark import HOT_KEY_ROWS, run_spark, session

        report = run_spark(session(master), found.files, out, options, hot_key_rows or HOT_KEY_ROWS)
    report.rejections[:0] = [{"where": r.where, "reason": r.reason} for r in found.missing]
    report.rejected += len(found.missing)
    return report
