"""The store's parts in SQL that both backends run, composed into one store object.

    articles.py   the write/replace/merge decision and the article reads
    stories.py    the story stage's decisions, links and summaries
    entities.py   which articles name which entity
    related.py    each article's precomputed related lists
    sources.py    followed feeds and sitemaps, their health
    transfer.py   everything as it is, for ``naba db copy``
    bulk.py       a whole collection staged, then swapped in (``naba db load``)

A backend (``naba.store.sqlite``, ``naba.store.postgres``) supplies what differs: the connection and its
dialect, the full-text index, the story lock, table sizes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from naba.errors import StoreError
from naba.models import MatchQuery, SearchDoc, SearchHit, SearchPool
from naba.settings import Settings
from naba.store.dialect import Database
from naba.store.sql.articles import SQLArticles
from naba.store.sql.bulk import SQLBulkLoad
from naba.store.sql.entities import SQLEntities
from naba.store.sql.related import SQLRelated
from naba.store.sql.sources import SQLSources
from naba.store.sql.stories import SQLStories
from naba.store.sql.transfer import SQLTransfer


class TextIndex(Protocol):
    """A backend's full-text index: written with the articles, queried by search, read back for a copy."""

    def write(self, docs: Sequence[tuple[int, SearchDoc]], replacing: bool) -> None: ...

    def docs(self, article_ids: Sequence[int]) -> dict[int, SearchDoc]: ...

    def query(self, query: MatchQuery) -> list[SearchHit]: ...

    def ranked_ids(self, query: MatchQuery) -> list[int]: ...

    def count(self, query: MatchQuery) -> int: ...

    def pool(self, query: MatchQuery, size: int) -> SearchPool: ...

    def newest_ids(self, query: MatchQuery, n: int) -> list[int]: ...

    def oldest_id(self, query: MatchQuery) -> int | None: ...


class SQLStore:
    """Every part of the Store contract on one database connection (one thread at a time)."""

    def __init__(self, db: Database, index: TextIndex, settings: Settings, *,
                 story_lock: Callable[[], AbstractContextManager[None]], reader: Callable[[], SQLStore],
                 table_sizes: Callable[[], dict[str, int]], after_load: Callable[[], None] = lambda: None,
                 bulk: Callable[[], SQLBulkLoad] | None = None):
        self.url = db.where
        self.read_only = db.read_only
        self.settings = settings
        self._db = db
        self.articles = SQLArticles(db, index, settings, table_sizes)
        self.search = index
        self.stories = SQLStories(db, story_lock, self.articles.select)
        self.entities = SQLEntities(db)
        self.related = SQLRelated(db)
        self.sources = SQLSources(db)
        self.transfer = SQLTransfer(db, self.articles, self.stories, index.docs, after_load)
        self._bulk = bulk
        self._reader = reader

    def reader(self) -> SQLStore:
        """Another connection to this store, read-only: a worker process's own."""
        return self._reader()

    def bulk(self) -> SQLBulkLoad:
        """A new bulk load into this store (stage, then swap)."""
        if self._bulk is None:
            raise StoreError("this store cannot bulk-load", where=self.url)
        return self._bulk()

    def close(self) -> None:
        self._db.close()
