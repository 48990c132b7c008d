"""Crawling: poll the sources that are due, fetch the pages of new items, store them through the engine.

Network work runs in a thread pool (the PoliteClient keeps one request per host at a time and the
delays between them); every database write happens in the calling thread, batch by batch, so a stop
between batches leaves no partial write.

With ``CrawlOptions.processes`` > 1 the CPU work of a fetched page (extraction, cleaning, tagging,
indexing: ~30 ms, where fetching from a nearby host takes ~2) runs in that many worker processes, which
the fetching threads hand their pages to, and the related lists are computed in as many: the crawl
then uses every core, not one.

A stop (the ``stop`` event: Ctrl+C or SIGTERM in the CLI) is seen within ``STOP_CHECK_SECONDS``: the
queued fetches are cancelled, the fetches still waiting on the network abandoned (closing the client
ends them), and the pages already fetched (extraction is CPU work of milliseconds, so it is waited
for) are stored before ``crawl_once`` returns.

One item never stops a crawl: an item whose link naba refuses to fetch (a private or metadata address,
a URL that is no http(s) URL) is a per-item refusal, counted in the report and kept as the source's
last error, and the other items and sources go on.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from naba import engine
from naba.engine.prepare import prepare_checked
from naba.errors import InputError, UsageError
from naba.models import IngestReport, PollOutcome, PreparedArticle, Record, Rejection, Source
from naba.pipeline.tagging import warm_up
from naba.settings import Settings
from naba.sources.fetch import (
    FeedItem,
    FetchError,
    FetchResult,
    PoliteClient,
    SourcePoll,
    Validators,
    dedup_items,
    poll_source,
)
from naba.store import Store, WriteResult
from naba.stories import StoryStage

MAX_BACKOFF_SECONDS = 24 * 3600
MAX_CHILD_SITEMAPS = 10  # of a sitemap index, the first (newest-listed) ones are read each poll
ROBOTS_DISALLOWED = "robots.txt disallows the page"
TRANSIENT_KINDS = frozenset({"deferred", "timeout", "connect", "rate_limited", "cancelled"})
STOP_CHECK_SECONDS = 0.2  # how often a crawl waiting on fetches looks at its stop event


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    workers: int = 8  # threads polling and fetching
    max_items_per_poll: int = 500
    processes: int = 1  # processes preparing the fetched pages and computing the lists (1: none)


Prepare = Callable[[Record], PreparedArticle | Rejection]


@dataclass(slots=True)
class SourceReport:
    source: Source
    status: str  # "ok", "not_modified" or "error"
    items: int = 0
    new_items: int = 0
    error: str | None = None
    refused: int = 0  # items whose link naba refused to fetch (each also in the ingest report's rejections)


@dataclass(slots=True)
class CrawlReport:
    sources: list[SourceReport] = field(default_factory=list)
    ingest: IngestReport = field(default_factory=IngestReport)
    pages_fetched: int = 0
    feed_only: int = 0
    cancelled: int = 0  # fetches queued or in flight when a stop came: not stored, new again next crawl
    stopped: bool = False


@dataclass(frozen=True, slots=True)
class Refused:
    """A feed item naba will not fetch at all: its link points at a refused address, or is no URL naba
    fetches. Not stored; counted, and kept as its source's last error."""

    rejection: Rejection


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


# -- registering sources ----------------------------------------------------------------

def add_source(store: Store, client: PoliteClient, url: str, name: str | None, every_seconds: int) -> Source:
    """Register a feed or sitemap; a site's home page is replaced by the first feed it announces."""
    poll = poll_source(client, url)
    if poll.error is not None:
        raise InputError(f"cannot read this source: {poll.error}", where=url)
    listing = poll.listing
    if listing is None:
        raise InputError("cannot read this source: it answered with nothing to read", where=url)
    if listing.kind == "html":
        if not listing.follow:
            raise InputError("this page is not a feed or sitemap and announces no feed", where=url,
                             hint="give the URL of an RSS/Atom feed or a sitemap")
        return add_source(store, client, listing.follow[0], name or listing.title, every_seconds)
    return store.sources.add(poll.result.final_url, name or listing.title, listing.kind, every_seconds,
                             _iso(time.time()))


