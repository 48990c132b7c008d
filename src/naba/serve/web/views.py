"""What each page shows, as plain data: one function per page, read by both the HTML pages and the API.

Every function here takes an open store and the request's parameters, and returns a dataclass of
naba's own models; ``pages`` renders it as HTML, ``api`` as JSON, ``feeds`` as Atom. Nothing here
knows about HTTP beyond raising NotFound / UsageError, which the app turns into 404 / 422.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from naba.dates import parse_user_date
from naba.errors import NotFound, UsageError
from naba.models import Recommendation, Related, StoredArticle, StorySummary
from naba.pipeline.tagging import resolve_entity, usual_name
from naba.serve.paging import Slice, articles_slice, decode_offset, offset_cursor
from naba.serve.search import SearchPage, Spellings, search
from naba.serve.web.dates import SITE_ZONE
from naba.store import Store
from naba.stories import StoryDetail, story_detail
from naba.stories.ranking import rank_stories
from naba.stories.related import related
from naba.stories.summaries import headline
from naba.text import index

HOME_CANDIDATES = 300  # the latest stories the home page ranks
HOME_STORIES = 24
MAX_LIMIT = 100
MAX_TAGS = 12
MAX_KEYWORDS = 6


@dataclass(frozen=True, slots=True)
class HomeView:
    stories: tuple[StorySummary, ...]
    day: date | None  # the archive day shown, None for "now"
    days: tuple[tuple[str, int], ...]  # (YYYY-MM-DD, articles), newest first


@dataclass(frozen=True, slots=True)
class ArticleView:
    stored: StoredArticle
    story: StorySummary | None
    related: Related
    tags: tuple[str, ...]  # entities' canonical names, then naba's keywords, then the page's own tags


@dataclass(frozen=True, slots=True)
class EntityView:
    key: str  # the canonical name pages are keyed by
    kind: str | None  # None: not a known entity, a plain tag
    spellings: dict[str, int]
    articles: Slice
    stories: tuple[StorySummary, ...]
    mentions: SearchPage | None = None  # for a plain tag: the articles whose text has it


@dataclass(frozen=True, slots=True)
class SourceView:
    name: str
    articles: Slice
    stories: tuple[StorySummary, ...]


@dataclass(frozen=True, slots=True)
class SearchView:
    page: SearchPage
    params: dict[str, str] = field(default_factory=dict)  # the filters as given, for links
    offset: int = 0
    limit: int = 20
    next_cursor: str | None = None


def day_bounds(day: date) -> tuple[float, float]:
    start = datetime.combine(day, time(), SITE_ZONE)
    return start.timestamp(), (start + timedelta(days=1)).timestamp()


def parse_day(text: str | None) -> date | None:
    """A day of the archive; UsageError for no day, or one whose bounds no clock holds (9999-12-31)."""
    if not text:
        return None
    try:
        day = date.fromisoformat(text)
        day_bounds(day)
    except (ValueError, OverflowError) as exc:
        raise UsageError("not a day", where=text[:40], hint="write the day as YYYY-MM-DD") from exc
    return day


# -- pages ---------------------------------------------------------------------------------------------

def home_view(store: Store, day: date | None, days: tuple[tuple[str, int], ...]) -> HomeView:
    if day is None:
        stories = rank_stories(store.stories.newest(limit=HOME_CANDIDATES), limit=HOME_STORIES)
    else:
        since_ts, until_ts = day_bounds(day)
        stories = rank_stories(store.stories.newest(since_ts=since_ts, until_ts=until_ts, limit=HOME_CANDIDATES),
                               limit=HOME_CANDIDATES)
    return HomeView(stories, day, days)


def archive_days(per_day: dict[str, int], limit: int = 30) -> tuple[tuple[str, int], ...]:
    days = [(d, n) for d, n in per_day.items() if parse_day_or_none(d) is not None]
    return tuple(sorted(days, reverse=True)[:limit])


def parse_day_or_none(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def story_view(store: Store, story_id: int) -> StoryDetail:
    detail = story_detail(store, story_id)
    if detail is None:
        raise NotFound("no such story", where=str(story_id))
    return detail


def get_article(store: Store, article_id: int) -> StoredArticle:
    stored = store.articles.get(article_id)
    if stored is None:
        raise NotFound("no such article", where=str(article_id))
    return stored


def related_view(store: Store, article_id: int, k: int = 10, read_also: int = 3) -> Related:
    found = related(store, article_id, k=k, read_also=read_also)
    if found is None:
        raise NotFound("no such article", where=str(article_id))
    return found


def slim_related(found: Related) -> Related:
    """The same lists without the articles' bodies, which lists never show (to keep a cache small); a
    page without a title keeps the title derived from its body."""
    def slim(rec: Recommendation) -> Recommendation:
        article = rec.article.article
        article = replace(article, title=headline(article), body="", page_similar=(), page_related_leaks=())
        return replace(rec, article=replace(rec.article, article=article))

    return Related(tuple(map(slim, found.similar)), tuple(map(slim, found.read_also)))


def article_view(store: Store, article_id: int,
                 related_of: Callable[[Store, int], Related] = related_view) -> ArticleView:
    """``related_of`` computes the related lists (the app passes a cached one)."""
    stored = get_article(store, article_id)
    story = store.stories.get(stored.story_id) if stored.story_id is not None else None
    return ArticleView(stored, story, related_of(store, article_id), article_tags(stored))


def article_tags(stored: StoredArticle) -> tuple[str, ...]:
    """Its entities, its best keywords, the page's own tags: one per normal form, at most MAX_TAGS."""
    article = stored.article
    seen: dict[str, str] = {}
    names = (*(e.canonical for e in article.entities), *article.keywords[:MAX_KEYWORDS], *article.page_tags)
    for name in names:
        key = index(name)
        if key and key not in seen:
            seen[key] = name
    return tuple(seen.values())[:MAX_TAGS]


