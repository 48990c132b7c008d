"""One record through the per-article pipeline: read, clean, tag, identify, index, sketch.

Pure and CPU-bound: ``naba.engine.parallel`` runs it in worker processes, the crawler in threads.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from naba.errors import InputError
from naba.models import IngestReport, PreparedArticle, RawArticle, Record, Rejection
from naba.pipeline.clean import clean_article
from naba.pipeline.identity import article_identity, content_hash
from naba.pipeline.searchdoc import search_doc
from naba.pipeline.tagging import tag_tokens
from naba.sources.readers import parse_record
from naba.stories.sameness import profile_of
from naba.text import WORK_CHARS, opening
from naba.text.tokenize import tokenize_article

# Hints a crawler leaves on a page's record: the feed's own fields, used where the page lacks them.
_FEED_FALLBACKS = {"feed_title": "title", "feed_published": "published", "feed_author": "author",
                   "feed_summary": "summary"}


def _with_feed_fallbacks(raw: RawArticle, record: Record) -> RawArticle:
    missing: dict[str, Any] = {field: record.hint(hint) for hint, field in _FEED_FALLBACKS.items()
               if record.hint(hint) and not getattr(raw, field)}
    return replace(raw, **missing) if missing else raw


def prepare(record: Record) -> PreparedArticle:
    """Run one raw record through the pipeline. Raises an InputError for bad input."""
    return prepare_parsed(record, parse_record(record))


def prepare_parsed(record: Record, raw: RawArticle) -> PreparedArticle:
    """The pipeline after the reader (``naba backfill`` filters by language in between)."""
    article = clean_article(_with_feed_fallbacks(raw, record))
    if record.hint("feed_only"):
        article = replace(article, feed_only=record.hint("feed_only"))
    # one tokenization for every stage; tagging and the profile read the opening of a huge body
    # only (naba.text.cut.WORK_CHARS), the search document all of it
    text = tokenize_article(article.title, opening(article.body, WORK_CHARS))
    tags = tag_tokens(text, published=article.published_at)
    article = replace(article, keywords=tags.keywords, entities=tags.entities)
    return PreparedArticle(
        article=article,
        identity=article_identity(article),
        content_hash=content_hash(article),
        search=search_doc(article, text),
        record=record,
        profile=profile_of(article, text),
    )


def prepare_checked(record: Record) -> PreparedArticle | Rejection:
    """The prepared article, or why the record was rejected. Safe to call from worker threads."""
    try:
        return prepare(record)
    except InputError as exc:
        return Rejection(record.origin, exc.message)
    except Exception as exc:  # a bug on one odd record must not stop a long ingest; it is reported
        return Rejection(record.origin, f"internal error: {type(exc).__name__}: {exc}")


def prepare_or_reject(record: Record, report: IngestReport) -> PreparedArticle | None:
    """The prepared article, or None after recording in ``report`` why the record was rejected."""
    result = prepare_checked(record)
    if isinstance(result, Rejection):
        report.rejected.append(result)
        return None
    return result


def prepare_chunk(records: list[Record]) -> list[PreparedArticle | Rejection]:
    return [prepare_checked(record) for record in records]
