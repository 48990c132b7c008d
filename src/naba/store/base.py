"""The store interface every backend implements (SQLite and PostgreSQL).

The pipeline talks to this Protocol only; a backend never imports the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from naba.store.groups import CandidateRow
from naba.models import (Grouping, MatchQuery, PollOutcome, PreparedArticle, Record, SearchDoc, SearchHit,
                         Source, StoredArticle, StorySummary)


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

    # -- story intelligence (written by naba.stories, read by the CLI and the web site) ---------------

    def apply_groupings(self, groupings: Sequence[Grouping], links: Sequence[tuple[int, int, float]] = (),
                        moved: Sequence[tuple[int, int]] = ()) -> None:
        """Record the story stage's decisions and similar-article links (a, b, score), give the stored
        descendants of each moved (article id, story id) that story, and refresh the summary of every
        story touched, in one transaction."""

    def grouping_window(self, since_ts: float, until_ts: float) -> Iterator[tuple[StoredArticle, Grouping | None]]:
        """The articles published in [since_ts, until_ts) with their current grouping, for the story stage."""

    def links_of(self, article_id: int) -> list[tuple[int, float]]:
        """The articles the story stage found similar to this one, with their scores, best first."""

    def iter_groupings(self) -> Iterator[Grouping]:
        """Every grouped article's decisions, in id order (for copying a store)."""

    def story_lock(self) -> AbstractContextManager[None]:
        """Held by the story stage from reading to writing its decisions: one process at a time, so
        writers running at once place each article seeing everything placed before it."""

    def group_seq(self) -> int:
        """The number of the last write of story decisions (0: none yet)."""

    def grouped_since(self, seq: int) -> Iterator[tuple[StoredArticle, Grouping]]:
        """The articles whose story decisions were written after write ``seq``, by any process."""

    def iter_links(self) -> Iterator[tuple[int, int, float]]:
        """Every similar-article link once, as (a, b, score) with a < b."""

    def get_many(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]: ...

    def list_articles(self, *, source: str | None = None, entity: str | None = None, story_id: int | None = None,
                      since_ts: float | None = None, until_ts: float | None = None,
                      before: tuple[float, int] | None = None, limit: int = 20) -> list[StoredArticle]:
        """Newest first by (published time, id); ``before`` is the (published_ts, id) of the last one
        seen, for keyset pagination; ``entity`` is a canonical entity name."""

    def list_stories(self, *, entity: str | None = None, source: str | None = None, since_ts: float | None = None,
                     until_ts: float | None = None, before: tuple[float, int] | None = None,
                     limit: int = 20) -> list[StorySummary]:
        """Latest update first by (last_ts, id); ``before`` as for list_articles."""

    def get_story(self, story_id: int) -> StorySummary | None: ...

    def entity_names(self, canonical: str) -> dict[str, int]:
        """The spellings articles used for one canonical entity, with how many articles used each."""

    def entity_candidates(self, canonicals: Sequence[str], per_entity: int) -> dict[int, list[str]]:
        """The newest ``per_entity`` articles naming each entity: article id -> the entities it names."""

    def candidate_rows(self, article_ids: Sequence[int]) -> list[CandidateRow]:
        """The ranking fields of these articles (no bodies)."""

    def close(self) -> None: ...
