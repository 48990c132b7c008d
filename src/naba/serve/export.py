"""The export contract: one JSON object per article. Other tools and later issues read it; keep it stable.

Fields (absent values are null or [], never invented):
    id, external_id, url, source, title, body, published_at, fetched_at, author, lang,
    credited_source, page_tags, page_read_also ({"title", "lede"} or null), page_similar,
    page_related_leaks, tags (as given by the input)
Added after the first contract (new fields are only ever appended):
    canonical_url, first_seen_at, summary, categories,
    feed_only (why the text is a feed's summary rather than the page, e.g. robots.txt; else null),
    keywords (naba's tags, display form, best first), entities ([{name, canonical, kind}], best first),
    duplicate_of (id of the earliest copy, or null), story_id, attribution (the outlets it credits)
With ``naba export --related K``, also similar and read_also: [{id, story_id, score}]
"""

from __future__ import annotations

from typing import Any

from naba.models import Related, StoredArticle

EXPORT_FIELDS = (
    "id", "external_id", "url", "source", "title", "body", "published_at", "fetched_at", "author",
    "lang", "credited_source", "page_tags", "page_read_also", "page_similar", "page_related_leaks",
    "tags", "canonical_url", "first_seen_at", "summary", "categories", "feed_only",
    "keywords", "entities", "duplicate_of", "story_id", "attribution",
)


def export_record(stored: StoredArticle) -> dict[str, Any]:
    article = stored.article
    read_also = article.page_read_also
    record: dict[str, Any] = {
        "id": stored.id,
        "fetched_at": stored.fetched_at,
        "first_seen_at": stored.first_seen_at,
        "page_read_also": None if read_also is None else {"title": read_also.title, "lede": read_also.lede},
        "entities": [{"name": e.name, "canonical": e.canonical, "kind": e.kind} for e in article.entities],
        "duplicate_of": stored.duplicate_of,
        "story_id": stored.story_id,
    }
    for name in EXPORT_FIELDS:
        if name not in record:
            value = getattr(article, name)
            record[name] = list(value) if isinstance(value, tuple) else value
    return {name: record[name] for name in EXPORT_FIELDS}


def related_fields(related: Related) -> dict[str, Any]:
    """The ``similar`` and ``read_also`` lists of ``naba export --related K``."""
    return {name: [{"id": r.article.id, "story_id": r.story_id, "score": r.score} for r in items]
            for name, items in (("similar", related.similar), ("read_also", related.read_also))}
