"""Feed autodiscovery: the ``<link rel="alternate" type="application/rss+xml|atom+xml">`` of a home page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree
import lxml.html

from naba.errors import EncodingError
from naba.sources.fetch.errors import FeedError
from naba.sources.readers.encoding import decode
from naba.sources.readers.html import declared_charset
from naba.urls import canonical_url

FEED_TYPES = {"application/rss+xml": "rss", "application/atom+xml": "atom", "application/rdf+xml": "rss",
              "application/feed+json": None}  # JSON Feed is recognised but not read: kind None


@dataclass(frozen=True, slots=True)
class DiscoveredFeed:
    url: str
    kind: str  # "rss" or "atom"
    title: str | None = None


def discover_feeds(data: bytes, page_url: str, charset: str | None = None) -> list[DiscoveredFeed]:
    """The RSS/Atom feeds a page announces, in page order, absolute, without duplicates."""
    try:
        document = lxml.html.document_fromstring(decode(data, page_url, charset or declared_charset(data)))
    except (EncodingError, lxml.etree.ParserError, ValueError) as exc:
        raise FeedError(f"cannot read the page to look for feeds: {exc}", where=page_url) from None
    base = urljoin(page_url, (document.xpath("//base/@href") or [""])[0].strip())
    found: dict[str, DiscoveredFeed] = {}
    for link in document.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        media_type = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        kind = FEED_TYPES.get(media_type)
        if "alternate" not in rel or kind is None or not href:
            continue
        url = urljoin(base, href)
        key = canonical_url(url)
        if key is not None and key not in found:
            found[key] = DiscoveredFeed(url, kind, (link.get("title") or "").strip() or None)
    return list(found.values())
