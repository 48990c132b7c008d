"""The JSON API under /api/: articles, their related lists, stories, search, entities, outlets, counts.

Every answer is a model of ``naba.serve.contract``, the same the CLI prints with ``--json``. Lists page
with opaque cursors (``next_cursor`` → ``?cursor=``). Every error has the one shape of
``contract.ErrorResponse``; the app's handlers produce it, these routes only raise.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from naba.serve.contract import (
    Article,
    EntityPage,
    ErrorResponse,
    Related,
    SearchResults,
    Sources,
    Stats,
    StoryDetail,
    StoryList,
)
from naba.serve.paging import decode_offset, stories_slice
from naba.serve.web import views
from naba.serve.web.services import Id, Services, refuse_nul, search_key

ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": ErrorResponse} for status in (404, 422, 500)}
router = APIRouter(prefix="/api", responses=ERRORS, dependencies=[Depends(refuse_nul)])

Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Items per page")]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]
Day = Annotated[str | None, Query(max_length=40, description="A date: YYYY-MM-DD or any form naba reads")]
Name = Annotated[str | None, Query(max_length=200)]


@router.get("/articles/{article_id}", response_model=Article, summary="One article, as the export writes it")
def get_article(services: Services, article_id: Id) -> Article:
    with services.access() as store:
        return Article.of(views.get_article(store, article_id))


@router.get("/articles/{article_id}/related", response_model=Related,
            summary="Similar articles (one per story) and read-also suggestions")
def get_related(services: Services, article_id: Id,
                k: Annotated[int, Query(ge=1, le=50)] = 10,
                read_also: Annotated[int, Query(ge=0, le=10)] = 3) -> Related:
    with services.access() as store:
        found = services.related(store, article_id, k=k, read_also=read_also)
    return Related.of(article_id, found)


@router.get("/stories", response_model=StoryList, summary="Stories, latest update first")
def list_stories(services: Services, cursor: Cursor = None, limit: Limit = 20, entity: Name = None,
                 source: Name = None, since: Day = None, until: Day = None) -> StoryList:
    since_ts = views.parse_user_date(since).timestamp() if since else None
    until_ts = views.parse_user_date(until).timestamp() if until else None
    with services.access() as store:
        page = stories_slice(store, cursor, limit, entity=entity, source=source,
                             since_ts=since_ts, until_ts=until_ts)
    return StoryList.of(page)


@router.get("/stories/{story_id}", response_model=StoryDetail,
            summary="One story: its articles, timeline, first reporter, attribution chain, entities")
def get_story(services: Services, story_id: Id) -> StoryDetail:
    with services.access() as store:
        return StoryDetail.of(views.story_view(store, story_id))


@router.get("/search", response_model=SearchResults, summary="Full-text search in any spelling")
def search(services: Services, q: Annotated[str, Query(min_length=1, max_length=500)], source: Name = None,
           since: Day = None, until: Day = None, tag: Name = None, cursor: Cursor = None,
           limit: Limit = 20) -> SearchResults:
    offset = decode_offset(cursor) if cursor else 0
    view = services.search(search_key(q, source=source, since=since, until=until, tag=tag, offset=offset,
                                      limit=limit))
    return SearchResults.of(replace(view.page, query=q), view.next_cursor)


@router.get("/entities/{name}", response_model=EntityPage,
            summary="An entity or tag by any of its spellings: its articles and stories")
def get_entity(services: Services, name: Annotated[str, Path(min_length=1, max_length=200)],
               cursor: Cursor = None, limit: Limit = 20) -> EntityPage:
    key, kind = views.entity_key(name)
    with services.access() as store:
        view = views.entity_view(store, key, kind, cursor, limit)
    articles = view.articles
    if view.mentions is not None:
        articles = replace(articles, items=tuple(r.hit.stored for r in view.mentions.results))
    return EntityPage.of(view.key, view.kind, view.spellings, articles, view.stories)


@router.get("/sources", response_model=Sources, summary="Outlets with their article counts; followed feeds")
def list_sources(services: Services) -> Sources:
    stats = services.stats()
    with services.access() as store:
        followed = store.sources.list()
    return Sources.of(stats.per_source, followed)


@router.get("/stats", response_model=Stats, summary="Counts per outlet, day and language")
def get_stats(services: Services) -> Stats:
    return Stats.of(services.stats())
