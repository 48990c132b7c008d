"""The Content-Security-Policy in a real browser (issue 15, item 10): the site's own pages and the API
docs raise no violation, and the API docs run offline, from naba's own copy of Swagger UI.

Debian's chromium through Playwright, against a real uvicorn server (``live_server``). A violation is
caught two ways: the page's ``securitypolicyviolation`` events and the browser's console; a planted
violation proves the listener hears them. Requests to any host but the test server are refused and
recorded, so the docs page cannot lean on a CDN.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from chromium_browser import browser, pytestmark  # noqa: F401 (fixture, skip marker)
from web_server import live_server, sample_db  # noqa: F401 (fixtures)

LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="ar")
    local = urlsplit(live_server).netloc
    context.outside = []

    def only_local(route):
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            context.outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    context.add_init_script(LISTEN)
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    opened.console_csp = []
    opened.on("console", lambda m: opened.console_csp.append(m.text)
              if "Content Security Policy" in m.text else None)
    yield opened
    assert context.outside == [], "the page asked another host for something"
    context.close()


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations") + page.console_csp


def test_the_sites_pages_raise_no_csp_violation(page, live_server):
    page.goto(live_server + "/")
    assert _violations(page) == []
    story = page.locator(".card-title a").first.get_attribute("href")
    for path in (story, "/search?q=%D8%B2%D9%8A%D9%84%D9%86%D8%B3%D9%83%D9%8A", "/no/such/page"):
        page.goto(live_server + path)
        page.wait_for_load_state("load")
        assert _violations(page) == [], path
    article = page.goto(live_server + story) and page.locator(".versions .row-title").first.get_attribute("href")
    page.goto(live_server + article)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"  # the stylesheet was applied
    assert _violations(page) == []


def test_a_planted_violation_is_heard(page, live_server):
    """The listener is live: an inline style attribute the policy forbids is reported."""
    page.goto(live_server + "/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_function("window.__violations.length > 0")
    assert any("style-src" in v for v in _violations(page))


def test_the_api_docs_render_offline_without_a_csp_violation(page, live_server):
    page.goto(live_server + "/api/docs")
    page.wait_for_selector(".opblock-summary-path", state="attached")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/articles/{article_id}" in p.replace("\u200b", "") for p in paths), paths
    stats = page.locator(".opblock", has=page.locator(".opblock-summary-path[data-path='/api/stats']"))
    stats.locator(".opblock-summary-control").click()  # open an operation: its schema and examples
    stats.locator("button.try-out__btn").click()
    stats.locator("button.execute").click()  # and run it against the server
    stats.locator(".live-responses-table tbody .response-col_status").first.wait_for()
    assert stats.locator(".live-responses-table tbody .response-col_status").first.inner_text().strip() == "200"
    assert _violations(page) == []
