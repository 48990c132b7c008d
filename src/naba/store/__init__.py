"""Stores behind one Protocol; ``open_store`` picks the backend from a URL or path."""

from __future__ import annotations

from naba.errors import StoreError
from naba.settings import Settings
from naba.store.base import Outcome, Store, StoreStats, WriteResult

__all__ = ["Outcome", "Store", "StoreStats", "WriteResult", "open_store"]


def open_store(url: str, settings: Settings | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url``: a path or ``sqlite:///path``."""
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError("the PostgreSQL backend is not available yet", where=url,
                         hint="use a SQLite path such as naba.db")
    if "://" in url and not url.startswith("sqlite:///"):
        raise StoreError("unknown database URL", where=url, hint="use a path or sqlite:///path")
    from naba.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"), settings)