def parse_interval(text: str) -> int:
    """'10m' → 600: seconds from a number with an optional unit s, m, h or d."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    if not number.isdigit() or int(number) == 0:
        raise UsageError(f"not an interval: {text!r}", hint="for example 30s, 10m, 2h or 1d")
    return int(number) * units[unit]


# -- one crawl --------------------------------------------------------------------------

def _feed_record(item: FeedItem, source: Source, reason: str) -> Record:
    """The feed's own fields as a record, for an item whose page we may not or could not read."""
    payload = {"url": item.url, "title": item.title, "content": item.content or item.summary,
               "summary": item.summary, "date": item.published_at or item.published,
               "author": item.author, "tags": list(item.tags), "id": item.guid}
    hints = {"feed_only": reason, **({"source": source.name} if source.name else {})}
    return Record("json", json.dumps(payload, ensure_ascii=False).encode(), item.url,
                  tuple(sorted(hints.items())))


def _page_record(item: FeedItem, source: Source, body: bytes, final_url: str, charset: str | None) -> Record:
    hints = {"url": final_url, "source": source.name, "charset": charset, "feed_title": item.title,
             "feed_published": item.published_at or item.published, "feed_author": item.author,
             "feed_summary": item.summary}
    return Record("html", body, final_url, tuple(sorted((k, v) for k, v in hints.items() if v)))


def _is_transient(result: FetchResult) -> bool:
    """A failure worth retrying on the next poll: the host asked us to wait, timed out, refused the
    connection or had a server error. The item is then not stored, so the next poll sees it as new."""
    if result.status == "deferred":
        return True
    error = result.error
    if error is None:
        return False
    status = getattr(error, "status", None)
    return error.kind in TRANSIENT_KINDS or (status is not None and status >= 500)


def fetch_item(client: PoliteClient, item: FeedItem, source: Source, fetched: threading.Event | None = None,
               prepare: Prepare = engine.prepare_checked) -> PreparedArticle | Rejection | Refused | None:
    """The item's page through the pipeline, else its feed fields (robots.txt, a permanent failure);
    Refused when its link may not be fetched at all (a private or metadata address, no http(s) URL);
    None when the failure is transient and the page should be tried again on the next poll.
    ``fetched`` is set when the network part is over and only the pipeline's CPU work is left."""
    try:
        allowed = client.allowed(item.url)
    except FetchError as exc:  # raised before any request to the page, with the page's URL as where
        if exc.kind in TRANSIENT_KINDS:  # robots.txt could not be asked (naba is stopping)
            return None
        return Refused(Rejection(item.url, f"not fetched: {exc.message}" + (f" ({exc.hint})" if exc.hint else "")))
    result = client.fetch(item.url) if allowed else None
    if fetched is not None:
        fetched.set()
    if result is None:
        return prepare(_feed_record(item, source, ROBOTS_DISALLOWED))
    if _is_transient(result):
        return None
    if not result.ok:
        return prepare(_feed_record(item, source, f"page not fetched: {result.error}"))
    prepared = prepare(_page_record(item, source, result.body, result.final_url, result.charset))
    if isinstance(prepared, Rejection):  # a page with no extractable text: fall back on the feed
        return prepare(_feed_record(item, source, f"page not usable: {prepared.reason}"))
    return prepared


def poll_with_children(client: PoliteClient, url: str, validators: Validators) -> SourcePoll:
    """A poll of the source; for a sitemap index, its child sitemaps' items are read too."""
    poll = poll_source(client, url, validators)
    listing = poll.listing
    if listing is None or listing.kind != "sitemap" or not listing.follow:
        return poll
    items = list(listing.items)
    for child_url in listing.follow[:MAX_CHILD_SITEMAPS]:
        child = poll_source(client, child_url)
        if child.listing is not None:
            items.extend(child.listing.items)
    return replace(poll, listing=replace(listing, items=tuple(dedup_items(items))))


def _poll_outcome(source: Source, poll: SourcePoll, client: PoliteClient, now: float) -> PollOutcome:
    if poll.ok:
        validators = poll.result.validators
        return PollOutcome(_iso(now), now + source.every_seconds, True,
                           etag=validators.etag, last_modified=validators.last_modified)
    backoff = min(source.every_seconds * 2 ** source.consecutive_failures, MAX_BACKOFF_SECONDS)
    host_free_at = client.blocked_until(source.url) or 0.0
    return PollOutcome(_iso(now), max(now + backoff, host_free_at), False, error=str(poll.error))


