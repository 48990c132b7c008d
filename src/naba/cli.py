"""The `naba` command line: each command opens the store, calls one library function, prints.

Exit codes: 0 done; 1 an error stopped the command; 2 bad usage; 3 done, but some input was rejected.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from naba import engine
from naba.dates import parse_user_date, to_timestamp
from naba.errors import NabaError, NotFound, UsageError
from naba.export import export_record
from naba.models import IngestReport, StoredArticle
from naba.sample_corpus import sample_paths
from naba.search import SearchPage, search
from naba.settings import Settings
from naba.store import Store, open_store
from naba.urls import canonical_url

EXIT_REJECTED = 3

app = typer.Typer(
    help="naba (نبأ): an Arabic-first news aggregation engine.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option(
    "--db", envvar="NABA_DB", help="Database: a path or sqlite:///path (default: $NABA_DB, else naba.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Only articles published on or after this date.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Only articles published before this date.")]


def _open(db: str) -> Store:
    return open_store(db, Settings.from_env())


def _print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


# -- ingest and reprocess -----------------------------------------------------------------

def _run_with_progress(label: str, work) -> IngestReport:
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[counts]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(label, counts="")

        def update(report: IngestReport) -> None:
            progress.update(task, counts=f"{report.read:,} read · {report.stored:,} stored · "
                                         f"{len(report.rejected):,} rejected")

        return work(update)


def _report_summary(report: IngestReport, as_json: bool) -> None:
    if as_json:
        _print_json({"read": report.read, "stored": report.stored, "updated": report.updated,
                     "unchanged": report.unchanged, "rejected": len(report.rejected),
                     "rejections": [{"where": r.where, "reason": r.reason} for r in report.rejected]})
    else:
        for rejection in report.rejected:
            err.print(Text(f"rejected: {rejection}", style="yellow"))
        table = Table(show_header=False, box=None)
        for name, value in (("read", report.read), ("stored", report.stored), ("updated", report.updated),
                            ("unchanged re-ingests", report.unchanged), ("rejected", len(report.rejected))):
            table.add_row(name, f"{value:,}")
        out.print(table)
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files, folders, globs, or - for stdin.")] = None,
    db: DbOption = "naba.db",
    source: Annotated[Optional[str], typer.Option(help="Outlet name for inputs that do not say.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Also ingest the bundled sample corpus.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Read articles from files (JSON, JSONL, zip, tar, ANT XML, text pages, HTML) into the store."""
    targets = list(paths or []) + (sample_paths() if sample else [])
    if not targets:
        raise UsageError("nothing to ingest", hint="give paths, - for stdin, or --sample")
    settings = Settings.from_env()
    store = _open(db)
    hints = {"source": source} if source else {}
    try:
        report = _run_with_progress("ingesting", lambda update: engine.ingest(
            store, targets, settings, hints, stdin=sys.stdin.buffer, progress=update))
    finally:
        store.close()
    _report_summary(report, as_json)


@app.command()
def reprocess(db: DbOption = "naba.db", as_json: JsonOption = False) -> None:
    """Re-run the pipeline over the stored raw inputs (after an improvement to naba)."""
    store = _open(db)
    try:
        report = _run_with_progress("reprocessing", lambda update: engine.reprocess(
            store, Settings.from_env(), progress=update))
    finally:
        store.close()
    _report_summary(report, as_json)


# -- reading ------------------------------------------------------------------------------

def _timestamp_or_none(value: str | None) -> float | None:
    return None if value is None else parse_user_date(value).timestamp()


