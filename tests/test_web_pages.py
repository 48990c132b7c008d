"""The HTML pages and Atom feeds through an in-process client: content, escaping, redirects."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import quote, unquote

import pytest

from naba.serve.search import Snippet
from naba.serve.web import pages
from naba.serve.web.dates import arabic_date, arabic_datetime
from naba.serve.web.render import highlight, plural
from web_server import EVIL_TITLE, client, sample_db  # noqa: F401 (fixtures)

ATOM = "{http://www.w3.org/2005/Atom}"


def _stories(client) -> list[dict]:
    return client.get("/api/stories", params={"limit": 100}).json()["items"]


def _multi_outlet_story(client) -> dict:
    return max(_stories(client), key=lambda s: (len(s["outlets"]), s["id"]))


@pytest.mark.parametrize(("iso", "shown"), [
    ("2026-11-29T07:30:00+00:00", "٢٩ نوفمبر ٢٠٢٦، ١٠:٣٠"),  # UTC shown in Mecca time
    ("2026-11-29T10:30:00+03:00", "٢٩ نوفمبر ٢٠٢٦، ١٠:٣٠"),
    ("2026-01-31T22:15:00", "١ فبراير ٢٠٢٦، ٠١:١٥"),  # naive is UTC, as the store orders it
    ("not a date", ""),
    (None, ""),
])
def test_dates_are_arabic_in_one_zone(iso, shown):
    assert arabic_datetime(iso) == shown


def test_day_names_for_the_archive():
    assert arabic_date("2026-11-25") == "٢٥ نوفمبر ٢٠٢٦"


@pytest.mark.parametrize(("n", "text"), [(1, "مقال واحد"), (2, "مقالان"), (3, "٣ مقالات"), (10, "١٠ مقالات"),
                                         (11, "١١ مقالًا"), (103, "١٠٣ مقالات"), (1000, "١٬٠٠٠ مقالًا")])
def test_counts_agree_with_the_noun(n, text):
    assert plural(n, "مقال واحد", "مقالان", "مقالات", "مقالًا") == text


def test_highlight_cuts_a_snippet_into_pieces():
    assert highlight(Snippet("سعر النفط اليوم", ((4, 9),))) == [("سعر ", False), ("النفط", True), (" اليوم", False)]


def test_every_page_is_arabic_right_to_left_with_landmarks(client):
    story = _multi_outlet_story(client)
    for path in ("/", f"/story/{story['id']}", f"/article/{story['first_article_id']}", "/search?q=النفط",
                 "/source/" + quote(story["outlets"][0]), "/no-such-page"):
        html = client.get(path).text
        assert '<html lang="ar" dir="rtl">' in html, path
        for landmark in ("<header", "<main", "<footer", '<a class="skip" href="#main">'):
            assert landmark in html, (path, landmark)
        assert html.count("<h1") == 1, path


def test_home_ranks_stories_by_outlets_and_links_them(client):
    html = client.get("/").text
    ids = [int(i) for i in re.findall(r'class="card-title"><a href="/story/(\d+)"', html)]
    assert ids, "no stories on the home page"
    by_id = {s["id"]: s for s in _stories(client)}
    assert len(by_id[ids[0]]["outlets"]) >= 2  # a story many outlets carry leads
    assert "أرشيف الأيام" in html and 'href="/?day=' in html


def test_day_archive_shows_that_days_stories(client):
    html = client.get("/?day=2026-11-25").text
    assert "أخبار ٢٥ نوفمبر ٢٠٢٦" in html
    assert client.get("/?day=yesterday").status_code == 422


def test_story_page_shows_versions_timeline_first_reporter(client):
    story = _multi_outlet_story(client)
    html = client.get(f"/story/{story['id']}").text
    for heading in ("أول من نشر", "رواية كل منفذ", "التسلسل الزمني", "سلسلة الإسناد", "الكيانات"):
        assert heading in html
    for outlet in story["outlets"]:
        assert outlet in html
    assert f'href="/article/{story["first_article_id"]}"' in html


def test_story_page_links_its_linked_stories(client):
    linked = [(s["id"], body["linked"]) for s in _stories(client)
              for body in [client.get(f"/api/stories/{s['id']}").json()] if body["linked"]]
    assert linked
    story_id, links = linked[0]
    html = client.get(f"/story/{story_id}").text
    assert "قصص مرتبطة" in html
    section = html.split('id="linked"', 1)[1]
    assert [int(i) for i in re.findall(r'<li data-story="(\d+)"', section)] == [link["story"]["id"] for link in links]


def test_article_page_has_its_blocks_and_similar_never_repeats_a_story(client):
    for story in _stories(client)[:25]:
        html = client.get(f"/article/{story['first_article_id']}").text
        assert "مقالات مشابهة" in html
        assert f'href="/story/{story["id"]}"' in html or len(story["outlets"]) < 2
        similar = html.split('id="similar"', 1)[1]
        stories = re.findall(r'<li data-story="(\d*)"', similar)
        assert len(stories) == len(set(stories))


def test_article_page_and_api_show_the_outlets_the_text_credits(client):
    # the sample's wire copy credits the agency in its text, not in a «المصدر:» line
    article = next(body for n in range(1, 200)
                   if (body := client.get(f"/api/articles/{n}").json()).get("external_id") == "nabd-0112")
    assert article["credited_source"] is None
    assert article["attribution"] == ["وكالة الأنباء العربية المتحدة"]
    html = client.get(f"/article/{article['id']}").text
    assert '<p class="credit quoted">نقلا عن: <strong>وكالة الأنباء العربية المتحدة</strong></p>' in html


def test_article_tags_are_links_to_entity_pages(client):
    story = next(s for s in _stories(client) if s["top_entities"])
    html = client.get(f"/article/{story['first_article_id']}").text
    tags = re.findall(r'<li><a href="(/entity/[^"]+)">', html)
    assert tags
    assert client.get(tags[0]).status_code == 200


def test_every_spelling_lands_on_one_entity_page(client):
    canonical = "/entity/" + quote("فولوديمير زيلينسكي", safe="")
    for spelling in ("زيلنسكي", "زيلينسكي", "زيلينيسكي"):
        response = client.get("/entity/" + quote(spelling), follow_redirects=False)
        assert response.status_code == 301
        assert response.headers["location"] == "http://testserver" + canonical  # absolute, on the server's address
    page = client.get(canonical)
    assert page.status_code == 200 and "فولوديمير زيلينسكي" in page.text


def test_a_plain_tag_page_lists_the_articles_that_mention_it(client):
    response = client.get("/entity/" + quote("النفط"), follow_redirects=True)
    assert response.status_code == 200
    assert 'href="/article/' in response.text
    assert client.get("/entity/" + quote("كلمةلاتوجدابدا")).status_code == 404


def test_outlet_page_pages_with_a_cursor(client, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 6)
    outlet = max(client.get("/api/stats").json()["per_source"].items(), key=lambda kv: kv[1])[0]
    first = client.get("/source/" + quote(outlet)).text
    more = re.search(r'rel="next" href="\?cursor=([^"]+)"', first)
    assert more, "an outlet with over 6 articles has a next page"
    second = client.get("/source/" + quote(outlet), params={"cursor": unquote(more.group(1))}).text
    first_ids, second_ids = (set(re.findall(r'class="row-title" href="/article/(\d+)"', html))
                             for html in (first, second))
    assert first_ids and second_ids and not first_ids & second_ids


def test_search_page_highlights_and_filters(client):
    html = client.get("/search", params={"q": "الاسكندرية"}).text  # written الإسكندرية in the articles
    assert "<mark>الإسكندرية</mark>" in html
    outlet = "الخبر اليومي"
    filtered = client.get("/search", params={"q": "النفط", "source": outlet}).text
    metas = re.findall(r'<p class="meta"><a href="/source/([^"]+)">', filtered)
    assert metas and {unquote(m) for m in metas} == {outlet}


def test_search_page_paginates(client, monkeypatch):
    monkeypatch.setattr(pages, "PAGE_SIZE", 5)
    first = client.get("/search", params={"q": "المسؤولين"}).text
    assert 'rel="next"' in first
    second = client.get("/search", params={"q": "المسؤولين", "page": 2}).text
    first_ids, second_ids = (set(re.findall(r'<h3><a href="/article/(\d+)"', html)) for html in (first, second))
    assert first_ids and second_ids and not first_ids & second_ids


def test_scraped_html_is_escaped_everywhere(client):
    evil_id = client.get("/api/search", params={"q": "خطير مقتبس"}).json()["items"][0]["article"]["id"]
    pages = [f"/article/{evil_id}", "/search?q=" + quote("خطير مقتبس"), "/source/" + quote("موقع <b>خبيث</b>")]
    for path in pages:
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>خبيث" not in html, path
        assert "&lt;script&gt;alert(" in html or "&lt;img src=x" in html, path
    article = client.get(f"/article/{evil_id}").text
    assert 'href="javascript:' not in article  # a source URL is linked only if it is http(s)


def test_atom_feeds_parse_and_escape(client):
    story = _multi_outlet_story(client)
    feeds = ["/feed.atom", f"/story/{story['id']}/feed.atom", "/source/" + quote("موقع <b>خبيث</b>") + "/feed.atom",
             "/entity/" + quote("فولوديمير زيلينسكي", safe="") + "/feed.atom"]
    for path in feeds:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("application/atom+xml")
        root = ET.fromstring(response.content)
        assert root.tag == f"{ATOM}feed"
        assert root.findall(f"{ATOM}entry"), path
    evil = ET.fromstring(client.get(feeds[2]).content)
    assert evil.find(f"{ATOM}entry/{ATOM}title").text == EVIL_TITLE  # escaped on the wire, intact once parsed
    assert client.get("/story/999999/feed.atom").status_code == 404


def test_static_assets_are_served(client):
    css = client.get("/static/site.css")
    assert css.status_code == 200 and "Noto Naskh Arabic" in css.text


def _summary(story_id: int, outlets: int, hours_ago: float, articles: int | None = None):
    from datetime import UTC, datetime, timedelta

    from naba.models import StorySummary

    at = (datetime(2026, 11, 28, 12, tzinfo=UTC) - timedelta(hours=hours_ago)).isoformat()
    names = tuple(f"outlet {i}" for i in range(outlets))
    return StorySummary(story_id, f"story {story_id}", articles or outlets, names, story_id, names[0], at, at, ())


@pytest.mark.parametrize(("hours_older", "broad_first"), [(0, True), (18, True), (36, False)])
def test_the_home_page_weighs_outlets_against_age(hours_older, broad_first):
    """Two outlets weigh 2^1.5 + 0.2 = 3.03 against one outlet's 1.1: the broad story stays ahead one
    half-life (18 h) older (1.51), not two (0.76)."""
    from naba.stories.ranking import rank_stories

    narrow, broad = _summary(1, outlets=1, hours_ago=0), _summary(2, outlets=2, hours_ago=hours_older)
    ranked = [s.id for s in rank_stories([narrow, broad], limit=10)]
    assert ranked == ([2, 1] if broad_first else [1, 2])


def test_ties_go_to_the_later_story_then_the_higher_id_and_the_limit_holds():
    from naba.stories.ranking import rank_stories

    stories = [_summary(i, outlets=1, hours_ago=0) for i in (3, 1, 2)] + [_summary(4, outlets=1, hours_ago=1)]
    assert [s.id for s in rank_stories(stories, limit=3)] == [3, 2, 1]
    assert rank_stories([], limit=3) == ()


def test_the_search_page_keeps_its_html_not_its_results(client):  # noqa: F811
    # a cached view is ~100 objects that a server's full garbage collections walk; the HTML is one string
    from naba.serve.web.services import search_key

    services = client.app.state.services
    assert client.get("/search", params={"q": "النفط"}).status_code == 200
    key = search_key("النفط", source=None, since=None, until=None, tag=None, offset=0, limit=pages.PAGE_SIZE)
    assert isinstance(services.search_pages.lookup((key, 1)), str)
    assert services.search_cache.lookup(key) is None
    assert client.get("/api/search", params={"q": "النفط", "limit": pages.PAGE_SIZE}).status_code == 200
    assert services.search_cache.lookup(key) is not None  # the API keeps the results it serializes