def entity_key(name: str) -> tuple[str, str | None]:
    """The canonical name every spelling of ``name`` shares, and the entity's kind (None: a name the
    gazetteer lacks, in the spelling the tagger gives such a name's canonical form, or a plain tag)."""
    entity = resolve_entity(name)
    if entity is not None:
        return entity.canonical, entity.kind
    return usual_name(name) or index(name), None


def entity_view(store: Store, key: str, kind: str | None, cursor: str | None, limit: int) -> EntityView:
    spellings = store.entities.spellings(key)
    articles = articles_slice(store, cursor, limit, entity=key)
    stories = tuple(store.stories.newest(entity=key, limit=10)) if cursor is None else ()
    mentions = None
    if not spellings and not articles.items:
        mentions = search(store, f'"{key}"', limit=limit)
        if not mentions.results:
            raise NotFound("no article has this tag", where=key)
    return EntityView(key, kind, spellings, articles, stories, mentions)


def source_view(store: Store, name: str, cursor: str | None, limit: int) -> SourceView:
    articles = articles_slice(store, cursor, limit, source=name)
    if not articles.items and cursor is None:
        raise NotFound("no articles from this outlet", where=name)
    stories = tuple(store.stories.newest(source=name, limit=10)) if cursor is None else ()
    return SourceView(name, articles, stories)


def search_view(store: Store, q: str, *, source: str | None = None, since: str | None = None,
                until: str | None = None, tag: str | None = None, cursor: str | None = None,
                offset: int = 0, limit: int = 20, learned: Spellings | None = None) -> SearchView:
    if cursor:
        offset = decode_offset(cursor)
    text = f'{q} "{tag.replace(chr(34), " ")}"' if tag else q
    page = search(store, text, source=source or None, since=_user_date(since), until=_user_date(until),
                  limit=limit, offset=offset, learned=learned)
    params = {k: v for k, v in (("q", q), ("source", source), ("since", since), ("until", until),
                                ("tag", tag)) if v}
    return SearchView(page, params, offset, limit, offset_cursor(offset, len(page.results), page.pages_through,
                                                                    limit))


def _user_date(text: str | None) -> datetime | None:
    return parse_user_date(text) if text else None
