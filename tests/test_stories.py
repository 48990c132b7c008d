"""Duplicates and stories decided as articles arrive, on both backends, against the sample's truth."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from naba import engine
from naba.dates import to_timestamp
from naba.models import Record, Rejection
from naba.sample import sample_paths
from naba.settings import Settings
from naba.sources.readers import iter_records
from naba.store import open_store
from naba.stories import story_detail
from naba.stories.candidates import MAX_LINKS

TRUTH = json.loads((Path(__file__).parents[1] / "src" / "naba" / "sample" / "truth.json").read_text("utf-8"))
GOLD = {key: value["story"] for key, value in TRUTH["articles"].items()}


def _records() -> list[Record]:
    items = list(iter_records(sample_paths(), Settings(), {}))
    assert not [i for i in items if isinstance(i, Rejection)]
    return items


def _ingest(url: str, records: list[Record], batch_size: int) -> None:
    store = open_store(url)
    try:
        engine.ingest_records(store, records, Settings(batch_size=batch_size))
    finally:
        store.close()


def _partition(url: str, by_url: bool = False) -> tuple[set[frozenset[str]], dict[str, str | None]]:
    """Stories as sets of article names, and each article's original by name (ids differ by run).

    Names are external ids (the truth file's), or with ``by_url`` canonical URLs: a page and its feed
    item are one article whose external id is the one of whichever record arrived first."""
    store = open_store(url)
    try:
        articles = list(store.articles.scan())
    finally:
        store.close()
    name = {s.id: (s.article.canonical_url if by_url else s.article.external_id) or s.article.body[:60]
            for s in articles}
    stories: dict[int, set[str]] = {}
    for stored in articles:
        assert stored.story_id is not None, f"article {name[stored.id]} was never grouped"
        stories.setdefault(stored.story_id, set()).add(name[stored.id])
    originals = {name[s.id]: name.get(s.duplicate_of) if s.duplicate_of else None for s in articles}
    return {frozenset(members) for members in stories.values()}, originals


def _story_of(stories: set[frozenset[str]]) -> dict[str, frozenset[str]]:
    return {member: story for story in stories for member in story}


def test_stories_do_not_depend_on_arrival_order_or_batch_size(store_url, second_url):
    records = _records()
    _ingest(store_url, records, batch_size=500)
    shuffled = records[::-1]
    random.Random(7).shuffle(shuffled)
    _ingest(second_url, shuffled, batch_size=7)
    assert _partition(store_url, by_url=True) == _partition(second_url, by_url=True)


def test_similar_links_do_not_depend_on_arrival_order(store_url, second_url, tmp_path):
    # 30 reports of one running topic, each alike enough to link to all the others: more candidate links
    # than an article keeps (MAX_LINKS), so which it keeps must not depend on which arrived first
    rows = []
    for i in range(30):
        body = (f"أعلنت وزارة الصحة اليوم تسجيل {100 + i} إصابة جديدة بفيروس كورونا في مدينة الرياض ومحافظة جدة، "
                f"وقالت الوزارة في بيانها إن الحالات الجديدة تخضع للعلاج في المستشفيات. الحالة رقم {i} "
                f"{' '.join(f'كلمة{i}{k}' for k in range(i % 7))}")
        rows.append({"url": f"https://news.example/{i}", "title": f"الصحة تسجل {100 + i} إصابة جديدة بكورونا",
                     "content": body, "date_published": f"2020-03-{1 + i // 24:02d}T{i % 24:02d}:00:00+00:00",
                     "source": f"outlet{i % 3}"})
    path = tmp_path / "topic.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    records = [r for r in iter_records([str(path)], Settings(), {}) if not isinstance(r, Rejection)]
    assert len(records) == 30
    _ingest(store_url, records, batch_size=500)
    _ingest(second_url, records[::-1], batch_size=1)
    links = _links(store_url)
    assert max(sum(1 for a, _, _ in links if a == article) for article, _, _ in links) > MAX_LINKS
    assert links == _links(second_url)  # each article's best pairs with those reported before it


def _links(url: str) -> set[tuple[str, str, float]]:
    """Every similar-article link, by the two articles' canonical URLs (ids differ by run)."""
    store = open_store(url)
    try:
        articles = list(store.articles.scan())
        name = {s.id: s.article.canonical_url or s.article.body[:60] for s in articles}
        return {(name[s.id], name[other], score) for s in articles for other, score in store.stories.links_of(s.id)}
    finally:
        store.close()


def test_a_later_process_continues_the_stories_of_an_earlier_one(tmp_path):
    records = sorted(_records(), key=lambda r: r.origin)
    whole, split = str(tmp_path / "whole.db"), str(tmp_path / "split.db")
    _ingest(whole, records, batch_size=500)
    _ingest(split, records[1::2], batch_size=500)  # two runs, two StoryStage memories
    _ingest(split, records[0::2], batch_size=500)
    assert _partition(whole, by_url=True) == _partition(split, by_url=True)


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory) -> str:
    url = str(tmp_path_factory.mktemp("stories") / "sample.db")
    _ingest(url, _records(), batch_size=500)
    return url


def test_wire_copies_point_at_the_earliest_copy(sample_url):
    _, originals = _partition(sample_url)
    for group in TRUTH["duplicate_groups"]:
        first = group[0] if group[0] in originals else None
        copies = [g for g in group if g in originals and g != first]
        if first is None:
            continue
        assert originals[first] is None
        for copy in copies:
            assert originals[copy] == first, copy


