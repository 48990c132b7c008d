"""One story as its page and `naba story` show it: versions, timeline, first reporter, attribution,
and the stories linked to it.

Versions and timeline are in the order they were reported; articles without a date come last, with no
time (shown as "date unknown"), and the first reporter is the earliest dated one.

Linked stories are the developments a story is not merged with (a reaction the next day, the next
battle, the investigation): the story stage keeps one event a story, and the related lists it stores
name, under "similar", the same event or a directly linked development. So a story's links are the
other stories its members' "similar" lists name, read from the stored lists (one indexed read a
member, no ranking at request time), the story most of its members list first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from naba.models import StoredArticle, StorySummary
from naba.store import Store
from naba.stories.summaries import headline, reported_at, reported_order

MAX_ARTICLES = 500  # a story page lists at most this many versions
LINK_READERS = 30  # the members whose stored lists are read for links (the earliest: the event's core)
MAX_LINKED = 6


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
    linked: tuple[LinkedStory, ...] = ()  # other stories its members' "similar" lists name, most named first


@dataclass(frozen=True, slots=True)
class LinkedStory:
    summary: StorySummary
    members: int  # how many of the story's members list it as similar
    score: float  # the best score a member's list gave it, in [0, 1]


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
                       attribution=attribution, entities=entities, linked=linked_stories(store, story_id, articles))


def linked_stories(store: Store, story_id: int, members: Sequence[StoredArticle],
                   limit: int = MAX_LINKED) -> tuple[LinkedStory, ...]:
    """The other stories the stored "similar" lists of the story's earliest members name: the story
    most members list first, then the best score; a story since merged away (no summary) is left out."""
    named: Counter[int] = Counter()
    best: dict[int, float] = {}
    for member in members[:LINK_READERS]:
        lists = store.related.lists(member.id)
        if lists is None:
            continue
        listed: dict[int, float] = {}
        for item in lists[0]:
            if item.story_id is not None and item.story_id != story_id:
                listed[item.story_id] = max(listed.get(item.story_id, 0.0), item.score)
        named.update(listed.keys())
        for other, score in listed.items():
            best[other] = max(best.get(other, 0.0), score)
    out = []
    for other in sorted(named, key=lambda s: (-named[s], -best[s], s)):
        summary = store.stories.get(other)
        if summary is not None:
            out.append(LinkedStory(summary, named[other], min(1.0, best[other])))
        if len(out) == limit:
            break
    return tuple(out)
