"""The engine: wires readers → cleaning → indexing → store. No SQL and no text rules live here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timezone
from typing import BinaryIO

from naba.clean import clean_article
from naba.errors import InputError, StoreError
from naba.identity import article_identity, content_hash
from naba.models import IngestReport, PreparedArticle, RawArticle, Record, Rejection
from naba.parallel import prepare_in_parallel
from naba.readers import iter_records, parse_record
from naba.searchdoc import search_doc
from naba.settings import Settings
from naba.store import Outcome, Store, WriteResult
from naba.stories import StoryStage
from naba.stories.sketch import sketch_search_doc
from naba.tagging import tag_article, warm_up

ProgressCallback = Callable[[IngestReport], None]


# Hints a crawler leaves on a page's record: the feed's own fields, used where the page lacks them.
_FEED_FALLBACKS = {"feed_title": "title", "feed_published": "published", "feed_author": "author",
                   "feed_summary": "summary"}


def _with_feed_fallbacks(raw: RawArticle, record: Record) -> RawArticle:
    missing = {field: record.hint(hint) for hint, field in _FEED_FALLBACKS.items()
               if record.hint(hint) and not getattr(raw, field)}
    return replace(raw, **missing) if missing else raw


def prepare(record: Record) -> PreparedArticle:
    """Run one raw record through the pipeline. Raises an InputError for bad input."""
    article = clean_article(_with_feed_fallbacks(parse_record(record), record))
    if record.hint("feed_only"):
        article = replace(article, feed_only=record.hint("feed_only"))
    tags = tag_article(article.title, article.body)
    article = replace(article, keywords=tags.keywords, entities=tags.entities)
    search = search_doc(article)
    return PreparedArticle(
        article=article,
        identity=article_identity(article),
        content_hash=content_hash(article),
        search=search,
        record=record,
        sketch=sketch_search_doc(search),
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def prepare_checked(record: Record) -> PreparedArticle | Rejection:
    """The prepared article, or why the record was rejected. Safe to call from worker threads."""
    try:
        return prepare(record)
    except InputError as exc:
        return Rejection(record.origin, exc.message)
    except Exception as exc:  # a bug on one odd record must not stop a long ingest; it is reported
        return Rejection(record.origin, f"internal error: {type(exc).__name__}: {exc}")


def prepare_or_reject(record: Record, report: IngestReport) -> PreparedArticle | None:
    """The prepared article, or None after recording in ``report`` why the record was rejected."""
    result = prepare_checked(record)
    if isinstance(result, Rejection):
        report.rejected.append(result)
        return None
    return result


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
    workers: int = 1,
) -> IngestReport:
    """Read every path, store what parses, report the rest. With ``workers`` > 1 the per-article
    work runs in that many processes (see naba.parallel); the result is the same."""
    items = iter_records(paths, settings, hints or {}, stdin=stdin)
    return ingest_records(store, items, settings, progress, workers)


def group_written(stage: StoryStage, written: list[tuple[PreparedArticle, WriteResult]]) -> None:
    """Hand the story stage what a batch stored or changed (an unchanged re-ingest moves nothing)."""
    stage.process((result.article_id, prepared.sketch) for prepared, result in written
                  if result.outcome is not Outcome.UNCHANGED)


def ingest_records(
    store: Store,
    items: Iterable[Record | Rejection],
    settings: Settings,
    progress: ProgressCallback | None = None,
    workers: int = 1,
) -> IngestReport:
    """Store what parses, report the rest."""
    report = IngestReport()
    records = _counted(items, report)
    if workers > 1:
        warm_up()  # the tagger's lexicon and word tables, built once here and shared by the forked workers
        prepared = prepare_in_parallel(records, prepare_chunk, workers)
    else:
        prepared = map(prepare_checked, records)
    stage = StoryStage(store)
    return store_prepared(store, _accepted(prepared, report), settings, report, progress,
                          on_written=lambda written: group_written(stage, written))


def prepare_chunk(records: list[Record]) -> list[PreparedArticle | Rejection]:
    return [prepare_checked(record) for record in records]


def _counted(items: Iterable[Record | Rejection], report: IngestReport) -> Iterator[Record]:
    """The records, counted as read; the readers' rejections go straight to the report."""
    for item in items:
        if isinstance(item, Rejection):
            report.rejected.append(item)
        else:
            report.read += 1
            yield item


def _accepted(results: Iterable[PreparedArticle | Rejection], report: IngestReport) -> Iterator[PreparedArticle]:
    for result in results:
        if isinstance(result, Rejection):
            report.rejected.append(result)
        else:
            yield result


def store_prepared(
    store: Store,
    items: Iterable[PreparedArticle],
    settings: Settings,
    report: IngestReport,
    progress: ProgressCallback | None = None,
    on_written: Callable[[list[tuple[PreparedArticle, WriteResult]]], None] | None = None,
) -> IngestReport:
    """Write prepared articles in batches, counted into ``report``. Each batch is committed as it
    fills, so an interruption or a bad record never loses what was already stored."""
    batch: list[PreparedArticle] = []
    seen_at = _now()

    def flush() -> None:
        results = store.write(batch, seen_at)
        _count(report, (r.outcome for r in results))
        if on_written:
            on_written(list(zip(batch, results)))
        batch.clear()
        if progress:
            progress(report)

    for prepared in items:
        batch.append(prepared)
        if len(batch) >= settings.batch_size:
            flush()
    if batch:
        flush()
    if progress:
        progress(report)
    return report


def reprocess(store: Store, settings: Settings, progress: ProgressCallback | None = None) -> IngestReport:
    """Re-run the pipeline over every stored raw input, updating articles whose result changed."""
    report = IngestReport()
    seen_at = _now()
    stage, changed = StoryStage(store), []
    for article_id, record in store.iter_raw():
        report.read += 1
        prepared = prepare_or_reject(record, report)
        if prepared is not None:
            try:
                outcome = store.replace(article_id, prepared, seen_at).outcome
                _count(report, [outcome])
                if outcome is Outcome.UPDATED:
                    changed.append((article_id, prepared.sketch))
            except StoreError as exc:
                report.rejected.append(Rejection(record.origin, exc.message))
        if report.read % settings.batch_size == 0:
            stage.process(changed)
            changed.clear()
            if progress:
                progress(report)
    stage.process(changed)
    if progress:
        progress(report)
    return report
