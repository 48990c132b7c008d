"""The backfill's tables, as Arrow schemas: what the executors write and ``naba db load`` reads.

    articles/    one row per article: its fields, search text, entities, raw input, decisions
    stories/     one row per story: its summary
    links/       "similar article" pairs (article_id, other_id, score), as the online stage writes them
    rejections/  every input that could not be taken in: where and why

Each is a Parquet dataset partitioned by month (``month=YYYY-MM``: of the article's reported time; of a
story's first article; of a link's article), except rejections. ``report.json`` beside them counts it all.
"""

from __future__ import annotations

import pyarrow as pa

from naba.engine.backfill.articles import LIST_FIELDS, TEXT_FIELDS

STRINGS = pa.list_(pa.string())
ENTITY = pa.struct([("name", pa.string()), ("canonical", pa.string()), ("kind", pa.string())])
READ_ALSO = pa.struct([("title", pa.string()), ("lede", pa.string())])

_FIELDS = [
    *[pa.field(name, pa.string()) for name in TEXT_FIELDS],
    *[pa.field(name, STRINGS) for name in LIST_FIELDS],
    pa.field("page_read_also", READ_ALSO),
    pa.field("entities", pa.list_(ENTITY)),
]
_COMMON = [
    pa.field("identity", pa.string()), pa.field("content_hash", pa.string()),
    pa.field("order_ts", pa.float64()), pa.field("content_key", pa.string()),
    pa.field("published_ts", pa.float64()), pa.field("first_seen_at", pa.string()),
    pa.field("fetched_at", pa.string()), *_FIELDS,
    pa.field("search_title", pa.string()), pa.field("search_body", pa.string()), pa.field("search_stems", pa.string()),
    pa.field("raw_format", pa.string()), pa.field("raw_origin", pa.string()), pa.field("raw_hints", pa.string()),
    pa.field("raw_payload", pa.binary()),
]

# what the per-article stage gives: an article with what the collection stage needs, or a rejection
PREPARED = pa.schema([
    pa.field("status", pa.string()), pa.field("where", pa.string()), pa.field("reason", pa.string()),
    *_COMMON, pa.field("signature", STRINGS), pa.field("bands", pa.list_(pa.binary())),
    pa.field("profile", pa.binary()), pa.field("month", pa.string()),
])

ARTICLES = pa.schema([
    pa.field("id", pa.int64()), *_COMMON,
    pa.field("duplicate_of", pa.int64()), pa.field("story_id", pa.int64()),
    pa.field("story_parent", pa.int64()), pa.field("story_score", pa.float64()),
    pa.field("month", pa.string()),
])

STORIES = pa.schema([
    pa.field("id", pa.int64()), pa.field("title", pa.string()), pa.field("articles", pa.int64()),
    pa.field("outlets", STRINGS), pa.field("first_article_id", pa.int64()), pa.field("first_source", pa.string()),
    pa.field("first_at", pa.string()), pa.field("last_at", pa.string()), pa.field("top_entities", STRINGS),
    pa.field("keywords", STRINGS), pa.field("month", pa.string()),
])

LINKS = pa.schema([pa.field("article_id", pa.int64()), pa.field("other_id", pa.int64()),
                   pa.field("score", pa.float64()), pa.field("month", pa.string())])

REJECTIONS = pa.schema([pa.field("where", pa.string()), pa.field("reason", pa.string())])

TABLES = {"articles": ARTICLES, "stories": STORIES, "links": LINKS, "rejections": REJECTIONS}
