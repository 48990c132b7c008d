"""The JSON API through an in-process client: the one error shape, cursors, search, escaping."""

from __future__ import annotations

import inspect

import pytest
from fastapi.testclient import TestClient

from naba.serve.paging import decode_keyset, decode_offset, encode_keyset, encode_offset
from naba.serve.web import create_app
from naba.serve.web.cache import TimedCache
from naba.serve.web.services import WebServices, web_services
from web_server import EVIL_TITLE, client, failing_client, sample_db  # noqa: F401 (fixtures)


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("GET", "/api/articles/999999", 404, "not_found"),
    ("GET", "/api/stories/999999", 404, "not_found"),
    ("GET", "/api/no-such-endpoint", 404, "not_found"),
    ("GET", "/api", 404, "not_found"),
    ("GET", "/api/articles/abc", 422, "invalid_request"),
    ("GET", "/api/articles/0", 422, "invalid_request"),
    ("GET", "/api/stories?limit=0", 422, "invalid_request"),
    ("GET", "/api/stories?cursor=not-a-cursor", 422, "invalid_request"),
    ("GET", "/api/search", 422, "invalid_request"),
    ("GET", "/api/search?q=x&since=not-a-date", 422, "invalid_request"),
    ("POST", "/api/stats", 405, "method_not_allowed"),
])
def test_every_api_error_has_one_shape(client, method, path, status, code):
    _error(client.request(method, path), status, code)


def test_a_crash_is_a_500_in_the_same_shape_without_internals(failing_client):
    error = _error(failing_client.get("/api/boom"), 500, "internal_error")
    assert "secret" not in error["message"]


def test_a_crash_on_a_page_is_an_arabic_error_page(failing_client):
    response = failing_client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert 'lang="ar" dir="rtl"' in response.text
    assert "حدث خطأ عندنا" in response.text and "secret" not in response.text


