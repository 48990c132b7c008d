"""Precomputed related lists (issue 17): the store part, the story stage computing them at ingest, the
ranker's rules (a minimum score, a time window, specific evidence), on both backends."""

from __future__ import annotations

import json
import time
from pathlib import Path

from conftest import shared_path
from naba import engine
from naba.dates import to_timestamp
from naba.settings import Settings
from naba.store import ListedItem
from naba.stories.related import related
from naba.stories.related_facets import facets_of

DAY = 86400.0


def _ingest(store, tmp_path: Path, items: list[dict]) -> dict[str, int]:
    """Ingest these articles (url, title, content, date, source) through the whole pipeline; url -> id."""
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    engine.ingest(store, [str(path)], Settings())
    return {s.article.url: s.id for s in store.articles.scan()}


def _item(n: int, date: str, title: str, content: str, source: str = "outlet") -> dict:
    return {"url": f"https://news.example/{n}", "date": date, "title": title, "content": content, "source": source}


HAJJ = ("أعلنت وزارة الحج السعودية اليوم تدشين المسار الإلكتروني لحجاج الداخل، وقال المتحدث باسم وزارة الحج إن "
        "البوابة الإلكترونية ستستقبل طلبات الحجاج من المواطنين والمقيمين، وإن أسعار الحملات حددت في ثلاث شرائح. "
        "وأضاف أن الوزارة ستراقب التزام شركات حجاج الداخل بالأسعار المعلنة وستعاقب المخالفين.")


def test_lists_round_trip_and_are_replaced(store, tmp_path):
    ids = _ingest(store, tmp_path, [_item(1, "2015-08-01", "خبر أول", HAJJ), _item(2, "2015-08-02", "خبر ثان", HAJJ + " جديد")])
    first, second = ids["https://news.example/1"], ids["https://news.example/2"]
    item = ListedItem(second, 7, 0.8125, ("وزارة الحج",), ("okaz", "alwatan"), 2)
    store.related.write([(first, ((item,), ()))], 1.0)
    assert store.related.lists(first) == ((item,), ())
    store.related.write([(first, ((), (item,)))], 2.0)
    assert store.related.lists(first) == ((), (item,))
    assert store.related.lists(999_999) is None


def test_the_story_stage_stores_every_articles_lists_and_a_page_reads_them(store, tmp_path):
    items = [_item(i, f"2015-08-0{1 + i % 3}", f"وزارة الحج تدشن المسار الإلكتروني {i}", HAJJ, f"outlet{i}")
             for i in range(4)]
    ids = _ingest(store, tmp_path, items)
    assert store.related.pending() == []  # computed after the stage at ingest, for every article
    some = ids["https://news.example/0"]
    # what a page shows is what the store holds: no ranking at request time
    other = ids["https://news.example/3"]
    planted = ListedItem(other, None, 0.5, ("زرع",), ("outlet3",), 1)
    store.related.write([(some, ((planted,), ()))], 3.0)
    found = related(store, some)
    assert [r.article.id for r in found.similar] == [other] and found.similar[0].why == ("زرع",)
    assert found.read_also == ()


def test_story_members_and_nothing_pending(store, tmp_path):
    ids = _ingest(store, tmp_path, [_item(1, "2015-08-01", "عنوان", HAJJ)])
    only = ids["https://news.example/1"]
    story = store.articles.get(only).story_id
    assert store.related.story_members(story, 10) == [only]
    assert store.related.pending() == []


def test_entities_around_a_time_are_the_nearest_within_the_window(store, tmp_path):
    body = "قال وزير الخارجية الأمريكي جون كيري في واشنطن إن المحادثات مستمرة مع الحلفاء."
    dates = ["2015-01-01", "2015-07-20", "2015-07-25", "2015-07-30", "2015-08-04", "2016-03-01"]
    ids = _ingest(store, tmp_path, [_item(i, d, f"كيري يتحدث {i}", body + f" اليوم {i}") for i, d in enumerate(dates)])
    by_date = {d: ids[f"https://news.example/{i}"] for i, d in enumerate(dates)}
    mid = store.articles.get(by_date["2015-07-25"])
    ts = to_timestamp(mid.article.published_at)
    found = store.entities.around(["جون كيري"], ts, 30, 1)
    # one nearest before (or at) the time and one nearest after, never a year away
    assert set(found) == {by_date["2015-07-25"], by_date["2015-07-30"]}
    wider = store.entities.around(["جون كيري"], ts, 30, 10)
    assert set(wider) == {by_date[d] for d in ("2015-07-20", "2015-07-25", "2015-07-30", "2015-08-04")}
    assert all(names == ["جون كيري"] for names in wider.values())