def _render_search(page: SearchPage) -> None:
    if not page.results:
        out.print(f"no articles match [bold]{page.query}[/bold]")
        return
    out.print(f"{page.total:,} articles match [bold]{page.query}[/bold]\n")
    for rank, result in enumerate(page.results, 1):
        article = result.hit.stored.article
        out.print(Text.assemble((f"{rank}. ", "dim"), (article.title or "(no title)", "bold"),
                                (f"  [{result.hit.stored.id}]", "dim")))
        out.print(Text(f"   {article.source or '?'} · {article.published_at or 'date unknown'}", style="cyan"))
        snippet = Text("   " + result.snippet.text)
        for start, end in result.snippet.highlights:
            snippet.stylize("bold yellow", start + 3, end + 3)
        out.print(snippet, "")


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words in any spelling; \"quotes\" for a phrase.")],
    db: DbOption = "naba.db",
    source: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    n: Annotated[int, typer.Option("-n", min=1, max=1000, help="How many results.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Full-text search in Arabic or English, with highlighted snippets."""
    store = _open(db)
    try:
        page = search(store, query, source=source,
                      since=parse_user_date(since) if since else None,
                      until=parse_user_date(until) if until else None, limit=n)
    finally:
        store.close()
    if as_json:
        _print_json({"query": page.query, "total": page.total, "results": [
            {**export_record(r.hit.stored), "score": round(r.hit.score, 4),
             "snippet": r.snippet.text, "highlights": [list(h) for h in r.snippet.highlights]}
            for r in page.results]})
    else:
        _render_search(page)


def _find(store: Store, ref: str) -> StoredArticle:
    if ref.isdigit():
        found = store.get(int(ref))
    else:
        url = canonical_url(ref)
        found = store.get_by_url(url) if url else None
    if found is None:
        raise NotFound("no such article", where=ref, hint="give an id from `naba search` or a stored URL")
    return found


def _render_article(stored: StoredArticle) -> None:
    a = stored.article
    out.print(Text(a.title or "(no title)", style="bold"))
    facts = [("id", str(stored.id)), ("outlet", a.source), ("published", a.published_at),
             ("url", a.url), ("author", a.author), ("language", a.lang),
             ("credited source", a.credited_source), ("tags", "، ".join(a.tags)),
             ("page tags", "، ".join(a.page_tags)), ("first seen", stored.first_seen_at)]
    for name, value in facts:
        if value:
            out.print(Text.assemble((f"{name}: ", "dim"), value))
    out.print()
    out.print(a.body)
    if a.page_read_also:
        out.print(Text("\nread also: ", style="dim") + Text(a.page_read_also.title))
    for label, items in (("similar on the page", a.page_similar), ("leaked headlines", a.page_related_leaks)):
        if items:
            out.print(Text(f"\n{label}:", style="dim"))
            for item in items:
                out.print(f"  • {item}")


@app.command()
def show(
    ref: Annotated[str, typer.Argument(metavar="ID|URL")],
    db: DbOption = "naba.db",
    as_json: JsonOption = False,
) -> None:
    """Show one stored article."""
    store = _open(db)
    try:
        stored = _find(store, ref)
    finally:
        store.close()
    if as_json:
        _print_json(export_record(stored))
    else:
        _render_article(stored)


@app.command()
def stats(db: DbOption = "naba.db", as_json: JsonOption = False) -> None:
    """Counts per outlet, per day and per language, and index sizes."""
    store = _open(db)
    try:
        result = store.stats()
    finally:
        store.close()
    if as_json:
        _print_json({"articles": result.articles, "per_source": result.per_source,
                     "per_day": result.per_day, "per_lang": result.per_lang, "sizes_bytes": result.sizes})
        return
    out.print(f"[bold]{result.articles:,}[/bold] articles in {db}")
    for title, counts in (("outlet", result.per_source), ("day", result.per_day),
                          ("language", result.per_lang), ("table or index (bytes)", result.sizes)):
        table = Table(title=f"per {title}", title_justify="left")
        table.add_column(title)
        table.add_column("count", justify="right")
        for key, value in counts.items():
            table.add_row(key, f"{value:,}")
        out.print(table)


@app.command()
def export(
    db: DbOption = "naba.db",
    format: Annotated[str, typer.Option("--format", help="Output format (jsonl).")] = "jsonl",
    since: SinceOption = None,
) -> None:
    """Write every article as one JSON object per line on stdout (the documented export contract)."""
    if format != "jsonl":
        raise UsageError(f"unknown export format {format!r}", hint="the only format is jsonl")
    store = _open(db)
    try:
        for stored in store.iter_articles(since_ts=_timestamp_or_none(since)):
            sys.stdout.write(json.dumps(export_record(stored), ensure_ascii=False) + "\n")
    finally:
        store.close()


@app.command()
def demo(db: DbOption = "naba.db") -> None:
    """Load the bundled sample corpus and show what naba does with it."""
    store = _open(db)
    try:
        report = engine.ingest(store, sample_paths(), Settings.from_env())
        out.print(f"[bold]sample corpus[/bold]: {report.read} read, {report.stored} stored, "
                  f"{report.updated} updated, {report.unchanged} unchanged, {len(report.rejected)} rejected")
        for query in ("زيلينسكي", "المسئولين", "اسعار النفط"):
            out.rule(f"naba search {query}")
            _render_search(search(store, query, limit=3))
    finally:
        store.close()
    out.print(f"\nThe store is {db}. Try: naba search QUERY · naba show ID · naba stats · naba export")


def main() -> None:
    try:
        app()
    except NabaError as exc:
        err.print(Text(f"error: {exc}", style="red"))
        sys.exit(1)
