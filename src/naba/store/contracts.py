"""What a store promises, as small contracts: one per part, each a Protocol.

    Store
     ├── articles   Articles        write, replace and read articles (the pipeline writes, everyone reads)
     ├── search     SearchIndex     full-text search over naba's own tokens
     ├── stories    Stories         the story stage's decisions, links and story summaries
     ├── entities   Entities        which articles name which canonical entity
     ├── related    RelatedLists    each article's precomputed "similar" and "read also" lists
     ├── sources    SourceRegistry  the feeds and sitemaps `naba crawl` polls, with their health
     ├── transfer   Transfer        everything as it is, to move a store to another backend
     └── bulk()     BulkLoad        a whole collection staged, then swapped in (naba db load)

A caller types its parameter with the narrowest part it needs. Both backends (SQLite, PostgreSQL)
implement every part with the same SQL where they can (``naba.store.sql``), through a small dialect
object (``naba.store.dialect``); the backend modules hold only what truly differs. A store opened
read-only (for serving) never migrates and refuses writes.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from naba.models import (
    Grouping,
    MatchQuery,
    PollOutcome,
    PreparedArticle,
    Record,
    SearchDoc,
    SearchHit,
    SearchPool,
    Source,
    StoredArticle,
    StorySummary,
)

Link = tuple[int, int, float]  # (article, other article, similarity)
JudgedPair = tuple[int, int, bool, float, float]  # (article, other article, copy, P(same event), similarity)


@dataclass(frozen=True, slots=True)
class Judged:
    """What the story stage judged while placing a batch: the related pairs (``pairs``), the articles
    whose every judgement with the articles in reach is now among the stored pairs (``complete``), and
    the articles placed again (``replaced``: their earlier pairs are void)."""

    pairs: Sequence[JudgedPair] = ()
    complete: Sequence[int] = ()
    replaced: Sequence[int] = ()


NOTHING_JUDGED = Judged()
Keyset = tuple[float, int]  # (time, id) of the last item seen, for keyset pagination
# Builds a story's summary from its members (the store keeps it; the rule of what a summary says
# belongs to the story stage, which passes it in).
Summarizer = Callable[[int, Sequence[StoredArticle]], StorySummary]


class Outcome(StrEnum):
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


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """What ranking an article as a recommendation reads of it: no body (candidate lists are long)."""

    id: int
    source: str | None
    title: str | None
    ts: float
    story_id: int | None
    duplicate_of: int | None
    keywords: tuple[str, ...]
    entities: tuple[str, ...]  # canonical names, best first


@dataclass(frozen=True, slots=True)
class ListedItem:
    """One entry of a stored "similar" or "read also" list: a story, shown by one of its articles."""

    article_id: int
    story_id: int | None
    score: float  # in [0, 1]
    why: tuple[str, ...]  # the specific evidence both share, display form
    outlets: tuple[str, ...]  # every outlet of the story among the candidates, earliest first
    copies: int  # how many candidate articles collapsed into this entry


StoredLists = tuple[tuple[ListedItem, ...], tuple[ListedItem, ...]]  # (similar, read_also)


class Articles(Protocol):
    def write(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        """Insert new articles and update changed ones, in one transaction.

        Identity is ``PreparedArticle.identity``; an update keeps the article's id and first-seen time.
        """

    def replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        """Overwrite one stored article with a re-run of the pipeline on its raw input."""

    def get(self, article_id: int) -> StoredArticle | None: ...

    def get_by_url(self, canonical_url: str) -> StoredArticle | None: ...

    def get_many(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]: ...

    def known_urls(self, canonical_urls: Sequence[str]) -> dict[str, int]:
        """The ids of the stored articles among these canonical URLs."""

    def newest(self, *, source: str | None = None, entity: str | None = None, story_id: int | None = None,
               since_ts: float | None = None, until_ts: float | None = None, before: Keyset | None = None,
               limit: int = 20) -> list[StoredArticle]:
        """Newest first by (published time, id); ``before`` is the position of the last one seen;
        ``entity`` is a canonical entity name."""

    def scan(self, since_ts: float | None = None) -> Iterator[StoredArticle]:
        """Every article (published since ``since_ts``), in id order."""

    def raw_inputs(self) -> Iterator[tuple[int, Record]]:
        """Every article's raw input, in id order (for reprocess)."""

    def ungrouped(self, after_id: int = 0, limit: int = 500) -> list[int]:
        """The ids (above ``after_id``, ascending, at most ``limit``) of articles not in any story yet:
        stored by a run that stopped before the story stage grouped them."""

    def ranking_rows(self, article_ids: Sequence[int]) -> list[CandidateRow]: ...

    def stats(self, sizes: bool = True) -> StoreStats:
        """Counts per outlet, day and language; with ``sizes``, the bytes of each table (SQLite reads
        every page of the file for it: the web's pages, which never show them, ask without)."""