def test_read_also_stays_within_weeks_and_nothing_unrelated_pads_a_list(store, tmp_path):
    kerry = "قال وزير الخارجية الأمريكي جون كيري إن الاتفاق النووي مع إيران يمنع طهران من امتلاك قنبلة نووية."
    items = [
        _item(1, "2015-07-25", "كيري يدافع عن الاتفاق النووي", kerry),
        _item(2, "2015-07-27", "كيري يحذر الكونغرس من رفض الاتفاق النووي",
              kerry.replace("يمنع", "سيمنع") + " وحذر الكونغرس من رفض الاتفاق مع إيران.", "other"),
        _item(3, "2016-06-01", "كيري يزور إيران", "وصل وزير الخارجية الأمريكي جون كيري إلى طهران في أول زيارة "
              "منذ الاتفاق النووي مع إيران، والتقى نظيره الإيراني.", "third"),
        _item(4, "2015-07-26", "ارتفاع أسعار التمور في أسواق القصيم",
              "ارتفعت أسعار التمور في أسواق القصيم مع بداية موسم الحصاد وقال تجار إن الطلب كبير هذا العام.", "fourth"),
    ]
    ids = _ingest(store, tmp_path, items)
    me = ids["https://news.example/1"]
    found = related(store, me, k=10, read_also=5)
    shown = {r.article.id for r in found.similar + found.read_also}
    assert ids["https://news.example/3"] not in shown  # ten months later: not "around its time"
    assert ids["https://news.example/4"] not in shown  # nothing in common: no padding
    dates = related(store, ids["https://news.example/4"], k=10, read_also=5)
    assert dates.similar == () and dates.read_also == ()


def test_a_dateline_is_never_evidence(store, tmp_path):
    dubai = "دبي، الإمارات العربية المتحدة (CNN)-- "
    items = [_item(1, "2018-03-01", "أسعار الذهب ترتفع", dubai + "ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار.", "CNN"),
             _item(2, "2018-03-01", "افتتاح معرض للكتاب", dubai + "افتتح معرض للكتاب في الشارقة بمشاركة مئات الناشرين.", "CNN")]
    ids = _ingest(store, tmp_path, items)
    gold = store.articles.get(ids["https://news.example/1"])
    book = store.articles.get(ids["https://news.example/2"])
    named = {e.canonical for e in gold.article.entities}
    assert named & {"دبي", "الإمارات العربية المتحدة"}  # the tagger does read the dateline
    assert not {"دبي", "الإمارات العربية المتحدة"} & set(facets_of(gold).entities)
    assert facets_of(gold).shared(facets_of(book), 4) == ()
    found = related(store, gold.id)
    assert book.id not in {r.article.id for r in found.similar + found.read_also}


def _hajj_items(first: int, count: int, day: str = "2015-08-01") -> list[dict]:
    return [_item(i, day, f"وزارة الحج تدشن المسار الإلكتروني لحجاج الداخل {i}", HAJJ + f" المرحلة {i}.", f"outlet{i}")
            for i in range(first, first + count)]


def test_the_stage_marks_lists_stale_and_a_refresh_computes_them(store, tmp_path):
    path = tmp_path / "first.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in _hajj_items(0, 3)), encoding="utf-8")
    engine.ingest(store, [str(path)], Settings(), lists=False)
    ids = sorted(s.id for s in store.articles.scan())
    assert store.related.pending() == ids and store.related.count_pending() == 3
    assert engine.refresh_lists(store).computed == 3
    assert store.related.pending() == [] and store.related.count_pending() == 0
    shown_before = store.related.lists(ids[0])
    assert shown_before is not None and shown_before[0]  # the three tell one story: each lists the others
    # a fourth article of the story: it and the close neighbours it linked to are marked, not computed
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps(_hajj_items(3, 1)[0], ensure_ascii=False) + "\n", encoding="utf-8")
    engine.ingest(store, [str(more)], Settings(), lists=False)
    new = max(s.id for s in store.articles.scan())
    marked = store.related.pending()
    assert new in marked and set(marked) & set(ids)
    assert store.related.lists(ids[0]) == shown_before  # still shown until computed again
    engine.refresh_lists(store)
    assert store.related.pending() == []
    # one entry per story: the new article joins its story's entry, with its outlet
    assert "outlet3" not in shown_before[0][0].outlets
    assert "outlet3" in store.related.lists(ids[0])[0][0].outlets


def test_a_mark_made_while_lists_were_computed_outlives_their_write(store, tmp_path):
    ids = _ingest(store, tmp_path, _hajj_items(0, 2))
    one = ids["https://news.example/0"]
    store.related.mark_stale([one], 100.0)
    store.related.write([(one, ((), ()))], 50.0)  # a computation that began before the mark
    assert store.related.pending() == [one]
    store.related.write([(one, ((), ()))], 150.0)
    assert store.related.pending() == []


