"""The polite client against a real local server: what it returns, and what it asked the server for."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from fetch_server import Answer, FakeClock, http_date
from naba.errors import InputError, TooLarge
from naba.sources.fetch import FetchPolicy, PoliteClient, Validators
from naba.sources.fetch.policy import DEFAULT_USER_AGENT

MiB = 1024 * 1024


def local_policy(**overrides) -> FetchPolicy:
    """Loopback allowed by network (not by the blanket switch), no delays; timeouts generous enough for
    a loaded CI machine (a test about timeouts sets its own small ones)."""
    values = dict(min_delay=0.0, connect_timeout=5.0, read_timeout=5.0, total_timeout=20.0,
                  allowed_networks=("127.0.0.0/8",), backoff_base=60.0)
    values.update(overrides)
    return FetchPolicy(**values)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def client(clock):
    with PoliteClient(local_policy(), clock=clock, sleep=clock.sleep) as opened:
        yield opened


def test_a_page_comes_back_raw_with_its_declared_charset(fetch_server, client):
    url = fetch_server.add_fixture("/news/library.html", "article-library-windows-1256.html",
                                   "text/html; charset=windows-1256")
    result = client.fetch(url)
    assert (result.status, result.http_status, result.error) == ("ok", 200, None)
    assert result.body == (fetch_server.routes["/news/library.html"].answers[0].body)
    assert (result.content_type, result.charset) == ("text/html", "windows-1256")
    assert result.final_url == url and result.redirects == ()
    assert fetch_server.paths() == ["/robots.txt", "/news/library.html"]
    sent = fetch_server.requests_to("/news/library.html")[0].headers
    assert "naba" in sent["user-agent"] and sent["user-agent"] == DEFAULT_USER_AGENT


@pytest.mark.parametrize("name, content_type", [
    ("article-library-windows-1256.html", "text/html"),                    # no charset anywhere
    ("article-library-windows-1256.html", "text/html; charset=iso-8859-1"),  # a wrong one
    ("article-library.html", "text/html; charset=windows-1256"),            # UTF-8 mislabelled
])
def test_result_text_decodes_whatever_the_header_says(fetch_server, client, name, content_type):
    result = client.fetch(fetch_server.add_fixture("/page.html", name, content_type))
    assert "افتتحت البلدية صباح اليوم مكتبة عامة جديدة" in result.text()


def test_a_page_behind_a_redirect_is_followed_hop_by_hop(fetch_server, client):
    page = fetch_server.add_fixture("/news/library.html", "article-library.html", "text/html")
    fetch_server.add("/old/library", Answer(301, headers=(("Location", "/moved/library"),)))
    fetch_server.add("/moved/library", Answer(302, headers=(("Location", page),)))
    result = client.fetch(fetch_server.url("/old/library"))
    assert result.ok and result.final_url == page
    assert result.redirects == (fetch_server.url("/moved/library"), page)
    assert "مكتبة عامة".encode() in result.body
    assert fetch_server.paths() == ["/robots.txt", "/old/library", "/moved/library", "/news/library.html"]


@pytest.mark.parametrize("max_redirects, expected_requests", [(2, 3), (0, 1)])
def test_redirects_are_bounded(fetch_server, clock, max_redirects, expected_requests):
    for hop in range(5):
        fetch_server.add(f"/hop/{hop}", Answer(302, headers=(("Location", f"/hop/{hop + 1}"),)))
    with PoliteClient(local_policy(max_redirects=max_redirects), clock=clock, sleep=clock.sleep) as client:
        result = client.fetch(fetch_server.url("/hop/0"))
    assert (result.status, result.error_kind) == ("error", "redirects")
    assert len([p for p in fetch_server.paths() if p.startswith("/hop/")]) == expected_requests


def test_a_redirect_loop_is_caught(fetch_server, client):
    fetch_server.add("/a", Answer(302, headers=(("Location", "/b"),)))
    fetch_server.add("/b", Answer(302, headers=(("Location", "/a"),)))
    result = client.fetch(fetch_server.url("/a"))
    assert result.error_kind == "redirects" and "loop" in result.error.message
    assert fetch_server.paths() == ["/robots.txt", "/a", "/b"]


@pytest.mark.parametrize("url, kind", [
    ("ftp://127.0.0.1/feed.xml", "scheme"), ("file:///etc/passwd", "scheme"), ("javascript:alert(1)", "scheme"),
    ("http:///no-host", "invalid_url"), ("http://[::1/", "invalid_url"), ("http://127.0.0.1:99999/", "invalid_url"),
])
def test_only_valid_http_and_https_urls_are_fetched(client, url, kind):
    result = client.fetch(url)
    assert (result.status, result.error_kind) == ("error", kind)
    assert isinstance(result.error, InputError) and result.error.where == url


def test_a_redirect_to_an_invalid_url_is_an_error(fetch_server, client):
    fetch_server.add("/bad", Answer(302, headers=(("Location", "http://[broken/"),)))
    result = client.fetch(fetch_server.url("/bad"))
    assert result.error_kind == "invalid_url" and "http://[broken/" in result.error.message


def test_a_redirect_to_another_scheme_is_refused(fetch_server, client):
    fetch_server.add("/to-ftp", Answer(302, headers=(("Location", "ftp://127.0.0.1/x"),)))
    result = client.fetch(fetch_server.url("/to-ftp"))
    assert result.error_kind == "scheme" and result.error.where == "ftp://127.0.0.1/x"


def test_a_slow_endpoint_times_out_and_the_host_backs_off(fetch_server, clock):
    fetch_server.add("/slow", Answer(body=b"late", delay=3.0))
    fetch_server.add("/fast", Answer(body=b"fast"))
    client = PoliteClient(local_policy(read_timeout=1.0), clock=clock, sleep=clock.sleep)
    result = client.fetch(fetch_server.url("/slow"))
    assert (result.status, result.error_kind) == ("error", "timeout")
    assert result.error.where == fetch_server.url("/slow")
    assert result.retry_at == clock.now + 60.0  # first failure: backoff_base
    again = client.fetch(fetch_server.url("/fast"))  # same host, still backing off: not requested
    assert (again.status, again.error_kind, again.retry_at) == ("deferred", "deferred", clock.now + 60.0)
    assert fetch_server.paths() == ["/robots.txt", "/slow"]
    clock.now += 61
    assert client.fetch(fetch_server.url("/fast")).body == b"fast"
    client.close()


def test_a_slow_drip_is_stopped_by_the_total_timeout(fetch_server, clock):
    url = fetch_server.add("/drip", Answer(stream_bytes=5 * MiB, chunk_delay=0.05, announce_length=False))
    with PoliteClient(local_policy(total_timeout=0.3), clock=clock, sleep=clock.sleep) as client:
        result = client.fetch(url)
    assert result.error_kind == "timeout" and "total timeout" in result.error.message
    assert not fetch_server.streams["/drip"].completed


def test_headers_dripped_one_byte_a_second_are_cut_off_by_the_total_timeout(fetch_server, clock):
    """Each byte comes well within the read timeout, so only a deadline over the whole response, headers
    included, ends this fetch: by then the server has sent a few of the head's ~80 bytes, not all."""
    url = fetch_server.add("/drip-head", Answer(body=b"<html>late</html>", header_drip=1.0,
                                                headers=(("Content-Type", "text/html"),)))
    policy = local_policy(read_timeout=5.0, total_timeout=2.0)
    with PoliteClient(policy, clock=clock, sleep=clock.sleep) as client:
        result = client.fetch(url)
    assert (result.status, result.error_kind) == ("error", "timeout")
    assert result.error.message == "the response took longer than the total timeout (2 s)"
    stream = fetch_server.streams["/drip-head"]
    assert not stream.completed
    assert stream.bytes_sent <= policy.total_timeout / 1.0 + 3  # a byte a second until the client hung up


