"""The Store protocol's behaviour, written once and run on both backends (SQLite file, PostgreSQL database)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from naba.errors import StoreError
from naba.models import Article, MatchQuery, PreparedArticle, QueryTerm, Record, SearchDoc
from naba.store import CopyReport, Outcome, copy_store, open_store, upgrade_store

NOV_22 = datetime(2026, 11, 22, tzinfo=UTC).timestamp()


@pytest.fixture
def any_store(store):
    return store


def prepared(identity="url:https://a.example/1", body="نص الخبر", title="عنوان", content="h1",
             categories=(), published_at="2026-11-25T10:00:00+03:00", source="outlet",
             search: SearchDoc | None = None) -> PreparedArticle:
    article = Article(body=body, title=title, source=source, published_at=published_at,
                      canonical_url=identity.removeprefix("url:"), categories=categories, lang="ar")
    record = Record("json", f'{{"content": "{body}"}}'.encode(), "file.jsonl:1", (("source", "outlet"),))
    return PreparedArticle(article, identity, content, search or SearchDoc(title, body, body), record)


def indexed(n: int, title: str, body: str, stems: str = "", **kwargs) -> PreparedArticle:
    """An article whose SearchDoc is given word for word (as naba.text would have produced it)."""
    return prepared(identity=f"url:https://a.example/{n}", title=title, body=body,
                    search=SearchDoc(title, body, stems), **kwargs)


def terms(*words: str | tuple[str, str]) -> tuple[QueryTerm, ...]:
    """QueryTerms from words (stem = word) or (token, stem) pairs; a word with spaces is a phrase."""
    out = []
    for word in words:
        token, stem = word if isinstance(word, tuple) else (word, word)
        phrase = tuple(token.split()) if " " in token else ()
        out.append(QueryTerm(phrase[0] if phrase else token, stem, phrase))
    return tuple(out)


def matched(store, *words, **filters) -> list[int]:
    query = MatchQuery(terms(*words), limit=100, **filters)
    hits = store.search.query(query)
    assert store.search.count(query) == len(hits)
    return sorted(hit.stored.id for hit in hits)


# -- writing -------------------------------------------------------------------------------

def test_new_unchanged_and_updated(any_store):
    first = any_store.articles.write([prepared()], seen_at="2026-11-25T00:00:00+00:00")
    again = any_store.articles.write([prepared()], seen_at="2026-11-26T00:00:00+00:00")
    changed = any_store.articles.write([prepared(body="نص معدل", content="h2")], seen_at="2026-11-27T00:00:00+00:00")
    assert [r.outcome for r in first + again + changed] == [Outcome.STORED, Outcome.UNCHANGED, Outcome.UPDATED]
    assert first[0].article_id == again[0].article_id == changed[0].article_id
    stored = any_store.articles.get(first[0].article_id)
    assert stored.article.body == "نص معدل"
    assert stored.first_seen_at == "2026-11-25T00:00:00+00:00"
    assert stored.fetched_at == "2026-11-27T00:00:00+00:00"


def test_ids_follow_batch_order_and_skip_nothing(any_store):
    batch = [prepared(identity=f"url:https://a.example/{n}") for n in (5, 3, 9)]
    assert [r.article_id for r in any_store.articles.write(batch, "t")] == [1, 2, 3]
    again = any_store.articles.write([prepared(identity="url:https://a.example/3"),
                             prepared(identity="url:https://a.example/4")], "t")
    assert [(r.article_id, r.outcome) for r in again] == [(2, Outcome.UNCHANGED), (4, Outcome.STORED)]


def test_repeated_identity_within_one_batch_is_one_article_with_both_categories(any_store):
    results = any_store.articles.write([prepared(categories=("politics",)), prepared(categories=("world",))], "t")
    assert [r.outcome for r in results] == [Outcome.STORED, Outcome.UNCHANGED]
    assert any_store.articles.get(results[0].article_id).article.categories == ("politics", "world")
    assert any_store.articles.stats().articles == 1


def test_a_second_category_on_a_later_ingest_is_merged(any_store):
    any_store.articles.write([prepared(categories=("politics",))], "t")
    [result] = any_store.articles.write([prepared(categories=("world", "politics"))], "t2")
    assert result.outcome is Outcome.UNCHANGED
    assert any_store.articles.get(result.article_id).article.categories == ("politics", "world")


def test_changed_twice_within_one_batch(any_store):
    results = any_store.articles.write([prepared(), prepared(body="ب", content="h2"), prepared(body="ج", content="h3")], "t")
    assert [r.outcome for r in results] == [Outcome.STORED, Outcome.UPDATED, Outcome.UPDATED]
    assert any_store.articles.get(results[0].article_id).article.body == "ج"
    assert any_store.articles.stats().articles == 1


def test_raw_input_round_trips(any_store):
    original = prepared()
    article_id = any_store.articles.write([original], "t")[0].article_id
    [(raw_id, record)] = list(any_store.articles.raw_inputs())
    assert raw_id == article_id
    assert record == original.record


def test_a_failing_batch_leaves_earlier_batches_intact(any_store):
    any_store.articles.write([prepared()], "t")
    broken = replace(prepared(identity="url:https://a.example/2"), content_hash=None)  # NOT NULL violation
    with pytest.raises(Exception) as caught:
        any_store.articles.write([prepared(identity="url:https://a.example/3"), broken], "t")
    assert "null" in str(caught.value).lower() or isinstance(caught.value, sqlite3.IntegrityError)
    assert any_store.articles.stats().articles == 1
    assert any_store.articles.get_by_url("https://a.example/3") is None
    [later] = any_store.articles.write([prepared(identity="url:https://a.example/3")], "t")  # the store still works
    assert later.outcome is Outcome.STORED


def test_replace_updates_keeps_or_refuses(any_store):
    [first, second] = any_store.articles.write([prepared(), prepared(identity="url:https://a.example/2")], "t")
    assert any_store.articles.replace(first.article_id, prepared(), "t2").outcome is Outcome.UNCHANGED
    redone = any_store.articles.replace(first.article_id, prepared(body="معاد", content="h9"), "t2")
    assert (redone.article_id, redone.outcome) == (first.article_id, Outcome.UPDATED)
    assert any_store.articles.get(first.article_id).article.body == "معاد"
    assert matched(any_store, "معاد") == [first.article_id]
    with pytest.raises(StoreError, match="identity of article"):
        any_store.articles.replace(first.article_id, prepared(identity="url:https://a.example/2", content="h8"), "t3")
    with pytest.raises(StoreError, match="no article 99"):
        any_store.articles.replace(99, prepared(), "t3")


# -- reading -------------------------------------------------------------------------------

def test_get_and_get_by_url(any_store):
    [result] = any_store.articles.write([prepared()], "t")
    assert any_store.articles.get(result.article_id).article.title == "عنوان"
    assert any_store.articles.get_by_url("https://a.example/1").id == result.article_id
    assert any_store.articles.get(12345) is None
    assert any_store.articles.get_by_url("https://a.example/none") is None


def test_scan_in_id_order_with_since(any_store):
    any_store.articles.write([prepared(identity=f"url:https://a.example/{n}",
                              published_at=f"2026-11-{20 + n}T00:00:00+00:00") for n in range(5)], "t")
    assert [s.id for s in any_store.articles.scan()] == [1, 2, 3, 4, 5]
    assert [s.article.published_at[:10] for s in any_store.articles.scan(NOV_22)] == [
        "2026-11-22", "2026-11-23", "2026-11-24"]


def test_stats_counts_and_sizes(any_store):
    any_store.articles.write([prepared(), prepared(identity="url:https://a.example/2", published_at=None)], "t")
    stats = any_store.articles.stats()
    assert stats.articles == 2
    assert stats.per_source == {"outlet": 2}
    assert stats.per_day == {"2026-11-25": 1, "unknown": 1}
    assert stats.per_lang == {"ar": 2}
    assert stats.sizes["articles"] > 0 and stats.sizes["raw_inputs"] > 0
    assert any_store.articles.stats(sizes=False) == replace(stats, sizes={})  # the counts alone


# -- search --------------------------------------------------------------------------------

@pytest.fixture
def searchable(any_store):
    any_store.articles.write([
        indexed(1, "بوتين يلتقي", "الرئيس الروسي في موسكو", "بوتين لقي رئيس روسي في موسكو"),
        indexed(2, "موسكو", "بوتين يصل الى القاهرة", "موسكو بوتين وصل الى قاهره", source="other"),
        indexed(3, "قمة", "الرؤساء يجتمعون", "قمه رئيس جمع", published_at="2026-11-20T00:00:00+00:00"),
        indexed(4, "الاسعار", "ارتفعت 3.5 في المئة و 1,200 برميل", "سعر رفع 3.5 في مئه 1,200 برميل"),
        indexed(5, "يلتقي الرئيس", "x", "لقي رئيس x"),
    ], "t")
    return any_store


def test_a_token_matches_title_or_body(searchable):
    assert matched(searchable, "بوتين") == [1, 2]
    assert matched(searchable, "موسكو") == [1, 2]


def test_a_stem_matches_in_any_column(searchable):
    assert matched(searchable, ("الرؤساء", "رئيس")) == [1, 3, 5]  # 3 by token, 1 and 5 by stem
    assert matched(searchable, ("غائب", "رئيس")) == [1, 3, 5]
    assert matched(searchable, ("الموسكو", "موسكو")) == [1, 2]  # a word that is its own stem: title/body
    assert matched(searchable, ("رئيس", "غائب")) == []  # a token is not looked for in the stems


def test_every_term_must_match(searchable):
    assert matched(searchable, "بوتين", "القاهرة") == [2]
    assert matched(searchable, "بوتين", "غائب") == []


def test_phrases_are_ordered_and_stay_within_title_or_body(searchable):
    assert matched(searchable, "الرئيس الروسي") == [1]
    assert matched(searchable, "الروسي الرئيس") == []
    assert matched(searchable, "يلتقي الرئيس") == [5]  # inside one title
    assert matched(searchable, "يلتقي الرئيس الروسي") == []  # title of 1 runs into its body: no match


def test_numbers_with_separators(searchable):
    assert matched(searchable, "3.5") == [4]
    assert matched(searchable, "1,200") == [4]
    assert matched(searchable, "3") == [4]  # FTS5 splits 3.5 into 3 and 5; so must PostgreSQL


def test_filters(searchable):
    assert matched(searchable, "بوتين", source="other") == [2]
    assert matched(searchable, ("رئيس", "رئيس"), until_ts=NOV_22) == [3]
    assert matched(searchable, ("رئيس", "رئيس"), since_ts=NOV_22) == [1, 5]


def test_title_hits_rank_first_and_pages_do_not_overlap(searchable):
    hits = searchable.search.query(MatchQuery(terms("موسكو"), limit=1))
    assert [h.stored.id for h in hits] == [2]  # موسكو is 2's title, 1's body
    assert hits[0].score > 0
    rest = searchable.search.query(MatchQuery(terms("موسكو"), limit=5, offset=1))
    assert [h.stored.id for h in rest] == [1]
    assert searchable.search.count(MatchQuery(terms("موسكو"), limit=1)) == 2


def test_ranked_ids_are_the_query_pages_ids_in_its_order(searchable):
    for limit, offset in ((5, 0), (1, 0), (5, 1)):
        query = MatchQuery(terms(("رئيس", "رئيس")), limit=limit, offset=offset)
        assert searchable.search.ranked_ids(query) == [h.stored.id for h in searchable.search.query(query)]
    assert searchable.search.ranked_ids(MatchQuery(terms("موسكو"), limit=5)) == [2, 1]
    assert searchable.search.ranked_ids(MatchQuery(terms("غائب"), limit=5)) == []


def test_an_updated_article_is_searched_by_its_new_text(searchable):
    searchable.articles.write([indexed(3, "قمة", "الملوك يجتمعون", "قمه ملك جمع", content="h2",
                              published_at="2026-11-20T00:00:00+00:00")], "t2")
    assert matched(searchable, "الملوك") == [3]
    assert matched(searchable, "الرؤساء") == []


# -- copying and upgrading -------------------------------------------------------------------

@pytest.mark.parametrize("direction", ["sqlite->postgresql", "postgresql->sqlite"])
def test_copy_keeps_ids_times_raw_inputs_and_search(direction, tmp_path, request):
    urls = {"sqlite": str(tmp_path / "naba.db"), "postgresql": request.getfixturevalue("pg_url")}
    source_name, target_name = direction.split("->")
    source, target = open_store(urls[source_name]), open_store(urls[target_name])
    try:
        source.articles.write([prepared(identity=f"url:https://a.example/{n}", body=f"خبر رقم {n}",
                               categories=("politics",)) for n in range(1, 4)], "2026-01-01")
        source.articles.write([prepared(identity="url:https://a.example/2", body="خبر معدل", content="h2")], "2026-02-02")
        progress = []
        assert copy_store(source, target, progress.append, batch_size=2) == CopyReport(articles=3, sources=0)
        assert progress == [2, 3]
        assert list(target.articles.scan()) == list(source.articles.scan())
        assert list(target.articles.raw_inputs()) == list(source.articles.raw_inputs())
        assert list(target.transfer.dump()) == list(source.transfer.dump())
        assert matched(target, "معدل") == [2]
        assert target.articles.write([prepared(identity="url:https://a.example/1")], "t")[0].outcome is Outcome.UNCHANGED
        assert target.articles.write([prepared(identity="url:https://a.example/9")], "t")[0].article_id == 4
        with pytest.raises(StoreError, match="already holds articles"):
            copy_store(source, target)
    finally:
        source.close()
        target.close()


def test_upgrade_applies_each_migration_once(store_url):
    applied = upgrade_store(store_url)
    assert applied and [version for version, _ in applied] == sorted(version for version, _ in applied)
    assert upgrade_store(store_url) == []
    open_store(store_url).close()  # and the store opens on the upgraded schema


# -- read-only, for serving -----------------------------------------------------------------

def test_a_read_only_store_reads_and_refuses_every_write(store_url):
    writer = open_store(store_url)
    writer.articles.write([prepared()], "2026-01-01")
    reader = open_store(store_url, read_only=True)
    try:
        assert reader.read_only and not writer.read_only
        assert reader.articles.get(1).article.body == "نص الخبر"
        assert matched(reader, "الخبر") == [1]
        for write in (lambda: reader.articles.write([prepared(identity="url:https://a.example/2")], "t"),
                      lambda: reader.sources.add("https://feed.example/rss", None, "rss", 600, "t"),
                      lambda: reader.stories.apply([], [(1, 1, 0.5)], [], lambda i, members: None)):
            with pytest.raises(StoreError, match="read-only"):
                write()
        assert writer.articles.stats().articles == 1 and writer.sources.list() == []
    finally:
        reader.close()
        writer.close()


def test_a_read_only_sqlite_store_reads_through_the_shared_page_cache(tmp_path):
    url = f"sqlite:///{tmp_path / 'naba.db'}"
    open_store(url).close()
    reader, writer = open_store(url, read_only=True), open_store(url)
    try:
        mapped = [store._db.conn.execute("PRAGMA mmap_size").fetchone()[0] for store in (reader, writer)]
        assert mapped[0] > 1 << 30 and mapped[1] == 0  # a writer keeps plain reads
    finally:
        reader.close()
        writer.close()


def test_a_read_only_store_never_migrates(store_url, tmp_path):
    if store_url.startswith("postgresql"):
        with pytest.raises(StoreError, match="naba db upgrade"):  # a fresh database: nothing applied yet
            open_store(store_url, read_only=True)
        open_store(store_url).close()
    else:
        with pytest.raises(StoreError, match="no store here"):
            open_store(str(tmp_path / "missing.db"), read_only=True)
        assert not (tmp_path / "missing.db").exists()
        sqlite3.connect(store_url).close()  # an empty file: a database, but no naba schema
        with pytest.raises(StoreError, match="naba db upgrade"):
            open_store(store_url, read_only=True)
        open_store(store_url).close()
    open_store(store_url, read_only=True).close()  # once a writer has migrated it


# -- sources (naba crawl) --------------------------------------------------------------------

def test_sources_registry(any_store):
    from naba.errors import NotFound
    from naba.models import PollOutcome

    feed = any_store.sources.add("https://a.example/rss", "A", "rss", 600, "2026-11-25T00:00:00+00:00")
    other = any_store.sources.add("https://b.example/sitemap.xml", None, "sitemap", 60, "2026-11-25T00:00:00+00:00")
    with pytest.raises(StoreError, match="already registered"):
        any_store.sources.add("https://a.example/rss", "again", "rss", 600, "t")
    assert any_store.sources.get(str(feed.id)) == any_store.sources.get("https://a.example/rss") == feed
    assert (feed.paused, feed.consecutive_failures, feed.items_total) == (False, 0, 0)
    with pytest.raises(NotFound):
        any_store.sources.get("999")
    assert [s.id for s in any_store.sources.due(now=100.0)] == [feed.id, other.id]
    any_store.sources.set_paused(other.id, True)
    assert [s.id for s in any_store.sources.due(now=100.0)] == [feed.id]
    any_store.sources.record_poll(feed.id, PollOutcome("2026-11-25T01:00:00+00:00", 700.0, True, etag='"e1"'))
    any_store.sources.record_poll(feed.id, PollOutcome("2026-11-25T02:00:00+00:00", 900.0, False, error="boom"))
    polled = any_store.sources.get(str(feed.id))
    assert (polled.etag, polled.last_error, polled.consecutive_failures, polled.next_poll_at) == (
        '"e1"', "boom", 1, 900.0)
    assert any_store.sources.next_due_at() == 900.0
    [a, b] = any_store.articles.write([prepared(), prepared(identity="url:https://a.example/2")], "t")
    any_store.sources.link_items(feed.id, [a.article_id, b.article_id, a.article_id], seen_at=1e12)
    any_store.sources.link_items(feed.id, [a.article_id], seen_at=1e12)
    assert any_store.sources.get(str(feed.id)).items_total == 2
    assert any_store.articles.known_urls(["https://a.example/2", "https://a.example/none"]) == {
        "https://a.example/2": b.article_id}
    any_store.sources.remove(other.id)
    assert [s.url for s in any_store.sources.list()] == ["https://a.example/rss"]
