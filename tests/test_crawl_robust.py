"""A crawl that one bad item cannot stop, and that a stop ends at once (issue 15, items 2 and 11).

Real parts: the local HTTP server on 127.0.0.1, the polite client with its address guard, and a store on
each backend. The socket layer under the guard connects to loopback only (``loopback_only_sockets``), so a
refused address is never sent a packet, even by a broken guard.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from fetch_server import Answer, loopback_only_sockets  # noqa: F401 (fixture)
from naba.engine import crawler, pages
from naba.settings import Settings
from naba.sources.fetch import FetchPolicy, PoliteClient

RSS = "application/rss+xml"
BLOCKED = ["http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/admin",
           "http://[::ffff:169.254.169.254]/latest/meta-data/"]


def policy(**changes) -> FetchPolicy:
    values = dict(min_delay=0.0, connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0,
                  allowed_networks=("127.0.0.0/8",))
    return FetchPolicy(**{**values, **changes})


def add_feed(server, path: str, links: list[str]) -> str:
    """An RSS feed on ``server`` listing ``links`` (paths on the server, or full URLs)."""
    items = "".join(f"<item><title>خبر رقم {n}</title><link>{link if link.startswith('http') else server.url(link)}"
                    f"</link><description>ملخص الخبر رقم {n}.</description></item>" for n, link in enumerate(links))
    body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{path}</title>'
            f"{items}</channel></rss>").encode()
    return server.add(path, Answer(body=body, headers=(("Content-Type", RSS),)))


def add_pages(server, paths: list[str], **answer) -> None:
    fixture = "article-library.html"
    for path in paths:
        server.add_fixture(path, fixture, "text/html")
        if answer:
            route = server.routes[path]
            route.answers = tuple(Answer(**{**vars(a), **answer}) for a in route.answers)


def stored_urls(store) -> set[str]:
    return {s.article.canonical_url for s in store.articles.scan()}


# -- item 2: one blocked link is a per-item refusal ------------------------------------------------

def test_a_blocked_link_is_refused_and_the_rest_of_the_crawl_goes_on(store, fetch_server, loopback_only_sockets):
    add_pages(fetch_server, ["/news/a.html", "/news/b.html"])
    with PoliteClient(policy()) as client:
        healthy = crawler.add_source(store, client, add_feed(fetch_server, "/healthy.xml", ["/news/a.html"]), None, 600)
        mixed = crawler.add_source(store, client, add_feed(fetch_server, "/mixed.xml", [*BLOCKED, "/news/b.html"]),
                                   None, 600)
        report = crawler.crawl_once(store, client, Settings())
    assert stored_urls(store) == {fetch_server.url("/news/a.html"), fetch_server.url("/news/b.html")}
    assert report.ingest.stored == 2 and report.pages_fetched == 2
    refusals = {r.where: r.reason for r in report.ingest.rejected}
    assert set(refusals) == set(BLOCKED)
    assert refusals[BLOCKED[0]] == ("not fetched: refused to connect to 169.254.169.254: a cloud metadata address "
                                    "(cloud metadata addresses are never fetched, whatever the settings)")
    assert refusals[BLOCKED[1]] == ("not fetched: refused to connect to 10.0.0.1: a private address "
                                    "(set NABA_ALLOW_PRIVATE_ADDRESSES=1 to allow non-public addresses)")
    by_source = {r.source.id: r for r in report.sources}
    assert (by_source[mixed.id].status, by_source[mixed.id].refused) == ("ok", 3)
    assert by_source[healthy.id].refused == 0
    health = store.sources.get(str(mixed.id))
    assert health.consecutive_failures == 0 and health.last_success_at is not None
    assert health.last_error.startswith("item refused: http") and health.last_error_at is not None
    assert store.sources.get(str(healthy.id)).last_error is None
    assert loopback_only_sockets == []


def test_watch_goes_on_past_a_blocked_link(store, fetch_server, loopback_only_sockets):
    add_pages(fetch_server, ["/news/a.html"])
    stop, reports = threading.Event(), []
    with PoliteClient(policy()) as client:
        crawler.add_source(store, client, add_feed(fetch_server, "/feed.xml", [BLOCKED[0], "/news/a.html"]), None, 600)
        crawler.watch(store, client, Settings(), stop, idle_seconds=0.01,
                      on_cycle=lambda report: (reports.append(report), stop.set()))
    [report] = reports
    assert report.ingest.stored == 1 and [r.where for r in report.ingest.rejected] == [BLOCKED[0]]
    assert stored_urls(store) == {fetch_server.url("/news/a.html")}


# -- item 11: a stop ends the crawl at once and keeps what was fetched -----------------------------

def set_when_requested(server, path: str, event: threading.Event) -> threading.Thread:
    """Set ``event`` as soon as ``server`` has been asked for ``path`` (a stop mid-crawl)."""
    def watch() -> None:
        deadline = time.monotonic() + 60
        while path not in server.paths() and time.monotonic() < deadline:
            time.sleep(0.01)
        event.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_a_stop_mid_crawl_returns_at_once_and_stores_the_pages_fetched(store, fetch_server):
    fast, slow, queued = ["/news/p1.html", "/news/p2.html"], "/news/p3.html", ["/news/p4.html", "/news/p5.html"]
    add_pages(fetch_server, [*fast, *queued])
    add_pages(fetch_server, [slow], delay=10.0)  # answers long after the stop
    stop = threading.Event()
    with PoliteClient(policy(read_timeout=30.0, total_timeout=60.0)) as client:
        crawler.add_source(store, client, add_feed(fetch_server, "/feed.xml", [*fast, slow, *queued]), None, 600)
        set_when_requested(fetch_server, slow, stop)
        # one worker: the pages are asked for in the feed's order, so which ones came before the stop is known
        report = crawler.crawl_once(store, client, Settings(), crawler.CrawlOptions(workers=1), stop=stop)
        answered_at_return = list(fetch_server.answered)
    assert slow not in answered_at_return  # returned without waiting for the page in flight
    assert report.stopped and report.cancelled == 3  # the slow page, and the two queued behind it
    assert [p for p in fetch_server.paths() if p in queued] == []  # queued fetches were never sent
    assert stored_urls(store) == {fetch_server.url(p) for p in fast}
    assert report.ingest.stored == 2 and report.pages_fetched == 2


def test_closing_the_client_abandons_a_request_in_flight(fetch_server):
    url = fetch_server.add("/slow", Answer(body=b"late", delay=10.0))
    results = []
    client = PoliteClient(policy(read_timeout=30.0, total_timeout=60.0))
    worker = threading.Thread(target=lambda: results.append(client.fetch(url)))
    worker.start()
    done = threading.Event()
    set_when_requested(fetch_server, "/slow", done).join()
    client.close()
    worker.join(timeout=30)
    [result] = results
    assert (result.status, result.error_kind) == ("error", "cancelled")
    assert "/slow" not in fetch_server.answered


def test_ctrl_c_on_naba_crawl_stops_at_once_and_keeps_what_was_fetched(tmp_path, fetch_server):
    pages = [f"/news/p{n}.html" for n in range(1, 7)]
    slow = "/news/slow.html"
    add_pages(fetch_server, pages)
    add_pages(fetch_server, [slow], delay=30.0)
    feed = add_feed(fetch_server, "/feed.xml", [*pages[:3], slow, *pages[3:]])
    env = {**os.environ, "NABA_DB": str(tmp_path / "crawl.db"), "NABA_ALLOW_PRIVATE_ADDRESSES": "1", "COLUMNS": "200"}
    naba = [sys.executable, "-m", "naba"]
    assert subprocess.run([*naba, "sources", "add", feed], env=env, capture_output=True, timeout=120).returncode == 0
    process = subprocess.Popen([*naba, "crawl", "--once"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    requested = threading.Event()
    set_when_requested(fetch_server, slow, requested).join()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert slow not in fetch_server.answered  # it exited without waiting for the page in flight
    assert process.returncode == 0, stderr
    assert "stopped:" in stderr and "Traceback" not in stderr
    log = fetch_server.paths()
    before = [p for p in log[: log.index(slow)] if p in pages]  # one host, one request at a time: all fetched
    assert [p for p in log[log.index(slow):] if p in pages] == []  # nothing asked for after the stop
    export = subprocess.run([*naba, "export"], env=env, capture_output=True, text=True, timeout=120)
    assert {json.loads(line)["canonical_url"] for line in export.stdout.splitlines()} == {
        fetch_server.url(p) for p in before}


@pytest.mark.parametrize("stop_set", [False, True])
def test_a_stop_set_before_the_crawl_fetches_nothing_and_one_never_set_changes_nothing(store, fetch_server, stop_set):
    add_pages(fetch_server, ["/news/a.html", "/news/b.html"])
    stop = threading.Event()
    with PoliteClient(policy()) as client:
        crawler.add_source(store, client, add_feed(fetch_server, "/feed.xml", ["/news/a.html", "/news/b.html"]),
                           None, 600)
        if stop_set:
            stop.set()
        report = crawler.crawl_once(store, client, Settings(), stop=stop)
    assert report.stopped is stop_set
    assert len(stored_urls(store)) == (0 if stop_set else 2)


# -- item 12: what naba fetch says about a URL it will not fetch -----------------------------------

def test_naba_fetch_rejections_say_what_happened_once(store, loopback_only_sockets):
    urls = ["http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://0177.0.0.1/"]
    with PoliteClient(FetchPolicy.from_env({"NABA_ALLOW_PRIVATE_ADDRESSES": "1"}, min_delay=0.0)) as client:
        report = pages.fetch_pages(store, client, urls, Settings())
    metadata_hint = "(cloud metadata addresses are never fetched, whatever the settings)"
    assert [str(r) for r in report.rejected] == [
        f"{urls[0]}: refused to connect to 169.254.169.254: a cloud metadata address {metadata_hint}",
        f"{urls[1]}: refused to connect to ::ffff:a9fe:a9fe (= 169.254.169.254): a cloud metadata address "
        f"{metadata_hint}",
        f"{urls[2]}: the host 0177.0.0.1 is an IPv4 address in octal, hex or shortened form, which programs read "
        "as different addresses; not fetched (write the address as four decimal numbers, e.g. 192.0.2.1)",
    ]
    assert loopback_only_sockets == [] and report.stored == 0