class SearchIndex(Protocol):
    def query(self, query: MatchQuery) -> list[SearchHit]:
        """One page of the articles matching every term, best first."""

    def ranked_ids(self, query: MatchQuery) -> list[int]:
        """The ids of one page of ``query``, best first, as ``query`` ranks them, no article read (related
        candidates need only the ids)."""

    def count(self, query: MatchQuery) -> int:
        """How many articles match: exact, so it reads every match (a search page does not call it)."""

    def pool(self, query: MatchQuery, size: int) -> SearchPool:
        """``query``'s page ranked among its ``size`` latest-stored matches only, with how many match
        (counted to ``size`` + 1) and the ids they span: a search page's one read (a common word's
        older matches are left unranked; ``naba.serve.search`` estimates their number)."""

    def newest_ids(self, query: MatchQuery, n: int) -> list[int]:
        """The ids of the ``n`` latest-stored matching articles, latest first: cheap, as the index
        holds matches in id order (a search page ranks a common word's newest matches only)."""

    def oldest_id(self, query: MatchQuery) -> int | None:
        """The id of the earliest-stored matching article (None: nothing matches)."""


class Stories(Protocol):
    def apply(self, groupings: Sequence[Grouping], links: Sequence[Link], moved: Sequence[tuple[int, int]],
              summarize: Summarizer, relinked: Sequence[int] = (), judged: Judged = NOTHING_JUDGED) -> None:
        """Record the story stage's decisions and similar-article links, give the stored descendants of
        each moved (article id, story id) that story, and rebuild the summary of every story touched
        with ``summarize``, in one transaction. The links of the ``relinked`` articles (changed since
        they were placed, and judged again) are dropped first: ``links`` holds their new ones. The
        ``judged`` pairs are kept for ``judged_pairs``; a replaced article's old pairs go, and so does
        the completeness of the articles it was paired with (they are judged again when next loaded)."""

    def lock(self) -> AbstractContextManager[None]:
        """Held by the story stage from reading to writing its decisions: one process at a time, so
        writers running at once place each article seeing everything placed before it."""

    def seq(self) -> int:
        """The number of the last write of story decisions (0: none yet)."""

    def placed_since(self, seq: int) -> Iterator[tuple[StoredArticle, Grouping]]:
        """The articles whose decisions were written after write ``seq``, by any process."""

    def window(self, since_ts: float, until_ts: float) -> Iterator[tuple[StoredArticle, Grouping | None]]:
        """The articles reported in [since_ts, until_ts), with their current decisions."""

    def judged_pairs(self, article_ids: Sequence[int]) -> dict[int, list[JudgedPair]]:
        """The stored pairs of each of these articles whose judgements are complete (``Judged``), as
        (article, other, copy, P(same event), similarity); the others are absent."""

    def links_of(self, article_id: int) -> list[tuple[int, float]]:
        """The articles the story stage found similar to this one, with their scores, best first."""

    def newest(self, *, entity: str | None = None, source: str | None = None, since_ts: float | None = None,
               until_ts: float | None = None, before: Keyset | None = None,
               limit: int = 20) -> list[StorySummary]:
        """Latest update first by (last time, id); ``before`` as for ``Articles.newest``."""

    def get(self, story_id: int) -> StorySummary | None: ...


class Entities(Protocol):
    def spellings(self, canonical: str) -> dict[str, int]:
        """The spellings articles used for one canonical entity, with how many articles used each."""

    def recent_articles(self, canonicals: Sequence[str], per_entity: int) -> dict[int, list[str]]:
        """The newest ``per_entity`` articles naming each entity: article id -> the entities it names."""

    def around(self, canonicals: Sequence[str], ts: float, days: float, per_entity: int) -> dict[int, list[str]]:
        """For each entity, the ``per_entity`` articles naming it reported nearest before ``ts`` and as many
        nearest after, within ``days`` either side: article id -> the entities (of these) it names."""


