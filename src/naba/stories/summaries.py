"""What a story's summary says, computed from its articles; the store keeps it (it is the ``Summarizer``
the story stage passes to ``Stories.apply``). Also what every reader of an article shows for it: its
title (``headline``) and when it was reported (``reported_at``).

Two times, on purpose: the story stage places an article in time by ``article_time`` (its published
time, else when naba first saw it: a page without a date still needs a place among its neighbours),
while everything shown and ranked uses ``reported_at``: the published time or nothing. A page without a
date is shown as "date unknown", never as the moment it was ingested, and its story does not outrank
dated ones on the front page.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

from naba.dates import to_timestamp
from naba.models import Article, StoredArticle, StorySummary
from naba.text import derived_title

TOP_ENTITIES = 5
TOP_KEYWORDS = 6


def article_time(stored: StoredArticle) -> float:
    """Where the story stage places an article in time: its published time, else when naba first saw it.
    Not a time to show (see ``reported_at``)."""
    return to_timestamp(stored.article.published_at) or to_timestamp(stored.first_seen_at) or 0.0


def reported_at(stored: StoredArticle) -> str | None:
    """When the article says it was published (ISO 8601), or None: a date is never made up."""
    return stored.article.published_at


def reported_order(stored: StoredArticle) -> tuple[bool, float, str]:
    """Earliest report first, articles without a date after every dated one; ties broken by content
    (``content_key``), not by arrival, so a story's summary does not depend on the order it was built in."""
    article = stored.article
    ts = to_timestamp(article.published_at)
    return (ts is None, ts or 0.0, content_key(article.canonical_url, article.source, article.title, article.body))


def content_key(canonical_url: str | None, source: str | None, title: str | None, body: str) -> str:
    """What breaks ties between articles reported at the same moment, alike in every process."""
    return canonical_url or hashlib.blake2b(f"{source}\n{title}\n{body}".encode(), digest_size=12).hexdigest()


def headline(article: Article) -> str:
    """The title shown for an article everywhere (cards, pages, API, export, CLI): its own, or for a
    page without one its first sentence, cut at a word (``naba.text.derived_title``)."""
    return article.title or derived_title(article.body)


def outlet_count(summary: StorySummary) -> int:
    """How many outlets a story is shown with: its named outlets, and never 0 for a story with an
    article (an article with no outlet counts as one, shown as "outlet unknown")."""
    return max(len(summary.outlets), 1 if summary.articles else 0)


def summarize_story(story_id: int, articles: Sequence[StoredArticle]) -> StorySummary:
    """The summary of a non-empty story."""
    ordered = sorted(articles, key=reported_order)
    first = ordered[0]
    dated = [s for s in ordered if s.article.published_at]
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
        first_at=reported_at(dated[0]) if dated else None,  # no date is shown as unknown, never made up
        last_at=reported_at(dated[-1]) if dated else None,
        top_entities=_most_common(entities, TOP_ENTITIES),
        keywords=_most_common(keywords, TOP_KEYWORDS),
    )


def representative_title(ordered: Sequence[StoredArticle]) -> str:
    """The title that shares the most words with the story's other titles (the medoid), the earliest
    among equals: it names what the outlets agree on, not one outlet's angle."""
    titles = [s.article.title for s in ordered if s.article.title]
    if not titles:  # the summary reads each member's opening (120 characters), which derived_title needs
        return headline(ordered[0].article)
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
