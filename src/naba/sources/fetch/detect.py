"""What a fetched body is: an RSS feed, an Atom feed, a sitemap, or (anything else) an HTML page.

The root element decides; the Content-Type is only a fallback because servers label feeds
``text/html`` and pages ``text/xml`` often enough.
"""

from __future__ import annotations

import codecs
import re

RSS, ATOM, SITEMAP, HTML = "rss", "atom", "sitemap", "html"
GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 4096
# The first element after the XML declaration, comments, processing instructions and a doctype.
_ROOT = re.compile(rb"""^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\w.:-]*)""", re.S | re.I)
_ROOTS = {b"rss": RSS, b"rdf:rdf": RSS, b"rdf": RSS, b"feed": ATOM, b"urlset": SITEMAP,
          b"sitemapindex": SITEMAP, b"html": HTML}
_MEDIA_TYPES = (("rss", RSS), ("rdf", RSS), ("atom", ATOM), ("html", HTML))


def detect_kind(data: bytes, content_type: str | None = None) -> str:
    """"rss", "atom", "sitemap" or "html" (the default: a page to extract)."""
    if data.startswith(GZIP_MAGIC):
        return SITEMAP  # feeds and pages come gzipped by Content-Encoding, undone by then
    head = _ascii_head(data[:HEAD_BYTES])
    match = _ROOT.match(head)
    if match:
        name = match.group(1).lower()
        kind = _ROOTS.get(name) or _ROOTS.get(name.rpartition(b":")[2])
        if kind:
            return kind
    media_type = (content_type or "").lower()
    for word, kind in _MEDIA_TYPES:
        if word in media_type:
            return kind
    return HTML


def _ascii_head(head: bytes) -> bytes:
    """The head re-encoded as UTF-8 when a UTF-16/32 byte-order mark says it is not ASCII-based."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").encode("utf-8")
    return head.removeprefix(codecs.BOM_UTF8)