class RelatedLists(Protocol):
    """Each article's "similar" and "read also" lists: the story stage marks the articles whose lists its
    decisions changed, `naba refresh` computes them; a page reads them with one indexed read."""

    def lists(self, article_id: int) -> StoredLists | None:
        """The stored (similar, read_also) of an article, best first; None when none were computed."""

    def write(self, lists: Sequence[tuple[int, StoredLists]], computed_ts: float) -> None:
        """Store (or replace) the lists of these articles, in one transaction; their stale marks made at or
        before ``computed_ts`` (when the computation began) are cleared."""

    def mark_stale(self, article_ids: Iterable[int], marked_ts: float) -> None:
        """Mark these articles' lists to compute again (their stored lists stay shown until then)."""

    def pending(self, after_id: int = 0, limit: int = 500) -> list[int]:
        """The ids (above ``after_id``, ascending, at most ``limit``) of articles whose lists are to be
        computed: marked stale, or none stored (a store loaded from a backfill, or written before lists)."""

    def count_pending(self) -> int:
        """How many articles' lists are to be computed (``pending`` of them all)."""

    def story_members(self, story_id: int, limit: int) -> list[int]:
        """The ids of a story's articles nearest its newest, for computing lists (no article is read)."""


class SourceRegistry(Protocol):
    """The feeds and sitemaps `naba crawl` polls, with their schedule and health."""

    def add(self, url: str, name: str | None, kind: str, every_seconds: int, created_at: str) -> Source:
        """Register a source; StoreError if its URL is already registered."""

    def list(self) -> builtins.list[Source]: ...

    def get(self, ref: str) -> Source:
        """A source by id or URL; NotFound otherwise."""

    def remove(self, source_id: int) -> None: ...

    def set_paused(self, source_id: int, paused: bool) -> None: ...

    def due(self, now: float) -> builtins.list[Source]:
        """Unpaused sources whose next poll time has come, most overdue first."""

    def next_due_at(self) -> float | None: ...

    def record_poll(self, source_id: int, outcome: PollOutcome) -> None: ...

    def record_item_error(self, source_id: int, at: str, error: str) -> None:
        """One item of the source was refused (its link points at a blocked address, ...): the source's
        last error says so; its poll succeeded, so its failure count and schedule stay as they are."""

    def link_items(self, source_id: int, article_ids: Iterable[int], seen_at: float) -> None:
        """Remember that the source listed these articles (for items per day)."""


class Transfer(Protocol):
    def dump(self) -> Iterator[ArticleDump]:
        """Every article with its identity, hash, SearchDoc and raw input, in id order."""

    def load(self, dumps: Sequence[ArticleDump]) -> None:
        """Write dumped articles as they are (ids, first-seen and fetch times kept), in one transaction.

        An id or identity already in the store is an error; the transaction is then rolled back.
        """

    def groupings(self) -> Iterator[Grouping]:
        """Every grouped article's decisions, in id order."""

    def links(self) -> Iterator[Link]:
        """Every similar-article link once, as (a, b, score) with a < b."""

    def summaries(self) -> Iterator[StorySummary]: ...

    def load_stories(self, groupings: Sequence[Grouping], links: Sequence[Link],
                     summaries: Sequence[StorySummary]) -> None:
        """Write decisions, links and summaries as they are, in one transaction."""


class BulkLoad(Protocol):
    """A whole collection loaded at once (``naba db load``): staged out of readers' sight, then swapped in."""

    def stage_articles(self, items: Sequence[tuple[ArticleDump, Grouping]]) -> None: ...

    def stage_links(self, links: Sequence[Link]) -> None:
        """Each link once, as (article, earlier article, score); stored both ways."""

    def stage_stories(self, summaries: Sequence[StorySummary]) -> None: ...

    def swap(self, replace: bool = False) -> None:
        """Everything staged into the store in one transaction, indexes rebuilt after. The store must
        hold no articles, unless ``replace`` (they are then deleted in the same transaction)."""


class Store(Protocol):
    """The parts, read-only attributes (a backend returns its own implementations of them)."""

    url: str
    read_only: bool

    @property
    def articles(self) -> Articles: ...

    @property
    def search(self) -> SearchIndex: ...

    @property
    def stories(self) -> Stories: ...

    @property
    def entities(self) -> Entities: ...

    @property
    def related(self) -> RelatedLists: ...

    @property
    def sources(self) -> SourceRegistry: ...

    @property
    def transfer(self) -> Transfer: ...

    def bulk(self) -> BulkLoad: ...

    def reader(self) -> Store:
        """Another connection to this store, read-only: a worker process's own."""

    def close(self) -> None: ...
