"""The engine: wires readers → cleaning → indexing → store. No SQL and no text rules live here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timezone
from typing import BinaryIO

from naba.clean import clean_article
from naba.errors import InputError, StoreError
from naba.identity import article_identity, content_hash
from naba.models import IngestReport, PreparedArticle, Record, Rejection
from naba.readers import iter_records, parse_record
from naba.searchdoc import search_doc
from naba.settings import Settings
from naba.store import Outcome, Store

ProgressCallback = Callable[[IngestReport], None]


def prepare(record: Record) -> PreparedArticle:
    """Run one raw record through the pipeline. Raises an InputError for bad input."""
    article = clean_article(parse_record(record))
    return PreparedArticle(
        article=article,
        identity=article_identity(article),
        content_hash=content_hash(article),
        search=search_doc(article),
        record=record,
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _prepare_or_reject(record: Record, report: IngestReport) -> PreparedArticle | None:
    """The prepared article, or None after recording in ``report`` why the record was rejected."""
    try:
        return prepare(record)
    except InputError as exc:
        report.rejected.append(Rejection(record.origin, exc.message))
    except Exception as exc:  # a bug on one odd record must not stop a long ingest; it is reported
        report.rejected.append(Rejection(record.origin, f"internal error: {type(exc).__name__}: {exc}"))
    return None


def _count(report: IngestReport, outcomes: Iterable[Outcome]) -> None:
    for outcome in outcomes:
        if outcome is Outcome.STORED:
            report.stored += 1
        elif outcome is Outcome.UPDATED:
            report.updated += 1
        else:
            report.unchanged += 1


def ingest(
    store: Store,
    paths: Sequence[str],
    settings: Settings,
    hints: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Read every path, store what parses, report the rest. Batches are committed as they fill,
    so an interruption or a bad record never loses what was already stored."""
    report = IngestReport()
    batch: list[PreparedArticle] = []
    seen_at = _now()
    for item in iter_records(paths, settings, hints or {}, stdin=stdin):
        if isinstance(item, Rejection):
            report.rejected.append(item)
            continue
        report.read += 1
        prepared = _prepare_or_reject(item, report)
        if prepared is not None:
            batch.append(prepared)
        if len(batch) >= settings.batch_size:
            _count(report, (r.outcome for r in store.write(batch, seen_at)))
            batch.clear()
            if progress:
                progress(report)
    if batch:
        _count(report, (r.outcome for r in store.write(batch, seen_at)))
    if progress:
        progress(report)
    return report


def reprocess(store: Store, settings: Settings, progress: ProgressCallback | None = None) -> IngestReport:
    """Re-run the pipeline over every stored raw input, updating articles whose result changed."""
    report = IngestReport()
    seen_at = _now()
    for article_id, record in store.iter_raw():
        report.read += 1
        prepared = _prepare_or_reject(record, report)
        if prepared is not None:
            try:
                _count(report, [store.replace(article_id, prepared, seen_at).outcome])
            except StoreError as exc:
                report.rejected.append(Rejection(record.origin, exc.message))
        if progress and report.read % settings.batch_size == 0:
            progress(report)
    if progress:
        progress(report)
    return report
