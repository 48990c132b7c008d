"""The store interface every backend implements (SQLite and PostgreSQL).

The pipeline talks to this Protocol only; a backend never imports the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from naba.models import (MatchQuery, PollOutcome, PreparedArticle, Record, SearchDoc, SearchHit, Source,
                         StoredArticle)


class Outcome(str, Enum):
    STORED = "stored"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class WriteResult:
    article_id: int
    outcome: Outcome


@dataclass(frozen=True, slots=True)
class StoreStats:
    articles: int
    per_source: dict[str, int]
    per_day: dict[str, int]
    per_lang: dict[str, int]
    sizes: dict[str, int]  # bytes per table or index


@dataclass(frozen=True, slots=True)
class ArticleDump:
    """Everything a store keeps about one article, to move it to another store as it is."""

    stored: StoredArticle
    identity: str
    content_hash: str
    search: SearchDoc
    record: Record


class SourceRegistry(Protocol):
    """The feeds and sitemaps `naba crawl` polls, with their schedule and health."""

    def add(self, url: str, name: str | None, kind: str, every_seconds: int, created_at: str) -> Source:
        """Register a source; StoreError if its URL is already registered."""

    def list(self) -> list[Source]: ...

    def get(self, ref: str) -> Source:
        """A source by id or URL; NotFound otherwise."""

    def remove(self, source_id: int) -> None: ...

    def set_paused(self, source_id: int, paused: bool) -> None: ...

    def due(self, now: float) -> list[Source]:
        """Unpaused sources whose next poll time has come, most overdue first."""

    def next_due_at(self) -> float | None: ...

    def record_poll(self, source_id: int, outcome: PollOutcome) -> None: ...

    def link_items(self, source_id: int, article_ids: Iterable[int], seen_at: float) -> None:
        """Remember that the source listed these articles (for items per day)."""


class Store(Protocol):
    url: str
    sources: SourceRegistry

    def write(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        """Insert new articles and update changed ones, in one transaction.

        Identity is ``PreparedArticle.identity``; an update keeps the article's id and first-seen time.
        """

    def replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        """Overwrite one stored article with a re-run of the pipeline on its raw input."""

    def get(self, article_id: int) -> StoredArticle | None: ...

    def get_by_url(self, canonical_url: str) -> StoredArticle | None: ...

    def known_urls(self, canonical_urls: Sequence[str]) -> dict[str, int]:
        """The ids of the stored articles among these canonical URLs."""

    def search(self, query: MatchQuery) -> list[SearchHit]: ...

    def count_matches(self, query: MatchQuery) -> int: ...

    def iter_articles(self, since_ts: float | None = None) -> Iterator[StoredArticle]: ...

    def iter_raw(self) -> Iterator[tuple[int, Record]]: ...

    def stats(self) -> StoreStats: ...

    def iter_dump(self) -> Iterator[ArticleDump]:
        """Every article with its identity, hash, SearchDoc and raw input, in id order (for copy_store)."""

    def load_dump(self, dumps: Sequence[ArticleDump]) -> None:
        """Write dumped articles as they are (ids, first-seen and fetch times kept), in one transaction.

        An id or identity already in the store is an error; the transaction is then rolled back.
        """

    def close(self) -> None: ...
