"""Commands for live ingestion: sources add|list|remove|pause|resume, fetch, crawl, watch."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.table import Table

from naba.cli.common import DbOption, JsonOption, err, open_db, out, print_json, print_rejection, report_summary
from naba.engine import crawler, pages
from naba.serve.contract import CrawlSummary, FollowedSource, SourcePoll
from naba.settings import Settings
from naba.sources.fetch import FetchPolicy, PoliteClient

cli = typer.Typer()
sources_app = typer.Typer(help="The feeds and sitemaps that `naba crawl` polls.", no_args_is_help=True)
cli.add_typer(sources_app, name="sources")

RefArgument = Annotated[str, typer.Argument(metavar="ID|URL")]


def _client() -> PoliteClient:
    return PoliteClient(FetchPolicy.from_env())


@sources_app.command("add")
def sources_add(
    url: str,
    db: DbOption = "naba.db",
    name: Annotated[str | None, typer.Option(help="Outlet name (default: the feed's title).")] = None,
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 10m, 2h, 1d.")] = "10m",
) -> None:
    """Register an RSS/Atom feed, a (news) sitemap, or a site's home page (its feed is discovered)."""
    interval = crawler.parse_interval(every)
    store = open_db(db)
    try:
        with _client() as client:
            source = crawler.add_source(store, client, url, name, interval)
    finally:
        store.close()
    out.print(f"source {source.id}: {source.kind} {source.url} ({source.name or 'no name'}), every {every}")


@sources_app.command("list")
def sources_list(db: DbOption = "naba.db", as_json: JsonOption = False) -> None:
    """Every source with its health: last success, last error, consecutive failures, items per day."""
    store = open_db(db)
    try:
        sources = store.sources.list()
    finally:
        store.close()
    if as_json:
        print_json([FollowedSource.of(s).model_dump(mode="json") for s in sources])
        return
    table = Table("id", "name", "kind", "url", "every", "state", "last success", "failures", "items/day",
                  "last error")
    for s in sources:
        table.add_row(str(s.id), s.name or "", s.kind, s.url, f"{s.every_seconds}s",
                      "paused" if s.paused else "active", s.last_success_at or "never",
                      str(s.consecutive_failures), str(s.items_last_day), s.last_error or "")
    out.print(table)


def _change(ref: str, db: str, action) -> None:
    store = open_db(db)
    try:
        source = store.sources.get(ref)
        action(store, source)
    finally:
        store.close()


@sources_app.command("remove")
def sources_remove(ref: RefArgument, db: DbOption = "naba.db") -> None:
    """Stop following a source (its articles stay)."""
    _change(ref, db, lambda store, s: store.sources.remove(s.id))


@sources_app.command("pause")
def sources_pause(ref: RefArgument, db: DbOption = "naba.db") -> None:
    """Stop polling a source until it is resumed."""
    _change(ref, db, lambda store, s: store.sources.set_paused(s.id, True))


@sources_app.command("resume")
def sources_resume(ref: RefArgument, db: DbOption = "naba.db") -> None:
    """Poll a paused source again."""
    _change(ref, db, lambda store, s: store.sources.set_paused(s.id, False))


@cli.command()
def fetch(
    urls: Annotated[list[str], typer.Argument(help="Article page URLs.")],
    db: DbOption = "naba.db",
    source: Annotated[str | None, typer.Option(help="Outlet name (default: the page's site name).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch single article pages and store them."""
    store = open_db(db)
    try:
        with _client() as client:
            report = pages.fetch_pages(store, client, urls, Settings.from_env(), source)
    finally:
        store.close()
    report_summary(report, as_json)


def _print_crawl(report: crawler.CrawlReport, as_json: bool) -> None:
    if as_json:
        print_json(_crawl_summary(report).model_dump(mode="json"))
        return
    for r in report.sources:
        detail = r.error or f"{r.items} items, {r.new_items} new"
        out.print(f"{r.source.id:>4} {r.status:<13} {r.source.url}  {detail}")
    for rejection in report.ingest.rejected:
        print_rejection(rejection)
    out.print(f"{report.pages_fetched} pages fetched, {report.feed_only} stored from feed fields only, "
              f"{report.ingest.stored} stored, {report.ingest.updated} updated")


def _crawl_summary(report: crawler.CrawlReport) -> CrawlSummary:
    """Filled here, not in the contract: the serving layer may not import the engine's report."""
    polls = [SourcePoll(id=r.source.id, url=r.source.url, status=r.status, items=r.items, new_items=r.new_items,
                        error=r.error) for r in report.sources]
    ingest = report.ingest
    return CrawlSummary(sources=polls, pages_fetched=report.pages_fetched, feed_only=report.feed_only,
                        stored=ingest.stored, updated=ingest.updated, unchanged=ingest.unchanged,
                        rejected=len(ingest.rejected))


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by the first SIGINT/SIGTERM; a second SIGINT interrupts at once (KeyboardInterrupt)."""
    stop = threading.Event()

    def handler(signum: int, _frame: object) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    previous = {signum: signal.signal(signum, handler) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


WORKERS_HELP = "Processes preparing the fetched pages and computing related lists (1: none)."


@cli.command()
def crawl(
    db: DbOption = "naba.db",
    once: Annotated[bool, typer.Option("--once", help="Poll every due source once (the only mode).")] = True,
    workers: Annotated[int, typer.Option(min=1, max=64, help=WORKERS_HELP)] = 1,
    as_json: JsonOption = False,
) -> None:
    """Poll every due source once and store what is new; Ctrl+C stops at once, keeping what was fetched."""
    store = open_db(db)
    try:
        with _stop_on_signals() as stop, _client() as client:  # closing the client ends fetches in flight
            report = crawler.crawl_once(store, client, Settings.from_env(), crawler.CrawlOptions(processes=workers),
                                        stop=stop)
    finally:
        store.close()
    if report.stopped:
        err.print(f"stopped: {report.cancelled} fetches cancelled (they are new again on the next crawl)")
    _print_crawl(report, as_json)


@cli.command()
def watch(
    db: DbOption = "naba.db",
    idle: Annotated[float, typer.Option(help="Longest sleep between checks, in seconds.")] = 60.0,
    workers: Annotated[int, typer.Option(min=1, max=64, help=WORKERS_HELP)] = 1,
) -> None:
    """Keep polling on schedule until stopped; SIGINT/SIGTERM stop it cleanly between batches."""
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    store = open_db(db)
    try:
        with _client() as client:
            crawler.watch(store, client, Settings.from_env(), stop, crawler.CrawlOptions(processes=workers),
                          idle_seconds=idle,
                          on_cycle=lambda report: _print_crawl(report, False) if report.sources else None)
    finally:
        store.close()
    err.print("stopped")
