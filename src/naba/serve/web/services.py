"""What the routes need besides the request, as one typed object: the store, and the caches over it.

``create_app`` opens a ``WebServices`` when the app starts and closes it when it stops; every route
that needs one takes a ``Services`` parameter (one FastAPI dependency), so what a route may use is
visible in its signature and checked by a type checker, not looked up by name on ``app.state``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Request

from naba.errors import UsageError
from naba.models import Related
from naba.serve.paging import MAX_ID
from naba.serve.web import views
from naba.serve.web.access import StoreAccess
from naba.serve.web.cache import TimedCache
from naba.store import Store, StoreStats

STATS_SECONDS = 300.0  # store.articles.stats() reads every article row: recount at most every five minutes
# An article's related lists cost reads and scoring (~10 ms an article on 62k articles) and change
# only when the story stage links new articles: keep the latest few thousand for two minutes.
RELATED_SECONDS = 120.0
RELATED_ITEMS = 4096
# Rendered article and story pages, for the same reason (an article page is mostly its related
# lists); a page is at most this old, like the related lists it shows.
PAGE_SECONDS = 120.0
PAGE_ITEMS = 4096
# Popular searches: a query's results (and its rendered page) for a minute. A search costs 10-30 ms
# (the store's ranking of the newest matches, then the snippets); a popular one is asked again and again.
SEARCH_SECONDS = 60.0
SEARCH_ITEMS = 2048
# The spellings the store has seen for a named entity, which a search for the name also looks for:
# counting them reads every row naming it (~3 ms for a common one, a third of a cold search).
SPELLINGS_SECONDS = 600.0
SPELLINGS_ITEMS = 8192

RelatedKey = tuple[int, int, int]  # (article id, k, read_also)
PageKey = tuple[str, int]  # (page kind, id)
# (q, source, since, until, tag, offset, limit): every parameter the results depend on
SearchKey = tuple[str, str | None, str | None, str | None, str | None, int, int]


@dataclass(frozen=True, slots=True)
class WebServices:
    access: StoreAccess  # ``with services.access() as store``: the calling thread's store
    stats_cache: TimedCache[str, StoreStats]
    related_cache: TimedCache[RelatedKey, Related]
    page_cache: TimedCache[PageKey, str]  # rendered HTML
    search_cache: TimedCache[SearchKey, views.SearchView]
    search_pages: TimedCache[tuple[SearchKey, int], str]  # rendered search pages: (search, page number)
    spellings_cache: TimedCache[str, dict[str, int]]  # canonical entity → spellings seen, with counts

    @classmethod
    def open(cls, store_url: str, store_mode: str, clock: Callable[[], float] = time.monotonic) -> WebServices:
        """Opens the store now, so a bad URL fails the start rather than the first request."""
        return cls(access=StoreAccess(store_url, store_mode),
                   stats_cache=TimedCache(STATS_SECONDS, clock, max_items=1),
                   related_cache=TimedCache(RELATED_SECONDS, clock, max_items=RELATED_ITEMS),
                   page_cache=TimedCache(PAGE_SECONDS, clock, max_items=PAGE_ITEMS),
                   search_cache=TimedCache(SEARCH_SECONDS, clock, max_items=SEARCH_ITEMS),
                   search_pages=TimedCache(SEARCH_SECONDS, clock, max_items=SEARCH_ITEMS),
                   spellings_cache=TimedCache(SPELLINGS_SECONDS, clock, max_items=SPELLINGS_ITEMS))

    def stats(self) -> StoreStats:
        """The store's counts, at most ``STATS_SECONDS`` old (no table sizes: no page shows them)."""
        def count() -> StoreStats:
            with self.access() as store:
                return store.articles.stats(sizes=False)
        return self.stats_cache.get("stats", count)

    def related(self, store: Store, article_id: int, k: int = 10, read_also: int = 3) -> Related:
        """An article's related lists, at most ``RELATED_SECONDS`` old, without the bodies no list shows."""
        return self.related_cache.get((article_id, k, read_also), lambda: views.slim_related(
            views.related_view(store, article_id, k=k, read_also=read_also)))

    def search(self, key: SearchKey, *, cached: bool = True) -> views.SearchView:
        """A search's results, at most ``SEARCH_SECONDS`` old (see ``search_key``); ``cached=False``:
        computed now and not kept (the search page keeps its HTML instead: a string, which the garbage
        collector never walks, where a view is ~100 objects it walks on every full collection)."""
        def run() -> views.SearchView:
            q, source, since, until, tag, offset, limit = key
            with self.access() as store:
                def learned(canonical: str) -> dict[str, int]:
                    return self.spellings_cache.get(canonical, lambda: store.entities.spellings(canonical))
                return views.search_view(store, q, source=source, since=since, until=until, tag=tag,
                                         offset=offset, limit=limit, learned=learned)
        return self.search_cache.get(key, run) if cached else run()

    def close(self) -> None:
        self.access.close()


def search_key(q: str, *, source: str | None, since: str | None, until: str | None, tag: str | None,
               offset: int, limit: int) -> SearchKey:
    """The cache key of a search: its parameters as given, empty ones as None."""
    return (q, source or None, since or None, until or None, tag or None, offset, limit)


async def web_services(request: Request) -> WebServices:
    """The app's services. ``async`` on purpose: FastAPI runs it on the event loop, so a cached page
    is still answered without taking a worker thread."""
    services = getattr(request.app.state, "services", None)
    if services is None:
        raise RuntimeError("the app has not started: its services are opened by its lifespan")
    return services


Services = Annotated[WebServices, Depends(web_services)]
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="An article or story id")]  # past it: 422, not a 500


async def refuse_nul(request: Request) -> None:
    """A NUL character in the path or the query is no text any page can mean, and PostgreSQL cannot
    hold it in a query's parameter: 422 (every router depends on this), not a 500 from the store.
    ``async``: it runs on the event loop; as a plain ``def`` it took a worker thread on every request,
    a cached page's too."""
    values = [request.url.path, *(part for pair in request.query_params.multi_items() for part in pair)]
    if any("\x00" in value for value in values):
        raise UsageError("the request has a NUL character in it", hint="remove %00 from the URL")
