"""The JSON API under /api/: articles, their related lists, stories, search, entities, outlets, counts.

Lists page with opaque cursors (``next_cursor`` → ``?cursor=``). Every error has the one shape of
``schemas.ErrorResponse``; the app's handlers produce it, these routes only raise.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from naba.serve.paging import stories_slice
from naba.serve.web import views
from naba.serve.web.schemas import (ArticleList, ArticleOut, EntityPageOut, ErrorResponse, FollowedSourceOut, RelatedOut,
                              SearchOut, SourceOut, SourcesOut, StatsOut, StoryDetailOut, StoryList, article_brief,
                              article_out, recommendation_out, search_item, story_detail_out, story_out)

MAX_ID = 2**53 - 1  # ids beyond what every backend (and JavaScript) holds are not ids

ERRORS = {status: {"model": ErrorResponse} for status in (404, 422, 500)}
router = APIRouter(prefix="/api", responses=ERRORS)

Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Items per page")]
Cursor = Annotated[str | None, Query(max_length=200, description="next_cursor of the previous page")]
Day = Annotated[str | None, Query(max_length=40, description="A date: YYYY-MM-DD or any form naba reads")]
Name = Annotated[str | None, Query(max_length=200)]


def _access(request: Request):
    return request.app.state.access()


@router.get("/articles/{article_id}", response_model=ArticleOut, summary="One article")
def get_article(request: Request, article_id: Id) -> ArticleOut:
    with _access(request) as store:
        return article_out(views.get_article(store, article_id))


@router.get("/articles/{article_id}/related", response_model=RelatedOut,
            summary="Similar articles (one per story) and read-also suggestions")
def get_related(request: Request, article_id: Id,
                k: Annotated[int, Query(ge=1, le=50)] = 10,
                read_also: Annotated[int, Query(ge=0, le=10)] = 3) -> RelatedOut:
    with _access(request) as store:
        found = request.app.state.related(store, article_id, k=k, read_also=read_also)
    return RelatedOut(article_id=article_id, similar=[recommendation_out(r) for r in found.similar],
                      read_also=[recommendation_out(r) for r in found.read_also])


@router.get("/stories", response_model=StoryList, summary="Stories, latest update first")
def list_stories(request: Request, cursor: Cursor = None, limit: Limit = 20, entity: Name = None,
                 source: Name = None, since: Day = None, until: Day = None) -> StoryList:
    since_ts = views.parse_user_date(since).timestamp() if since else None
    until_ts = views.parse_user_date(until).timestamp() if until else None
    with _access(request) as store:
        page = stories_slice(store, cursor, limit, entity=entity, source=source,
                                   since_ts=since_ts, until_ts=until_ts)
    return StoryList(items=[story_out(s) for s in page.items], next_cursor=page.next_cursor)


@router.get("/stories/{story_id}", response_model=StoryDetailOut,
            summary="One story: its articles, timeline, first reporter, attribution chain, entities")
def get_story(request: Request, story_id: Id) -> StoryDetailOut:
    with _access(request) as store:
        return story_detail_out(views.story_view(store, story_id))


@router.get("/search", response_model=SearchOut, summary="Full-text search in any spelling")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=500)], source: Name = None,
           since: Day = None, until: Day = None, tag: Name = None, cursor: Cursor = None,
           limit: Limit = 20) -> SearchOut:
    with _access(request) as store:
        view = views.search_view(store, q, source=source, since=since, until=until, tag=tag, cursor=cursor,
                                 limit=limit)
    return SearchOut(query=q, total=view.page.total, items=[search_item(r) for r in view.page.results],
                     next_cursor=view.next_cursor)


@router.get("/entities/{name}", response_model=EntityPageOut,
            summary="An entity or tag by any of its spellings: its articles and stories")
def get_entity(request: Request, name: Annotated[str, Path(min_length=1, max_length=200)],
               cursor: Cursor = None, limit: Limit = 20) -> EntityPageOut:
    key, kind = views.entity_key(name)
    with _access(request) as store:
        view = views.entity_view(store, key, kind, cursor, limit)
    items = list(view.articles.items)
    if view.mentions is not None:
        items = [r.hit.stored for r in view.mentions.results]
    return EntityPageOut(name=view.key, kind=view.kind, spellings=view.spellings,
                         articles=ArticleList(items=[article_brief(s) for s in items],
                                              next_cursor=view.articles.next_cursor),
                         stories=[story_out(s) for s in view.stories])


@router.get("/sources", response_model=SourcesOut, summary="Outlets with their article counts; followed feeds")
def list_sources(request: Request) -> SourcesOut:
    stats = request.app.state.stats()
    with _access(request) as store:
        followed = store.sources.list()
    return SourcesOut(
        outlets=[SourceOut(name=name, articles=n) for name, n in stats.per_source.items()],
        followed=[FollowedSourceOut(id=s.id, name=s.name, url=s.url, kind=s.kind, paused=s.paused,
                                    last_success_at=s.last_success_at, last_error=s.last_error,
                                    consecutive_failures=s.consecutive_failures, items_last_day=s.items_last_day)
                  for s in followed])


@router.get("/stats", response_model=StatsOut, summary="Counts per outlet, day and language")
def get_stats(request: Request) -> StatsOut:
    stats = request.app.state.stats()
    return StatsOut(articles=stats.articles, per_source=stats.per_source, per_day=stats.per_day,
                    per_lang=stats.per_lang)
