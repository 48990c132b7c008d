"""The pairs the story stage judged are stored with its decisions, so a later process reads its context's
pairs back instead of judging them again (issue 13: a second `naba ingest` judged the last days of the
store again), with the same stories as one run; a store without them is judged as before."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from naba import engine
from naba.sample import sample_paths
from naba.settings import Settings
from naba.store import open_store
from naba.stories.stage import StoryStage
from test_stories import _ingest, _partition, _records


def _ids(url: str) -> set[int]:
    store = open_store(url)
    try:
        return {stored.id for stored in store.articles.scan()}
    finally:
        store.close()


def _counting_judgements(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    judged: list[tuple[int, int]] = []
    judge = StoryStage._judge

    def counted(self, node, other):  # type: ignore[no-untyped-def]
        judged.append((node.id, other.id))
        return judge(self, node, other)

    monkeypatch.setattr(StoryStage, "_judge", counted)
    return judged


def test_a_later_process_judges_only_the_pairs_of_its_own_articles(store_url, second_url, monkeypatch):
    records = sorted(_records(), key=lambda r: r.origin)
    _ingest(second_url, records, batch_size=500)
    _ingest(store_url, records[1::2], batch_size=500)
    before = _ids(store_url)
    judged = _counting_judgements(monkeypatch)
    _ingest(store_url, records[0::2], batch_size=500)
    assert judged
    assert all(a not in before or b not in before for a, b in judged)  # no pair of two stored articles
    assert _partition(store_url, by_url=True) == _partition(second_url, by_url=True)


def test_a_store_without_stored_pairs_is_judged_again_and_then_has_them(tmp_path, monkeypatch):
    records = sorted(_records(), key=lambda r: r.origin)
    whole, split = str(tmp_path / "whole.db"), str(tmp_path / "split.db")
    _ingest(whole, records, batch_size=500)
    _ingest(split, records[1::2], batch_size=500)
    with sqlite3.connect(split) as conn:  # a store written before the pairs were kept
        conn.execute("DELETE FROM story_edges")
    before = _ids(split)
    judged = _counting_judgements(monkeypatch)
    _ingest(split, records[0::2], batch_size=500)
    assert any(a in before and b in before for a, b in judged)  # the context is judged, as before
    assert _partition(whole, by_url=True) == _partition(split, by_url=True)
    store = open_store(split)
    try:
        assert set(store.stories.judged_pairs(sorted(before))) == before  # and kept now
    finally:
        store.close()


def test_an_article_placed_again_loses_its_old_pairs(store_url, tmp_path):
    lines = {json.loads(line)["url"]: json.loads(line)
             for line in Path(sample_paths()[0]).read_text("utf-8").splitlines() if line.strip()}
    first = lines["https://uana.example/ar/news/202611240001"]
    follow = lines["https://shorouk-jadid.example/news/politics/5480037.html"]
    again = dict(first, date="2026-11-27T10:05:00+03:00", content=first["content"] + "\n\nتحديث: تفاصيل جديدة.")
    path = tmp_path / "republished.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (first, follow)), "utf-8")
    again_path = tmp_path / "again.jsonl"
    again_path.write_text(json.dumps(again, ensure_ascii=False) + "\n", "utf-8")
    store = open_store(store_url)
    try:
        engine.ingest(store, [str(path)], Settings(batch_size=2))
        ids = {s.article.url: s.id for s in store.articles.scan()}
        first_id, follow_id = ids[first["url"]], ids[follow["url"]]
        pairs = store.stories.judged_pairs([first_id, follow_id])
        assert [p[1] for p in pairs[first_id]] == [follow_id]  # one report of one event: a pair
        engine.ingest(store, [str(again_path)], Settings(batch_size=2))  # three days later, another text
        pairs = store.stories.judged_pairs([first_id, follow_id])
    finally:
        store.close()
    assert pairs.get(first_id) == []  # judged again against what is in reach now: nothing
    assert follow_id not in pairs  # its pair went, so it is judged again when next loaded
