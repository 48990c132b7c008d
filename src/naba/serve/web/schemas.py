"""The JSON API's response shapes (they become the OpenAPI schema at /openapi.json), and the
functions that fill them from naba's models."""

from __future__ import annotations

from pydantic import BaseModel, Field

from naba.models import Recommendation, StoredArticle, StorySummary
from naba.serve.search import SearchResult
from naba.stories import StoryDetail


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status code, repeated")
    code: str = Field(description="A stable machine-readable name: not_found, invalid_request, internal_error, ...")
    message: str = Field(description="What went wrong, for people")


class ErrorResponse(BaseModel):
    """Every error the API returns (404, 405, 422, 500, ...) has this one shape."""

    error: ErrorDetail


class EntityOut(BaseModel):
    name: str
    canonical: str
    kind: str


class ArticleBrief(BaseModel):
    id: int
    story_id: int | None
    duplicate_of: int | None
    title: str | None
    source: str | None
    published_at: str | None
    url: str | None


class ArticleOut(ArticleBrief):
    canonical_url: str | None
    body: str
    summary: str | None
    author: str | None
    lang: str
    first_seen_at: str
    fetched_at: str
    credited_source: str | None
    attribution: list[str]
    keywords: list[str]
    entities: list[EntityOut]
    page_tags: list[str]


class RecommendationOut(BaseModel):
    id: int = Field(description="The article shown for this story")
    story_id: int | None
    score: float = Field(ge=0, le=1)
    why: list[str] = Field(description="Shared entities and terms")
    title: str | None
    source: str | None
    published_at: str | None
    outlets: list[str]
    copies: int


class RelatedOut(BaseModel):
    article_id: int
    similar: list[RecommendationOut]
    read_also: list[RecommendationOut]


class StoryOut(BaseModel):
    id: int
    title: str
    articles: int
    outlets: list[str]
    first_article_id: int
    first_source: str | None
    first_at: str | None
    last_at: str | None
    top_entities: list[str]
    keywords: list[str]


class StoryList(BaseModel):
    items: list[StoryOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")


class TimelineOut(BaseModel):
    at: str | None
    article_id: int
    source: str | None
    title: str | None
    duplicate_of: int | None


class AttributionOut(BaseModel):
    article_id: int
    source: str | None
    credits: list[str]


class StoryEntityOut(BaseModel):
    canonical: str
    kind: str
    articles: int


class StoryDetailOut(BaseModel):
    story: StoryOut
    first_reporter: ArticleBrief
    members: list[ArticleBrief] = Field(description="Every article of the story, oldest first")
    timeline: list[TimelineOut]
    attribution: list[AttributionOut]
    entities: list[StoryEntityOut]


class SearchItem(BaseModel):
    article: ArticleBrief
    score: float
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end) character ranges of matches in snippet")


class SearchOut(BaseModel):
    query: str
    total: int
    items: list[SearchItem]
    next_cursor: str | None


class ArticleList(BaseModel):
    items: list[ArticleBrief]
    next_cursor: str | None


class EntityPageOut(BaseModel):
    name: str = Field(description="The canonical name every spelling shares")
    kind: str | None = Field(description="person, place, org, other; null for a plain tag")
    spellings: dict[str, int]
    articles: ArticleList
    stories: list[StoryOut]


class SourceOut(BaseModel):
    name: str
    articles: int


class FollowedSourceOut(BaseModel):
    id: int
    name: str | None
    url: str
    kind: str
    paused: bool
    last_success_at: str | None
    last_error: str | None
    consecutive_failures: int
    items_last_day: int


class SourcesOut(BaseModel):
    outlets: list[SourceOut]
    followed: list[FollowedSourceOut]


class StatsOut(BaseModel):
    articles: int
    per_source: dict[str, int]
    per_day: dict[str, int]
    per_lang: dict[str, int]


# -- from naba's models ----------------------------------------------------------------------------

def article_brief(stored: StoredArticle) -> ArticleBrief:
    a = stored.article
    return ArticleBrief(id=stored.id, story_id=stored.story_id, duplicate_of=stored.duplicate_of,
                        title=a.title, source=a.source, published_at=a.published_at, url=a.url)


def article_out(stored: StoredArticle) -> ArticleOut:
    a = stored.article
    return ArticleOut(
        **article_brief(stored).model_dump(), canonical_url=a.canonical_url, body=a.body, summary=a.summary,
        author=a.author, lang=a.lang, first_seen_at=stored.first_seen_at, fetched_at=stored.fetched_at,
        credited_source=a.credited_source, attribution=list(a.attribution), keywords=list(a.keywords),
        entities=[EntityOut(name=e.name, canonical=e.canonical, kind=e.kind) for e in a.entities],
        page_tags=list(a.page_tags))


def recommendation_out(rec: Recommendation) -> RecommendationOut:
    a = rec.article.article
    return RecommendationOut(id=rec.article.id, story_id=rec.story_id, score=min(1.0, max(0.0, rec.score)),
                             why=list(rec.why), title=a.title, source=a.source, published_at=a.published_at,
                             outlets=list(rec.outlets), copies=rec.copies)


def story_out(story: StorySummary) -> StoryOut:
    return StoryOut(id=story.id, title=story.title, articles=story.articles, outlets=list(story.outlets),
                    first_article_id=story.first_article_id, first_source=story.first_source,
                    first_at=story.first_at, last_at=story.last_at, top_entities=list(story.top_entities),
                    keywords=list(story.keywords))


def story_detail_out(detail: StoryDetail) -> StoryDetailOut:
    return StoryDetailOut(
        story=story_out(detail.summary),
        first_reporter=article_brief(detail.first_reporter),
        members=[article_brief(s) for s in detail.articles],
        timeline=[TimelineOut(at=t.at, article_id=t.article_id, source=t.source, title=t.title,
                              duplicate_of=t.duplicate_of) for t in detail.timeline],
        attribution=[AttributionOut(article_id=i, source=src, credits=list(credits))
                     for i, src, credits in detail.attribution],
        entities=[StoryEntityOut(canonical=c, kind=k, articles=n) for c, k, n in detail.entities])


def search_item(result: SearchResult) -> SearchItem:
    return SearchItem(article=article_brief(result.hit.stored), score=round(result.hit.score, 6),
                      snippet=result.snippet.text, highlights=[list(h) for h in result.snippet.highlights])
