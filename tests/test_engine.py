"""The whole pipeline through the engine, on real temporary SQLite files."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

from conftest import shared_path
from naba import engine
from naba.settings import Settings
from naba.store import open_store


def write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return str(path)


ONE = {"source": "الخبر اليومي", "url": "https://khabar.example/news/1?utm_source=rss&utm_medium=feed",
       "date": "2026-11-25 14:30:00", "title": "خبر أول", "content": "نص الخبر الأول كما نشر أول مرة."}


def test_changed_version_updates_and_keeps_first_seen(store, tmp_path):
    first = engine.ingest(store, [write_jsonl(tmp_path / "a.jsonl", [ONE])], Settings())
    [stored] = list(store.articles.scan())
    edited = {**ONE, "url": "https://KHABAR.example/news/1", "content": "نص الخبر الأول بعد التعديل."}
    second = engine.ingest(store, [write_jsonl(tmp_path / "b.jsonl", [edited])], Settings())
    [after] = list(store.articles.scan())
    assert (first.stored, second.updated, second.stored) == (1, 1, 0)
    assert after.id == stored.id and after.first_seen_at == stored.first_seen_at
    assert after.article.body == "نص الخبر الأول بعد التعديل."


def test_articles_without_url_are_identified_by_outlet_and_text(store, tmp_path):
    no_url = {k: v for k, v in ONE.items() if k != "url"}
    respaced = {**no_url, "content": "نص   الخبرِ الأول كما نشر أول مرة."}  # other spaces, a diacritic
    other_outlet = {**no_url, "source": "موقع نبض"}
    report = engine.ingest(store, [write_jsonl(tmp_path / "c.jsonl", [no_url, respaced, other_outlet])], Settings())
    assert (report.stored, report.unchanged + report.updated) == (2, 1)


def test_bad_records_are_reported_and_the_rest_is_stored(store, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(ONE, ensure_ascii=False) + "\n{broken\n"
                    + json.dumps({"title": "بلا نص"}, ensure_ascii=False) + "\n", encoding="utf-8")
    report = engine.ingest(store, [str(path)], Settings())
    assert report.stored == 1
    assert [r.where for r in report.rejected] == [f"{path}:2", f"{path}:3"]


def test_batches_commit_as_they_fill(store, tmp_path):
    records = [{**ONE, "url": f"https://khabar.example/news/{i}", "content": f"نص الخبر رقم {i}."}
               for i in range(7)]
    reader = open_store(store.url, read_only=True)  # another connection sees only what was committed
    committed = []
    report = engine.ingest(store, [write_jsonl(tmp_path / "many.jsonl", records)], Settings(batch_size=3),
                           progress=lambda _: committed.append(reader.articles.stats().articles))
    reader.close()
    assert report.stored == 7
    assert committed[:3] == [3, 6, 7]


def test_reprocess_rebuilds_from_raw_inputs(store, tmp_path):
    engine.ingest(store, [write_jsonl(tmp_path / "a.jsonl", [ONE])], Settings())
    [(article_id, record)] = list(store.articles.raw_inputs())
    current = engine.prepare(record)
    older = replace(current, article=replace(current.article, body="old"), content_hash="old")
    store.articles.replace(article_id, older, "2026-11-01T00:00:00+00:00")  # what an older pipeline stored
    assert store.articles.get(article_id).article.body == "old"
    report = engine.reprocess(store, Settings())
    assert (report.read, report.updated) == (1, 1)
    [article] = list(store.articles.scan())
    assert article.article.body == ONE["content"]
    assert engine.reprocess(store, Settings()).unchanged == 1


def test_real_saudinewsnet_and_ant_end_to_end(store):
    from naba.serve.search import search
    from naba.sources.readers import iter_records

    saudi = shared_path("data", "saudinewsnet", "2015-07-21.zip")
    ant = shared_path("data", "ant", "ant-v2.1.tar.xz")
    settings = Settings()
    records = itertools.chain(itertools.islice(iter_records([str(saudi)], settings, {}), 300),
                              itertools.islice(iter_records([str(ant)], settings, {}), 300))
    prepared = [engine.prepare(r) for r in records]
    results = store.articles.write(prepared, "2026-11-29T00:00:00+00:00")
    assert len(results) == 600
    stats = store.articles.stats()
    assert stats.articles > 550 and stats.per_lang.get("ar", 0) > 550
    assert set(stats.per_source) >= {"aawsat", "alarabia"} or len(stats.per_source) >= 2
    page = search(store, "السعودية")
    assert page.total > 10 and page.results[0].snippet.highlights


def test_an_article_filed_under_two_categories_is_one_article(store, tmp_path):
    politics = {**ONE, "category": "سياسة"}
    world = {**ONE, "url": ONE["url"] + "&ref=rss", "category": "العالم"}
    for batch_size in (500, 1):  # the second filing in the same batch, and in a later batch
        store_path = tmp_path / f"{batch_size}.db"
        from naba.store import open_store

        with_store = open_store(str(store_path))
        report = engine.ingest(with_store, [write_jsonl(tmp_path / "cats.jsonl", [politics, world])],
                               Settings(batch_size=batch_size))
        [stored] = list(with_store.articles.scan())
        assert (report.stored, report.unchanged) == (1, 1)
        assert stored.article.categories == ("سياسة", "العالم")
        with_store.close()


def test_parallel_ingest_stores_the_same_as_serial(tmp_path):
    from naba.sample import sample_paths
    from naba.serve.export import export_record
    from naba.store import open_store

    exports = []
    for workers in (1, 2):
        with_store = open_store(str(tmp_path / f"w{workers}.db"))
        report = engine.ingest(with_store, sample_paths(), Settings(batch_size=7), workers=workers)
        assert report.stored > 80 and not report.rejected
        exports.append([{k: v for k, v in export_record(s).items() if not k.endswith("_at") or k == "published_at"}
                        for s in with_store.articles.scan()])
        with_store.close()
    assert exports[0] == exports[1]
