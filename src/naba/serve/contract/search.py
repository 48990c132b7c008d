"""Search results and an entity's page in JSON: ``naba search|entity --json``, ``/api/search``,
``/api/entities/{name}``.

A result names its article in brief (the full text is one ``naba show`` or ``/api/articles/{id}``
away); ``next_cursor`` is the API's cursor of the next page, printed by the CLI too.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from naba.models import StorySummary
from naba.serve.contract.articles import ArticleBrief, ArticleList
from naba.serve.contract.stories import Story
from naba.serve.paging import Slice
from naba.serve.search import SearchPage, SearchResult

SCORE_DIGITS = 6  # a BM25 score carries no meaning past this


class SearchItem(BaseModel):
    article: ArticleBrief
    score: float = Field(description="BM25, higher is better; not bounded")
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end) character ranges of matches in snippet")

    @classmethod
    def of(cls, result: SearchResult) -> SearchItem:
        return cls(article=ArticleBrief.of(result.hit.stored), score=round(result.hit.score, SCORE_DIGITS),
                   snippet=result.snippet.text, highlights=[list(h) for h in result.snippet.highlights])


class SearchResults(BaseModel):
    query: str
    total: int = Field(description="How many articles match in all: exact, or an estimate when total_exact is false")
    total_exact: bool = Field(default=True, description=(
        "false: the query matches more articles than are ranked (the newest 1,000, by when they were stored); "
        "`total` is estimated from them and the pages reach only them"))
    items: list[SearchItem]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")
    also_searched: list[str] = Field(default_factory=list, description=(
        "Other spellings of the names in the query, searched as well (زيلنسكي → زيلينسكي، زيلينيسكي)"))

    @classmethod
    def of(cls, page: SearchPage, next_cursor: str | None) -> SearchResults:
        return cls(query=page.query, total=page.total, total_exact=page.total_exact,
                   items=[SearchItem.of(r) for r in page.results], next_cursor=next_cursor,
                   also_searched=list(page.also_searched))


class EntityPage(BaseModel):
    name: str = Field(description="The canonical name every spelling shares")
    kind: str | None = Field(description="person, place, org, other; null for a plain tag")
    spellings: dict[str, int] = Field(description="Each spelling seen, with how many articles use it")
    articles: ArticleList
    stories: list[Story]

    @classmethod
    def of(cls, name: str, kind: str | None, spellings: dict[str, int], articles: Slice,
           stories: tuple[StorySummary, ...] | list[StorySummary]) -> EntityPage:
        return cls(name=name, kind=kind, spellings=spellings,
                   articles=ArticleList(items=[ArticleBrief.of(s) for s in articles.items],
                                        next_cursor=articles.next_cursor),
                   stories=[Story.of(s) for s in stories])
