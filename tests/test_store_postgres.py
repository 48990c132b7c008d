"""What only the PostgreSQL store has: its migrations table and lock, trigrams, concurrent writers, retries.

The behaviours both backends share are in test_store_backends.py.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

psycopg = pytest.importorskip("psycopg")

from naba.errors import StoreError  # noqa: E402
from naba.store import (  # noqa: E402
    Outcome,
    dialect,  # noqa: E402
    open_store,
)
from naba.store.postgres_schema import MIGRATIONS  # noqa: E402
from test_store_backends import indexed, prepared  # noqa: E402


def _one(url: str, sql: str, params=()):
    with psycopg.connect(url) as conn:
        return conn.execute(sql, params).fetchall()


def test_migrations_are_recorded_once_and_trigram_index_exists(pg_url):
    open_store(pg_url).close()
    open_store(pg_url.replace("postgresql://", "postgres://")).close()  # both schemes; nothing applied twice
    versions = [row[0] for row in _one(pg_url, "SELECT version FROM naba_migrations ORDER BY version")]
    assert versions == [m.version for m in MIGRATIONS]
    assert _one(pg_url, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'") == [("pg_trgm",)]
    assert _one(pg_url, "SELECT indexname FROM pg_indexes WHERE indexname = 'article_search_title_trgm'")


def test_trigram_similarity_works_on_arabic_titles(pg_url):
    store = open_store(pg_url)
    store.articles.write([indexed(1, "بوتين يلتقي", "نص"), indexed(2, "قمة الرياض", "نص")], "t")
    store.close()
    rows = _one(pg_url, "SELECT article_id FROM article_search WHERE title %% %s", ("بوتن يلتقي",))
    assert rows == [(1,)]


def test_fresh_database_opened_by_many_at_once(pg_url):
    def open_and_close(_):
        open_store(pg_url).close()

    with ThreadPoolExecutor(6) as pool:
        list(pool.map(open_and_close, range(6)))
    assert _one(pg_url, "SELECT count(*) FROM naba_migrations") == [(len(MIGRATIONS),)]


def test_concurrent_writers_store_each_identity_once(pg_url):
    open_store(pg_url).close()
    start = threading.Barrier(4)

    def worker(offset: int) -> list[Outcome]:
        store = open_store(pg_url)
        try:
            start.wait()
            outcomes = []
            for round_ in range(5):  # overlapping batches, in different orders per worker
                ids = [(offset * 7 + round_ * 11 + k * 3) % 60 for k in range(40)]
                batch = [prepared(identity=f"url:https://a.example/{n}", categories=(f"c{offset}",))
                         for n in ids]
                outcomes += [r.outcome for r in store.articles.write(batch, "t")]
            return outcomes
        finally:
            store.close()

    with ThreadPoolExecutor(4) as pool:
        outcomes = [o for result in pool.map(worker, range(4)) for o in result]
    identities = _one(pg_url, "SELECT identity, count(*) FROM articles GROUP BY 1 HAVING count(*) > 1")
    assert identities == []
    stored = _one(pg_url, "SELECT count(*) FROM articles")[0][0]
    assert outcomes.count(Outcome.STORED) == stored
    assert _one(pg_url, "SELECT count(*) FROM raw_inputs")[0][0] == stored
    assert _one(pg_url, "SELECT count(*) FROM article_search")[0][0] == stored
    store = open_store(pg_url)
    every_category = {c for s in store.articles.scan() for c in s.article.categories}
    store.close()
    assert every_category == {"c0", "c1", "c2", "c3"}


def test_a_deadlocked_batch_is_retried(pg_url, monkeypatch):
    store = open_store(pg_url)
    real = store.articles._write_batch
    failures = iter([psycopg.errors.DeadlockDetected("deadlock detected"),
                     psycopg.errors.SerializationFailure("could not serialize")])

    def flaky(batch, seen_at):
        real(batch, seen_at)  # writes, then fails: the rollback must undo it
        failure = next(failures, None)
        if failure is not None:
            raise failure
        return real(batch, seen_at)

    monkeypatch.setattr(dialect.time, "sleep", lambda _: None)
    monkeypatch.setattr(store.articles, "_write_batch", flaky)
    results = store.articles.write([prepared()], "t")
    assert [r.outcome for r in results] == [Outcome.UNCHANGED]  # the third try saw its own first write
    assert store.articles.stats().articles == 1
    store.close()


def test_a_database_that_is_not_utf8_is_refused(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE naba_ascii ENCODING 'SQL_ASCII' LC_CTYPE 'C' LC_COLLATE 'C' "
                     "TEMPLATE template0")
    try:
        with pytest.raises(StoreError, match="not UTF8"):
            open_store(pg_url.rsplit("/", 1)[0] + "/naba_ascii")
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("DROP DATABASE naba_ascii")


def test_a_server_that_cannot_be_reached_is_a_clear_error_without_the_password():
    with pytest.raises(StoreError, match="cannot connect") as caught:
        open_store("postgresql://naba:secret@127.0.0.1:1/naba?connect_timeout=2")
    assert "secret" not in str(caught.value)


def test_a_huge_article_is_stored_with_its_index_cut_to_the_tsvector_limit(pg_url):
    import random

    rng = random.Random(1)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    noise = ["".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(150_000)]
    words = ["البداية", *noise, "الخاتمة"]  # ة is not among the letters: الخاتمة is only at the end
    store = open_store(pg_url)
    [huge] = store.articles.write([indexed(1, "عنوان", " ".join(words), " ".join(words))], "t")
    [small] = store.articles.write([indexed(2, "عنوان", "نص قصير")], "t")  # the store goes on
    assert (huge.outcome, small.outcome) == (Outcome.STORED, Outcome.STORED)
    from test_store_backends import matched

    assert matched(store, "البداية") == [1]
    assert matched(store, "الخاتمة") == []  # past the limit: not indexed on PostgreSQL
    store.close()