@pytest.mark.parametrize("answer", [Answer(301), Answer(300, headers=(("Location", ""),))])
def test_a_redirect_without_a_location_is_an_error(fetch_server, client, answer):
    result = client.fetch(fetch_server.add("/nowhere", answer))
    assert (result.error_kind, result.http_status) == ("http", answer.status)


def test_a_503_with_retry_after_is_honoured_not_retried_at_once(fetch_server, client, clock):
    url = fetch_server.add("/feed.xml", Answer(503, b"busy", (("Retry-After", "120"),)), Answer(body=b"<rss/>"))
    first = client.fetch(url)
    assert (first.status, first.error_kind, first.http_status) == ("error", "rate_limited", 503)
    assert first.retry_at == clock.now + 120 == client.next_allowed_at(url) == client.blocked_until(url)
    second = client.fetch(url)
    assert second.status == "deferred" and second.retry_at == clock.now + 120
    assert fetch_server.paths().count("/feed.xml") == 1
    assert clock.slept == []  # deferred, never slept on
    clock.now += 121
    third = client.fetch(url)
    assert third.ok and third.body == b"<rss/>" and client.blocked_until(url) is None
    assert fetch_server.paths().count("/feed.xml") == 2


def test_a_429_with_an_http_date_retry_after(fetch_server, client, clock):
    url = fetch_server.add("/busy", Answer(429, headers=(("Retry-After", http_date(clock.now + 300)),)))
    result = client.fetch(url)
    assert result.error_kind == "rate_limited" and result.retry_at == pytest.approx(clock.now + 300, abs=1)


