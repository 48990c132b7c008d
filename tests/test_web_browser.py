"""The site in a real browser: Debian's chromium driven by Playwright against a real uvicorn server.

Playwright never downloads a browser here: it launches /usr/bin/chromium (installed by .ci/run).
Screenshots at phone and desktop widths go to test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chromium_browser import browser, pytestmark  # noqa: F401 (fixture, skip marker)
from web_server import live_server, sample_db  # noqa: F401 (fixtures)

SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture(params=list(WIDTHS))
def page(request, browser):
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ar")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    opened.width_name = request.param
    yield opened
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{page.width_name}.png"), full_page=True)


def _no_horizontal_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px at {page.width_name} width"


def test_reader_path_home_story_article_tag(page, live_server):
    page.goto(live_server + "/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    _no_horizontal_scroll(page)
    _shot(page, "home")

    # the first card is a story several outlets carry
    page.locator(".card-title a").first.click()
    page.wait_for_url(re.compile(r"/story/\d+$"))
    assert page.get_by_role("heading", name="التسلسل الزمني").is_visible()
    _no_horizontal_scroll(page)
    _shot(page, "story")

    page.locator(".versions .row-title").first.click()
    page.wait_for_url(re.compile(r"/article/\d+$"))
    assert page.get_by_role("heading", name="مقالات مشابهة").is_visible()
    stories = page.locator(".similar li[data-story]").evaluate_all("els => els.map(e => e.dataset.story)")
    assert len(stories) == len(set(stories)), "similar articles repeat a story"
    _no_horizontal_scroll(page)
    _shot(page, "article")

    tag = page.locator(".article .tags a").first
    name = tag.inner_text()
    tag.click()
    page.wait_for_url(re.compile(r"/entity/"))
    assert page.locator("h1").inner_text() != ""
    assert page.locator(".rows a, .cards a").count() > 0, f"the tag page of {name!r} lists nothing"
    _shot(page, "entity")


def test_search_in_another_spelling_finds_the_article(page, live_server):
    page.goto(live_server + "/")
    box = page.get_by_role("searchbox", name="ابحث في الأخبار")
    box.fill("الاسكندريه")  # the articles write الإسكندرية: hamza and teh marbuta differ
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    assert page.locator(".hit").count() > 0
    assert "الإسكندرية" in page.locator(".hit mark").first.inner_text()
    _no_horizontal_scroll(page)
    _shot(page, "search")
    page.locator(".hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/article/\d+$"))
    assert "الإسكندرية" in page.locator(".article").inner_text()


def test_keyboard_reaches_the_content_first(page, live_server):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "تخطَّ إلى المحتوى"
    assert skip.is_visible()  # the skip link shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_error_page_is_styled_arabic(page, live_server):
    response = page.goto(live_server + "/article/999999")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "لم نجد هذه الصفحة"
    _shot(page, "not-found")


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """What `make demo` serves: a store loaded by the real `naba demo` command, then the site on it."""
    import subprocess
    import sys

    from web_server import serve_in_thread

    db = tmp_path_factory.mktemp("demo") / "naba.db"
    loaded = subprocess.run([sys.executable, "-m", "naba", "demo", "--db", str(db)], capture_output=True, text=True,
                            timeout=300)
    assert loaded.returncode == 0, loaded.stderr
    with serve_in_thread(str(db)) as url:
        yield url


def test_the_demo_opens_on_a_real_front_page(page, demo_server):
    """Several multi-outlet stories on top; every card with a title, a time and its outlets; no page
    stamped with the moment it was ingested, no "0 outlets"."""
    page.goto(demo_server + "/")
    cards = page.locator(".cards .card")
    assert cards.count() >= 10
    assert all("multi" in (cards.nth(i).get_attribute("class") or "") for i in range(4)), \
        "the first four cards are not all stories carried by several outlets"
    for i in range(cards.count()):
        card = cards.nth(i)
        title = card.locator(".card-title a").inner_text().strip()
        assert title and title != "بلا عنوان", f"card {i} has no title"
        times = card.locator(".meta time")
        assert times.count() == 1, f"card {i} ({title}) shows no time"
        assert times.first.get_attribute("datetime").startswith("2026-11-2"), \
            f"card {i} ({title}) is dated {times.first.get_attribute('datetime')}, not a date of the sample"
        assert card.locator(".outlets a").count() >= 1, f"card {i} ({title}) names no outlet"
        badge = card.locator(".badge").inner_text()
        assert not badge.startswith("٠"), f"card {i} ({title}) shows {badge}"
    _shot(page, "demo-home")
