"""Test helper: WARC files as a crawler writes them (CC-NEWS layout: one gzip member per record, a
warcinfo record, then request/response pairs), and news articles written out as such pages."""

from __future__ import annotations

import html
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str = "2015-07-22T00:00:00Z"


def write_warc(path: Path, pages: Iterable[Page], gzip: bool = True) -> Path:
    """Write ``pages`` as HTTP responses (each after its request record) into one WARC file."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "naba tests"}))
        for page in pages:
            url = quote(page.url, safe=":/?&=%#+,;@!$'()*~")  # a crawler writes an IRI percent-encoded
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                warc_headers_dict={"WARC-Date": page.date},
                                                http_headers=StatusAndHeaders(f"GET {url} HTTP/1.1", [],
                                                                              is_http_request=True))
            writer.write_record(request)
            headers = [("Content-Type", page.content_type)] if page.content_type else []
            headers.append(("Content-Length", str(len(page.body))))
            response = writer.create_warc_record(
                url, "response", payload=io.BytesIO(page.body), length=len(page.body),
                warc_headers_dict={"WARC-Date": page.date},
                http_headers=StatusAndHeaders(page.status, headers, protocol="HTTP/1.1"))
            writer.write_record(response)
    return path


def article_page(item: dict[str, str]) -> bytes:
    """A SaudiNewsNet item as the outlet's page: headline, date meta, one paragraph per line."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in item["content"].splitlines() if line.strip())
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f'<title>{html.escape(item["title"])}</title>'
            f'<meta property="og:site_name" content="{html.escape(item["source"])}">'
            f'<meta property="article:published_time" content="{html.escape(item["date_extracted"])}">'
            f'<link rel="canonical" href="{html.escape(item["url"])}"></head><body>'
            f'<article><h1>{html.escape(item["title"])}</h1>\n{paragraphs}\n</article></body></html>').encode()


def saudinewsnet_items(zip_path: Path) -> Iterator[dict[str, str]]:
    with zipfile.ZipFile(zip_path) as archive:
        for name in archive.namelist():
            yield from json.loads(archive.read(name))


def saudinewsnet_warc(zip_path: Path, out: Path) -> Path:
    """One day of SaudiNewsNet as a WARC.gz of its articles' pages (the same URLs)."""
    pages = [Page(item["url"], article_page(item)) for item in saudinewsnet_items(zip_path) if item.get("url")]
    return write_warc(out, pages)
