"""Out-of-range values answer 404/422 in the one error shape, never 500, on both backends (issue 15,
item 9): ids past what a store holds, cursors that carry one, days whose next day does not exist, NUL
characters (which PostgreSQL text cannot hold)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from naba import engine
from naba.serve.paging import encode_keyset, encode_offset
from naba.serve.web import create_app
from naba.settings import Settings
from naba.store import open_store

HUGE = "12345678901234567890"  # 20 digits: past 2^63
RECORDS = [
    {"id": f"r{n}", "source": source, "url": f"https://news.example/{n}", "date": f"2026-11-2{n}T10:00:00+03:00",
     "title": f"خبر رقم {n} عن زيلينسكي", "content": f"نص الخبر رقم {n} عن لقاء زيلينسكي في كييف. " * 5}
    for n, source in enumerate(["الواحة", "النخيل", "الواحة"], start=1)
]


@pytest.fixture
def web(store_url, tmp_path):
    store = open_store(store_url)
    try:
        path = tmp_path / "records.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
        assert engine.ingest(store, [str(path)], Settings()).stored == len(RECORDS)
    finally:
        store.close()
    with TestClient(create_app(store_url), raise_server_exceptions=False) as client:
        yield client


API = [
    f"/api/articles/{HUGE}", f"/api/articles/{HUGE}/related", f"/api/stories/{HUGE}",
    "/api/articles/-1", f"/api/articles/{2**63}", f"/api/stories/{2**53}",
    "/api/stories?cursor=" + encode_keyset(1.0, 2**64),
    "/api/stories?cursor=" + encode_keyset(1.0, 2**63),
    "/api/stories?cursor=" + encode_keyset(1.0, -(2**63) - 1),
    "/api/stories?cursor=" + encode_keyset(1e300, 5),
    "/api/stories?cursor=" + encode_keyset(-1e300, 5),
    f"/api/entities/{'زيلينسكي'}?cursor=" + encode_keyset(1.0, 2**64),
    "/api/search?q=x&cursor=" + encode_offset(10**12),
    "/api/stories?since=9999-12-31", "/api/stories?until=0001-01-01", "/api/search?q=x&since=9999-12-31",
    "/api/stories?since=9999-12-31T23:59:59-12:00",
    "/api/search?q=%00", "/api/search?q=x&source=%00", "/api/entities/%00", "/api/stories?entity=a%00b",
    "/api/stories?source=%00", "/api/search?q=x&tag=%00",
]
PAGES = [
    f"/article/{HUGE}", f"/story/{HUGE}", f"/story/{HUGE}/feed.atom", "/article/-5", f"/article/{2**63}",
    "/?day=9999-12-31", "/?day=99999-01-01", "/?day=2026-02-30",
    "/source/%D8%A7%D9%84%D9%88%D8%A7%D8%AD%D8%A9?cursor=" + encode_keyset(1.0, 2**64),
    "/entity/x?cursor=" + encode_keyset(1.0, 2**64), "/search?q=%00", "/search?q=x&since=9999-12-31",
    "/search?q=x&until=0001-01-01", "/source/%00", "/entity/%00", "/source/%00/feed.atom",
]


@pytest.mark.parametrize("path", API)
def test_api_out_of_range_values_are_404_or_422_in_the_one_shape(web, path):
    response = web.get(path)
    assert response.status_code in (404, 422), (path, response.status_code, response.text)
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == response.status_code and error["code"] in ("not_found", "invalid_request")


@pytest.mark.parametrize("path", PAGES)
def test_page_out_of_range_values_are_404_or_422_pages(web, path):
    response = web.get(path)
    assert response.status_code in (404, 422), (path, response.status_code)
    if not path.endswith(".atom"):
        assert response.headers["content-type"].startswith("text/html") and 'dir="rtl"' in response.text


def test_the_largest_id_is_an_ordinary_missing_article(web):
    """The bound is on what an id can be, not on what is stored: the largest one is a plain 404."""
    assert web.get(f"/api/articles/{2**53 - 1}").status_code == 404
    assert web.get(f"/article/{2**53 - 1}").status_code == 404
    assert web.get("/?day=0001-01-01").status_code == 200  # an old day with no news is an empty archive page
    assert web.get("/?day=9999-12-30").status_code == 200
