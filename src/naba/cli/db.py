"""Database maintenance: db upgrade (apply pending migrations), db copy (move a store between backends)."""

from __future__ import annotations

from typing import Annotated

import typer

from naba.cli.common import DbOption, open_db, out
from naba.errors import UsageError
from naba.store import copy_store, upgrade_store

cli = typer.Typer()
db_app = typer.Typer(help="Database maintenance: migrations, and moving a store between backends.",
                     no_args_is_help=True)
cli.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = "naba.db") -> None:
    """Apply pending schema migrations (every command also does this on a fresh database)."""
    applied = upgrade_store(db)
    if not applied:
        out.print("the schema is up to date")
    for version, name in applied:
        out.print(f"applied migration {version}: {name}")


@db_app.command("copy")
def db_copy(
    source: Annotated[str, typer.Option("--from", help="The store to read: a path, sqlite:///path or postgresql://...")],
    target: Annotated[str, typer.Option("--to", help="An empty store to write into.")],
) -> None:
    """Copy every article (ids, times, raw inputs, search text) and every source to another store."""
    reader, writer = open_db(source), open_db(target)
    try:
        report = copy_store(reader, writer, progress=lambda done: out.print(f"{done:,} articles copied", end="\r"))
    finally:
        reader.close()
        writer.close()
    out.print(f"copied {report.articles:,} articles and {report.sources} sources from {source} to {target}")


@db_app.command("load")
def db_load(
    folder: Annotated[str, typer.Argument(help="The --out folder of a naba backfill.")],
    db: DbOption = "naba.db",
    replace: Annotated[bool, typer.Option("--replace", help="Replace the articles the store holds.")] = False,
) -> None:
    """Load a backfill's Parquet tables into a store: staged (COPY on PostgreSQL), then swapped in at once."""
    try:
        from naba.engine.backfill.load import load
    except ImportError as exc:
        raise UsageError(f"naba db load needs {exc.name}", hint="pip install 'naba[parquet]'") from None
    store = open_db(db)
    try:
        report = load(store, folder, replace, progress=lambda done: out.print(f"{done:,} articles staged", end="\r"))
    finally:
        store.close()
    out.print(f"loaded {report.articles:,} articles, {report.stories:,} stories and {report.links:,} links into {db}")
    out.print(f"their related lists are computed by: naba refresh --db {db} --workers N")

