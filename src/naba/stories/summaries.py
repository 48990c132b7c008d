"""What a story's summary says, computed from its articles; the store keeps it (it is the ``Summarizer``
the story stage passes to ``Stories.apply``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from naba.dates import to_timestamp
from naba.models import StoredArticle, StorySummary

TOP_ENTITIES = 5
TOP_KEYWORDS = 6


def article_time(stored: StoredArticle) -> float:
    """When an article was reported: its published time, else when naba first saw it."""
    return to_timestamp(stored.article.published_at) or to_timestamp(stored.first_seen_at) or 0.0


def article_time_iso(stored: StoredArticle) -> str | None:
    return stored.article.published_at or stored.first_seen_at


def summarize_story(story_id: int, articles: Sequence[StoredArticle]) -> StorySummary:
    """The summary of a non-empty story."""
    ordered = sorted(articles, key=lambda s: (article_time(s), s.id))
    first, last = ordered[0], ordered[-1]
    outlets = tuple(dict.fromkeys(s.article.source for s in ordered if s.article.source))
    entities: Counter[str] = Counter()
    keywords: Counter[str] = Counter()
    for stored in ordered:
        entities.update({e.canonical for e in stored.article.entities})
        keywords.update(set(stored.article.keywords))
    return StorySummary(
        id=story_id,
        title=representative_title(ordered),
        articles=len(ordered),
        outlets=outlets,
        first_article_id=first.id,
        first_source=first.article.source,
        first_at=article_time_iso(first),
        last_at=article_time_iso(last),
        top_entities=_most_common(entities, TOP_ENTITIES),
        keywords=_most_common(keywords, TOP_KEYWORDS),
    )


def representative_title(ordered: Sequence[StoredArticle]) -> str:
    """The title that shares the most words with the story's other titles (the medoid), the earliest
    among equals: it names what the outlets agree on, not one outlet's angle."""
    titles = [s.article.title for s in ordered if s.article.title]
    if not titles:
        return ordered[0].article.body[:120]
    words = [set(title.split()) for title in titles]
    best, best_score = 0, -1.0
    for i, mine in enumerate(words):
        score = sum(len(mine & other) / (len(mine | other) or 1) for j, other in enumerate(words) if j != i)
        if score > best_score:
            best, best_score = i, score
    return titles[best]


def _most_common(counts: Counter[str], n: int) -> tuple[str, ...]:
    # ties broken by name, so the summary does not depend on the order articles arrived in
    return tuple(name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n])
