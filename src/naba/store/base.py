"""The store interface every backend implements (SQLite now, PostgreSQL later).

The pipeline talks to this Protocol only; a backend never imports the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from naba.models import MatchQuery, PreparedArticle, Record, SearchHit, StoredArticle


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


class Store(Protocol):
    url: str

    def write(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        """Insert new articles and update changed ones, in one transaction.

        Identity is ``PreparedArticle.identity``; an update keeps the article's id and first-seen time.
        """

    def replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        """Overwrite one stored article with a re-run of the pipeline on its raw input."""

    def get(self, article_id: int) -> StoredArticle | None: ...

    def get_by_url(self, canonical_url: str) -> StoredArticle | None: ...

    def search(self, query: MatchQuery) -> list[SearchHit]: ...

    def count_matches(self, query: MatchQuery) -> int: ...

    def iter_articles(self, since_ts: float | None = None) -> Iterator[StoredArticle]: ...

    def iter_raw(self) -> Iterator[tuple[int, Record]]: ...

    def stats(self) -> StoreStats: ...

    def close(self) -> None: ...
