"""The export contract: one record per article, the ``Article`` model of ``naba.serve.contract``.

Other tools and later issues read it; keep it stable. Its fields, their order and their meaning are the
model's (the README's table is checked against it); new fields are only ever appended. With
``naba export --related K`` each record is an ``ArticleWithRelated``: the same, then ``similar`` and
``read_also``. Absent values are null or [], never invented.

Three formats carry the same records (``write_export``), each streamed in store pages so memory stays
flat however large the store:

    jsonl    one JSON object per line
    parquet  one column per field, lists and objects as Parquet lists and structs, a row group per
             ``BATCH_ROWS`` articles (needs pyarrow: ``pip install 'naba[parquet]'``; naba.serve.parquet)
    csv      a header of the field names; null is an empty cell, and lists and objects (``page_tags``,
             ``entities``, ``page_read_also`` ...) and booleans are JSON text in their cell
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from pydantic import BaseModel

from naba.errors import UsageError
from naba.models import Related, StoredArticle
from naba.serve.contract import Article, ArticleWithRelated
from naba.store import Store
from naba.stories.related import related

EXPORT_FIELDS = tuple(Article.model_fields)
RELATED_FIELDS = tuple(name for name in ArticleWithRelated.model_fields if name not in Article.model_fields)
FORMATS = ("jsonl", "parquet", "csv")
BATCH_ROWS = 1_000  # articles held at once: one Parquet row group (peak RSS ~350 MB on any store size)


def export_record(stored: StoredArticle) -> dict[str, Any]:
    """One article as the export writes it (a plain dict, for comparing stores and runs)."""
    return Article.of(stored).model_dump(mode="json")


def export_line(stored: StoredArticle, related: Related | None = None, *, with_related: bool = False) -> str:
    """One line of ``naba export``; ``with_related`` adds the lists of ``related`` (empty when None)."""
    return json.dumps(_model(stored, related, with_related).model_dump(mode="json"), ensure_ascii=False) + "\n"


def _model(stored: StoredArticle, found: Related | None, with_related: bool) -> Article:
    return ArticleWithRelated.of_related(stored, found) if with_related else Article.of(stored)


def export_model(related_k: int) -> type[BaseModel]:
    """The model each exported record is: ``ArticleWithRelated`` with ``--related K``, else ``Article``."""
    return ArticleWithRelated if related_k else Article


def export_records(store: Store, since_ts: float | None = None, related_k: int = 0) -> Iterator[dict[str, Any]]:
    """Every article (published since ``since_ts``) as an export record, in id order, read page by page."""
    for stored in store.articles.scan(since_ts=since_ts):
        found = related(store, stored.id, k=related_k) if related_k else None
        yield _model(stored, found, bool(related_k)).model_dump(mode="json")


def write_export(store: Store, format: str, out: BinaryIO, since_ts: float | None = None,
                 related_k: int = 0) -> int:
    """Write the export in ``format`` to ``out``; how many articles it holds."""
    if format not in FORMATS:
        raise UsageError(f"unknown export format {format!r}", hint=f"one of {', '.join(FORMATS)}")
    records = export_records(store, since_ts, related_k)
    if format == "parquet":
        from naba.serve.parquet import write_parquet  # pyarrow is optional: imported only when asked for

        return write_parquet(records, export_model(related_k), out, BATCH_ROWS)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        if format == "csv":
            return _write_csv(records, tuple(export_model(related_k).model_fields), text)
        return _write_jsonl(records, text)
    finally:
        text.flush()
        text.detach()  # ``out`` stays open: it belongs to the caller (stdout)


def _write_jsonl(records: Iterator[dict[str, Any]], text: io.TextIOWrapper) -> int:
    count = 0
    for record in records:
        text.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(records: Iterator[dict[str, Any]], fields: tuple[str, ...], text: io.TextIOWrapper) -> int:
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(fields)
    count = 0
    for record in records:
        writer.writerow([csv_cell(record[name]) for name in fields])
        count += 1
    return count


def csv_cell(value: Any) -> str:
    """A field as CSV text: null is empty; a list, an object or a boolean is JSON (``true``); a number
    or text is itself."""
    if value is None:
        return ""
    if isinstance(value, (list, dict, bool)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
