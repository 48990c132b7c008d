"""``naba db load``: a backfill's Parquet tables into a store, streamed, in one swap.

The tables are read in batches (never whole) and staged by the store (``naba.store.BulkLoad``: COPY into
staging tables on PostgreSQL), then swapped in with one transaction, indexes built after. The ids, story
ids and decisions are the backfill's, so the online stage (``naba ingest``/``naba watch``) continues from
them: new articles get the ids after the loaded ones and meet the loaded ones as placed articles.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from naba.engine.backfill.articles import article_of
from naba.engine.backfill.output import batches
from naba.models import Grouping, Record, SearchDoc, StoredArticle, StorySummary
from naba.store import ArticleDump, Store

LOAD_BATCH = 1000


@dataclass(frozen=True, slots=True)
class LoadReport:
    articles: int
    stories: int
    links: int


def load(store: Store, folder: str, replace: bool = False, progress: Callable[[int], None] | None = None) -> LoadReport:
    bulk = store.bulk()
    articles = stories = links = 0
    for rows in batches(folder, "articles", batch_size=LOAD_BATCH):
        bulk.stage_articles([(_dump(row), _grouping(row)) for row in rows])
        articles += len(rows)
        if progress:
            progress(articles)
    for rows in batches(folder, "links", batch_size=LOAD_BATCH * 10):
        bulk.stage_links([(row["article_id"], row["other_id"], row["score"]) for row in rows])
        links += len(rows)
    for rows in batches(folder, "stories", batch_size=LOAD_BATCH):
        bulk.stage_stories([_summary(row) for row in rows])
        stories += len(rows)
    bulk.swap(replace)
    return LoadReport(articles, stories, links)


def _dump(row: dict[str, Any]) -> ArticleDump:
    stored = StoredArticle(id=row["id"], article=article_of(row), first_seen_at=row["first_seen_at"],
                           fetched_at=row["fetched_at"], duplicate_of=row["duplicate_of"], story_id=row["story_id"])
    hints = tuple(sorted(json.loads(row["raw_hints"]).items()))
    record = Record(row["raw_format"], row["raw_payload"], row["raw_origin"], hints)
    search = SearchDoc(row["search_title"], row["search_body"], row["search_stems"])
    return ArticleDump(stored, row["identity"], row["content_hash"], search, record)


def _grouping(row: dict[str, Any]) -> Grouping:
    return Grouping(row["id"], row["duplicate_of"], row["story_id"], row["story_parent"], row["story_score"])


def _summary(row: dict[str, Any]) -> StorySummary:
    return StorySummary(id=row["id"], title=row["title"], articles=row["articles"], outlets=tuple(row["outlets"]),
                        first_article_id=row["first_article_id"], first_source=row["first_source"],
                        first_at=row["first_at"], last_at=row["last_at"], top_entities=tuple(row["top_entities"]),
                        keywords=tuple(row["keywords"]))
