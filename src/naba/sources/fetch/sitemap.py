"""Sitemaps (``<urlset>``, ``<sitemapindex>``) and Google News sitemaps (``<news:news>``) into FeedItems.

A news sitemap gives each article's title and publication date, so its items are as good as a
feed's; a plain sitemap gives a URL and perhaps a ``<lastmod>``. An index lists further sitemaps,
returned in ``sitemaps`` for the caller to fetch (politely, as any other URL). Gzipped sitemaps
are inflated here, no further than ``max_bytes`` (a gzip bomb stops at the limit).
The XML parser resolves no entities and loads nothing from the network.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree

from naba.dates import parse_date
from naba.settings import Settings
from naba.sources.fetch.detect import GZIP_MAGIC
from naba.sources.fetch.errors import FeedError, FeedItemError, ResponseTooLarge
from naba.sources.fetch.items import FeedItem
from naba.urls import canonical_url


@dataclass(frozen=True, slots=True)
class ParsedSitemap:
    url: str
    items: tuple[FeedItem, ...]
    sitemaps: tuple[str, ...] = ()  # children of a sitemap index
    errors: tuple[FeedItemError, ...] = ()

    @property
    def is_index(self) -> bool:
        return bool(self.sitemaps)


def parse_sitemap(data: bytes, url: str, max_bytes: int | None = None) -> ParsedSitemap:
    """The URLs a sitemap lists (as items) or, for an index, the sitemaps it lists.

    ``max_bytes`` bounds a gzipped sitemap once inflated (default: the max_page_bytes setting).
    """
    if data.startswith(GZIP_MAGIC):
        data = _gunzip(data, url, max_bytes or Settings().max_page_bytes)
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise FeedError(f"not a well-formed sitemap: {exc}", where=url) from None
    name = lxml.etree.QName(root).localname
    if name == "sitemapindex":
        children = (_text(entry, "{*}loc") for entry in root.iterfind("{*}sitemap"))
        return ParsedSitemap(url, (), tuple(urljoin(url, loc) for loc in children if loc))
    if name != "urlset":
        raise FeedError(f"not a sitemap: the root element is <{name}>", where=url)
    items, errors = [], []
    for index, entry in enumerate(root.iterfind("{*}url"), start=1):
        try:
            items.append(_item(entry, url, index))
        except FeedItemError as exc:
            errors.append(exc)
    return ParsedSitemap(url, tuple(items), (), tuple(errors))


def _item(entry: lxml.etree._Element, sitemap_url: str, index: int) -> FeedItem:
    loc = _text(entry, "{*}loc")
    if not loc or canonical_url(urljoin(sitemap_url, loc)) is None:
        why = f"its <loc> {loc!r} is not an http(s) URL" if loc else "it has no <loc>"
        raise FeedItemError(f"entry {index} skipped: {why}", where=f"{sitemap_url}#url-{index}")
    news = entry.find("{*}news")
    published = (_text(news, "{*}publication_date") if news is not None else None) or _text(entry, "{*}lastmod")
    keywords = _text(news, "{*}keywords") if news is not None else None
    return FeedItem(
        url=urljoin(sitemap_url, loc), title=_text(news, "{*}title") if news is not None else None,
        published=published, published_at=parse_date(published) if published else None,
        tags=tuple(word.strip() for word in (keywords or "").split(",") if word.strip()),
        feed=sitemap_url,
    )


def _text(element: lxml.etree._Element, path: str) -> str | None:
    found = element.find(path)
    text = (found.text or "").strip() if found is not None else ""
    return text or None


def _gunzip(data: bytes, url: str, max_bytes: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise FeedError(f"broken gzip data: {exc}", where=url) from None
    if len(out) > max_bytes:
        raise ResponseTooLarge(f"gzipped sitemap inflates past {max_bytes:,} bytes", where=url)
    return out
