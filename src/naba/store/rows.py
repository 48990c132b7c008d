"""Article <-> database row mapping shared by every backend (JSON for list fields)."""

from __future__ import annotations

import json
from typing import Any

from naba.models import Article, ReadAlso, StoredArticle

ARTICLE_COLUMNS = (
    "external_id", "url", "canonical_url", "source", "title", "body", "summary",
    "published_at", "author", "lang", "credited_source", "tags", "categories",
    "page_tags", "page_read_also", "page_similar", "page_related_leaks",
)
_LIST_FIELDS = frozenset({"tags", "categories", "page_tags", "page_similar", "page_related_leaks"})


def _dump(value: Any) -> str:
    return json.dumps(list(value), ensure_ascii=False)


def article_values(article: Article) -> list[Any]:
    """The ARTICLE_COLUMNS values of an article, in order."""
    values = []
    for name in ARTICLE_COLUMNS:
        value = getattr(article, name)
        if name in _LIST_FIELDS:
            value = _dump(value)
        elif name == "page_read_also":
            value = None if value is None else json.dumps(
                {"title": value.title, "lede": value.lede}, ensure_ascii=False)
        values.append(value)
    return values


def article_from_row(row: Any) -> Article:
    """Build an Article from a row that has (at least) ARTICLE_COLUMNS by name."""
    fields = {}
    for name in ARTICLE_COLUMNS:
        value = row[name]
        if name in _LIST_FIELDS:
            value = tuple(json.loads(value))
        elif name == "page_read_also" and value is not None:
            value = ReadAlso(**json.loads(value))
        fields[name] = value
    return Article(**fields)


def stored_from_row(row: Any) -> StoredArticle:
    return StoredArticle(
        id=row["id"],
        article=article_from_row(row),
        first_seen_at=row["first_seen_at"],
        fetched_at=row["fetched_at"],
    )
