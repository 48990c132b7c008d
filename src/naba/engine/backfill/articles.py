"""The per-article half of a backfill: one input file into article rows, plain Python, no Spark.

Each executor (``local``, ``spark``) calls ``prepare_file`` once per input file, in whatever process runs
that file: the readers cut it into Records (``naba.sources.readers``: every dump format ``naba ingest``
reads, and WARC), each Record is parsed, kept only when its text is Arabic (``naba.text.detect_lang``, before
the costly cleaning, tagging and sketching), and run through naba's own pipeline (``naba.engine.prepare``).
A row is a plain dict in the columns of ``schema.PREPARED``; a record that cannot be read is a rejection
row naming where and why, as ``naba ingest`` reports it.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from naba.dates import to_timestamp
from naba.engine.prepare import prepare_parsed
from naba.errors import InputError
from naba.models import Article, Entity, PreparedArticle, ReadAlso, Record, Rejection
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.stories.summaries import content_key
from naba.text import detect_lang

LANG_SAMPLE_CHARS = 2000  # what the language filter reads of a text
LIST_FIELDS = ("tags", "categories", "page_tags", "page_similar", "page_related_leaks", "keywords", "attribution")
TEXT_FIELDS = ("external_id", "url", "canonical_url", "source", "title", "body", "summary", "published_at",
               "author", "lang", "credited_source", "feed_only")


@dataclass(frozen=True, slots=True)
class Options:
    """What a backfill run is told: when its articles were seen, which language it keeps, which span."""

    seen_at: str  # ISO 8601: first-seen and fetch time of every article (a page without a date is placed here)
    lang: str | None = "ar"  # None keeps every language
    since_ts: float | None = None  # reported time bounds, as naba search's --since/--until
    until_ts: float | None = None


def prepare_file(path: str, options: Options, settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """The rows of one input file: an article row (``status`` "article"), a "skipped" row for an article
    of another language or outside the span, or a "rejected" row with where and why."""
    for item in iter_records([path], settings or Settings()):
        if isinstance(item, Rejection):
            yield rejected_row(item)
        else:
            yield prepare_row(item, options)


def prepare_row(record: Record, options: Options) -> dict[str, Any]:
    try:
        raw = parse_record(record)
        if options.lang and detect_lang(f"{raw.title or ''}\n{raw.body[:LANG_SAMPLE_CHARS]}") != options.lang:
            return {"status": "skipped", "where": record.origin, "reason": f"not in language {options.lang}"}
        prepared = prepare_parsed(record, raw)
    except InputError as exc:
        return rejected_row(Rejection(exc.where or record.origin, exc.message))
    except Exception as exc:  # a bug on one odd record must not stop a backfill; it is reported
        return rejected_row(Rejection(record.origin, f"internal error: {type(exc).__name__}: {exc}"))
    row = article_row(prepared, options.seen_at)
    if not _within(row["order_ts"], options):
        return {"status": "skipped", "where": record.origin, "reason": "reported outside --since/--until"}
    return row


def rejected_row(rejection: Rejection) -> dict[str, Any]:
    return {"status": "rejected", "where": rejection.where, "reason": rejection.reason}


def _within(ts: float, options: Options) -> bool:
    return (options.since_ts is None or ts >= options.since_ts) and (options.until_ts is None or ts < options.until_ts)


def article_row(prepared: PreparedArticle, seen_at: str) -> dict[str, Any]:
    """Everything the backfill keeps of one prepared article, in plain values (Arrow/Parquet-ready)."""
    article, record = prepared.article, prepared.record
    published_ts = to_timestamp(article.published_at)
    order_ts = published_ts or to_timestamp(seen_at) or 0.0  # naba.stories.summaries.article_time
    profile = prepared.profile
    row: dict[str, Any] = {
        "status": "article", "where": record.origin, "reason": None,
        "identity": prepared.identity, "content_hash": prepared.content_hash,
        "order_ts": order_ts, "content_key": content_key(article.canonical_url, article.source, article.title,
                                                         article.body),
        "month": datetime.fromtimestamp(order_ts, UTC).strftime("%Y-%m"),
        "published_ts": published_ts, "first_seen_at": seen_at, "fetched_at": seen_at,
        "search_title": prepared.search.title, "search_body": prepared.search.body,
        "search_stems": prepared.search.stems,
        "raw_format": record.format, "raw_origin": record.origin,
        "raw_hints": json.dumps(dict(record.hints), ensure_ascii=False, sort_keys=True),
        "raw_payload": record.payload,
        "signature": list(profile.signature), "bands": list(profile.text.band_keys()),
        "profile": pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL),
    }
    row.update(article_fields(article))
    return row


def article_fields(article: Article) -> dict[str, Any]:
    fields: dict[str, Any] = {name: getattr(article, name) for name in TEXT_FIELDS}
    fields.update({name: list(getattr(article, name)) for name in LIST_FIELDS})
    read_also = article.page_read_also
    fields["page_read_also"] = None if read_also is None else {"title": read_also.title, "lede": read_also.lede}
    fields["entities"] = [{"name": e.name, "canonical": e.canonical, "kind": e.kind} for e in article.entities]
    return fields


def article_of(row: dict[str, Any]) -> Article:
    """The Article back from a row's fields (``naba db load`` and the story summaries read it)."""
    fields: dict[str, Any] = {name: row[name] for name in TEXT_FIELDS}
    fields.update({name: tuple(row[name] or ()) for name in LIST_FIELDS})
    read_also = row["page_read_also"]
    fields["page_read_also"] = None if read_also is None else ReadAlso(read_also["title"], read_also["lede"])
    fields["entities"] = tuple(Entity(e["name"], e["canonical"], e["kind"]) for e in row["entities"] or ())
    return Article(**fields)


def fold_versions(versions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One article from the rows of one identity, as a store fed them in ``version_key`` order keeps it
    (``naba.store`` articles.write): the first version's place (its id key), an unchanged re-ingest
    (same content hash) adds its categories, a changed one replaces the article."""
    ordered = sorted(versions, key=version_key)
    kept = dict(ordered[0])
    id_key = (kept["order_ts"], kept["content_key"])
    for version in ordered[1:]:
        if version["content_hash"] == kept["content_hash"]:
            kept["categories"] = list(dict.fromkeys([*kept["categories"], *version["categories"]]))
        else:
            kept = dict(version)
    kept["id_ts"], kept["id_key"] = id_key
    return kept


def version_key(row: dict[str, Any]) -> tuple[float, str, str, str, str]:
    """The order versions are taken in: the order articles are fed to the online stage (chronological)."""
    return (row["order_ts"], row["content_key"], row["identity"], row["content_hash"], row["where"])


def id_key(row: dict[str, Any]) -> tuple[float, str, str]:
    """What ids are numbered by, 1, 2, ...: (reported time, content key, identity) of an identity's first
    version; never a counter of the run, so the same input gives the same ids."""
    return (row["id_ts"], row["id_key"], row["identity"])
