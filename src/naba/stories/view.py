"""One story as its page and `naba story` show it: versions, timeline, first reporter, attribution.

Versions and timeline are in the order they were reported; articles without a date come last, with no
time (shown as "date unknown"), and the first reporter is the earliest dated one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from naba.models import StoredArticle, StorySummary
from naba.store import Store
from naba.stories.summaries import headline, reported_at, reported_order

MAX_ARTICLES = 500  # a story page lists at most this many versions


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: str | None
    article_id: int
    source: str | None
    title: str  # its headline (a page without a title: its first sentence)
    duplicate_of: int | None  # set for a republished copy


@dataclass(frozen=True, slots=True)
class StoryDetail:
    summary: StorySummary
    articles: tuple[StoredArticle, ...]  # oldest first
    timeline: tuple[TimelineEntry, ...]
    first_reporter: StoredArticle
    attribution: tuple[tuple[int, str | None, tuple[str, ...]], ...]  # (article, its outlet, outlets it credits)
    entities: tuple[tuple[str, str, int], ...]  # (canonical, kind, how many of its articles name it)


def story_detail(store: Store, story_id: int) -> StoryDetail | None:
    summary = store.stories.get(story_id)
    if summary is None:
        return None
    members = store.articles.newest(story_id=story_id, limit=MAX_ARTICLES)
    articles = tuple(sorted(members, key=reported_order))
    if not articles:
        return None
    timeline = tuple(TimelineEntry(reported_at(s), s.id, s.article.source, headline(s.article), s.duplicate_of)
                     for s in articles)
    attribution = tuple((s.id, s.article.source, s.article.attribution) for s in articles if s.article.attribution)
    counts: Counter[tuple[str, str]] = Counter()
    for stored in articles:
        counts.update({(e.canonical, e.kind) for e in stored.article.entities})
    entities = tuple((canonical, kind, n) for (canonical, kind), n in
                     sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0])))
    return StoryDetail(summary=summary, articles=articles, timeline=timeline, first_reporter=articles[0],
                       attribution=attribution, entities=entities)