def test_templated_notices_are_neither_duplicates_nor_one_story(sample_url):
    stories, originals = _partition(sample_url)
    story_of = _story_of(stories)
    for case in TRUTH["not_duplicates"]:
        a, b = case["pair"]
        if GOLD.get(a) == GOLD.get(b):
            continue  # "same story, not a copy" cases
        assert originals[a] != b and originals[b] != a, case["why"]
        assert story_of[a] != story_of[b], case["why"]


def test_stories_match_the_sample_truth(sample_url):
    stories, _ = _partition(sample_url)
    story_of = _story_of(stories)
    names = sorted(n for n in GOLD if n in story_of)
    assert len(names) >= 100
    tp = fp = fn = 0
    for a, b in itertools.combinations(names, 2):
        gold, found = GOLD[a] == GOLD[b], story_of[a] == story_of[b]
        tp, fp, fn = tp + (gold and found), fp + (found and not gold), fn + (gold and not found)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    # Measured 1.00 / 0.20 (pairwise, the sample's labelled articles). The sameness model is fitted on
    # real labelled pairs, where it lifted the stored stories' F1 from 0.80 to 0.86 (precision 0.69 ->
    # 0.95): the sample's fictional rewrites share little wording (three stories mix English and
    # Arabic), so its stories split; they are never merged with another story. The old score found 0.60
    # of these pairs by chaining more on real news (docs/benchmarks.md, "Copies and stories").
    assert precision >= 0.95 and recall >= 0.20, (precision, recall)


def test_a_story_page_names_its_first_reporter_outlets_and_attribution(sample_url):
    store = open_store(sample_url)
    try:
        measles = next(s for s in store.articles.scan() if s.article.external_id == "uana-0112")
        detail = story_detail(store, measles.story_id)
    finally:
        store.close()
    assert detail is not None
    assert detail.first_reporter.article.external_id == "uana-0112"
    assert detail.summary.first_source == "وكالة الأنباء العربية المتحدة"
    assert len(detail.summary.outlets) == 4 and detail.summary.articles == 4
    assert [t.at for t in detail.timeline] == sorted(t.at for t in detail.timeline)
    credited = {source: credits for _, source, credits in detail.attribution}
    assert any("وكالة الأنباء العربية المتحدة" in c for credits in credited.values() for c in credits)
    assert "العراق" in [name for name, _, _ in detail.entities]


def test_story_summaries_list_latest_first_with_keyset_pages(sample_url):
    store = open_store(sample_url)
    try:
        first_page = store.stories.newest(limit=5)
        last = first_page[-1]
        cursor = (to_timestamp(last.last_at), last.id)  # the keyset the web and CLI page by (naba.serve.paging.story_key)
        second_page = store.stories.newest(limit=5, before=cursor)
        everything = store.stories.newest(limit=1000)
    finally:
        store.close()
    assert [s.id for s in first_page + second_page] == [s.id for s in everything[:10]]
    # ordered by POSIX time (ISO strings with different offsets need not sort as text); a story none of
    # whose articles gives a date (the sample's plain-text pages, when alone) has none, and comes last
    lasts = [to_timestamp(s.last_at) for s in everything]
    assert len({s.id for s in everything}) == len(everything)
    assert sum(s.articles for s in everything) == 104
    dated = [t for t in lasts if t is not None]
    assert lasts == dated + [None] * (len(lasts) - len(dated))
    assert dated == sorted(dated, reverse=True)


def test_letting_go_of_memory_does_not_change_the_stories(tmp_path, monkeypatch):
    from naba.stories import stage

    records = sorted(_records(), key=lambda r: r.origin)
    whole, tight = str(tmp_path / "whole.db"), str(tmp_path / "tight.db")
    _ingest(whole, records, batch_size=500)
    monkeypatch.setattr(stage, "MAX_NODES", 20)  # evicts the older half after nearly every batch
    _ingest(tight, records, batch_size=10)
    assert _partition(whole, by_url=True) == _partition(tight, by_url=True)


def test_an_article_republished_days_later_is_no_longer_the_parent_of_earlier_reports(store_url, tmp_path):
    """An outlet republishes a story under the same URL with a new date: the reports that followed
    its first version no longer hang from it (a parent is always earlier), even when the new date
    makes the stage read another span of the store first, and the first version's links are gone."""
    lines = {json.loads(line)["url"]: json.loads(line)
             for line in (Path(sample_paths()[0]).read_text("utf-8").splitlines()) if line.strip()}
    first = lines["https://uana.example/ar/news/202611240001"]
    follow = lines["https://shorouk-jadid.example/news/politics/5480037.html"]
    again = dict(first, date="2026-11-27T10:05:00+03:00", content=first["content"] + "\n\nتحديث: تفاصيل جديدة.")
    path = tmp_path / "republished.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (first, follow, again)), "utf-8")
    store = open_store(store_url)
    try:
        report = engine.ingest(store, [str(path)], Settings(batch_size=2))
        ids = {s.article.url: s.id for s in (store.articles.get(i) for i in (1, 2)) if s is not None}
        groupings = {g.article_id: g for g in store.transfer.groupings()}
        links = list(store.transfer.links())
    finally:
        store.close()
    assert report.updated == 1
    republished, follower = groupings[ids[first["url"]]], groupings[ids[follow["url"]]]
    assert follower.parent_id is None and follower.story_id != republished.story_id
    # three days apart, the two are no longer compared: the link the first version had is gone
    assert links == []