def crawl_once(
    store: Store,
    client: PoliteClient,
    settings: Settings,
    options: CrawlOptions = CrawlOptions(),
    stop: threading.Event | None = None,
    now: Callable[[], float] = time.time,
    stage: StoryStage | None = None,
) -> CrawlReport:
    """Poll every due source once and store what is new, grouped into stories as it is stored (by
    ``stage``, which `watch` keeps from one crawl to the next). One failing source or item never stops
    the others; a ``stop`` ends the crawl at once, keeping what was fetched (see the module's docstring)."""
    report = CrawlReport()
    stage = stage or StoryStage(store)
    due = store.sources.due(now())
    if not due:
        return report
    pool = ThreadPoolExecutor(max_workers=options.workers, thread_name_prefix="naba-crawl")
    preparer = _preparer(options.processes)
    prepare = engine.prepare_checked if preparer is None else functools.partial(_prepared_in, preparer)
    try:
        jobs, listed_by = _poll_and_queue(store, client, pool, due, report, options, stop, now, prepare)

        def link(written: list[tuple[PreparedArticle, WriteResult]]) -> None:
            """Each written batch linked to the sources that listed it: one transaction per source."""
            by_source: dict[int, list[int]] = {}
            for prepared, result in written:
                for source_id in listed_by.get(prepared.article.canonical_url or "", ()):
                    by_source.setdefault(source_id, []).append(result.article_id)
            for source_id, article_ids in by_source.items():
                store.sources.link_items(source_id, article_ids, now())
            engine.group_written(stage, written)

        engine.store_prepared(store, _finished(store, jobs, report, stop, now), settings, report.ingest,
                              on_written=link)
        if not _stopped(stop):  # a stopped crawl leaves its lists marked for the next run
            report.ingest.lists = engine.refresh_lists(store, options.processes, profiles=stage.profiles).computed
    finally:
        report.stopped = _stopped(stop)
        # after a stop, fetches in flight are not waited for: closing the client ends them
        pool.shutdown(wait=not report.stopped, cancel_futures=True)
        if preparer is not None:
            preparer.shutdown(wait=not report.stopped, cancel_futures=True)
    return report


def _preparer(processes: int) -> ProcessPoolExecutor | None:
    """The worker processes that prepare fetched pages, or None for one process. They are started by a
    fork server (a clean process, not a fork of this one and its fetching threads) and load the
    tagger's tables once each."""
    if processes <= 1:
        return None
    return ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=warm_up)


def _prepared_in(preparer: ProcessPoolExecutor, record: Record) -> PreparedArticle | Rejection:
    """A fetching thread's page prepared in a worker process (the thread waits without the GIL)."""
    return preparer.submit(prepare_checked, record).result()


Job = Future[PreparedArticle | Rejection | Refused | None]


@dataclass(frozen=True, slots=True)
class _Queued:
    item: FeedItem
    source: Source
    fetched: threading.Event  # set by the worker once only CPU work is left


def _stopped(stop: threading.Event | None) -> bool:
    return stop is not None and stop.is_set()


def _poll_and_queue(store: Store, client: PoliteClient, pool: ThreadPoolExecutor, due: list[Source],
                    report: CrawlReport, options: CrawlOptions, stop: threading.Event | None,
                    now: Callable[[], float], prepare: Prepare) -> tuple[dict[Job, _Queued], dict[str, list[int]]]:
    """Poll the due sources (in the pool) and queue a fetch for each new item; the jobs, and for each
    canonical URL the sources that list it in this crawl. After a stop nothing more is polled or queued."""
    polls = [pool.submit(poll_with_children, client, s.url, Validators(s.etag, s.last_modified)) for s in due]
    jobs: dict[Job, _Queued] = {}
    listed_by: dict[str, list[int]] = {}
    for source, future in zip(due, polls, strict=True):
        if not _wait_for(future, stop):
            for waiting in polls:
                waiting.cancel()
            break
        poll = future.result()
        store.sources.record_poll(source.id, _poll_outcome(source, poll, client, now()))
        for item in _new_items(store, source, poll, report, options):
            url = item.canonical_url or ""  # _new_items keeps only items with one
            if url not in listed_by and not _stopped(stop):
                queued = _Queued(item, source, threading.Event())
                jobs[pool.submit(fetch_item, client, item, source, queued.fetched, prepare)] = queued
            listed_by.setdefault(url, []).append(source.id)
    return jobs, listed_by