def test_retry_after_is_capped(fetch_server, clock):
    with PoliteClient(local_policy(retry_after_max=3600), clock=clock, sleep=clock.sleep) as client:
        url = fetch_server.add("/busy", Answer(503, headers=(("Retry-After", str(10 ** 9)),)))
        assert client.fetch(url).retry_at == clock.now + 3600


def test_server_errors_back_off_exponentially_and_success_resets(fetch_server, client, clock):
    url = fetch_server.add("/flaky", Answer(500), Answer(502), Answer(500), Answer(body=b"ok"))
    waits = []
    for _ in range(3):
        result = client.fetch(url)
        assert result.error_kind == "http" and result.http_status >= 500
        waits.append(result.retry_at - clock.now)
        clock.now = result.retry_at
    assert waits == [60.0, 120.0, 240.0]
    assert client.fetch(url).ok and client.blocked_until(url) is None
    assert fetch_server.paths().count("/flaky") == 4


def test_a_404_does_not_back_off_the_host(fetch_server, client):
    result = client.fetch(fetch_server.url("/missing"))
    assert (result.error_kind, result.http_status) == ("http", 404)
    assert client.blocked_until(fetch_server.url("/missing")) is None


def test_etag_and_304_on_re_poll(fetch_server, client):
    url = fetch_server.add_fixture("/feed.atom", "atom-utf8.xml", "application/atom+xml", etag='"v1"')
    first = client.fetch(url)
    assert first.ok and first.validators == Validators(etag='"v1"')
    second = client.fetch(url, first.validators)
    assert (second.status, second.http_status, second.body) == ("not_modified", 304, b"")
    assert second.not_modified and second.validators.etag == '"v1"'
    polls = fetch_server.requests_to("/feed.atom")
    assert "if-none-match" not in polls[0].headers and polls[1].headers["if-none-match"] == '"v1"'


def test_last_modified_and_304_on_re_poll(fetch_server, client):
    stamp = "Sun, 29 Nov 2026 08:00:00 GMT"
    url = fetch_server.add_fixture("/feed.xml", "rss-broken-item.xml", "application/rss+xml", last_modified=stamp)
    first = client.fetch(url)
    assert first.validators == Validators(last_modified=stamp)
    second = client.fetch(url, first.validators)
    assert second.status == "not_modified"
    assert fetch_server.requests_to("/feed.xml")[1].headers["if-modified-since"] == stamp


@pytest.mark.parametrize("announce_length", [False, True], ids=["streamed", "content-length"])
def test_a_20_mb_page_is_refused_past_a_10_mb_limit(fetch_server, clock, announce_length):
    url = fetch_server.add("/huge.html", Answer(stream_bytes=20 * MiB, announce_length=announce_length,
                                                headers=(("Content-Type", "text/html"),)))
    with PoliteClient(local_policy(max_bytes=10 * MiB), clock=clock, sleep=clock.sleep) as client:
        result = client.fetch(url)
    assert (result.status, result.error_kind, result.body) == ("error", "too_large", b"")
    assert isinstance(result.error, TooLarge) and "10,485,760-byte limit" in result.error.message
    assert fetch_server.paths() == ["/robots.txt", "/huge.html"]
    stats = fetch_server.streams["/huge.html"]
    assert not stats.completed  # the client hung up: the server could not send the whole page
    if announce_length:  # refused on the header: at most what the socket buffers took
        assert stats.bytes_sent < 20 * MiB


