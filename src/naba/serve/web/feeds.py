"""Atom feeds: the home page's stories, and the articles of one story, entity or outlet.

Built with ElementTree, so every scraped string is escaped as XML text; characters XML 1.0 cannot
carry at all (C0 controls) are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from naba.models import StoredArticle, StorySummary
from naba.serve.paging import article_key
from naba.serve.web import views
from naba.serve.web.dates import local_time
from naba.serve.web.headers import absolute, site_base
from naba.serve.web.render import entity_url, plural, source_url
from naba.serve.web.services import Id, Services, refuse_nul

router = APIRouter(include_in_schema=False, dependencies=[Depends(refuse_nul)])
ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 30
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str | None) -> str:
    return _NOT_XML.sub("", value or "")


def _stamp(iso: str | None) -> str:
    moment = local_time(iso)
    return (moment or datetime(1970, 1, 1, tzinfo=UTC)).isoformat(timespec="seconds")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = _text(text)
    return node


def atom(request: Request, title: str, path: str, entries: Iterable[tuple[str, str, str | None, str, str]]) -> Response:
    """``entries`` are (title, path, ISO time, summary, author) tuples; links on the site's own address."""
    base = site_base(request)
    feed = ET.Element("feed", xmlns=ATOM)
    feed.set("xml:lang", "ar")
    _add(feed, "title", f"نبأ: {title}")
    _add(feed, "id", base + path)
    _add(feed, "link", rel="alternate", type="text/html", href=base + path)
    _add(feed, "link", rel="self", type="application/atom+xml", href=absolute(request, request.url.path,
                                                                             request.url.query))
    rows = list(entries)
    _add(feed, "updated", max((_stamp(at) for _, _, at, _, _ in rows), default=_stamp(None)))
    _add(_add(feed, "author"), "name", "نبأ")
    for entry_title, entry_path, at, summary, author in rows:
        entry = _add(feed, "entry")
        _add(entry, "title", entry_title)
        _add(entry, "id", base + entry_path)
        _add(entry, "link", rel="alternate", type="text/html", href=base + entry_path)
        _add(entry, "updated", _stamp(at))
        _add(_add(entry, "author"), "name", author or "نبأ")
        _add(entry, "summary", summary)
    body = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, media_type="application/atom+xml")


def _story_entries(stories: Iterable[StorySummary]):
    for s in stories:
        outlets = "، ".join(s.outlets)
        count = plural(len(s.outlets), "منفذ واحد", "منفذان", "منافذ", "منفذًا")
        yield s.title, f"/story/{s.id}", s.last_at, f"{count}: {outlets}", s.first_source


def _article_entries(articles: Iterable[StoredArticle]):
    for stored in articles:
        a = stored.article
        summary = a.summary or " ".join(a.body.split()[:60])
        when = a.published_at or stored.first_seen_at
        yield a.title or summary[:80], f"/article/{stored.id}", when, summary, a.source


@router.get("/feed.atom")
def home_feed(request: Request, services: Services) -> Response:
    with services.access() as store:
        view = views.home_view(store, None, ())
    return atom(request, "أهم الأخبار", "/", _story_entries(view.stories))


@router.get("/story/{story_id}/feed.atom")
def story_feed(request: Request, services: Services, story_id: Id) -> Response:
    with services.access() as store:
        detail = views.story_view(store, story_id)
    newest = sorted(detail.articles, key=article_key, reverse=True)[:FEED_SIZE]
    return atom(request, detail.summary.title, f"/story/{story_id}", _article_entries(newest))


@router.get("/entity/{name:path}/feed.atom")
def entity_feed(request: Request, services: Services, name: str) -> Response:
    key, kind = views.entity_key(name)
    with services.access() as store:
        view = views.entity_view(store, key, kind, None, FEED_SIZE)
    items = view.articles.items or tuple(r.hit.stored for r in (view.mentions.results if view.mentions else ()))
    return atom(request, key, entity_url(key), _article_entries(items))


@router.get("/source/{name:path}/feed.atom")
def source_feed(request: Request, services: Services, name: str) -> Response:
    with services.access() as store:
        view = views.source_view(store, name, None, FEED_SIZE)
    return atom(request, name, source_url(name), _article_entries(view.articles.items))
