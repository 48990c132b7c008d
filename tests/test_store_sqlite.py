"""The SQLite store on a real temporary file: migrations, identity, updates, raw inputs, rollback."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from naba.models import Article, PreparedArticle, Record, SearchDoc
from naba.store import Outcome, open_store
from naba.store.migrations import MIGRATIONS


def prepared(identity="url:https://a.example/1", body="نص الخبر", title="عنوان", content="h1",
             categories=(), published_at="2026-11-25T10:00:00+03:00") -> PreparedArticle:
    article = Article(body=body, title=title, source="outlet", published_at=published_at,
                      canonical_url=identity.removeprefix("url:"),
                      categories=categories, lang="ar")
    record = Record("json", f'{{"content": "{body}"}}'.encode(), "file.jsonl:1", (("source", "outlet"),))
    return PreparedArticle(article, identity, content, SearchDoc(title, body, body), record)


def test_migrations_are_recorded_and_wal_is_on(tmp_path):
    path = tmp_path / "naba.db"
    open_store(str(path)).close()
    open_store(f"sqlite:///{path}").close()  # reopening applies nothing twice
    conn = sqlite3.connect(path)
    versions = [row[0] for row in conn.execute("SELECT version FROM naba_migrations")]
    assert versions == [m.version for m in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_new_unchanged_and_updated(store):
    first = store.write([prepared()], seen_at="2026-11-25T00:00:00+00:00")
    again = store.write([prepared()], seen_at="2026-11-26T00:00:00+00:00")
    changed = store.write([prepared(body="نص معدل", content="h2")], seen_at="2026-11-27T00:00:00+00:00")
    assert [r.outcome for r in first + again + changed] == [Outcome.STORED, Outcome.UNCHANGED, Outcome.UPDATED]
    assert first[0].article_id == again[0].article_id == changed[0].article_id
    stored = store.get(first[0].article_id)
    assert stored.article.body == "نص معدل"
    assert stored.first_seen_at == "2026-11-25T00:00:00+00:00"
    assert stored.fetched_at == "2026-11-27T00:00:00+00:00"


def test_repeated_identity_within_one_batch_is_one_article_with_both_categories(store):
    results = store.write([prepared(categories=("politics",)), prepared(categories=("world",))], "t")
    assert [r.outcome for r in results] == [Outcome.STORED, Outcome.UNCHANGED]
    assert store.get(results[0].article_id).article.categories == ("politics", "world")
    assert store.stats().articles == 1


def test_raw_input_round_trips(store):
    original = prepared()
    article_id = store.write([original], "t")[0].article_id
    [(raw_id, record)] = list(store.iter_raw())
    assert raw_id == article_id
    assert record == original.record


def test_a_failing_batch_leaves_earlier_batches_intact(store):
    store.write([prepared()], "t")
    broken = replace(prepared(identity="url:https://a.example/2"), content_hash=None)  # NOT NULL violation
    with pytest.raises(sqlite3.IntegrityError):
        store.write([prepared(identity="url:https://a.example/3"), broken], "t")
    assert store.stats().articles == 1
    assert store.get_by_url("https://a.example/3") is None


def test_stats_counts_and_sizes(store):
    store.write([prepared(), prepared(identity="url:https://a.example/2", published_at=None)], "t")
    stats = store.stats()
    assert stats.articles == 2
    assert stats.per_source == {"outlet": 2}
    assert stats.per_day == {"2026-11-25": 1, "unknown": 1}
    assert stats.per_lang == {"ar": 2}
    assert stats.sizes["article_fts"] > 0 and stats.sizes["articles"] > 0


def test_not_a_naba_store_is_a_clear_error(tmp_path):
    from naba.errors import StoreError

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(junk))