def _wait_for(future: Future[SourcePoll], stop: threading.Event | None) -> bool:
    """Wait until ``future`` is done (True), or until a stop (False)."""
    while not future.done():
        if _stopped(stop):
            return False
        wait([future], timeout=STOP_CHECK_SECONDS if stop is not None else None)
    return True


def _new_items(store: Store, source: Source, poll: SourcePoll, report: CrawlReport,
               options: CrawlOptions) -> list[FeedItem]:
    if not poll.ok:
        report.sources.append(SourceReport(source, "error", error=str(poll.error)))
        return []
    if poll.result.not_modified or poll.listing is None:
        report.sources.append(SourceReport(source, "not_modified"))
        return []
    items = [i for i in poll.listing.items if i.canonical_url][: options.max_items_per_poll]
    known = store.articles.known_urls([i.canonical_url for i in items if i.canonical_url])
    store.sources.link_items(source.id, known.values(), time.time())
    new = [i for i in items if i.canonical_url not in known]
    report.sources.append(SourceReport(source, "ok", items=len(items), new_items=len(new)))
    return new


def _finished(store: Store, jobs: dict[Job, _Queued], report: CrawlReport,
              stop: threading.Event | None, now: Callable[[], float]) -> Iterator[PreparedArticle]:
    """Prepared articles as their fetches finish. After a stop, the queued fetches are cancelled, the
    ones waiting on the network left behind, and the pages already fetched still handed on (to be stored)."""
    pending: set[Job] = set(jobs)
    while pending:
        done, pending = wait(pending, timeout=STOP_CHECK_SECONDS if stop is not None else None,
                             return_when=FIRST_COMPLETED)
        if _stopped(stop):
            for future in pending:
                future.cancel()
            fetched = {f for f in pending if not f.cancelled() and jobs[f].fetched.is_set()}
            wait(fetched)  # only their extraction is left
            done |= fetched | {f for f in pending if f.done() and not f.cancelled()}
            report.cancelled += len(pending - done)
            pending = set()
        for future in done:
            yield from _outcome(store, future.result(), jobs[future].source, report, now)


def _outcome(store: Store, result: PreparedArticle | Rejection | Refused | None, source: Source,
             report: CrawlReport, now: Callable[[], float]) -> Iterator[PreparedArticle]:
    """Count one finished fetch into the report; the article to store, if any."""
    if result is None:
        return
    report.ingest.read += 1
    if isinstance(result, Refused):
        report.ingest.rejected.append(result.rejection)
        for source_report in report.sources:
            if source_report.source.id == source.id:
                source_report.refused += 1
        store.sources.record_item_error(source.id, _iso(now()), f"item refused: {result.rejection}")
        return
    if isinstance(result, Rejection):
        report.ingest.rejected.append(result)
        return
    if result.article.feed_only:
        report.feed_only += 1
    else:
        report.pages_fetched += 1
    yield result


def watch(
    store: Store,
    client: PoliteClient,
    settings: Settings,
    stop: threading.Event,
    options: CrawlOptions = CrawlOptions(),
    on_cycle: Callable[[CrawlReport], None] | None = None,
    idle_seconds: float = 60.0,
) -> None:
    """Crawl on schedule until ``stop`` is set (the CLI sets it on SIGINT/SIGTERM)."""
    stage = StoryStage(store)  # its memory of recent articles lasts from one crawl to the next
    while not stop.is_set():
        report = crawl_once(store, client, settings, options, stop, stage=stage)
        if on_cycle:
            on_cycle(report)
        next_due = store.sources.next_due_at()
        wait = idle_seconds if next_due is None else min(idle_seconds, max(0.5, next_due - time.time()))
        stop.wait(wait)