def test_robots_txt_disallowed_pages_are_never_requested(fetch_server, client):
    fetch_server.add_fixture("/robots.txt", "robots.txt", "text/plain; charset=utf-8")
    fetch_server.add("/private/science.html", Answer(body=b"secret"))
    fetch_server.add("/private/open.html", Answer(body=b"open"))
    blocked = client.fetch(fetch_server.url("/private/science.html"))
    assert (blocked.status, blocked.error_kind) == ("disallowed", "robots")
    assert client.fetch(fetch_server.url("/private/open.html")).body == b"open"
    assert fetch_server.paths() == ["/robots.txt", "/private/open.html"]  # robots.txt read once


@pytest.mark.parametrize("path, allowed", [
    ("/news/library.html", True),
    ("/private/science.html", False),
    ("/private/open.html", True),      # the naba group's Allow
    ("/members-only/x", False),        # only the naba group forbids it
    ("/admin", True),                  # only the * group forbids it; naba has its own group
])
def test_allowed_follows_the_naba_group(fetch_server, client, path, allowed):
    fetch_server.add_fixture("/robots.txt", "robots.txt", "text/plain")
    assert client.allowed(fetch_server.url(path)) is allowed
    assert fetch_server.paths() == ["/robots.txt"]


@pytest.mark.parametrize("answer, allowed", [
    (Answer(404), True),    # no robots.txt: everything allowed
    (Answer(403), True),    # RFC 9309: any 4xx means no rules
    (Answer(500), False),   # unreachable: nothing allowed until a retry
    (Answer(429), False),
])
def test_robots_txt_status_rules(fetch_server, client, answer, allowed):
    fetch_server.add("/robots.txt", answer)
    assert client.allowed(fetch_server.url("/news/x.html")) is allowed


def test_a_failing_robots_txt_defers_the_page(fetch_server, client, clock):
    fetch_server.add("/robots.txt", Answer(503), Answer(body=b"User-agent: *\nDisallow: /private/\n"))
    fetch_server.add("/news/x.html", Answer(body=b"x"))
    first = client.fetch(fetch_server.url("/news/x.html"))
    assert (first.status, first.retry_at) == ("deferred", clock.now + 60.0)
    assert fetch_server.paths() == ["/robots.txt"]
    clock.now += 61  # the backoff and the "unreachable" verdict both run out: robots.txt is asked again
    assert client.fetch(fetch_server.url("/news/x.html")).ok
    blocked = client.fetch(fetch_server.url("/private/y"))
    assert blocked.status == "disallowed" and "robots.txt (rules)" in blocked.error.message
    assert fetch_server.paths() == ["/robots.txt", "/robots.txt", "/news/x.html"]


def test_a_redirect_into_a_disallowed_path_is_not_followed(fetch_server, client):
    fetch_server.add_fixture("/robots.txt", "robots.txt", "text/plain")
    fetch_server.add("/short/1", Answer(301, headers=(("Location", "/private/science.html"),)))
    result = client.fetch(fetch_server.url("/short/1"))
    assert result.status == "disallowed" and result.error.where == fetch_server.url("/private/science.html")
    assert fetch_server.paths() == ["/robots.txt", "/short/1"]


def test_robots_txt_is_cached_per_host_until_its_ttl(fetch_server, second_server, client, clock):
    for server in (fetch_server, second_server):
        server.add_fixture("/robots.txt", "robots.txt", "text/plain")
        server.add("/a", Answer(body=b"a"))
    for _ in range(3):
        client.fetch(fetch_server.url("/a"))
        client.fetch(second_server.url("/a"))
    assert fetch_server.paths().count("/robots.txt") == second_server.paths().count("/robots.txt") == 1
    clock.now += client.policy.robots_ttl + 1
    client.fetch(fetch_server.url("/a"))
    assert fetch_server.paths().count("/robots.txt") == 2


