"""RSS 2.0, RSS 1.0 and Atom feeds into FeedItems, with feedparser.

Bytes are decoded here first, with ``naba.sources.readers.encoding.decode`` (the declared charset of the
header or the XML declaration is a hint only: Arabic feeds in windows-1256 often declare nothing,
or the wrong thing), then handed to feedparser as UTF-8 bytes with a matching declaration, so
feedparser's own encoding guess (which falls back to windows-1252) never runs.

An item that cannot become an article (no link, a link that is not http(s)) is reported as a
FeedItemError naming the feed and the item; the good items go on. A body that is no feed at all
raises FeedError.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html

from naba.dates import parse_date
from naba.errors import EncodingError
from naba.sources.fetch.errors import FeedError, FeedItemError
from naba.sources.fetch.items import FeedItem
from naba.sources.readers.encoding import decode
from naba.urls import canonical_url

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""", re.I)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_SPACES = re.compile(r"[ \t\u00a0]+")
_TITLE_CHARS = 60  # how much of a broken item's title an error message quotes


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's items (the good ones), one error per broken item, and lenient-parse warnings."""

    url: str
    kind: str  # "rss" or "atom" (feedparser's version, e.g. "rss20", in ``version``)
    version: str
    title: str | None
    link: str | None
    items: tuple[FeedItem, ...]
    errors: tuple[FeedItemError, ...] = ()
    warnings: tuple[str, ...] = ()


def parse_feed(data: bytes, url: str, charset: str | None = None) -> ParsedFeed:
    """The items of an RSS or Atom feed fetched from ``url``; FeedError when it is not a feed."""
    try:
        text = decode(data, url, charset or _declared_encoding(data))
    except EncodingError as exc:
        raise FeedError(f"not an RSS or Atom feed we can decode: {exc.message}", where=url) from None
    utf8 = ('<?xml version="1.0" encoding="utf-8"?>' + _XML_DECLARATION.sub("", text, count=1)).encode("utf-8")
    parsed = feedparser.parse(utf8, response_headers={"content-type": "application/xml; charset=utf-8",
                                                      "content-location": url})
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS or Atom feed{f' ({problem})' if problem else ''}", where=url)
    items, errors = [], []
    for index, entry in enumerate(parsed.entries, start=1):
        try:
            items.append(_item(entry, url, index))
        except FeedItemError as exc:
            errors.append(exc)
    warnings = (f"not well-formed XML, read leniently: {parsed.bozo_exception}",) if parsed.get("bozo") else ()
    head = parsed.feed
    return ParsedFeed(url, "atom" if version.startswith("atom") else "rss", version,
                      html_to_text(head.get("title")), head.get("link"), tuple(items), tuple(errors), warnings)


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED_ENCODING.match(data[:200])
    return match.group(1).decode("ascii") if match else None


def _item(entry: feedparser.FeedParserDict, feed_url: str, index: int) -> FeedItem:
    title = html_to_text(entry.get("title"))
    link = entry.get("link") or (entry.get("id") if entry.get("guidislink") else None)
    url = urljoin(feed_url, link.strip()) if link else None
    if not url or canonical_url(url) is None:
        quoted = f" {title[:_TITLE_CHARS]!r}" if title else ""
        why = f"its link {link!r} is not an http(s) URL" if link else "it has no link"
        raise FeedItemError(f"item {index}{quoted} skipped: {why}", where=f"{feed_url}#item-{index}")
    published = entry.get("published") or entry.get("updated")
    contents = entry.get("content") or ()
    return FeedItem(
        url=url, title=title, summary=html_to_text(entry.get("summary")),
        content=html_to_text(contents[0].get("value")) if contents else None,
        published=published, published_at=_iso_date(published, entry),
        author=entry.get("author") or None,
        tags=tuple(tag.term for tag in entry.get("tags", ()) if tag.get("term")),
        guid=entry.get("id") or None, feed=feed_url,
    )


def _iso_date(raw: str | None, entry: feedparser.FeedParserDict) -> str | None:
    """naba's own reading first (it keeps the offset, reads Arabic month names); feedparser's UTC next."""
    iso = parse_date(raw) if raw else None
    if iso:
        return iso
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()


def html_to_text(html: str | None) -> str | None:
    """Plain text of an HTML fragment (feedparser has already sanitised it), paragraphs on lines."""
    if not html or not html.strip():
        return None
    if "<" in html or "&" in html:
        try:
            root = lxml.html.fragment_fromstring(html, create_parent="div")
        except (lxml.etree.ParserError, ValueError):
            root = None
        if root is not None:
            for element in root.iter(*_BLOCK_TAGS):
                element.tail = "\n" + (element.tail or "")
            html = root.text_content()
    lines = (_SPACES.sub(" ", line).strip() for line in html.splitlines())
    return "\n".join(line for line in lines if line) or None
