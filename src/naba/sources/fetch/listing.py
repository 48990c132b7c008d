"""One call for a source: fetch it, tell what it is, read its items (or the feeds it points to).

``poll_source`` is what ``naba crawl`` runs per due source; it never raises a FetchError, so one
failing source never stops the others: the failure is in the returned ``SourcePoll``.
"""

from __future__ import annotations

from dataclasses import dataclass

from naba.sources.fetch.client import PoliteClient
from naba.sources.fetch.detect import HTML, SITEMAP, detect_kind
from naba.sources.fetch.discovery import discover_feeds
from naba.sources.fetch.errors import FetchError
from naba.sources.fetch.feeds import parse_feed
from naba.sources.fetch.items import FeedItem, dedup_items
from naba.sources.fetch.results import FetchResult, Validators
from naba.sources.fetch.sitemap import parse_sitemap


@dataclass(frozen=True, slots=True)
class Listing:
    """What a source lists. ``follow``: child sitemaps of an index, or the feeds a home page announces."""

    url: str
    kind: str  # "rss", "atom", "sitemap" or "html"
    items: tuple[FeedItem, ...] = ()
    follow: tuple[str, ...] = ()
    title: str | None = None
    errors: tuple[FetchError, ...] = ()  # broken items; the good ones are in ``items``
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SourcePoll:
    """A fetch and, when it brought a body, what the body lists; ``error`` is the first failure."""

    result: FetchResult
    listing: Listing | None = None
    error: FetchError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def read_listing(body: bytes, url: str, content_type: str | None = None, charset: str | None = None,
                 max_bytes: int | None = None) -> Listing:
    """Read a fetched feed, sitemap or home page; FeedError when it is none of them."""
    kind = detect_kind(body, content_type)
    if kind == SITEMAP:
        sitemap = parse_sitemap(body, url, max_bytes)
        return Listing(url, kind, tuple(dedup_items(sitemap.items)), sitemap.sitemaps, errors=sitemap.errors)
    if kind == HTML:
        feeds = discover_feeds(body, url, charset)
        return Listing(url, kind, follow=tuple(feed.url for feed in feeds))
    feed = parse_feed(body, url, charset)
    return Listing(url, feed.kind, tuple(dedup_items(feed.items)), title=feed.title, errors=feed.errors,
                   warnings=feed.warnings)


def poll_source(client: PoliteClient, url: str, validators: Validators | None = None) -> SourcePoll:
    """Fetch ``url`` (conditionally) and read it; a 304 or a failure comes back without a listing."""
    result = client.fetch(url, validators)
    if not result.ok:
        return SourcePoll(result, error=result.error)
    try:
        listing = read_listing(result.body, result.final_url, result.content_type, result.charset,
                               client.policy.max_bytes)
    except FetchError as exc:
        return SourcePoll(result, error=exc)
    return SourcePoll(result, listing)
