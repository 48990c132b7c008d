"""A story in JSON (in a list, and in full), an article's related lists, and a comparison of two articles.

``naba stories|story|related|compare --json`` print these, and ``/api/stories``, ``/api/stories/{id}``
and ``/api/articles/{id}/related`` return them: one shape in both, scores clamped to [0, 1] in both.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from naba.models import Recommendation as FoundRecommendation
from naba.models import Related as FoundRelated
from naba.models import StoredArticle, StorySummary
from naba.serve.contract.articles import ArticleBrief, clamp_score
from naba.serve.paging import Slice
from naba.stories import StoryDetail as FoundStory
from naba.stories.sameness import Judgement, feature_values
from naba.stories.summaries import headline


class Story(BaseModel):
    id: int = Field(description="The story's id: the id of its first article")
    title: str = Field(description="The representative title: the one sharing most words with the others")
    articles: int = Field(description="How many articles, copies included")
    outlets: list[str] = Field(description="Distinct outlets, the first reporter first")
    first_article_id: int
    first_source: str | None
    first_at: str | None = Field(description="ISO 8601 time of the first dated report; null when no article "
                                             "of the story gives a date")
    last_at: str | None = Field(description="ISO 8601 time of the latest dated update; null when no article "
                                            "of the story gives a date")
    top_entities: list[str] = Field(description="Canonical names, most mentioned first")
    keywords: list[str]

    @classmethod
    def of(cls, story: StorySummary) -> Story:
        return cls(id=story.id, title=story.title, articles=story.articles, outlets=list(story.outlets),
                   first_article_id=story.first_article_id, first_source=story.first_source,
                   first_at=story.first_at, last_at=story.last_at, top_entities=list(story.top_entities),
                   keywords=list(story.keywords))


class StoryList(BaseModel):
    items: list[Story]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")

    @classmethod
    def of(cls, page: Slice) -> StoryList:
        return cls(items=[Story.of(s) for s in page.items], next_cursor=page.next_cursor)


class TimelineEntry(BaseModel):
    at: str | None = Field(description="When it was published; null when the page gave no date")
    article_id: int
    source: str | None
    title: str
    duplicate_of: int | None = Field(description="Set for a republished copy")


class Attribution(BaseModel):
    article_id: int
    source: str | None
    credits: list[str] = Field(description="The outlets this article credits as its origin")


class StoryEntity(BaseModel):
    canonical: str
    kind: str
    articles: int = Field(description="How many of the story's articles name it")


class LinkedStory(BaseModel):
    story: Story
    members: int = Field(description="How many of this story's articles list it as similar")
    score: float = Field(ge=0, le=1, description="The best score a member's similar list gave it")


class StoryDetail(BaseModel):
    """One story: its summary, first reporter, every version, timeline, attribution chain, entities, and the
    stories linked to it (developments it is not merged with: a reaction, the next battle)."""

    story: Story
    first_reporter: ArticleBrief
    members: list[ArticleBrief] = Field(description="Every article of the story, oldest first")
    timeline: list[TimelineEntry]
    attribution: list[Attribution]
    entities: list[StoryEntity]
    linked: list[LinkedStory] = Field(description="Other stories its articles' similar lists name, most named "
                                                  "first")

    @classmethod
    def of(cls, detail: FoundStory) -> StoryDetail:
        return cls(
            story=Story.of(detail.summary),
            first_reporter=ArticleBrief.of(detail.first_reporter),
            members=[ArticleBrief.of(s) for s in detail.articles],
            timeline=[TimelineEntry(at=t.at, article_id=t.article_id, source=t.source, title=t.title,
                                    duplicate_of=t.duplicate_of) for t in detail.timeline],
            attribution=[Attribution(article_id=i, source=src, credits=list(credits))
                         for i, src, credits in detail.attribution],
            entities=[StoryEntity(canonical=c, kind=k, articles=n) for c, k, n in detail.entities],
            linked=[LinkedStory(story=Story.of(link.summary), members=link.members, score=clamp_score(link.score))
                    for link in detail.linked])


class Recommendation(BaseModel):
    """One entry of a "similar" or "read also" list: a story, shown by its best article."""

    id: int = Field(description="The article shown for this story")
    story_id: int | None
    score: float = Field(ge=0, le=1)
    why: list[str] = Field(description="Shared entities and terms")
    title: str
    source: str | None
    published_at: str | None
    outlets: list[str]
    copies: int

    @classmethod
    def of(cls, rec: FoundRecommendation) -> Recommendation:
        a = rec.article.article
        return cls(id=rec.article.id, story_id=rec.story_id, score=clamp_score(rec.score), why=list(rec.why),
                   title=headline(a), source=a.source, published_at=a.published_at, outlets=list(rec.outlets),
                   copies=rec.copies)


class Related(BaseModel):
    article_id: int
    similar: list[Recommendation]
    read_also: list[Recommendation]

    @classmethod
    def of(cls, article_id: int, found: FoundRelated) -> Related:
        return cls(article_id=article_id, similar=[Recommendation.of(r) for r in found.similar],
                   read_also=[Recommendation.of(r) for r in found.read_also])


class Reason(BaseModel):
    feature: str
    contribution: float = Field(description="Its weight times its value in the same-event model's logit")


class Comparison(BaseModel):
    """``naba compare``: the sameness model's judgement of two articles, with the evidence that decided."""

    a: int
    b: int
    similarity: float = Field(ge=0, le=1, description="How alike the two texts are, the time gap left out")
    duplicate: bool = Field(description="One is a copy (possibly edited) of the other")
    same_story: bool = Field(description="They report the same event (a copy always does)")
    copy_probability: float = Field(ge=0, le=1)
    same_probability: float = Field(ge=0, le=1)
    time_gap_hours: float | None
    shared_entities: list[str]
    shared_terms: list[str]
    evidence: dict[str, float] = Field(description="Every feature of the pair, by name")
    reasons: list[Reason] = Field(description="What decided, largest contribution first")
    ruled_out_by: str | None = Field(None, description="The rule that made both answers no however alike the "
                                                       "two read (a filled-in template, another day's report, "
                                                       "a journey's other end)")
    story_ids: list[int | None] = Field(description="The stories the two are stored in")

    @classmethod
    def of(cls, a: StoredArticle, b: StoredArticle, judged: Judgement) -> Comparison:
        e = judged.evidence
        gap = None if e.gap_hours is None else round(e.gap_hours, 1)
        return cls(a=a.id, b=b.id, similarity=clamp_score(judged.similarity), duplicate=judged.copy,
                   same_story=judged.same_event, copy_probability=clamp_score(judged.copy_probability),
                   same_probability=clamp_score(judged.same_probability), time_gap_hours=gap,
                   shared_entities=list(e.shared_entities), shared_terms=list(e.shared_terms),
                   evidence={k: round(v, 4) for k, v in feature_values(e).items()},
                   reasons=[Reason(feature=f, contribution=c) for f, c in judged.reasons()],
                   ruled_out_by=judged.ruling, story_ids=[a.story_id, b.story_id])
