"""What a newcomer sees first: every article has a title, a page without a date says so, every story names
its outlets, and undated pages never outrank dated news.

A page without a title gets its first sentence, cut at a word, as its title: the same on the front
page's card, the article page, the story page, the API, the export and `naba show`. A page without a
date is "date unknown" everywhere, never the moment it was ingested. Its outlet is the `--source` given
at ingest, else its site; a story is never shown with "0 outlets". On a store of each backend.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from naba import engine
from naba.cli import app as cli_app
from naba.dates import to_timestamp
from naba.models import StorySummary
from naba.serve.web import create_app
from naba.settings import Settings
from naba.store import open_store
from naba.stories.ranking import rank_stories
from naba.text import derived_title

UNTITLED_BODY = ("أعلنت هيئة الطيران المدني إغلاق مطار الواحة الصغير أمام الرحلات الداخلية لمدة أسبوعين بسبب أعمال "
                 "صيانة عاجلة في المدرج الرئيسي. وقالت الهيئة إن الرحلات ستحول إلى مطار العاصمة خلال فترة الإغلاق.\n\n"
                 "وأضافت أن المسافرين الذين حجزوا تذاكرهم يمكنهم استرداد قيمتها كاملة أو تغيير مواعيد سفرهم دون رسوم.")
DERIVED = "أعلنت هيئة الطيران المدني إغلاق مطار الواحة الصغير أمام الرحلات الداخلية لمدة أسبوعين بسبب أعمال صيانة عاجلة…"
DATED = {"id": "dated-1", "source": "صحيفة الوادي", "url": "https://wadi.example/news/1",
         "date": "2026-11-25T10:00:00+03:00", "title": "افتتاح معرض الكتاب في المدينة القديمة بمشاركة مئتي دار نشر",
         "content": "افتتح وزير الثقافة اليوم معرض الكتاب في المدينة القديمة بمشاركة مئتي دار نشر عربية وأجنبية."}
HOSTED = {"id": "hosted-1", "url": "https://www.sahel-news.example/2026/11/26/fishing-season",
          "date": "2026-11-26T09:00:00+03:00", "title": "بدء موسم صيد السردين على الساحل الغربي",
          "content": "بدأ اليوم موسم صيد السردين على الساحل الغربي وسط توقعات بمحصول وفير هذا العام."}


@pytest.fixture
def first_screen_db(store_url, tmp_path) -> str:
    """A dated, titled article; one with a URL but no outlet; an untitled, undated plain-text page."""
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (DATED, HOSTED)), encoding="utf-8")
    page = tmp_path / "airport.txt"
    page.write_text(UNTITLED_BODY, encoding="utf-8")
    store = open_store(store_url)
    try:
        report = engine.ingest(store, [str(jsonl), str(page)], Settings())
        assert report.stored == 3 and not report.rejected
    finally:
        store.close()
    return store_url


def test_derived_title_reads_a_first_sentence_cut_at_a_word():
    assert derived_title(UNTITLED_BODY) == DERIVED


def test_an_untitled_page_has_one_title_everywhere(first_screen_db):
    with TestClient(create_app(first_screen_db)) as client:
        stories = client.get("/api/stories", params={"limit": 10}).json()["items"]
        story = next(s for s in stories if s["first_source"] is None)
        article_id = story["first_article_id"]
        api = client.get(f"/api/articles/{article_id}").json()
        detail = client.get(f"/api/stories/{story['id']}").json()
        home = html.unescape(client.get("/").text)
        article_page = html.unescape(client.get(f"/article/{article_id}").text)
        story_page = html.unescape(client.get(f"/story/{story['id']}").text)
    assert story["title"] == api["title"] == DERIVED and api["title_derived"] is True
    assert detail["members"][0]["title"] == detail["timeline"][0]["title"] == DERIVED
    assert f'<a href="/story/{story["id"]}">{DERIVED}</a>' in home
    assert f'<h1 id="article-title">{DERIVED}</h1>' in article_page
    assert f'<h1 id="story-title">{DERIVED}</h1>' in story_page and "بلا عنوان" not in story_page
    exported = [json.loads(line) for line in _cli("export", "--db", first_screen_db).splitlines()]
    assert next(r for r in exported if r["id"] == article_id)["title"] == DERIVED
    assert json.loads(_cli("show", str(article_id), "--json", "--db", first_screen_db))["title"] == DERIVED
    assert DERIVED in " ".join(_cli("show", str(article_id), "--db", first_screen_db).split())  # wrapped at 80
    titled = next(r for r in exported if r["external_id"] == "dated-1")
    assert titled["title"] == DATED["title"] and titled["title_derived"] is False


def test_a_page_without_a_date_is_date_unknown_never_its_ingest_time(first_screen_db):
    store = open_store(first_screen_db)
    try:
        page = next(s for s in store.articles.scan() if s.article.title is None)
        ingested = page.first_seen_at
    finally:
        store.close()
    with TestClient(create_app(first_screen_db)) as client:
        api = client.get(f"/api/articles/{page.id}").json()
        story = client.get(f"/api/stories/{page.story_id}").json()["story"]
        pages = [client.get(path).text for path in ("/", f"/article/{page.id}", f"/story/{page.story_id}")]
    assert api["published_at"] is None and story["first_at"] is None and story["last_at"] is None
    shown_ingest = re.compile(r'<time datetime="' + ingested[:10])
    for text in pages:
        assert "تاريخ غير معروف" in text
        assert not shown_ingest.search(text), "the ingest time is shown as a date"
    assert "date unknown" in _cli("stories", "--db", first_screen_db)


def test_undated_stories_never_outrank_dated_ones(first_screen_db):
    with TestClient(create_app(first_screen_db)) as client:
        home = client.get("/").text
    cards = re.findall(r'<h2 class="card-title"><a href="/story/(\d+)">', home)
    store = open_store(first_screen_db)
    try:
        undated = {s.story_id for s in store.articles.scan() if s.article.published_at is None}
    finally:
        store.close()
    assert len(cards) == 3 and {int(c) for c in cards[-1:]} == undated


def _story(id: int, outlets: int, articles: int, last_at: str | None) -> StorySummary:
    names = tuple(f"outlet {i}" for i in range(outlets))
    return StorySummary(id=id, title=f"story {id}", articles=articles, outlets=names, first_article_id=id,
                        first_source=names[0] if names else None, first_at=last_at, last_at=last_at,
                        top_entities=())


def test_ranking_puts_every_dated_story_before_any_undated_one():
    stories = [
        _story(1, 1, 1, "2020-01-01T00:00:00+00:00"),  # old and small
        _story(2, 9, 40, None),  # broad, but with no date
        _story(3, 3, 3, "2026-11-25T10:00:00+00:00"),
        _story(4, 1, 1, None),
    ]
    assert [s.id for s in rank_stories(stories, limit=10)] == [3, 1, 2, 4]
    assert [s.id for s in rank_stories([stories[1], stories[3]], limit=10)] == [2, 4]  # no dated story at all


def test_a_page_without_an_outlet_takes_its_site_or_the_given_source(first_screen_db, tmp_path):
    store = open_store(first_screen_db)
    try:
        by_id = {s.article.external_id: s for s in store.articles.scan()}
        assert by_id["hosted-1"].article.source == "sahel-news.example"
        page = tmp_path / "given.txt"
        page.write_text("خبر آخر بلا عنوان ولا تاريخ عن افتتاح حديقة عامة في حي الزهور الجديد.", encoding="utf-8")
        engine.ingest(store, [str(page)], Settings(), {"source": "إذاعة الحي"})
        given = next(s for s in store.articles.scan() if s.article.body.startswith("خبر آخر"))
        assert given.article.source == "إذاعة الحي"
    finally:
        store.close()


def test_a_story_is_never_shown_with_zero_outlets(first_screen_db):
    store = open_store(first_screen_db)
    try:
        page = next(s for s in store.articles.scan() if s.article.title is None)
    finally:
        store.close()
    assert page.article.source is None  # a plain-text page, no --source, no URL: no outlet to name
    with TestClient(create_app(first_screen_db)) as client:
        texts = [client.get(path).text for path in ("/", f"/story/{page.story_id}", f"/article/{page.id}")]
    for text in texts:
        assert "٠ منفذ" not in text and "منفذ غير معروف" in text
    assert "منفذ واحد" in texts[1]
    assert "1 outlets" in _cli("story", str(page.story_id), "--db", first_screen_db)


def _cli(*args: str) -> str:
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_story_times_are_those_of_dated_articles():
    from naba.models import Article, StoredArticle
    from naba.stories.summaries import summarize_story

    def stored(id: int, published: str | None) -> StoredArticle:
        return StoredArticle(id=id, article=Article(body=f"نص {id}", title=f"عنوان {id}", source=f"منفذ {id}",
                                                    published_at=published),
                             first_seen_at="2031-06-15T12:00:00+00:00", fetched_at="2031-06-15T12:00:00+00:00")

    summary = summarize_story(1, [stored(3, None), stored(1, "2026-11-25T10:00:00+03:00"),
                                  stored(2, "2026-11-25T12:00:00+03:00")])
    assert (summary.first_at, summary.last_at) == ("2026-11-25T10:00:00+03:00", "2026-11-25T12:00:00+03:00")
    assert summary.first_article_id == 1 and summary.first_source == "منفذ 1"
    assert to_timestamp(summary.last_at) < to_timestamp("2031-01-01")
