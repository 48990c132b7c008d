"""An article in JSON: in full (the export contract, ``naba show --json``, ``GET /api/articles/{id}``),
and in brief (the entries of every list).

The full model *is* the export contract: its fields, in this order, are what the README promises, and
new fields are only ever appended. Each field's description is the README's text for it (the README's
table is checked against ``export_fields_table()`` by a test), so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from naba.models import Recommendation as FoundRecommendation
from naba.models import Related as FoundRelated
from naba.models import StoredArticle
from naba.stories.summaries import headline


def clamp_score(score: float) -> float:
    """Scores are promised in [0, 1]: every output clamps the same way, so the CLI and the API agree."""
    return min(1.0, max(0.0, score))


class Entity(BaseModel):
    name: str = Field(description="The spelling the article used, titles and clitics dropped")
    canonical: str = Field(description="The one form every spelling shares; entity pages are keyed by it")
    kind: str = Field(description="person, place, org or other")


class ReadAlso(BaseModel):
    title: str
    lede: str | None


def _doc(description: str):
    """A required field whose description is the README's and the OpenAPI schema's text for it."""
    return Field(description=description)


class Article(BaseModel):
    """One article with everything naba knows of it: one line of ``naba export``."""

    id: int = _doc("naba's id for the article")
    external_id: str | None = _doc("the id the input gave it, or `null`")
    url: str | None = _doc("the page's URL as the input gave it, or `null`")
    source: str | None = _doc("the outlet's name, or `null`")
    title: str = _doc("the headline; for a page without one, its first sentence cut at a word (then "
                      "`title_derived` is true)")
    body: str = _doc("the clean text, paragraphs separated by a blank line")
    published_at: str | None = _doc("ISO 8601, with the source's UTC offset when it gave one (naive when it did not)")
    fetched_at: str = _doc("when this version was read")
    author: str | None = _doc("the author, or `null`")
    lang: str = _doc("the language the input gave, else the detected one: `ar`, `en` or `und`")
    credited_source: str | None = _doc("the outlet the page credits (`المصدر: ...`), or `null`")
    page_tags: list[str] = _doc("the tags printed on a page (`كلمات دلالية`)")
    page_read_also: ReadAlso | None = _doc(
        "the page's \"اقرأ أيضا\" teaser: `{\"title\": ..., \"lede\": ...}` or `null`")
    page_similar: list[str] = _doc("the headlines the page lists as similar")
    page_related_leaks: list[str] = _doc("related headlines that had leaked into the text, cut out of it")
    tags: list[str] = _doc("the tags the input gave")
    canonical_url: str | None = _doc("the URL in canonical form (tracking parameters dropped), or `null`")
    first_seen_at: str = _doc("when the article was first read (kept across updates)")
    summary: str | None = _doc("the summary the input gave, or `null`")
    categories: list[str] = _doc("the categories the input gave")
    feed_only: str | None = _doc("`null`, or why the text is a feed's summary rather than the page "
                               "(e.g. robots.txt disallows it)")
    keywords: list[str] = _doc("naba's tags, display form, best first")
    entities: list[Entity] = _doc("`[{\"name\", \"canonical\", \"kind\"}]`, best first, `kind` one of person, "
                                "place, org, other")
    duplicate_of: int | None = _doc("the id of the earliest stored copy of the same text, or `null`")
    story_id: int | None = _doc("the id of the story (the id of its first article)")
    attribution: list[str] = _doc("the outlets the article credits as its origin, the credited source "
                                "(`المصدر`) first")
    title_derived: bool = _doc("`true` when the page gave no title and `title` is its first sentence")

    @classmethod
    def of(cls, stored: StoredArticle) -> Article:
        return cls(**_article_fields(stored))


def _article_fields(stored: StoredArticle) -> dict[str, Any]:
    a = stored.article
    read_also = a.page_read_also
    return dict(
        id=stored.id, external_id=a.external_id, url=a.url, source=a.source, title=headline(a), body=a.body,
        published_at=a.published_at, fetched_at=stored.fetched_at, author=a.author, lang=a.lang,
        credited_source=a.credited_source, page_tags=list(a.page_tags),
        page_read_also=None if read_also is None else ReadAlso(title=read_also.title, lede=read_also.lede),
        page_similar=list(a.page_similar), page_related_leaks=list(a.page_related_leaks), tags=list(a.tags),
        canonical_url=a.canonical_url, first_seen_at=stored.first_seen_at, summary=a.summary,
        categories=list(a.categories), feed_only=a.feed_only, keywords=list(a.keywords),
        entities=[Entity(name=e.name, canonical=e.canonical, kind=e.kind) for e in a.entities],
        duplicate_of=stored.duplicate_of, story_id=stored.story_id, attribution=list(a.attribution),
        title_derived=not a.title)


class RelatedRef(BaseModel):
    """A similar or read-also pick as the export names it: which article, which story, how close."""

    id: int
    story_id: int | None
    score: float = Field(ge=0, le=1)

    @classmethod
    def of(cls, rec: FoundRecommendation) -> RelatedRef:
        return cls(id=rec.article.id, story_id=rec.story_id, score=clamp_score(rec.score))


class ArticleWithRelated(Article):
    """A line of ``naba export --related K``: the article, then its related lists."""

    similar: list[RelatedRef] = _doc("`[{\"id\", \"story_id\", \"score\"}]`, as `naba related` ranks them "
                                   "(only with `--related K`)")
    read_also: list[RelatedRef] = _doc("the same, for the \"read also\" picks (only with `--related K`)")

    @classmethod
    def of_related(cls, stored: StoredArticle, found: FoundRelated | None) -> ArticleWithRelated:
        similar = [RelatedRef.of(r) for r in found.similar] if found else []
        read_also = [RelatedRef.of(r) for r in found.read_also] if found else []
        return cls(**_article_fields(stored), similar=similar, read_also=read_also)


class ArticleBrief(BaseModel):
    """An article as lists show it (search results, a story's members, an entity's articles)."""

    id: int
    story_id: int | None
    duplicate_of: int | None
    title: str = Field(description="The headline, or for a page without one its first sentence")
    source: str | None
    published_at: str | None
    url: str | None

    @classmethod
    def of(cls, stored: StoredArticle) -> ArticleBrief:
        a = stored.article
        return cls(id=stored.id, story_id=stored.story_id, duplicate_of=stored.duplicate_of, title=headline(a),
                   source=a.source, published_at=a.published_at, url=a.url)


class ArticleList(BaseModel):
    items: list[ArticleBrief]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page")


def export_fields_table() -> str:
    """The README's table of the export contract, from the models: one row per field, in order."""
    rows = ["| field | meaning |", "|---|---|"]
    for name, info in ArticleWithRelated.model_fields.items():
        rows.append(f"| `{name}` | {info.description} |")
    return "\n".join(rows)
