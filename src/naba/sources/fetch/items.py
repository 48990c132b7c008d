"""Feed items: what an RSS/Atom entry or a sitemap ``<url>`` tells us about one article.

Identity is the canonical URL (``naba.urls.canonical_url``: tracking parameters dropped, case and
escapes normalised), so the same article listed by two feeds, or again on the next poll, is one item.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from naba.models import RawArticle
from naba.urls import canonical_url


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One article announced by a feed or sitemap, fields as the source gave them (text, not HTML).

    ``published`` is the source's date string; ``published_at`` its ISO 8601 reading (None when it
    does not parse). ``feed`` is the URL of the feed or sitemap that listed the item.
    """

    url: str
    title: str | None = None
    summary: str | None = None
    content: str | None = None
    published: str | None = None
    published_at: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    guid: str | None = None
    feed: str | None = None

    @property
    def canonical_url(self) -> str | None:
        return canonical_url(self.url)

    def to_raw_article(self, source: str | None = None) -> RawArticle:
        """The item's own fields as an article: the fallback when its page cannot be fetched."""
        return RawArticle(
            body=self.content or self.summary or "", title=self.title, url=self.url, source=source,
            published=self.published_at or self.published, author=self.author, external_id=self.guid,
            summary=self.summary, tags=self.tags,
        )


def dedup_items(items: Iterable[FeedItem]) -> list[FeedItem]:
    """Items with distinct canonical URLs, first seen first; a later copy fills fields the first lacks."""
    kept: dict[str, FeedItem] = {}
    for item in items:
        key = item.canonical_url or item.url
        first = kept.get(key)
        kept[key] = item if first is None else _merge(first, item)
    return list(kept.values())


def _merge(first: FeedItem, other: FeedItem) -> FeedItem:
    """``first`` with its empty fields taken from ``other`` (a richer feed listing the same article)."""
    values = {name: getattr(first, name) or getattr(other, name) for name in FeedItem.__slots__}
    return FeedItem(**values)