def test_pages_answer_errors_with_html_and_the_right_status(client):
    response = client.get("/article/999999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "لم نجد هذه الصفحة" in response.text
    assert client.get("/no/such/page").status_code == 404


@pytest.mark.parametrize("value", [(1764400000.5, 42), (0.0, 1), (1.0e9, 2**53 - 1)])
def test_keyset_cursors_round_trip(value):
    assert decode_keyset(encode_keyset(*value)) == value


def test_offset_cursors_round_trip_and_kinds_do_not_mix():
    assert decode_offset(encode_offset(40)) == 40
    with pytest.raises(Exception, match="malformed cursor"):
        decode_keyset(encode_offset(40))


def _walk(client, path: str, limit: int, **params) -> list[int]:
    ids, cursor, pages = [], None, 0
    while True:
        response = client.get(path, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        items = body["items"] if "items" in body else body["articles"]["items"]
        cursor = body["next_cursor"] if "next_cursor" in body else body["articles"]["next_cursor"]
        assert len(items) <= limit
        ids.extend(item["article"]["id"] if "article" in item else item["id"] for item in items)
        pages += 1
        if cursor is None:
            return ids
        assert pages < 200, "the cursor never ends"


def test_story_pages_cover_every_story_once_in_order(client):
    everything = [s["id"] for s in client.get("/api/stories", params={"limit": 100}).json()["items"]]
    assert len(everything) > 20
    walked = _walk(client, "/api/stories", limit=7)
    assert walked == everything  # same order, nothing repeated, nothing skipped


def test_entity_articles_page_with_cursors(client):
    first = client.get("/api/entities/ليبيا", params={"limit": 100}).json()
    everything = [a["id"] for a in first["articles"]["items"]]
    assert len(everything) >= 2
    assert _walk(client, "/api/entities/ليبيا", limit=1) == everything


def test_search_pages_with_cursors(client):
    total = client.get("/api/search", params={"q": "المسؤولين"}).json()["total"]
    assert total > 5
    walked = _walk(client, "/api/search", limit=4, q="المسؤولين")
    assert len(walked) == len(set(walked)) == total


@pytest.mark.parametrize(("variant", "canonical"), [
    ("المسئولين", "المسؤولين"),  # hamza seat
    ("الاسكندرية", "الإسكندرية"),  # hamza on alef
    ("القاهره", "القاهرة"),  # teh marbuta
    ("عاجــل", "عاجل"),  # tatweel
])
def test_search_finds_the_same_articles_in_any_spelling(client, variant, canonical):
    def ids(q):
        body = client.get("/api/search", params={"q": q, "limit": 100}).json()
        return [item["article"]["id"] for item in body["items"]]

    assert ids(canonical)
    assert ids(variant) == ids(canonical)


def test_search_highlights_are_ranges_inside_the_snippet(client):
    body = client.get("/api/search", params={"q": "النفط"}).json()
    assert body["items"]
    for item in body["items"]:
        for start, end in item["highlights"]:
            assert 0 <= start < end <= len(item["snippet"])
            assert "نفط" in item["snippet"][start:end]


def test_search_filters_by_outlet(client):
    body = client.get("/api/search", params={"q": "النفط", "source": "الخبر اليومي", "limit": 100}).json()
    assert body["items"] and {i["article"]["source"] for i in body["items"]} == {"الخبر اليومي"}


def test_article_by_id(client):
    first = client.get("/api/stories", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/api/articles/{first['first_article_id']}").json()
    assert body["id"] == first["first_article_id"]
    assert body["story_id"] == first["id"]
    assert body["body"]
    assert all(set(e) == {"name", "canonical", "kind"} for e in body["entities"])


def test_every_spelling_of_an_entity_is_one_entity(client):
    names = {client.get(f"/api/entities/{spelling}").json()["name"]
             for spelling in ("زيلنسكي", "زيلينسكي", "زيلينيسكي")}
    assert names == {"فولوديمير زيلينسكي"}


def test_story_detail(client):
    multi = next(s for s in client.get("/api/stories", params={"limit": 100}).json()["items"]
                 if len(s["outlets"]) > 1)
    body = client.get(f"/api/stories/{multi['id']}").json()
    assert body["story"]["id"] == multi["id"]
    assert len(body["members"]) == multi["articles"]
    assert body["first_reporter"]["id"] == body["members"][0]["id"]
    assert [t["article_id"] for t in body["timeline"]] == [m["id"] for m in body["members"]]


def test_a_story_links_the_other_stories_its_articles_list_as_similar(client):
    stories = client.get("/api/stories", params={"limit": 100}).json()["items"]
    linked_somewhere = 0
    for story in stories:
        body = client.get(f"/api/stories/{story['id']}").json()
        similar_of_members = {item["story_id"] for m in body["members"]
                              for item in client.get(f"/api/articles/{m['id']}/related").json()["similar"]}
        links = [link["story"]["id"] for link in body["linked"]]
        assert story["id"] not in links and len(links) == len(set(links))
        assert set(links) <= similar_of_members
        linked_somewhere += bool(links)
    assert linked_somewhere >= 5  # the sample's summit, storm and rate-cut stories link their developments


def test_stats_and_sources(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == sum(stats["per_source"].values())
    sources = client.get("/api/sources").json()
    assert {o["name"] for o in sources["outlets"]} == set(stats["per_source"])


def test_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles/{article_id}", "/api/articles/{article_id}/related", "/api/stories",
                 "/api/stories/{story_id}", "/api/search", "/api/entities/{name}", "/api/sources", "/api/stats"):
        assert path in spec["paths"]
    assert not any(p.startswith(("/story", "/article", "/entity")) for p in spec["paths"])  # pages stay out
    error = spec["paths"]["/api/stories"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]
    assert error["$ref"].endswith("/ErrorResponse")


def test_api_returns_scraped_html_as_plain_json_text(client):
    body = client.get("/api/search", params={"q": "خطير مقتبس"}).json()
    assert body["items"][0]["article"]["title"] == EVIL_TITLE


def test_related_lists_one_entry_per_story_and_never_the_article_itself(client):
    stories = client.get("/api/stories", params={"limit": 100}).json()["items"]
    checked = 0
    for story in stories[:30]:
        article_id = story["first_article_id"]
        body = client.get(f"/api/articles/{article_id}/related").json()
        assert body["article_id"] == article_id
        for name in ("similar", "read_also"):
            for item in body[name]:
                assert {"id", "story_id", "score", "why"} <= set(item)
                assert 0 <= item["score"] <= 1
                assert item["id"] != article_id
        similar_stories = [item["story_id"] for item in body["similar"]]
        assert len(similar_stories) == len(set(similar_stories))
        checked += bool(body["similar"])
    assert checked > 0


def test_related_of_a_missing_article_is_a_404(client):
    _error(client.get("/api/articles/999999/related"), 404, "not_found")


def test_the_cache_keeps_values_for_a_while_and_the_most_recent_ones():
    now = [0.0]
    cache = TimedCache(10, lambda: now[0], max_items=2)
    calls = []

    def compute(key):
        calls.append(key)
        return key * 2

    assert cache.get(1, lambda: compute(1)) == 2
    assert cache.get(1, lambda: compute(1)) == 2 and calls == [1]  # a hit
    now[0] = 11
    cache.get(1, lambda: compute(1))
    assert calls == [1, 1]  # expired, computed again
    cache.get(2, lambda: compute(2))
    cache.get(1, lambda: compute(1))  # 1 is now the most recent
    cache.get(3, lambda: compute(3))  # evicts 2, the least recent
    cache.get(1, lambda: compute(1))
    cache.get(2, lambda: compute(2))
    assert calls == [1, 1, 2, 3, 2]


def test_threads_missing_one_value_compute_it_once_and_get_the_older_value_meanwhile():
    import threading

    now = [0.0]
    cache = TimedCache(10, lambda: now[0])
    computing, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow() -> int:
        calls.append(1)
        computing.set()
        release.wait(10)
        return len(calls)

    results: list[int] = []
    first = threading.Thread(target=lambda: results.append(cache.get("stats", slow)))
    first.start()
    assert computing.wait(10)
    second = threading.Thread(target=lambda: results.append(cache.get("stats", slow)))
    second.start()
    second.join(0.2)
    assert second.is_alive()  # no value yet: it waits for the first thread's, computing nothing
    release.set()
    first.join(10), second.join(10)
    assert results == [1, 1] and calls == [1]

    now[0] = 11  # expired: one thread computes it again; others get the older value meanwhile
    computing.clear(), release.clear()
    again = threading.Thread(target=lambda: results.append(cache.get("stats", slow)))
    again.start()
    assert computing.wait(10)
    assert cache.get("stats", slow) == 1 and calls == [1, 1]
    release.set()
    again.join(10)
    assert results[-1] == 2 and cache.get("stats", slow) == 2


def test_a_missing_article_is_not_cached(client):
    assert client.get("/article/999999").status_code == 404
    assert client.get("/article/999999").status_code == 404


def test_the_apps_services_keep_an_article_page_and_its_related_lists(sample_db):
    app = create_app(sample_db)
    with TestClient(app) as fresh:
        services = app.state.services
        assert isinstance(services, WebServices)
        article_id = fresh.get("/api/stories", params={"limit": 1}).json()["items"][0]["first_article_id"]
        assert services.page_cache.lookup(("article", article_id)) is None
        page = fresh.get(f"/article/{article_id}")
        assert page.status_code == 200
        assert services.page_cache.lookup(("article", article_id)) == page.text
        assert services.related_cache.lookup((article_id, 10, 3)) is not None  # the lists the page shows
        assert fresh.get("/article/999999").status_code == 404
        assert services.page_cache.lookup(("article", 999999)) is None
        assert services.stats().articles == fresh.get("/api/stats").json()["articles"]


def test_a_search_for_a_name_keeps_the_spellings_the_store_has_seen_for_it(sample_db):
    app = create_app(sample_db)
    with TestClient(app) as fresh:
        services = app.state.services
        assert services.spellings_cache.lookup("فولوديمير زيلينسكي") is None
        found = fresh.get("/api/search", params={"q": "زيلنسكي"}).json()
        assert found["total"] >= 3  # every spelling of the seed's three
        seen = services.spellings_cache.lookup("فولوديمير زيلينسكي")
        assert seen is not None and len(seen) >= 2  # read once, then kept for the next search naming him
        again = fresh.get("/api/search", params={"q": "زيلينيسكي"}).json()
        assert again["total"] == found["total"]


def test_the_services_dependency_runs_on_the_event_loop():
    """A sync dependency would take a worker thread, and a cached page is meant to need none."""
    assert inspect.iscoroutinefunction(web_services)


def test_naba_serve_serves_the_site(sample_db):
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from web_server import free_port

    port = free_port()
    naba = Path(sys.executable).with_name("naba")
    server = subprocess.Popen([str(naba), "serve", "--db", sample_db, "--port", str(port), "--no-access-log"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline, body = time.monotonic() + 60, None
        while body is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=2) as response:
                    body = response.read()
            except OSError:
                time.sleep(0.2)
        assert body is not None, server.stderr.read() if server.poll() is not None else "no answer in 60 s"
        assert b'"articles"' in body
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_naba_serve_rejects_an_unknown_store_mode(sample_db):
    from typer.testing import CliRunner

    from naba.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", sample_db, "--store-mode", "shared"])
    assert result.exit_code == 2