def test_the_min_delay_separates_requests_to_one_host_only(fetch_server, second_server, clock):
    for server in (fetch_server, second_server):
        server.add("/a", Answer(body=b"a"))
    with PoliteClient(local_policy(min_delay=2.5, obey_robots=False), clock=clock, sleep=clock.sleep) as client:
        client.fetch(fetch_server.url("/a"))
        client.fetch(second_server.url("/a"))
        assert clock.slept == []  # two hosts: no wait
        client.fetch(fetch_server.url("/a"))
        assert clock.slept == [2.5]
        assert client.next_allowed_at(fetch_server.url("/a")) == clock.now + 2.5


def test_a_crawl_delay_longer_than_the_min_delay_is_honoured(fetch_server, clock):
    fetch_server.add("/robots.txt", Answer(body=b"User-agent: *\nCrawl-delay: 7\n"))
    fetch_server.add("/a", Answer(body=b"a"))
    with PoliteClient(local_policy(min_delay=1.0), clock=clock, sleep=clock.sleep) as client:
        client.fetch(fetch_server.url("/a"))
        client.fetch(fetch_server.url("/a"))
    assert clock.slept == [1.0, 7.0]  # after robots.txt: min_delay (rules not read yet); then Crawl-delay


def test_one_request_at_a_time_per_host(fetch_server):
    fetch_server.add("/slowish", Answer(body=b"x", delay=0.05))
    with PoliteClient(local_policy(obey_robots=False)) as client:
        threads = [threading.Thread(target=client.fetch, args=(fetch_server.url("/slowish"),)) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert fetch_server.paths().count("/slowish") == 6
    assert fetch_server.max_in_flight == 1


def test_the_env_switch_allows_the_local_server(fetch_server, monkeypatch):
    monkeypatch.setenv("NABA_ALLOW_PRIVATE_ADDRESSES", "1")
    fetch_server.add("/a", Answer(body=b"a"))
    with PoliteClient(FetchPolicy.from_env(min_delay=0.0)) as client:
        assert client.policy.allow_private and client.fetch(fetch_server.url("/a")).body == b"a"


def test_validators_policy_fields_are_plain_values():
    policy = local_policy()
    assert replace(policy, min_delay=3).min_delay == 3
    assert Validators('"e"', "d").headers() == {"If-None-Match": '"e"', "If-Modified-Since": "d"}
    assert not Validators()


def test_a_gzip_body_is_limited_by_its_inflated_size(fetch_server, clock):
    import gzip

    bomb = gzip.compress(b"x" * (3 * MiB))
    url = fetch_server.add("/bomb.html", Answer(body=bomb, headers=(("Content-Encoding", "gzip"),)))
    with PoliteClient(local_policy(max_bytes=MiB), clock=clock, sleep=clock.sleep) as client:
        result = client.fetch(url)
    assert len(bomb) < MiB and result.error_kind == "too_large"


def test_an_oversized_robots_txt_is_read_up_to_its_limit(fetch_server, clock):
    body = b"User-agent: *\nDisallow: /a\n" + b"#" * 600_000 + b"\nDisallow: /b\n"
    fetch_server.add("/robots.txt", Answer(body=body))
    with PoliteClient(local_policy(max_robots_bytes=512 * 1024), clock=clock, sleep=clock.sleep) as client:
        assert (client.allowed(fetch_server.url("/a")), client.allowed(fetch_server.url("/b"))) == (False, True)


def test_an_injected_transport_replaces_the_network(clock):
    import httpx

    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers.get("if-none-match")))
        return httpx.Response(304, headers={"ETag": '"x"'})

    policy = local_policy(obey_robots=False)
    with PoliteClient(policy, clock=clock, sleep=clock.sleep, transport=httpx.MockTransport(answer)) as client:
        result = client.fetch("https://news.example/feed.xml", Validators(etag='"x"'))
    assert result.not_modified and seen == [("https://news.example/feed.xml", '"x"')]
