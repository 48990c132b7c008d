"""The data that flows between stages: frozen dataclasses, no I/O.

    Record      one raw input unit cut out of a file (bytes + the reader that understands them)
    RawArticle  what a reader parsed out of a Record, fields as the source gave them
    Article     the cleaned article the store keeps (display text, parsed trailing blocks)
    Rejection   a Record or file that could not be taken in, and why
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Record:
    """One raw input unit, kept verbatim (compressed) so ``naba reprocess`` can rebuild everything.

    ``format`` names the reader that parses ``payload`` ("json", "ant", "textpage", "html").
    ``origin`` says where it came from: ``path``, ``path:line``, ``archive!member#index``.
    ``hints`` carries what the container knew and the payload may not (e.g. ``source`` given on
    the command line, or the URL an HTML page was fetched from), as sorted key/value pairs.
    """

    format: str
    payload: bytes
    origin: str
    hints: tuple[tuple[str, str], ...] = ()

    def hint(self, key: str) -> str | None:
        for name, value in self.hints:
            if name == key:
                return value
        return None


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as its source gave it: nothing normalised, nothing invented.

    ``published`` is the source's date string, unparsed; the clean stage parses it.
    """

    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    author: str | None = None
    external_id: str | None = None
    summary: str | None = None
    lang: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadAlso:
    """The "اقرأ أيضا" teaser of a page: another article's headline and its lede."""

    title: str
    lede: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity an article mentions: the spelling shown, and the one form all its spellings share."""

    name: str  # display form as the article wrote it, titles and clitics dropped ("زيلنسكي")
    canonical: str  # one form for every spelling ("فولوديمير زيلينسكي"); entity pages are keyed by it
    kind: str  # "person", "place", "org" or "other"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article, in display form, with the page's trailing blocks parsed into fields."""

    body: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    source: str | None = None
    published_at: str | None = None  # ISO 8601; offset kept when the source gave one
    author: str | None = None
    external_id: str | None = None
    summary: str | None = None
    lang: str = "und"
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    credited_source: str | None = None
    page_tags: tuple[str, ...] = ()
    page_read_also: ReadAlso | None = None
    page_similar: tuple[str, ...] = ()
    page_related_leaks: tuple[str, ...] = ()
    feed_only: str | None = None  # why the text is the feed's summary, not the page (e.g. robots.txt)
    keywords: tuple[str, ...] = ()  # naba's own tags, display form, best first
    entities: tuple[Entity, ...] = ()  # best first
    attribution: tuple[str, ...] = ()  # the outlets this article credits as its origin, credited source first


@dataclass(frozen=True, slots=True)
class Rejection:
    """Something that could not be taken in: where it was and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(slots=True)
class IngestReport:
    """The closing summary of one ingest or reprocess run."""

    read: int = 0
    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    lists: int = 0  # articles whose related lists were computed after the story stage
    lists_seconds: float = field(default=0.0, compare=False)  # the time that took (a measure, not a result)

    @property
    def ok(self) -> bool:
        return not self.rejected


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """The text a store indexes for one article: index-normalized tokens joined by spaces.

    Every backend indexes these same strings, so search behaves the same on all of them.
    """

    title: str
    body: str
    stems: str  # light stems of title and body, for recall on inflected forms


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to store: cleaned, identified, indexed, with the raw input it came from."""

    article: Article
    identity: str  # "url:<canonical url>" or "text:<source>:<hash of the normalized text>"
    content_hash: str  # changes when any stored field changes
    search: SearchDoc
    record: Record
    # the story stage's per-article profile (naba.stories.sameness.profile), computed with the rest of the
    # pipeline so that worker processes share that work too; None when not computed
    profile: Any = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article as the store returns it."""

    id: int
    article: Article
    first_seen_at: str
    fetched_at: str
    duplicate_of: int | None = None  # the earliest stored copy of the same text, if this is a copy
    story_id: int | None = None  # the story this article belongs to (None until grouped)


@dataclass(frozen=True, slots=True)
class QueryTerm:
    """One query word in index form, with its stem; ``phrase`` holds a quoted multi-word run.

    ``any_of`` makes the term a name in any spelling: it matches when one of those terms matches
    (each a word or a phrase), and ``token``/``stem``/``phrase`` are then only what was typed.
    ``entity`` is the canonical name the spellings share.
    """

    token: str
    stem: str
    phrase: tuple[str, ...] = ()
    any_of: tuple[QueryTerm, ...] = ()
    entity: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        return self.phrase or (self.token,)

    def spellings_to_match(self) -> tuple[QueryTerm, ...]:
        """``any_of`` without a spelling that holds another one as a run of its words: it matches no
        article the shorter does not (المملكة العربية السعودية and السعودية, دونالد ترامب and ترامب),
        so the set matched is the same, and an index checks and ranks fewer phrases (a common name's
        search in SQLite: 4.5 → 1.9 ms)."""
        return tuple(t for t in self.any_of if not any(_matches_within(t, o) for o in self.any_of))


def _matches_within(term: QueryTerm, other: QueryTerm) -> bool:
    """Whether every article ``term`` matches is matched by ``other`` too (and ``term`` is not it):
    ``other``'s words are a shorter run of ``term``'s, or the same word as a phrase and as a word."""
    if len(other.words) < len(term.words):
        return _holds_run(term.words, other.words)
    return other.words == term.words and bool(term.phrase) and not other.phrase


def _holds_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether ``run`` occurs in ``words`` as consecutive words."""
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))


