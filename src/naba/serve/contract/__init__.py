"""The JSON contract: one typed model per concept, for the API, every CLI ``--json`` and the export.

``GET /api/X`` returns, ``naba X --json`` prints and ``naba export`` writes ``model.model_dump(mode="json")``
of these models, so a concept has one shape everywhere: a field renamed here changes in all three, the
OpenAPI schema at /openapi.json included. Each model fills itself from naba's own models with ``of``:

    articles.py  Article (the export contract), ArticleWithRelated (``export --related``), ArticleBrief,
                 ArticleList, Entity, ReadAlso, RelatedRef
    stories.py   Story, StoryList, StoryDetail, Recommendation, Related, Comparison
    search.py    SearchResults, SearchItem, EntityPage
    sources.py   Stats, StatsReport, Sources, Outlet, FollowedSource, IngestSummary, CrawlSummary
    errors.py    ErrorResponse (the API's one error shape)

Every score that is promised in [0, 1] is clamped on the way out (``clamp_score``), everywhere alike.
"""

from naba.serve.contract.articles import (
    Article,
    ArticleBrief,
    ArticleList,
    ArticleWithRelated,
    Entity,
    ReadAlso,
    RelatedRef,
    clamp_score,
    export_fields_table,
)
from naba.serve.contract.errors import ErrorDetail, ErrorResponse
from naba.serve.contract.search import EntityPage, SearchItem, SearchResults
from naba.serve.contract.sources import (
    CrawlSummary,
    FollowedSource,
    IngestSummary,
    Outlet,
    Rejection,
    SourcePoll,
    Sources,
    Stats,
    StatsReport,
)
from naba.serve.contract.stories import (
    Attribution,
    Comparison,
    Recommendation,
    Related,
    Story,
    StoryDetail,
    StoryEntity,
    StoryList,
    TimelineEntry,
)

__all__ = [
    "Article", "ArticleBrief", "ArticleList", "ArticleWithRelated", "Attribution", "Comparison", "CrawlSummary",
    "Entity", "EntityPage", "ErrorDetail", "ErrorResponse", "FollowedSource", "IngestSummary", "Outlet",
    "ReadAlso", "Recommendation", "Rejection", "Related", "RelatedRef", "SearchItem", "SearchResults",
    "SourcePoll", "Sources", "Stats", "StatsReport", "Story", "StoryDetail", "StoryEntity", "StoryList",
    "TimelineEntry", "clamp_score", "export_fields_table",
]