def test_workers_compute_the_same_lists_as_one_process(store_url, tmp_path):
    from naba.store import open_store

    path = tmp_path / "items.jsonl"
    items = _hajj_items(0, 5) + _hajj_items(5, 3, "2015-08-02")
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    store = open_store(store_url)
    try:
        engine.ingest(store, [str(path)], Settings(), lists=False)
        ids = sorted(s.id for s in store.articles.scan())
        assert engine.refresh_lists(store, workers=2).computed == len(ids)
        in_workers = {i: store.related.lists(i) for i in ids}
        store.related.mark_stale(ids, time.time())  # everything again, in this process
        assert engine.refresh_lists(store, workers=1).computed == len(ids)
        assert store.related.pending() == []
        assert {i: store.related.lists(i) for i in ids} == in_workers
        assert any(similar for similar, _ in in_workers.values())
    finally:
        store.close()


def test_naba_refresh_computes_what_ingest_left(tmp_path):
    from cli_runner import naba

    db = tmp_path / "naba.db"
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in _hajj_items(0, 3)), encoding="utf-8")
    ingested = naba("ingest", path, "--db", db, "--no-lists", "--json")
    assert ingested.returncode == 0 and json.loads(ingested.stdout)["lists"] == 0
    ran = naba("refresh", "--db", db, "--json")
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["lists"] == 3
    again = naba("refresh", "--db", db)
    assert again.returncode == 0 and "related lists computed: 0" in again.stdout


def test_two_reports_of_one_event_the_stage_kept_apart_are_one_similar_entry():
    """Sky News Arabia and BBC Arabic on China confirming it holds Interpol's president (ANT, 7 Oct
    2018): worded apart (their texts' content 0.53, under the merge-by-wording line), the sameness model
    calls them the same event, so a list shows them as one entry with both outlets."""
    import tarfile

    from naba.engine import prepare
    from naba.models import Record, StoredArticle
    from naba.store import CandidateRow
    from naba.stories.related import _one_story
    from naba.stories.related_rank import judged
    from naba.stories.related_sources import Sources
    from naba.stories.sameness import profile_of
    from naba.stories.sameness.evidence import content

    path = shared_path("data", "ant", "ant-v2.1.tar.xz")
    wanted = {"SK-internationalNews-3348-20181007.txt", "BB-internationalNews-1165-20181007.txt"}
    found = {}
    with tarfile.open(path, mode="r|xz") as archive:
        for member in archive:
            name = member.name.rsplit("/", 1)[-1]
            if name in wanted:
                found[name] = prepare(Record("ant", archive.extractfile(member).read(), member.name, ())).article
                if len(found) == len(wanted):
                    break
    sky, bbc = (found[name] for name in sorted(wanted, reverse=True))
    me = StoredArticle(1, sky, "", "")
    rows = [CandidateRow(n, a.source, a.title, to_timestamp(a.published_at), 100 + n, None, (), ())
            for n, a in ((2, sky), (3, bbc))]
    facets = facets_of(me)
    scored = [judged(me, profile_of(sky), facets, StoredArticle(row.id, a, "", ""), row, profile_of(a),
                     facets_of(StoredArticle(row.id, a, "", "")), Sources()) for row, a in zip(rows, (sky, bbc), strict=True)]
    assert content(profile_of(sky), profile_of(bbc)) < 0.6  # not merged by wording alone
    assert _one_story(scored[0], scored[1])


def _candidate(n: int, story: int, similar: float, same_event: bool, read_also: float = 0.0):
    """A judged candidate as ``_lists`` reads it (logic only: the evidence itself is tested above)."""
    from types import SimpleNamespace

    row = SimpleNamespace(id=n, story_id=story, ts=1.44e9 + n, source=f"outlet{n}", title=f"t{n}")
    return SimpleNamespace(row=row, similar=similar, read_also=read_also, profile=None, facets=n,
                           judgement=SimpleNamespace(same_event=same_event), stored=None)


def test_the_articles_own_event_is_one_entry_and_an_unsure_development_waits_for_read_also(monkeypatch):
    """Three stories the stage kept apart that each tell the article's event are one similar entry with
    their outlets; a candidate that is not the event is similar only when the ranker is sure of it
    (``LINKED_MIN``), else it may be read also."""
    from types import SimpleNamespace

    from naba.stories import related

    monkeypatch.setattr(related, "content", lambda a, b: 0.0)
    monkeypatch.setattr(related, "evidence", lambda a, b, gap: None)
    monkeypatch.setattr(related, "judge", lambda e, a, b: SimpleNamespace(same_event=False))
    facets = SimpleNamespace(shared=lambda other, k: ("شيء",))
    me = SimpleNamespace(id=0, story_id=99, article=SimpleNamespace(title=""))
    scored = [_candidate(1, 11, 0.97, True), _candidate(2, 12, 0.93, True), _candidate(3, 13, 0.80, True),
              _candidate(4, 14, 0.96, False), _candidate(5, 15, 0.90, False, read_also=0.9)]
    similar, also = related._lists(me, facets, scored)
    assert [item.article_id for item in similar] == [1, 4]
    assert similar[0].outlets == ("outlet1", "outlet2", "outlet3") and similar[0].copies == 3
    assert [item.article_id for item in also] == [5]
