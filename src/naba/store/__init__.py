"""Stores behind one Protocol; ``open_store`` picks the backend from a URL or path."""

from __future__ import annotations

from naba.errors import StoreError
from naba.settings import Settings
from naba.store.base import ArticleDump, Outcome, Store, StoreStats, WriteResult

__all__ = ["ArticleDump", "Outcome", "Store", "StoreStats", "WriteResult", "is_postgres_url", "open_store"]

_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(url: str) -> bool:
    return url.startswith(_POSTGRES_SCHEMES)


def open_store(url: str, settings: Settings | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url``: a path, ``sqlite:///path``, or
    ``postgresql://user@host/dbname`` (the database must exist; naba creates its tables)."""
    if is_postgres_url(url):
        return _postgres_store_class(url)(url, settings)
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError("unknown database URL", where=url,
                         hint="use a path, sqlite:///path or postgresql://user@host/dbname")
    from naba.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"), settings)


def _postgres_store_class(url: str) -> type:
    try:
        from naba.store.postgres import PostgresStore
    except ImportError as exc:  # psycopg is an optional dependency
        raise StoreError(f"the PostgreSQL backend needs psycopg: {exc}", where=url.split("@")[-1],
                         hint="pip install 'psycopg[binary]'") from exc
    return PostgresStore
