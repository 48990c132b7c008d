"""The HTML pages: home, story, article, entity/tag, outlet, search. Each builds its view, then renders.

Every spelling of an entity lands on one page: ``/entity/{any spelling}`` redirects to the canonical
name's URL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from naba.serve.web import views
from naba.serve.web.headers import absolute
from naba.serve.web.render import entity_url, render
from naba.serve.web.services import Id, PageKey, SearchKey, Services, WebServices, refuse_nul, search_key

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse, dependencies=[Depends(refuse_nul)])
PAGE_SIZE = 20
Text = Annotated[str | None, Query(max_length=200)]


def _html(template: str, request: Request, **context: object) -> HTMLResponse:
    return HTMLResponse(render(template, request, **context))


@router.get("/")
def home(request: Request, services: Services,
         day: Annotated[str | None, Query(max_length=10)] = None) -> HTMLResponse:
    shown = views.parse_day(day)
    days = views.archive_days(services.stats().per_day)
    with services.access() as store:
        view = views.home_view(store, shown, days)
    return _html("home.html", request, view=view)


@router.get("/story/{story_id}")
async def story(request: Request, services: Services, story_id: Id) -> HTMLResponse:
    """Cached like an article page: a hit is answered on the event loop."""
    return HTMLResponse(await _cached_page(services, ("story", story_id), _story_html, request, services, story_id))


def _story_html(request: Request, services: WebServices, story_id: int) -> str:
    with services.access() as store:
        detail = views.story_view(store, story_id)
    return render("story.html", request, detail=detail, story=detail.summary)


@router.get("/article/{article_id}")
async def article(request: Request, services: Services, article_id: Id) -> HTMLResponse:
    """A cached page is answered on the event loop; only a miss takes a worker thread and the store."""
    return HTMLResponse(await _cached_page(services, ("article", article_id), _article_html, request, services,
                                           article_id))


async def _cached_page(services: WebServices, key: PageKey, build: Callable[..., str], *args: object) -> str:
    """The rendered page under ``key`` (at most ``PAGE_SECONDS`` old), else ``build(*args)`` in a worker thread."""
    html = services.page_cache.lookup(key)
    if html is None:
        html = await run_in_threadpool(build, *args)
        services.page_cache.put(key, html)
    return html


def _article_html(request: Request, services: WebServices, article_id: int) -> str:
    with services.access() as store:
        view = views.article_view(store, article_id, related_of=services.related)
    return render("article.html", request, view=view, a=view.stored.article, stored=view.stored)


@router.get("/entity/{name:path}")
def entity(request: Request, services: Services, name: str, cursor: Text = None) -> Response:
    key, kind = views.entity_key(name)
    if key != name and views.entity_key(key)[0] == key:  # a key that maps elsewhere would loop
        query = urlencode({"cursor": cursor}) if cursor else ""
        return RedirectResponse(absolute(request, entity_url(key), query), status_code=301)
    with services.access() as store:
        view = views.entity_view(store, key, kind, cursor, PAGE_SIZE)
    return _html("entity.html", request, view=view)


@router.get("/source/{name:path}")
def source(request: Request, services: Services, name: str, cursor: Text = None) -> HTMLResponse:
    with services.access() as store:
        view = views.source_view(store, name, cursor, PAGE_SIZE)
    return _html("source.html", request, view=view)


@router.get("/search")
async def search(request: Request, services: Services, q: Annotated[str, Query(max_length=500)] = "",
                 source: Text = None,
                 since: Text = None, until: Text = None, tag: Text = None,
                 page: Annotated[int, Query(ge=1, le=500)] = 1) -> HTMLResponse:
    """Popular searches are answered from the cache, on the event loop (``SEARCH_SECONDS`` old at most)."""
    key = search_key(q, source=source, since=since, until=until, tag=tag, offset=(page - 1) * PAGE_SIZE,
                     limit=PAGE_SIZE)
    html = services.search_pages.lookup((key, page))
    if html is None:
        html = await run_in_threadpool(_search_html, request, services, key, page)
        services.search_pages.put((key, page), html)
    return HTMLResponse(html)


def _search_html(request: Request, services: WebServices, key: SearchKey, page: int) -> str:
    q, source, since, until, tag = key[:5]
    view = services.search(key, cached=False) if q.strip() else None  # the HTML is cached (``search``)
    outlets = list(services.stats().per_source)
    return render("search.html", request, view=view, q=q, page=page, outlets=outlets,
                  form={"source": source or "", "since": since or "", "until": until or "", "tag": tag or ""})
