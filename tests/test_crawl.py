"""Live ingestion end to end: a real HTTP server on 127.0.0.x, the polite client, the store.

After each scenario the test checks what was stored AND what the server was asked for.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from cli_runner import naba
from fetch_server import FIXTURES, Answer
from naba.engine import crawler, pages
from naba.errors import InputError
from naba.settings import Settings
from naba.sources.fetch import FetchPolicy, PoliteClient

RSS = "application/rss+xml"  # no charset: the windows-1256 feed must be detected


def local_client() -> PoliteClient:
    policy = FetchPolicy(min_delay=0.0, connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0,
                         allowed_networks=("127.0.0.0/8",))
    return PoliteClient(policy)


@pytest.fixture
def site(fetch_server):
    fetch_server.add_fixture("/robots.txt", "robots.txt", "text/plain")
    fetch_server.add_fixture("/feeds/wahat.xml", "rss-windows-1256.xml", RSS, etag='"w1"')
    fetch_server.add_fixture("/feeds/nakheel.atom", "atom-utf8.xml", "application/atom+xml")
    fetch_server.add_fixture("/news/library.html", "article-library.html", "text/html")
    fetch_server.add_fixture("/news/bus.html", "article-library-windows-1256.html", "text/html")
    fetch_server.add_fixture("/", "home.html", "text/html")
    return fetch_server


def requests_for(server, path):
    """Requests for ``path`` whatever their query string (feeds link with tracking parameters)."""
    return [p for p in server.paths() if p.partition("?")[0] == path]


def articles(store):
    return {s.article.canonical_url: s for s in store.articles.scan()}


def test_a_feed_is_crawled_pages_fetched_and_robots_obeyed(store, site):
    with local_client() as client:
        source = crawler.add_source(store, client, site.url("/feeds/wahat.xml"), "الواحة", 600)
        report = crawler.crawl_once(store, client, Settings())
    stored = articles(store)
    library = stored[site.url("/news/library.html")]
    assert library.article.feed_only is None and library.article.source == "الواحة"
    assert len(library.article.body) > 100  # the page's text, not the feed's one-line summary
    science = stored[site.url("/private/science.html")]
    assert science.article.feed_only == crawler.ROBOTS_DISALLOWED
    assert science.article.title == "مدرسة القرية تفوز بمسابقة العلوم"
    assert requests_for(site, "/private/science.html") == []  # never requested
    # the vegetables page is a 404 on this server: stored from the feed, saying why
    vegetables = stored[site.url("/news/vegetables.html")]
    assert vegetables.article.feed_only.startswith("page not fetched")
    assert (report.pages_fetched, report.feed_only, report.ingest.stored) == (1, 2, 3)
    assert all("naba" in r.headers["user-agent"] for r in site.log)
    [health] = store.sources.list()
    assert health.id == source.id and health.last_success_at and health.consecutive_failures == 0
    assert health.items_total == 3


def test_re_poll_is_conditional_and_stores_nothing_twice(store, site):
    with local_client() as client:
        source = crawler.add_source(store, client, site.url("/feeds/wahat.xml"), None, 600)
        crawler.crawl_once(store, client, Settings())
        again = crawler.crawl_once(store, client, Settings(), now=lambda: time.time() + 601)
    polls = site.requests_to("/feeds/wahat.xml")
    assert polls[-1].headers.get("if-none-match") == '"w1"'
    assert [r.status for r in again.sources] == ["not_modified"]
    assert again.ingest.stored == 0 and len(articles(store)) == 3
    assert len(requests_for(site, "/news/library.html")) == 1
    assert store.sources.get(str(source.id)).etag == '"w1"'


def test_the_same_article_in_two_feeds_is_stored_once(store, site):
    with local_client() as client:
        crawler.add_source(store, client, site.url("/feeds/wahat.xml"), None, 600)
        crawler.add_source(store, client, site.url("/feeds/nakheel.atom"), None, 600)
        crawler.crawl_once(store, client, Settings())
    stored = articles(store)
    assert list(stored).count(site.url("/news/library.html")) == 1
    assert len(requests_for(site, "/news/library.html")) == 1
    assert {s.items_total for s in store.sources.list()} == {3, 2}  # both feeds are linked to it


def test_a_home_page_is_replaced_by_the_feed_it_announces(store, site):
    with local_client() as client:
        source = crawler.add_source(store, client, site.url("/"), None, 600)
    assert source.url == site.url("/feeds/wahat.xml") and source.kind == "rss"


def test_a_failing_source_does_not_stop_the_others(store, site, second_server):
    second_server.add("/feed.xml", Answer(body=b"<html>not a feed</html>", headers=(("Content-Type", RSS),)))
    with local_client() as client:
        crawler.add_source(store, client, site.url("/feeds/wahat.xml"), None, 600)
        with pytest.raises(InputError):
            crawler.add_source(store, client, second_server.url("/feed.xml"), None, 600)
        broken = store.sources.add(second_server.url("/gone.xml"), "gone", "rss", 600, "2026-11-29")
        report = crawler.crawl_once(store, client, Settings())
    statuses = {r.source.url: r.status for r in report.sources}
    assert statuses[broken.url] == "error" and statuses[site.url("/feeds/wahat.xml")] == "ok"
    assert report.ingest.stored == 3
    health = store.sources.get(str(broken.id))
    assert health.consecutive_failures == 1 and "404" in health.last_error
    assert health.next_poll_at > time.time() + 590  # one interval now, doubling with each further failure


def test_paused_sources_are_not_polled(store, site):
    with local_client() as client:
        source = crawler.add_source(store, client, site.url("/feeds/wahat.xml"), None, 600)
        store.sources.set_paused(source.id, True)
        report = crawler.crawl_once(store, client, Settings())
    assert report.sources == [] and len(site.requests_to("/feeds/wahat.xml")) == 1  # only the add


def test_fetch_pages_stores_single_articles(store, site):
    with local_client() as client:
        report = pages.fetch_pages(store, client, [site.url("/news/library.html?utm_source=x"),
                                                     site.url("/missing.html")], Settings())
    assert report.stored == 1 and [r.where for r in report.rejected] == [site.url("/missing.html")]


@pytest.mark.parametrize("text,seconds", [("30s", 30), ("10m", 600), ("2h", 7200), ("1d", 86400), ("45", 45)])
def test_intervals(text, seconds):
    assert crawler.parse_interval(text) == seconds


def run_naba(*args, db):
    """In-process (``naba watch``, which runs until signalled, is run as a real process below)."""
    return naba(*args, env={"NABA_DB": str(db), "NABA_ALLOW_PRIVATE_ADDRESSES": "1", "COLUMNS": "200"})


def test_cli_sources_and_crawl(tmp_path, site):
    db = tmp_path / "live.db"
    added = run_naba("sources", "add", site.url("/feeds/nakheel.atom"), "--name", "النخيل", "--every", "5m", db=db)
    assert added.returncode == 0, added.stderr
    crawled = json.loads(run_naba("crawl", "--once", "--json", db=db).stdout)
    assert crawled["stored"] == 2 and crawled["sources"][0]["status"] == "ok"
    [listed] = json.loads(run_naba("sources", "list", "--json", db=db).stdout)
    assert listed["name"] == "النخيل" and listed["every_seconds"] == 300 and listed["items_last_day"] == 2
    assert run_naba("sources", "pause", "1", db=db).returncode == 0
    assert json.loads(run_naba("sources", "list", "--json", db=db).stdout)[0]["paused"] is True
    assert run_naba("sources", "remove", site.url("/feeds/nakheel.atom"), db=db).returncode == 0
    assert json.loads(run_naba("sources", "list", "--json", db=db).stdout) == []


def test_watch_stops_cleanly_on_sigterm(tmp_path, site):
    db = tmp_path / "watch.db"
    assert run_naba("sources", "add", site.url("/feeds/nakheel.atom"), db=db).returncode == 0
    env = {**os.environ, "NABA_DB": str(db), "NABA_ALLOW_PRIVATE_ADDRESSES": "1"}
    process = subprocess.Popen([sys.executable, "-m", "naba", "watch", "--idle", "0.5"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and len(requests_for(site, "/news/bus.html")) == 0:
        time.sleep(0.1)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "stopped" in stderr
    export = run_naba("export", db=db)
    assert len(export.stdout.splitlines()) == 2


def test_a_real_crawl_process_with_worker_processes(tmp_path, site):
    # a real `naba crawl --workers 2` process: its fork server and workers start from it
    db = tmp_path / "workers.db"
    assert run_naba("sources", "add", site.url("/feeds/nakheel.atom"), db=db).returncode == 0
    env = {**os.environ, "NABA_DB": str(db), "NABA_ALLOW_PRIVATE_ADDRESSES": "1"}
    done = subprocess.run([sys.executable, "-m", "naba", "crawl", "--once", "--workers", "2", "--json"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["stored"] == 2


def test_a_sitemap_index_source_reads_its_child_sitemaps(store, site):
    site.add_fixture("/sitemap.xml", "sitemap-index.xml", "application/xml")
    site.add_fixture("/sitemaps/news.xml", "news-sitemap.xml", "application/xml")
    with local_client() as client:
        source = crawler.add_source(store, client, site.url("/sitemap.xml"), "الواحة", 600)
        report = crawler.crawl_once(store, client, Settings())
    assert source.kind == "sitemap"
    [polled] = report.sources
    assert polled.status == "ok" and polled.items > 0
    assert site.requests_to("/sitemaps/news.xml")
    assert report.ingest.stored == 2  # library and bus; rain.html is a 404 here and a sitemap has no text
    assert [r.where for r in report.ingest.rejected] == [site.url("/news/rain.html")]


def one_item_feed(server, link: str) -> str:
    """A UTF-8 RSS feed with one item linking to ``link`` (a path on ``server`` or a full URL)."""
    href = link if link.startswith("http") else server.url(link)
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>اختبار</title>'
            f"<item><title>خبر الاختبار</title><link>{href}</link>"
            f"<description>ملخص الخبر كما ورد في الموجز.</description></item></channel></rss>").encode()
    return server.add("/one.xml", Answer(body=body, headers=(("Content-Type", RSS),)))


def crawl_one(store, server, link: str, **policy):
    feed = one_item_feed(server, link)
    values = dict(min_delay=0.0, connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0,
                  allowed_networks=("127.0.0.0/8",))
    values.update(policy)
    with PoliteClient(FetchPolicy(**values)) as client:
        crawler.add_source(store, client, feed, "اختبار", 600)
        return crawler.crawl_once(store, client, Settings())


def test_a_page_behind_a_redirect_is_stored_under_its_final_url(store, site):
    site.add("/old/library.html", Answer(301, headers=(("Location", "/news/library.html"),)))
    report = crawl_one(store, site, "/old/library.html")
    [stored] = articles(store).values()
    assert report.pages_fetched == 1 and stored.article.feed_only is None
    assert stored.article.canonical_url == site.url("/news/library.html")
    assert requests_for(site, "/old/library.html") and requests_for(site, "/news/library.html")


def test_a_redirect_to_a_private_address_is_refused_and_the_feed_kept(store, site):
    site.add("/go.html", Answer(302, headers=(("Location", "http://10.0.0.1/secret.html"),)))
    report = crawl_one(store, site, "/go.html")
    [stored] = articles(store).values()
    assert report.feed_only == 1 and "10.0.0.1" in stored.article.feed_only
    assert stored.article.body == "ملخص الخبر كما ورد في الموجز."


@pytest.mark.parametrize(("answer", "policy"), [
    (Answer(body=b"<html><p>late</p></html>", delay=3.0), {"read_timeout": 1.0}),  # a slow endpoint: timeout
    (Answer(503, body=b"busy", headers=(("Retry-After", "120"),)), {}),            # 503 with Retry-After
], ids=["timeout", "503-retry-after"])
def test_a_transient_page_failure_stores_nothing_and_is_retried_next_poll(store, site, answer, policy):
    site.add("/news/later.html", answer, Answer(body=(FIXTURES / "article-library.html").read_bytes(),
                                                headers=(("Content-Type", "text/html"),)))
    report = crawl_one(store, site, "/news/later.html", **policy)
    assert report.ingest.read == 0 and articles(store) == {}
    assert len(requests_for(site, "/news/later.html")) == 1


def test_a_20_mb_page_is_refused_and_the_feed_fields_kept(store, site):
    site.add("/news/huge.html", Answer(stream_bytes=20 * 1024 * 1024, headers=(("Content-Type", "text/html"),)))
    report = crawl_one(store, site, "/news/huge.html", max_bytes=10 * 1024 * 1024)
    [stored] = articles(store).values()
    assert report.feed_only == 1 and stored.article.feed_only.startswith("page not fetched")
    assert site.streams["/news/huge.html"].completed is False


def test_a_feed_with_a_broken_item_stores_the_good_ones(store, site):
    site.add_fixture("/feeds/broken.xml", "rss-broken-item.xml", RSS)
    site.add_fixture("/news/rain.html", "article-library.html", "text/html")
    site.add_fixture("/news/trees.html", "article-library-windows-1256.html", "text/html")
    with local_client() as client:
        crawler.add_source(store, client, site.url("/feeds/broken.xml"), None, 600)
        report = crawler.crawl_once(store, client, Settings())
    [polled] = report.sources
    assert polled.status == "ok" and report.ingest.stored == polled.new_items == 2
    assert set(articles(store)) == {site.url("/news/rain.html"), site.url("/news/trees.html")}



def test_crawled_and_fetched_articles_are_grouped_into_stories(store, site):
    with local_client() as client:
        crawler.add_source(store, client, site.url("/feeds/wahat.xml"), "الواحة", 600)
        crawler.crawl_once(store, client, Settings())
        pages.fetch_pages(store, client, [site.url("/news/bus.html")], Settings())
    stored = list(store.articles.scan())
    assert len(stored) == 4
    assert all(s.story_id is not None for s in stored)
    assert {s.story_id for s in stored} <= {summary.id for summary in store.stories.newest(limit=10)}


def test_pages_prepared_in_worker_processes_store_the_same(store, site, tmp_path, monkeypatch):
    """`naba crawl --workers 2`: the pages go through two worker processes, the lists through two more;
    what is stored is what one process stores."""
    from naba.store import open_store

    shipped = []
    prepared_in = crawler._prepared_in
    monkeypatch.setattr(crawler, "_prepared_in", lambda pool, record: shipped.append(record) or prepared_in(pool, record))

    def crawled(into, processes):
        with local_client() as client:
            crawler.add_source(into, client, site.url("/feeds/wahat.xml"), "الواحة", 600)
            crawler.add_source(into, client, site.url("/feeds/nakheel.atom"), "النخيل", 600)
            report = crawler.crawl_once(into, client, Settings(), crawler.CrawlOptions(processes=processes))
        stored = sorted((s.article.canonical_url, s.article.title, s.article.body, s.article.feed_only,
                         s.article.keywords, s.article.entities) for s in into.articles.scan())
        return report, stored

    one = open_store(str(tmp_path / "one-process.db"))
    try:
        alone, expected = crawled(one, 1)
    finally:
        one.close()
    assert not shipped
    report, stored = crawled(store, 2)
    assert len(shipped) >= report.ingest.read > 0  # every page went to a worker process
    assert report.ingest.stored == alone.ingest.stored >= 4 and report.pages_fetched == alone.pages_fetched
    assert stored == expected
    assert report.ingest.lists == alone.ingest.lists > 0
