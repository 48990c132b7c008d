"""Writing and reading a backfill's output folder: Parquet datasets by month and ``report.json``."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from naba.engine.backfill.schema import TABLES
from naba.models import Rejection

REPORT = "report.json"
MAX_REJECTIONS_KEPT = 10_000  # in report.json; every one is in the rejections table


@dataclass
class Report:
    """What a backfill read, kept, skipped and rejected (every rejection with where and why)."""

    inputs: int = 0
    records: int = 0  # records read (every row the readers gave, rejections included)
    articles: int = 0  # article rows before re-ingests of one identity were folded into one
    skipped: int = 0  # another language, or outside --since/--until
    rejected: int = 0
    stored: int = 0  # articles written
    stories: int = 0
    links: int = 0
    rejections: list[dict[str, Any]] = field(default_factory=list)

    def count(self, row: Mapping[str, Any]) -> None:
        self.records += 1
        status = row["status"]
        if status == "article":
            self.articles += 1
        elif status == "skipped":
            self.skipped += 1
        else:
            self.rejected += 1
            self.rejections.append({"where": row["where"], "reason": row["reason"]})

    def as_rejections(self) -> list[Rejection]:
        return [Rejection(r["where"], r["reason"]) for r in self.rejections]

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data["rejections"] = self.rejections[:MAX_REJECTIONS_KEPT]
        return data


def write_tables(out: str, tables: Mapping[str, Sequence[dict[str, Any]]], report: Report) -> None:
    """Write every table under ``out`` (replacing what a previous run left there) and the report."""
    os.makedirs(out, exist_ok=True)
    for name, schema in TABLES.items():
        path = os.path.join(out, name)
        shutil.rmtree(path, ignore_errors=True)
        rows = tables.get(name, ())
        table = pa.Table.from_pylist(list(rows), schema=schema)
        if "month" in schema.names:
            ds.write_dataset(table, path, format="parquet", partitioning=["month"], partitioning_flavor="hive",
                             existing_data_behavior="overwrite_or_ignore")
        else:
            ds.write_dataset(table, path, format="parquet", existing_data_behavior="overwrite_or_ignore")
    report.stored, report.stories = len(tables.get("articles", ())), len(tables.get("stories", ()))
    report.links = len(tables.get("links", ()))
    write_report(out, report)


def write_report(out: str, report: Report) -> None:
    with open(os.path.join(out, REPORT), "w", encoding="utf-8") as handle:
        json.dump(report.summary(), handle, ensure_ascii=False, indent=1)


def dataset(out: str, name: str) -> ds.Dataset:
    """One table of a backfill's output, in its schema (the month read back from the folder names)."""
    path = os.path.join(out, name)
    schema = TABLES[name]
    if not os.path.isdir(path):  # an empty table leaves no files behind
        return ds.dataset(schema.empty_table())
    if "month" in schema.names:
        return ds.dataset(path, format="parquet", schema=schema, partitioning="hive")
    return ds.dataset(path, format="parquet", schema=schema)


def batches(out: str, name: str, columns: Sequence[str] | None = None,
            batch_size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """A table's rows in batches of dicts, streamed (a table may be larger than memory)."""
    scanner = dataset(out, name).scanner(columns=list(columns) if columns else None, batch_size=batch_size)
    for batch in scanner.to_batches():
        if batch.num_rows:
            yield batch.to_pylist()
