"""Commands that run the pipeline: ingest, reprocess, demo (imported only to run one: naba.cli.lazy)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.text import Text

from naba import engine
from naba.cli.articles import render_article, render_search
from naba.cli.common import DbOption, JsonOption, open_db, out, print_json, report_summary, run_with_progress
from naba.engine.workers import ingest_workers, refresh_workers
from naba.errors import UsageError
from naba.sample import sample_paths
from naba.serve.search import search
from naba.settings import Settings

cli = typer.Typer()


@cli.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders, globs, or - for stdin.")] = None,
    db: DbOption = "naba.db",
    source: Annotated[str | None, typer.Option(help="Outlet name for inputs that do not say.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Also ingest the bundled sample corpus.")] = False,
    workers: Annotated[int | None, typer.Option(
        min=1, max=64, help="Processes preparing articles and computing related lists (1: none); the stored "
        "result is the same. Default: one a core (at most 4) for inputs of 2 MB or more, else 1.")] = None,
    lists: Annotated[bool, typer.Option("--lists/--no-lists", help="Compute the related lists after the "
                                        "stories (--no-lists: leave them to `naba refresh`).")] = True,
    as_json: JsonOption = False,
) -> None:
    """Read articles from files (JSON, JSONL, zip, tar, ANT XML, text pages, HTML) into the store."""
    targets = list(paths or []) + (sample_paths() if sample else [])
    if not targets:
        raise UsageError("nothing to ingest", hint="give paths, - for stdin, or --sample")
    settings = Settings.from_env()
    store = open_db(db)
    hints = {"source": source} if source else {}
    try:
        report = run_with_progress("ingesting", lambda update: engine.ingest(
            store, targets, settings, hints, stdin=sys.stdin.buffer, progress=update,
            workers=workers or ingest_workers(targets), lists=lists))
    finally:
        store.close()
    report_summary(report, as_json)


@cli.command()
def reprocess(db: DbOption = "naba.db", as_json: JsonOption = False) -> None:
    """Re-run the pipeline over the stored raw inputs (after an improvement to naba)."""
    store = open_db(db)
    try:
        report = run_with_progress("reprocessing", lambda update: engine.reprocess(
            store, Settings.from_env(), progress=update))
    finally:
        store.close()
    report_summary(report, as_json)


@cli.command()
def refresh(
    db: DbOption = "naba.db",
    workers: Annotated[int | None, typer.Option(min=1, max=64, help="Processes computing lists (1: none). "
                                                "Default: one a core (at most 4) for 1,000 lists or more.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Compute the similar and read-also lists the story stage marked stale (after db load, or --no-lists)."""
    store = open_db(db)
    try:
        done = engine.refresh_lists(store, workers or refresh_workers(store.related.count_pending()))
    finally:
        store.close()
    if as_json:
        print_json({"lists": done.computed, "seconds": round(done.seconds, 3)})
    else:
        out.print(f"related lists computed: {done.computed:,} in {done.seconds:.1f} s")


@cli.command()
def demo(db: DbOption = "naba.db") -> None:
    """Load the bundled sample corpus and show what naba does with it."""
    store = open_db(db)
    try:
        report = engine.ingest(store, sample_paths(), Settings.from_env())
        out.print(Text.assemble(("sample corpus", "bold"), f": {report.read} read, {report.stored} stored, "
                                f"{report.updated} updated, {report.unchanged} unchanged, "
                                f"{len(report.rejected)} rejected"))
        for query in ("زيلينسكي", "المسئولين", "اسعار النفط"):
            out.rule(f"naba search {query}")
            render_search(search(store, query, limit=3))
        page = next((s for s in store.articles.scan() if s.article.page_similar), None)
        if page is not None:
            out.rule(f"naba show {page.id}: a page like the seed, its trailing blocks parsed into fields")
            render_article(page)
    finally:
        store.close()
    out.print(f"\nThe store is {db}. Try: naba search QUERY · naba show ID · naba stats · naba export")
