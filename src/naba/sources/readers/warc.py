"""WARC and WARC.gz files (Common Crawl's CC-NEWS layout): each HTTP response of a page is a Record.

The archive is read as a stream with warcio (``pip install 'naba[warc]'``, part of ``naba[spark]``),
never whole: a CC-NEWS file is about a gigabyte. Only ``response`` records carry pages; ``warcinfo``,
``request``, ``metadata`` and ``revisit`` records are not articles and are passed over. A response
becomes an ``html`` Record (the page's bytes, its URL and the charset its Content-Type header declares
as hints, so the HTML reader sees what a fetch would have given it). What cannot be an article is a
Rejection naming the file and the record's byte offset (``file.warc.gz@12345``): a status other than 200,
a response that is not HTML, a page over the size limit; a truncated or corrupt archive ends its file
with one Rejection at the offset where reading failed, after every record read before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from naba.errors import UnsupportedFormat
from naba.models import Record, Rejection

FORMAT = "warc"
SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.IGNORECASE)


def is_warc(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def split_warc(stream: BinaryIO, where: str, hints: Mapping[str, str],
               max_page_bytes: int) -> Iterator[Record | Rejection]:
    """Every page of a WARC stream as a Record, and a Rejection for each response that is no page."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # an optional extra: say how to get it, once, for the file
        raise UnsupportedFormat("reading WARC files needs warcio", where=where,
                                hint="pip install 'naba[warc]'") from None
    records = ArchiveIterator(stream, check_digests=False)
    end = 0  # where the last whole record ended (compressed offsets in a .warc.gz)
    try:
        for record in records:
            page = _read_response(record, max_page_bytes) if record.rec_type == "response" else None
            # warcio knows a record's offset only once it has been read to its end
            offset = records.get_record_offset()
            end = offset + records.get_record_length()
            if page is not None:
                yield _page(page, f"{where}@{offset}", hints, max_page_bytes)
    except Exception as exc:  # warcio raises several kinds on a corrupt file: each ends the file
        yield Rejection(f"{where}@{end}",
                        f"corrupt WARC, the rest of the file is not read ({type(exc).__name__}: {exc})")
        return
    left = _left_over(stream, end)
    if left:  # warcio stops quietly at a record cut short: say so
        yield Rejection(f"{where}@{end}", f"truncated WARC: the last {left:,} bytes hold no whole record")


_Response = tuple[str, str, str | None, bytes, bool]  # (status, Content-Type, URL, payload, cut short)


def _read_response(record: Any, max_page_bytes: int) -> _Response | str:
    """What a response record holds, read now (before warcio moves on), or why it holds no page."""
    headers = record.http_headers
    if headers is None:
        return "a response without HTTP headers"
    payload = b""
    content_type = headers.get_header("Content-Type") or ""
    status = headers.get_statuscode()
    if status == "200" and _media(content_type) in HTML_TYPES:
        payload = record.content_stream().read(max_page_bytes + 1)
    cut = getattr(record.raw_stream, "limit", 0) > 0 and len(payload) <= max_page_bytes
    return (status, content_type, record.rec_headers.get_header("WARC-Target-URI"), payload, cut)


def _page(response: _Response | str, origin: str, hints: Mapping[str, str], max_page_bytes: int) -> Record | Rejection:
    if isinstance(response, str):
        return Rejection(origin, response)
    status, content_type, url, payload, cut = response
    if status != "200":
        return Rejection(origin, f"HTTP status {status}, not a page")
    if _media(content_type) not in HTML_TYPES:
        return Rejection(origin, f"not an HTML page (Content-Type {content_type or 'missing'!r})")
    if len(payload) > max_page_bytes:
        return Rejection(origin, f"page larger than the limit of {max_page_bytes:,} bytes")
    if cut:
        return Rejection(origin, "truncated WARC record: the page is cut short")
    found = dict(hints)
    if url:
        found.setdefault("url", url)
    charset = _CHARSET.search(content_type)
    if charset:
        found["charset"] = charset.group(1)
    return Record("html", payload, origin, tuple(sorted(found.items())))


def _media(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _left_over(stream: BinaryIO, end: int) -> int:
    """How many bytes after ``end`` hold more than the blank lines that close an uncompressed record
    (warcio does not count them); 0 for a stream that cannot seek (a pipe)."""
    try:
        size = stream.seek(0, 2)
        if size - end > 16:
            return size - end
        stream.seek(end)
        return 0 if not stream.read(16).strip() else size - end
    except (OSError, ValueError):
        return 0
