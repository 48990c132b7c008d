"""The store's counts, its outlets and followed sources, and the summaries of ingest and crawl runs,
in JSON: ``naba stats|sources list|ingest|crawl --json``, ``/api/stats``, ``/api/sources``."""

from __future__ import annotations

from pydantic import BaseModel, Field

from naba.models import IngestReport, Source
from naba.store import StoreStats


class Stats(BaseModel):
    articles: int
    per_source: dict[str, int]
    per_day: dict[str, int] = Field(description="YYYY-MM-DD of publication (or `unknown`) → articles")
    per_lang: dict[str, int]

    @classmethod
    def of(cls, stats: StoreStats) -> Stats:
        return cls(articles=stats.articles, per_source=stats.per_source, per_day=stats.per_day,
                   per_lang=stats.per_lang)


class FollowedSource(BaseModel):
    """A feed, sitemap or site that ``naba crawl`` polls, with its schedule and health."""

    id: int
    url: str
    name: str | None
    kind: str = Field(description="rss, atom or sitemap")
    every_seconds: int
    paused: bool
    etag: str | None
    last_modified: str | None
    next_poll_at: float = Field(description="Epoch seconds")
    last_polled_at: str | None
    last_success_at: str | None
    last_error_at: str | None
    last_error: str | None
    consecutive_failures: int
    created_at: str
    items_total: int
    items_last_day: int

    @classmethod
    def of(cls, source: Source) -> FollowedSource:
        return cls(**{name: getattr(source, name) for name in cls.model_fields})


class StatsReport(Stats):
    """``naba stats --json``: the API's counts, and what an operator also wants: sizes and feed health."""

    sizes_bytes: dict[str, int] = Field(description="Bytes per table or index")
    sources: list[FollowedSource]

    @classmethod
    def of_store(cls, stats: StoreStats, sources: list[Source]) -> StatsReport:
        return cls(**dict(Stats.of(stats)), sizes_bytes=stats.sizes,
                   sources=[FollowedSource.of(s) for s in sources])


class Outlet(BaseModel):
    name: str
    articles: int


class Sources(BaseModel):
    outlets: list[Outlet]
    followed: list[FollowedSource]

    @classmethod
    def of(cls, per_source: dict[str, int], followed: list[Source]) -> Sources:
        return cls(outlets=[Outlet(name=name, articles=n) for name, n in per_source.items()],
                   followed=[FollowedSource.of(s) for s in followed])


class Rejection(BaseModel):
    where: str = Field(description="The file, file:line or archive!member#index")
    reason: str


class IngestSummary(BaseModel):
    """The closing summary of ``naba ingest|reprocess|fetch``."""

    read: int
    stored: int
    updated: int
    unchanged: int
    rejected: int
    rejections: list[Rejection]
    lists: int = Field(description="articles whose similar and read-also lists were computed")

    @classmethod
    def of(cls, report: IngestReport) -> IngestSummary:
        return cls(read=report.read, stored=report.stored, updated=report.updated, unchanged=report.unchanged,
                   rejected=len(report.rejected), lists=report.lists,
                   rejections=[Rejection(where=r.where, reason=r.reason) for r in report.rejected])


class SourcePoll(BaseModel):
    id: int
    url: str
    status: str = Field(description="ok, not_modified or error")
    items: int
    new_items: int
    error: str | None


class CrawlSummary(BaseModel):
    """The closing summary of ``naba crawl``; the CLI fills it (the crawl report is the engine's)."""

    sources: list[SourcePoll]
    pages_fetched: int
    feed_only: int
    stored: int
    updated: int
    unchanged: int
    rejected: int