@dataclass(frozen=True, slots=True)
class MatchQuery:
    """A parsed search: every term must match (in its exact or its stemmed form), plus filters."""

    terms: tuple[QueryTerm, ...]
    source: str | None = None
    since_ts: float | None = None
    until_ts: float | None = None
    limit: int = 10
    offset: int = 0
    min_id: int | None = None  # only articles with this id or a later one: the pool a common query is ranked in


@dataclass(frozen=True, slots=True)
class SearchHit:
    stored: StoredArticle
    score: float  # higher is better


@dataclass(frozen=True, slots=True)
class SearchPool:
    """One page of a query ranked among its newest matches only (``SearchIndex.pool``)."""

    hits: list[SearchHit]
    matched: int  # matches counted from the newest, at most the pool's size + 1 (more: the pool is full)
    newest_id: int | None  # None: nothing matches
    floor_id: int | None  # the oldest match the ranking reached


@dataclass(frozen=True, slots=True)
class Source:
    """A feed, sitemap or site that ``naba crawl`` polls, with its schedule and health."""

    id: int
    url: str
    name: str | None
    kind: str  # "rss", "atom" or "sitemap"
    every_seconds: int
    paused: bool = False
    etag: str | None = None
    last_modified: str | None = None
    next_poll_at: float = 0.0  # epoch seconds
    last_polled_at: str | None = None
    last_success_at: str | None = None
    last_error_at: str | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    created_at: str = ""
    items_total: int = 0
    items_last_day: int = 0


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll of a source did, for its schedule and health."""

    polled_at: str
    next_poll_at: float
    ok: bool
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Grouping:
    """Where the story stage put one article: its original if it is a copy, and its story.

    ``parent_id`` is the earlier article it was joined to (None: it starts its story) and
    ``parent_score`` how similar they are; the story id is the id of the story's first article.
    """

    article_id: int
    duplicate_of: int | None
    story_id: int
    parent_id: int | None
    parent_score: float


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One story as lists show it: the same event reported by one or more outlets."""

    id: int
    title: str  # the representative title
    articles: int  # how many articles, copies included
    outlets: tuple[str, ...]  # distinct outlets, the first reporter first
    first_article_id: int
    first_source: str | None
    first_at: str | None  # ISO 8601 time of the first report
    last_at: str | None  # ISO 8601 time of the latest update
    top_entities: tuple[str, ...]  # canonical names, most mentioned first
    keywords: tuple[str, ...] = ()  # top tags across its articles


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One entry of an article's "similar" or "read also" list: a story, shown by its best article."""

    article: StoredArticle
    story_id: int | None
    score: float  # in [0, 1]; higher is better
    why: tuple[str, ...]  # shared entities and terms, display form
    outlets: tuple[str, ...]  # every outlet that carried this story among the candidates
    copies: int  # how many candidate articles collapsed into this entry


@dataclass(frozen=True, slots=True)
class Related:
    similar: tuple[Recommendation, ...]
    read_also: tuple[Recommendation, ...]
