"""No requests to loopback, private, link-local, multicast, reserved or metadata addresses.

The guard runs at connect time, after DNS resolution, on every hop; the tests check both the
verdict and that the refused address was never asked anything (the local server's log).
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

from fetch_server import Answer, FakeClock
from naba.errors import InputError
from naba.sources.fetch import (
    BlockedAddress,
    FetchPolicy,
    InvalidURL,
    PoliteClient,
    UnsupportedScheme,
    address_problem,
    check_address,
)
from naba.sources.fetch.guard import check_scheme

LOOPBACK_ONLY = FetchPolicy(min_delay=0.0, connect_timeout=5.0, read_timeout=5.0,
                            allowed_networks=("127.0.0.0/8",))


@pytest.mark.parametrize("address, problem", [
    ("8.8.8.8", None),
    ("2001:4860:4860::8888", None),
    ("127.0.0.1", "a loopback address"),
    ("::1", "a loopback address"),
    ("10.0.0.1", "a private address"),
    ("172.16.5.4", "a private address"),
    ("192.168.1.1", "a private address"),
    ("fd00::1", "a private address"),
    ("169.254.169.254", "a cloud metadata address"),
    ("fd00:ec2::254", "a cloud metadata address"),
    ("169.254.1.1", "a link-local address"),
    ("fe80::1", "a link-local address"),
    ("224.0.0.1", "a multicast address"),
    ("ff02::1", "a multicast address"),
    ("0.0.0.0", "an unspecified address"),
    ("240.0.0.1", "a reserved address"),
    ("100.64.0.1", "a non-global address"),      # carrier-grade NAT
    ("::ffff:10.0.0.1", "a private address"),   # IPv4-mapped IPv6 reaches 10.0.0.1
    ("::ffff:127.0.0.1", "a loopback address"),
])
def test_address_problem(address, problem):
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.mark.parametrize("policy, address, allowed", [
    (FetchPolicy(), "93.184.216.34", True),
    (FetchPolicy(), "127.0.0.1", False),
    (FetchPolicy(allow_private=True), "127.0.0.1", True),
    (FetchPolicy(allow_private=True), "10.0.0.1", True),
    (FetchPolicy(allow_private=True), "169.254.169.254", False),  # metadata: never by the blanket switch
    (FetchPolicy(allowed_networks=("169.254.169.254/32",)), "169.254.169.254", True),
    (LOOPBACK_ONLY, "127.0.0.2", True),
    (LOOPBACK_ONLY, "10.0.0.1", False),
    (LOOPBACK_ONLY, "169.254.169.254", False),
    (LOOPBACK_ONLY, "::1", False),
])
def test_check_address(policy, address, allowed):
    if allowed:
        check_address(address, policy)
    else:
        with pytest.raises(BlockedAddress) as caught:
            check_address(address, policy, where="http://x/")
        assert isinstance(caught.value, InputError) and caught.value.where == "http://x/"
        # the switch is hinted at only where it would help: never for a metadata address
        metadata = "metadata" in caught.value.message
        assert ("NABA_ALLOW_PRIVATE_ADDRESSES" in caught.value.hint) is not metadata


@pytest.mark.parametrize("url, error", [
    ("http://example.com/a", None), ("HTTPS://example.com/", None), ("ftp://example.com/", UnsupportedScheme),
    ("file:///etc/passwd", UnsupportedScheme), ("gopher://x/", UnsupportedScheme), ("example.com/a", UnsupportedScheme),
    ("http:///path", InvalidURL), ("http://[::1/", InvalidURL), ("http://x:port/", InvalidURL),
])
def test_check_scheme(url, error):
    if error is None:
        check_scheme(url, FetchPolicy())
    else:
        with pytest.raises(error) as caught:
            check_scheme(url, FetchPolicy())
        assert caught.value.where == url


@pytest.mark.parametrize("environ, allow_private, max_bytes", [
    ({}, False, 10 * 1024 * 1024),
    ({"NABA_ALLOW_PRIVATE_ADDRESSES": "1"}, True, 10 * 1024 * 1024),
    ({"NABA_ALLOW_PRIVATE_ADDRESSES": "0"}, False, 10 * 1024 * 1024),
    ({"NABA_ALLOW_PRIVATE_ADDRESSES": "yes"}, True, 10 * 1024 * 1024),  # a yes/no setting: 1, true, yes
    ({"NABA_MAX_PAGE_BYTES": "1000"}, False, 1000),
])
def test_policy_from_env(environ, allow_private, max_bytes):
    policy = FetchPolicy.from_env(environ)
    assert (policy.allow_private, policy.max_bytes) == (allow_private, max_bytes)


@pytest.mark.parametrize("bad", [dict(user_agent="curl/8"), dict(read_timeout=0), dict(max_bytes=0),
                                 dict(min_delay=-1), dict(max_redirects=-1)])
def test_policy_rejects_bad_values(bad):
    with pytest.raises(ValueError):
        FetchPolicy(**bad)


def _client(policy: FetchPolicy) -> PoliteClient:
    clock = FakeClock()
    return PoliteClient(policy, clock=clock, sleep=clock.sleep)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::ffff:127.0.0.1]"])
def test_without_the_switch_the_local_server_is_refused(fetch_server, host):
    fetch_server.add("/a", Answer(body=b"a"))
    url = fetch_server.url("/a").replace("127.0.0.1", host)
    with _client(FetchPolicy.from_env({}, min_delay=0.0)) as client:
        result = client.fetch(url)
    assert (result.status, result.error_kind) == ("error", "blocked")
    assert result.error.where == url and "loopback" in result.error.message
    assert fetch_server.paths() == []  # not even robots.txt


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/admin",
    "http://[fd00::1]/",
    "http://[::1]:8080/",
    "http://0.0.0.0/",
])
def test_a_redirect_to_a_private_address_is_refused(fetch_server, target):
    url = fetch_server.add("/go", Answer(302, headers=(("Location", target),)))
    with _client(LOOPBACK_ONLY) as client:
        result = client.fetch(url)
    assert (result.status, result.error_kind) == ("error", "blocked")
    assert result.error.where == target and result.redirects == (target,)
    assert fetch_server.paths() == ["/robots.txt", "/go"]


@pytest.fixture
def fake_dns(monkeypatch):
    """Resolve made-up names to chosen addresses; everything else as usual."""
    real = socket.getaddrinfo
    names = {"news.example": ["127.0.0.1"], "evil.example": ["10.0.0.1"],
             "mixed.example": ["10.0.0.1", "127.0.0.1"], "meta.example": ["169.254.169.254"]}

    def getaddrinfo(host, port, *args, **kwargs):
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in names[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names


@pytest.mark.parametrize("name, fetched", [
    ("news.example", True),    # resolves to loopback, which this policy allows
    ("mixed.example", True),   # the private address is skipped, the allowed one used
    ("evil.example", False),
    ("meta.example", False),
])
def test_names_are_checked_after_resolution(fetch_server, fake_dns, name, fetched):
    fetch_server.add("/a", Answer(body=b"a"))
    url = fetch_server.url("/a").replace("127.0.0.1", name)
    with _client(LOOPBACK_ONLY) as client:
        result = client.fetch(url)
    if fetched:
        assert result.body == b"a"
        assert fetch_server.requests_to("/a")[0].headers["host"] == url.split("/")[2]  # Host kept
    else:
        assert result.error_kind == "blocked" and name in result.error.message
        assert fetch_server.paths() == []


def test_a_name_is_resolved_once_per_connection(fetch_server, monkeypatch):
    """DNS rebinding: the second answer (a private address) is never asked for, let alone used."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "10.0.0.1", "10.0.0.1"])
    asked = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    fetch_server.add("/a", Answer(body=b"a"))
    with _client(LOOPBACK_ONLY) as client:
        result = client.fetch(fetch_server.url("/a").replace("127.0.0.1", "rebind.example"))
    assert result.body == b"a"
    assert asked == ["rebind.example"]  # one connection (robots.txt and the page share it), one lookup
