"""SQLite and PostgreSQL hold the same articles and find the same ones for the same query.

The bundled sample corpus goes through ``naba.engine.ingest`` into both backends; then the exports
(minus timestamps) must be equal, and for queries in many spellings the sets of matched ids and the
totals must be equal. Ranking may differ (bm25 against ts_rank); the set may not.
(Later issues add duplicates, stories and related lists here.)
"""

from __future__ import annotations

import pytest

from naba.engine import ingest
from naba.models import MatchQuery
from naba.sample import sample_paths
from naba.serve.export import export_record
from naba.serve.search import parse_query, search
from naba.settings import Settings
from naba.store import copy_store, open_store
from pg_server import create_database_or_skip, drop_database

# Different spellings of the same words (hamza seats, ة/ه, ى/ي, diacritics, tatweel, clitics), names
# in two transliterations, numbers, phrases, English, and a few that match nothing.
QUERIES = [
    "بوتين", "بوتن", "زيلينسكي", "زيلنسكي", "الإسكندرية", "الاسكندريه", "اسكندرية", "الأمطار الغزيرة",
    "أمطار", "امطار غزيره", "القمة العربية", "القمه", '"الأمن المائي"', "«إعلان القاهرة»", "هدنة الطاقة",
    "مسئول", "المسؤول", "أوبك+", "اوبك", "1.2 مليون", "4.2", "15.3", "الحصبة العراق", "تطعيم الأطفال",
    "مُحَمَّد", "الــرئيس", "ترامب", "ترمب", "الفائدة", "يخفض الفائدة", "OPEC", "oil", "Zelensky truce",
    "الكرملين", "بالإسكندرية", "والطاقة", "في", "غير موجود إطلاقا", "كييف", "الاتحاد الساحلي",
]
TIMESTAMPS = ("fetched_at", "first_seen_at")


def _without_timestamps(store) -> list[dict]:
    return [{k: v for k, v in export_record(s).items() if k not in TIMESTAMPS} for s in store.articles.scan()]


@pytest.fixture(scope="module")
def paths() -> list[str]:
    found = sample_paths()
    assert len(found) > 1, "the sample corpus should ship with the package"
    return found


@pytest.fixture(scope="module")
def both(tmp_path_factory, paths):
    """The sample corpus ingested into both backends, once for the module (batches of 37, so several)."""
    pg_url = create_database_or_skip()
    stores = {"sqlite": open_store(str(tmp_path_factory.mktemp("parity") / "naba.db")),
              "postgresql": open_store(pg_url)}
    reports = {name: ingest(store, paths, Settings(batch_size=37)) for name, store in stores.items()}
    yield stores, reports
    for store in stores.values():
        store.close()
    drop_database(pg_url)


def test_both_backends_store_the_same_articles(both):
    stores, reports = both
    assert reports["sqlite"] == reports["postgresql"]
    assert reports["sqlite"].stored > 50
    sqlite_export, postgres_export = (_without_timestamps(stores[name]) for name in ("sqlite", "postgresql"))
    assert sqlite_export == postgres_export
    assert list(stores["sqlite"].articles.raw_inputs()) == list(stores["postgresql"].articles.raw_inputs())


def test_a_second_ingest_is_unchanged_on_both(both, paths):
    stores, _ = both
    again = {name: ingest(store, paths, Settings()) for name, store in stores.items()}
    assert again["sqlite"] == again["postgresql"]
    assert again["sqlite"].stored == 0  # (a corrected article in the corpus updates twice, on both)


@pytest.mark.parametrize("text", QUERIES)
def test_both_backends_match_the_same_articles(both, text):
    stores, _ = both
    query = MatchQuery(parse_query(text), limit=1000)
    matches = {name: sorted(hit.stored.id for hit in store.search.query(query)) for name, store in stores.items()}
    assert matches["sqlite"] == matches["postgresql"], text
    totals = {name: store.search.count(query) for name, store in stores.items()}
    assert totals["sqlite"] == totals["postgresql"] == len(matches["sqlite"])
    pages = {name: search(store, text, limit=5) for name, store in stores.items()}
    assert pages["sqlite"].total == pages["postgresql"].total


@pytest.mark.parametrize("text", QUERIES)
def test_both_backends_see_the_same_newest_and_oldest_matches(both, text):
    stores, _ = both
    query = MatchQuery(parse_query(text), limit=1000)
    every = sorted((hit.stored.id for hit in stores["sqlite"].search.query(query)), reverse=True)
    for store in stores.values():
        assert store.search.newest_ids(query, 3) == every[:3]
        assert store.search.oldest_id(query) == (every[-1] if every else None)


def test_a_common_query_ranks_the_same_pool_on_both(both):
    """More matches than the pool: both rank the same newest matches, and estimate the same total."""
    stores, _ = both
    text = next(t for t in QUERIES if stores["sqlite"].search.count(MatchQuery(parse_query(t))) > 4)
    pages = {name: search(store, text, limit=10, pool=4) for name, store in stores.items()}
    assert {r.hit.stored.id for r in pages["sqlite"].results} == {r.hit.stored.id for r in pages["postgresql"].results}
    assert len(pages["sqlite"].results) == 4 and not pages["sqlite"].total_exact
    assert pages["sqlite"].total == pages["postgresql"].total > 4


@pytest.mark.parametrize("size", [1, 3, 1000])
@pytest.mark.parametrize("text", QUERIES)
def test_the_one_read_pool_is_the_two_reads_it_replaced(both, text, size):
    """SQLite reads the pool in one query; PostgreSQL (and the definition) as the newest ids, then
    the page ranked from the oldest of them: the same ids, page by page, and the same counts."""
    from naba.store.sql.articles import pool_in_two_reads

    stores, _ = both
    sqlite = stores["sqlite"].search
    for offset in (0, 2):
        query = MatchQuery(parse_query(text), limit=2, offset=offset)
        pools = [sqlite.pool(query, size), pool_in_two_reads(sqlite, query, size),
                 stores["postgresql"].search.pool(query, size)]
        for pool in pools:
            assert (pool.matched, pool.newest_id, pool.floor_id) == (
                pools[0].matched, pools[0].newest_id, pools[0].floor_id)
        assert [h.stored.id for h in pools[0].hits] == [h.stored.id for h in pools[1].hits]
        assert [h.score for h in pools[0].hits] == pytest.approx([h.score for h in pools[1].hits])
        assert {h.stored.id for h in pools[0].hits} <= {h.stored.id for h in sqlite.query(
            MatchQuery(parse_query(text), limit=1000))}


def test_the_queries_are_not_all_empty(both):
    stores, _ = both
    found = [text for text in QUERIES if stores["sqlite"].search.count(MatchQuery(parse_query(text)))]
    assert len(found) >= len(QUERIES) - 3


def test_a_copy_of_the_postgresql_store_is_the_same_store(both, tmp_path):
    stores, _ = both
    copy = open_store(str(tmp_path / "copy.db"))
    try:
        assert copy_store(stores["postgresql"], copy).articles == stores["sqlite"].articles.stats().articles
        assert list(copy.transfer.dump()) == list(stores["postgresql"].transfer.dump())
        query = MatchQuery(parse_query("الإسكندرية"), limit=1000)
        assert {h.stored.id for h in copy.search.query(query)} == {h.stored.id for h in stores["sqlite"].search.query(query)}
    finally:
        copy.close()
