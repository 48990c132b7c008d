"""The store: articles, their search index, stories, entities and followed sources, on SQLite or PostgreSQL.

    open_store(url)                   a path or sqlite:///path (SQLite), or postgresql://... ; migrated
    open_store(url, read_only=True)   for serving: never migrates, refuses writes
    upgrade_store(url)                apply pending migrations
    copy_store(source, target)        move everything to another (empty) store

The contracts (``naba.store.contracts``) are what callers see; a new backend implements them, usually by
giving ``naba.store.sql.SQLStore`` its connection, dialect and full-text index (see ``sqlite.py``).
Nothing here imports the pipeline or the story rules.
"""

from __future__ import annotations

from naba.errors import StoreError
from naba.settings import Settings
from naba.store.contracts import (
    ArticleDump,
    Articles,
    BulkLoad,
    CandidateRow,
    Entities,
    Judged,
    JudgedPair,
    Keyset,
    Link,
    ListedItem,
    Outcome,
    RelatedLists,
    SearchIndex,
    SourceRegistry,
    Store,
    StoredLists,
    StoreStats,
    Stories,
    Summarizer,
    Transfer,
    WriteResult,
)
from naba.store.copy import CopyReport, copy_store

__all__ = ["ArticleDump", "Articles", "BulkLoad", "CandidateRow", "Entities", "Judged", "JudgedPair", "Keyset",
           "Link", "ListedItem",
           "Outcome", "RelatedLists", "SearchIndex", "StoredLists",
           "SourceRegistry", "Store", "StoreStats", "Stories", "Summarizer", "Transfer", "WriteResult", "CopyReport",
           "copy_store",
           "is_postgres_url", "open_store", "upgrade_store"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(url: str) -> bool:
    return url.startswith(_POSTGRES_SCHEMES)


def _sqlite_path(url: str) -> str:
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError("unknown database URL", where=url,
                         hint="use a path, sqlite:///path or postgresql://user@host/dbname")
    return url.removeprefix("sqlite:///")


def open_store(url: str, settings: Settings | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``url`` (creating and migrating it, unless ``read_only``): a path,
    ``sqlite:///path``, or ``postgresql://user@host/dbname`` (the database must exist)."""
    if is_postgres_url(url):
        from naba.store.postgres import open_postgres  # psycopg is imported only for PostgreSQL URLs

        return open_postgres(url, settings, read_only)
    from naba.store.sqlite import open_sqlite

    return open_sqlite(_sqlite_path(url), settings, read_only)


def upgrade_store(url: str) -> list[tuple[int, str]]:
    """Apply the pending schema migrations of the store at ``url``; (version, name) of those applied."""
    if is_postgres_url(url):
        from naba.store.postgres import upgrade_postgres

        return upgrade_postgres(url)
    from naba.store.sqlite import upgrade_sqlite

    return upgrade_sqlite(_sqlite_path(url))
