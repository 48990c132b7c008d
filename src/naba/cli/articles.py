"""Commands that read articles: search, show, stats, export (ingest, reprocess and demo: naba.cli.ingest).

Imported only to run one of them (naba.cli.lazy); what a single command needs beyond the store is
imported inside it, so `naba show` never loads the search, the export or the JSON contract.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from naba.cli.common import DbOption, JsonOption, SinceOption, UntilOption, open_db, out, print_json, printable
from naba.errors import NotFound, UsageError
from naba.stories.summaries import headline
from naba.urls import canonical_url

if TYPE_CHECKING:
    from naba.models import StoredArticle
    from naba.serve.search import SearchPage
    from naba.store import Store

cli = typer.Typer()

# -- reading ------------------------------------------------------------------------------

def _timestamp_or_none(value: str | None) -> float | None:
    from naba.dates import parse_user_date

    return None if value is None else parse_user_date(value).timestamp()


def render_search(page: SearchPage) -> None:
    if not page.results:
        out.print(Text.assemble("no articles match ", (page.query, "bold")))
        return
    about = "" if page.total_exact else "about "
    out.print(Text.assemble(f"{about}{page.total:,} articles match ", (page.query, "bold"), "\n"))
    for rank, result in enumerate(page.results, 1):
        article = result.hit.stored.article
        out.print(Text.assemble((f"{rank}. ", "dim"), (headline(article), "bold"),
                                (f"  [{result.hit.stored.id}]", "dim")))
        out.print(Text(f"   {article.source or 'outlet unknown'} · {article.published_at or 'date unknown'}",
                       style="cyan"))
        snippet = Text("   " + result.snippet.text)
        for start, end in result.snippet.highlights:
            snippet.stylize("bold yellow", start + 3, end + 3)
        out.print(snippet, "")


@cli.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words in any spelling; \"quotes\" for a phrase.")],
    db: DbOption = "naba.db",
    source: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    n: Annotated[int, typer.Option("-n", min=1, max=1000, help="How many results.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Full-text search in Arabic or English, with highlighted snippets."""
    from naba.dates import parse_user_date
    from naba.serve.contract import SearchResults
    from naba.serve.paging import offset_cursor
    from naba.serve.search import search

    store = open_db(db)
    try:
        page = search(store, query, source=source,
                      since=parse_user_date(since) if since else None,
                      until=parse_user_date(until) if until else None, limit=n)
    finally:
        store.close()
    if as_json:
        next_cursor = offset_cursor(0, len(page.results), page.pages_through, n)  # the API's cursor of the next page
        print_json(SearchResults.of(page, next_cursor).model_dump(mode="json"))
    else:
        render_search(page)


def find_article(store: Store, ref: str) -> StoredArticle:
    if ref.isdigit():
        found = store.articles.get(int(ref))
    else:
        url = canonical_url(ref)
        found = store.articles.get_by_url(url) if url else None
    if found is None:
        raise NotFound("no such article", where=ref, hint="give an id from `naba search` or a stored URL")
    return found


def render_article(stored: StoredArticle) -> None:
    a = stored.article
    out.print(Text(headline(a), style="bold"))
    facts = [("id", str(stored.id)), ("outlet", a.source or "outlet unknown"),
             ("published", a.published_at or "date unknown"),
             ("url", a.url), ("author", a.author), ("language", a.lang),
             ("credited source", a.credited_source), ("tags", "، ".join(a.tags)),
             ("page tags", "، ".join(a.page_tags)), ("first seen", stored.first_seen_at)]
    for name, value in facts:
        if value:
            out.print(Text.assemble((f"{name}: ", "dim"), printable(value)))
    out.print()
    out.print(a.body)
    if a.page_read_also:
        out.print(Text("\nread also: ", style="dim") + Text(a.page_read_also.title))
    for label, items in (("similar on the page", a.page_similar), ("leaked headlines", a.page_related_leaks)):
        if items:
            out.print(Text(f"\n{label}:", style="dim"))
            for item in items:
                out.print(f"  • {item}")


@cli.command()
def show(
    ref: Annotated[str, typer.Argument(metavar="ID|URL")],
    db: DbOption = "naba.db",
    as_json: JsonOption = False,
) -> None:
    """Show one stored article."""
    store = open_db(db)
    try:
        stored = find_article(store, ref)
    finally:
        store.close()
    if as_json:
        from naba.serve.contract import Article

        print_json(Article.of(stored).model_dump(mode="json"))
    else:
        render_article(stored)


@cli.command()
def stats(db: DbOption = "naba.db", as_json: JsonOption = False) -> None:
    """Counts per outlet, per day and per language, index sizes, and the health of crawled sources."""
    from rich.table import Table

    from naba.serve.contract import StatsReport

    store = open_db(db)
    try:
        result = store.articles.stats()
        sources = store.sources.list()
    finally:
        store.close()
    if as_json:
        print_json(StatsReport.of_store(result, sources).model_dump(mode="json"))
        return
    out.print(Text.assemble((f"{result.articles:,}", "bold"), f" articles in {db}"))
    for title, counts in (("outlet", result.per_source), ("day", result.per_day),
                          ("language", result.per_lang), ("table or index (bytes)", result.sizes)):
        table = Table(title=f"per {title}", title_justify="left")
        table.add_column(title)
        table.add_column("count", justify="right")
        for key, value in counts.items():
            table.add_row(key, f"{value:,}")
        out.print(table)
    if sources:
        table = Table("source", "last success", "failures", "items/day", "last error",
                      title="crawled sources", title_justify="left")
        for s in sources:
            table.add_row(s.name or s.url, s.last_success_at or "never", str(s.consecutive_failures),
                          str(s.items_last_day), s.last_error or "")
        out.print(table)


FormatOption = Annotated[str, typer.Option(
    "--format", help="jsonl (one JSON object per line), parquet (needs pyarrow: pip install 'naba[parquet]') "
                     "or csv (lists and objects as JSON text).")]
OutputOption = Annotated[str | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]


@cli.command()
def export(
    db: DbOption = "naba.db",
    format: FormatOption = "jsonl",
    since: SinceOption = None,
    related_k: Annotated[int, typer.Option("--related", min=0, help="Add `similar` and `read_also` (K similar).")] = 0,
    output: OutputOption = None,
) -> None:
    """Write every article, in the documented export contract, on stdout (or to --output)."""
    from naba.serve.export import write_export

    since_ts = _timestamp_or_none(since)
    if format == "parquet" and output is None and sys.stdout.isatty():
        raise UsageError("Parquet is binary: not written to a terminal", hint="redirect stdout, or give --output")
    store = open_db(db)
    try:
        if output is None:
            sys.stdout.flush()
            write_export(store, format, sys.stdout.buffer, since_ts=since_ts, related_k=related_k)
            sys.stdout.buffer.flush()
        else:
            with open(output, "wb") as sink:
                write_export(store, format, sink, since_ts=since_ts, related_k=related_k)
    finally:
        store.close()
