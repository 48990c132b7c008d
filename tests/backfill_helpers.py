"""Test helpers for naba backfill: the online story stage fed in chronological order, and the tables of
a backfill's output and of a store in one comparable shape."""

from __future__ import annotations

from datetime import datetime

import time_machine

from naba.engine.backfill.articles import LANG_SAMPLE_CHARS, Options, version_key
from naba.engine.backfill.output import dataset
from naba.engine.prepare import prepare_parsed
from naba.engine.runs import group_leftovers, group_written, store_prepared
from naba.errors import InputError
from naba.models import IngestReport
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.stories import StoryStage
from naba.stories.candidates import content_key
from naba.text import detect_lang

SEEN_AT = "2024-01-01T00:00:00+00:00"
OPTIONS = Options(seen_at=SEEN_AT)


def online(store, files: list[str]) -> None:
    """Every Arabic article of ``files`` through the online path (store in batches, the story stage after
    each), fed in chronological order, with the clock at SEEN_AT."""
    prepared = []
    for record in iter_records(files, Settings()):
        if not hasattr(record, "payload"):
            continue
        try:
            raw = parse_record(record)
            if detect_lang(f"{raw.title or ''}\n{raw.body[:LANG_SAMPLE_CHARS]}") == "ar":
                prepared.append(prepare_parsed(record, raw))
        except InputError:  # naba ingest rejects it (no article text, or none left after cleaning): so
            continue        # does the backfill

    def key(p):
        a = p.article
        ts = _ts(a.published_at) or _ts(SEEN_AT)
        return version_key({"order_ts": ts, "content_key": content_key(a.canonical_url, a.source, a.title, a.body),
                            "identity": p.identity, "content_hash": p.content_hash, "where": p.record.origin})

    prepared.sort(key=key)
    stage = StoryStage(store)
    with time_machine.travel(datetime.fromisoformat(SEEN_AT), tick=False):
        store_prepared(store, prepared, Settings(), IngestReport(),
                       on_written=lambda written: group_written(stage, written))
        group_leftovers(stage)


def _ts(value):
    from naba.dates import to_timestamp

    return to_timestamp(value)


def from_store(store) -> dict[str, object]:
    """What the parity compares, read from a store: per article (id, identity, url, duplicate_of, story,
    parent, score), the links as unordered pairs with their scores, the story summaries."""
    groupings = {g.article_id: g for g in store.transfer.groupings()}
    articles = sorted((d.stored.id, d.identity, d.stored.article.canonical_url, groupings[d.stored.id].duplicate_of,
                       groupings[d.stored.id].story_id, groupings[d.stored.id].parent_id,
                       groupings[d.stored.id].parent_score) for d in store.transfer.dump())
    links = sorted((min(a, b), max(a, b), score) for a, b, score in store.transfer.links())
    stories = sorted((s.id, s.title, s.articles, s.outlets, s.first_article_id, s.first_at, s.last_at,
                      s.top_entities, s.keywords) for s in store.transfer.summaries())
    return {"articles": articles, "links": links, "stories": stories}


def from_output(out: str) -> dict[str, object]:
    """The same from a backfill's output folder."""
    rows = dataset(out, "articles").to_table().to_pylist()
    articles = sorted((r["id"], r["identity"], r["canonical_url"], r["duplicate_of"], r["story_id"], r["story_parent"],
                       r["story_score"]) for r in rows)
    links = sorted((min(r["article_id"], r["other_id"]), max(r["article_id"], r["other_id"]), r["score"])
                   for r in dataset(out, "links").to_table().to_pylist())
    stories = sorted((r["id"], r["title"], r["articles"], tuple(r["outlets"]), r["first_article_id"], r["first_at"],
                      r["last_at"], tuple(r["top_entities"]), tuple(r["keywords"]))
                     for r in dataset(out, "stories").to_table().to_pylist())
    return {"articles": articles, "links": links, "stories": stories}


def every_row(out: str) -> dict[str, list[dict]]:
    """Every table of an output, every column, sorted: two runs compared row for row."""
    keys = {"articles": lambda r: r["id"], "stories": lambda r: r["id"],
            "links": lambda r: (r["article_id"], r["other_id"]), "rejections": lambda r: (r["where"], r["reason"])}
    return {name: sorted(dataset(out, name).to_table().to_pylist(), key=key) for name, key in keys.items()}
