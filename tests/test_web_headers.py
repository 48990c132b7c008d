"""What every answer carries (issue 15, item 10): security headers, a Content-Security-Policy the site's
own pages satisfy (checked in a real browser by test_web_browser_csp.py), Cache-Control by kind of
answer, HEAD answered like GET, the API docs' assets served by naba, and absolute links built from the
configured base URL, never from the request's Host header."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from naba.serve.web import create_app
from naba.serve.web.headers import SITE_CSP, asset_url
from naba.settings import Settings
from web_server import client, failing_client, sample_db  # noqa: F401 (fixtures)

SECURITY = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
            "referrer-policy": "strict-origin-when-cross-origin"}
EVIL_HOST = "evil.example"


def _first_article(client) -> int:
    return client.get("/api/stories?limit=1").json()["items"][0]["id"]


def _asset(client, name: str) -> str:
    return re.search(rf'(/static/{re.escape(name)}\?v=[0-9a-f]+)', client.get("/").text).group(1)


def _urls(client) -> dict[str, str]:
    story = _first_article(client)
    return {"page": "/", "story": f"/story/{story}", "search": "/search?q=%D8%B2%D9%8A%D9%84%D9%86%D8%B3%D9%83%D9%8A",
            "feed": "/feed.atom", "api": "/api/stats", "api list": "/api/stories?limit=2", "openapi": "/openapi.json",
            "docs": "/api/docs", "static versioned": _asset(client, "site.css"), "static": "/static/site.css",
            "page 404": "/article/999999", "api 404": "/api/articles/999999", "api 422": "/api/articles/0",
            "health": "/healthz"}


CACHE = {"page": "public, max-age=60", "story": "public, max-age=60", "search": "public, max-age=60",
         "feed": "public, max-age=300", "api": "no-store", "api list": "no-store", "openapi": "no-store",
         "docs": "no-store", "static versioned": "public, max-age=31536000, immutable",
         "static": "public, max-age=86400", "page 404": "no-store", "api 404": "no-store", "api 422": "no-store",
         "health": "no-store"}


def test_every_kind_of_answer_has_the_security_headers_and_its_cache_policy(client):
    for kind, url in _urls(client).items():
        response = client.get(url)
        for name, value in SECURITY.items():
            assert response.headers.get(name) == value, (kind, name)
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp, kind
        assert response.headers["cache-control"] == CACHE[kind], kind


def test_the_site_csp_allows_no_script_and_only_its_own_styles_and_images(client):
    assert client.get("/").headers["content-security-policy"] == SITE_CSP
    assert "script-src" not in SITE_CSP and "'unsafe-inline'" not in SITE_CSP
    assert "script-src 'self';" in client.get("/api/docs").headers["content-security-policy"]


def test_a_500_carries_the_headers_too(failing_client):
    response = failing_client.get("/api/boom")
    assert response.status_code == 500
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


def test_head_is_answered_like_get_without_a_body(client):
    for kind, url in _urls(client).items():
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code, kind
        assert head.content == b"", kind
        for name in ("content-type", "cache-control", "content-security-policy", "x-content-type-options"):
            assert head.headers.get(name) == got.headers.get(name), (kind, name)
        assert head.headers.get("content-length") == got.headers.get("content-length"), kind


def test_asset_urls_carry_the_version_of_their_content(tmp_path):
    (tmp_path / "a.css").write_text("body{}")
    url = asset_url(tmp_path, "/static")
    first = url("a.css")
    assert re.fullmatch(r"/static/a\.css\?v=[0-9a-f]{12}", first)
    (tmp_path / "a.css").write_text("body{color:red}")
    from naba.serve.web import headers
    headers._version.cache_clear()
    assert url("a.css") != first


def test_the_api_docs_load_swagger_ui_from_naba_not_a_cdn(client):
    html = client.get("/api/docs").text
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert "<script>" not in html  # no inline script: the CSP allows none
    for source in sources:
        response = client.get(source)
        assert response.status_code == 200, source
    bundle = next(s for s in sources if "swagger-ui-bundle.js" in s)
    assert "SwaggerUIBundle" in client.get(bundle).text
    assert client.get("/openapi.json").json()["openapi"].startswith("3.")


# -- absolute links: the configured base URL, never the Host header -------------------------------

@pytest.fixture(scope="module")
def based(sample_db):
    app = create_app(sample_db, settings=Settings(base_url="https://news.example/naba/"))
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def _links(atom: str) -> list[str]:
    return re.findall(r"<id>([^<]+)</id>", atom) + re.findall(r'href="([^"]+)"', atom)


def test_atom_links_are_built_from_the_base_url(based):
    story = _first_article(based)
    for url in ("/feed.atom", f"/story/{story}/feed.atom", "/feed.atom?utm=x"):
        atom = based.get(url, headers={"host": EVIL_HOST}).text
        links = _links(atom)
        assert links and all(link.startswith("https://news.example/naba/") for link in links), links
        assert EVIL_HOST not in atom
    assert 'rel="self" type="application/atom+xml" href="https://news.example/naba/feed.atom?utm=x"' in \
        based.get("/feed.atom?utm=x").text


def test_redirects_are_built_from_the_base_url(based):
    story = _first_article(based)
    for url, target in ((f"/story/{story}/", f"https://news.example/naba/story/{story}"),
                        ("/entity/%D8%B2%D9%8A%D9%84%D9%86%D8%B3%D9%83%D9%8A", "https://news.example/naba/entity/")):
        response = based.get(url, headers={"host": EVIL_HOST}, follow_redirects=False)
        assert response.status_code in (301, 307), url
        assert response.headers["location"].startswith(target), response.headers["location"]
    assert based.get("/no/such/page/", follow_redirects=False).status_code == 404  # no redirect to nowhere


def test_without_a_base_url_the_host_header_is_still_ignored(client):
    atom = client.get("/feed.atom", headers={"host": EVIL_HOST}).text
    assert EVIL_HOST not in atom
    response = client.get(f"/story/{_first_article(client)}/", headers={"host": EVIL_HOST}, follow_redirects=False)
    assert response.status_code == 307 and EVIL_HOST not in response.headers["location"]
