"""Runs over many records: ingest files, store prepared articles in batches, reprocess the store.

Each stored batch is handed to the story stage as it is committed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import BinaryIO

from naba.engine.lists import refresh_lists
from naba.engine.parallel import prepare_in_parallel
from naba.engine.prepare import prepare_checked, prepare_chunk, prepare_or_reject
from naba.errors import StoreError
from naba.models import IngestReport, PreparedArticle, Record, Rejection
from naba.pipeline.tagging import warm_up
from naba.settings import Settings
from naba.sources.readers import iter_records
from naba.store import Outcome, Store, WriteResult
from naba.stories import StoryStage

ProgressCallback = Callable[[IngestReport], None]
LEFTOVERS_PER_BATCH = 500  # ungrouped articles of an interrupted run taken along with each batch


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")



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
    lists: bool = True,
) -> IngestReport:
    """Read every path, store what parses, report the rest, then compute the related lists the story
    stage marked (unless not ``lists``). With ``workers`` > 1 the per-article work and the lists run in
    that many processes (see naba.engine.parallel and naba.engine.lists); the result is the same."""
    items = iter_records(paths, settings, hints or {}, stdin=stdin)
    return ingest_records(store, items, settings, progress, workers, lists)


def group_written(stage: StoryStage, written: list[tuple[PreparedArticle, WriteResult]]) -> None:
    """Hand the story stage what a batch stored or changed (an unchanged re-ingest moves nothing),
    with up to a batch of the articles an interrupted run left outside every story.

    A batch is committed before it is grouped: a run killed in between leaves its articles without
    a story, and a re-run finds them unchanged. So every grouping also takes the store's ungrouped
    articles (the crawler's batches come through here too), and ``group_leftovers`` ends each run.
    Placing an article twice gives the same decision, so taking one that another process is about
    to group costs time, never a wrong story.
    """
    fresh = [(result.article_id, prepared.profile) for prepared, result in written
             if result.outcome is not Outcome.UNCHANGED]
    mine = {result.article_id for _, result in written}
    leftovers = [i for i in stage.store.articles.ungrouped(limit=LEFTOVERS_PER_BATCH) if i not in mine]
    stage.process([*fresh, *leftovers])  # the stage profiles the leftovers itself


def group_leftovers(stage: StoryStage, chunk: int = LEFTOVERS_PER_BATCH) -> int:
    """Group every article the store holds outside a story, ``chunk`` at a time; how many there were."""
    after, found = 0, 0
    while ids := stage.store.articles.ungrouped(after_id=after, limit=chunk):
        stage.process(ids)
        after, found = ids[-1], found + len(ids)
    return found


def ingest_records(
    store: Store,
    items: Iterable[Record | Rejection],
    settings: Settings,
    progress: ProgressCallback | None = None,
    workers: int = 1,
    lists: bool = True,
) -> IngestReport:
    """Store what parses, report the rest; then the related lists (see ``ingest``)."""
    report = IngestReport()
    records = _counted(items, report)
    if workers > 1:
        warm_up()  # the tagger's lexicon and word tables, built once here and shared by the forked workers
        prepared = prepare_in_parallel(records, prepare_chunk, workers)
    else:
        prepared = map(prepare_checked, records)
    stage = StoryStage(store)
    store_prepared(store, _accepted(prepared, report), settings, report, progress,
                   on_written=lambda written: group_written(stage, written))
    group_leftovers(stage, settings.batch_size)
    if lists:
        done = refresh_lists(store, workers, stage.profiles)
        report.lists, report.lists_seconds = done.computed, done.seconds
    return report


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
        results = store.articles.write(batch, seen_at)
        _count(report, (r.outcome for r in results))
        if on_written:
            on_written(list(zip(batch, results, strict=True)))
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
    for article_id, record in store.articles.raw_inputs():
        report.read += 1
        prepared = prepare_or_reject(record, report)
        if prepared is not None:
            try:
                outcome = store.articles.replace(article_id, prepared, seen_at).outcome
                _count(report, [outcome])
                if outcome is Outcome.UPDATED:
                    changed.append((article_id, prepared.profile))
            except StoreError as exc:
                report.rejected.append(Rejection(record.origin, exc.message))
        if report.read % settings.batch_size == 0:
            stage.process(changed)
            changed.clear()
            if progress:
                progress(report)
    stage.process(changed)
    group_leftovers(stage, settings.batch_size)
    report.lists = refresh_lists(store, profiles=stage.profiles).computed
    if progress:
        progress(report)
    return report
