"""Every IPv6 spelling of an IPv4 address is judged as that address (issue 15, item 1), and the
messages of a refusal say what happened (item 12).

IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64 (well-known and local-use), 6to4 and Teredo forms
of the cloud metadata addresses are refused with ``NABA_ALLOW_PRIVATE_ADDRESSES`` set and unset,
offline against ``check_address``; one redirect to a mapped metadata form goes through the real local
server, with the socket layer under the guard refusing anything but loopback, so that a broken guard
fails the test instead of sending a packet to 169.254.169.254.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest

from fetch_server import Answer, FakeClock, loopback_only_sockets  # noqa: F401 (fixture)
from naba.sources.fetch import BlockedAddress, FetchPolicy, PoliteClient, check_address
from naba.sources.fetch.guard import METADATA_HINT, embedded_ipv4, normalise

SWITCH = "NABA_ALLOW_PRIVATE_ADDRESSES"
ENVIRONMENTS = [pytest.param({}, id="switch-unset"), pytest.param({SWITCH: "1"}, id="switch-set")]

METADATA_FORMS = [
    ("::ffff:169.254.169.254", "169.254.169.254"),   # IPv4-mapped, dotted
    ("::ffff:a9fe:a9fe", "169.254.169.254"),         # IPv4-mapped, hex
    ("::ffff:0:a9fe:a9fe", "169.254.169.254"),       # IPv4-translated (RFC 2765)
    ("::169.254.169.254", "169.254.169.254"),        # IPv4-compatible (deprecated, still routed by some stacks)
    ("::a9fe:a9fe", "169.254.169.254"),
    ("64:ff9b::a9fe:a9fe", "169.254.169.254"),       # NAT64 well-known prefix
    ("64:ff9b::169.254.169.254", "169.254.169.254"),
    ("64:ff9b:1:a9fe:a9:fe00::", "169.254.169.254"),  # NAT64 local-use prefix, /48 layout (RFC 6052, 8215)
    ("2002:a9fe:a9fe::", "169.254.169.254"),         # 6to4
    ("2002:a9fe:a9fe:1234::1", "169.254.169.254"),
    ("2001:0:4136:e378:8000:63bf:5601:5601", "169.254.169.254"),  # Teredo (client address, obfuscated)
    ("::ffff:169.254.170.2", "169.254.170.2"),       # AWS ECS task metadata
    ("64:ff9b::a9fe:aa02", "169.254.170.2"),
    ("2002:a9fe:aa02::", "169.254.170.2"),
    ("::ffff:100.100.100.200", "100.100.100.200"),   # Alibaba Cloud
    ("64:ff9b::6464:64c8", "100.100.100.200"),
    ("2002:6464:64c8::", "100.100.100.200"),
    ("::100.100.100.200", "100.100.100.200"),
    ("::ffff:192.0.0.192", "192.0.0.192"),           # Oracle Cloud (legacy)
    ("fd00:ec2::254", "fd00:ec2::254"),              # AWS over IPv6
]


@pytest.mark.parametrize("environ", ENVIRONMENTS)
@pytest.mark.parametrize("address, reaches", METADATA_FORMS)
def test_every_form_of_a_metadata_address_is_refused(environ, address, reaches):
    policy = FetchPolicy.from_env(environ)
    with pytest.raises(BlockedAddress) as caught:
        check_address(address, policy, where="http://x/")
    assert "a cloud metadata address" in caught.value.message and reaches in caught.value.message
    assert caught.value.hint == METADATA_HINT and SWITCH not in str(caught.value)


@pytest.mark.parametrize("address, reaches, problem", [
    ("::ffff:10.0.0.1", "10.0.0.1", "a private address"),
    ("64:ff9b::a00:1", "10.0.0.1", "a private address"),
    ("2002:a00:1::", "10.0.0.1", "a private address"),
    ("::10.0.0.1", "10.0.0.1", "a private address"),
    ("::ffff:0:7f00:1", "127.0.0.1", "a loopback address"),
    ("64:ff9b::7f00:1", "127.0.0.1", "a loopback address"),
    ("2002:7f00:1::", "127.0.0.1", "a loopback address"),
    ("::ffff:169.254.1.1", "169.254.1.1", "a link-local address"),
])
def test_private_forms_follow_the_switch(address, reaches, problem):
    with pytest.raises(BlockedAddress) as caught:
        check_address(address, FetchPolicy.from_env({}))
    shown = ipaddress.ip_address(address)  # as Python writes it: ::ffff:a00:1 for ::ffff:10.0.0.1
    assert caught.value.message == f"refused to connect to {shown} (= {reaches}): {problem}"
    assert caught.value.hint == f"set {SWITCH}=1 to allow non-public addresses"
    check_address(address, FetchPolicy.from_env({SWITCH: "1"}))  # allowed: the switch is for these


@pytest.mark.parametrize("address", ["::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::"])
def test_forms_of_a_public_address_are_judged_as_that_address(address):
    assert normalise(ipaddress.ip_address(address)) == ipaddress.ip_address("8.8.8.8")
    check_address(address, FetchPolicy.from_env({}))


def test_plain_addresses_have_no_embedded_form():
    for plain in ("::1", "::", "2001:4860:4860::8888", "fd00::1", "8.8.8.8"):
        assert embedded_ipv4(ipaddress.ip_address(plain)) == ()


def test_allowed_networks_cover_the_forms_of_their_addresses():
    policy = FetchPolicy(allowed_networks=("127.0.0.0/8",))
    check_address("::ffff:127.0.0.2", policy)
    check_address("64:ff9b::7f00:2", policy)


@pytest.mark.parametrize("target", ["http://[::ffff:169.254.169.254]/latest/meta-data/",
                                    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/",
                                    "http://[2002:a9fe:a9fe::]/latest/meta-data/"])
def test_a_redirect_to_a_mapped_metadata_address_is_refused_with_the_switch_set(fetch_server, loopback_only_sockets,
                                                                                 target):
    url = fetch_server.add("/go", Answer(302, headers=(("Location", target),)))
    clock = FakeClock()
    policy = FetchPolicy.from_env({SWITCH: "1"}, min_delay=0.0)
    with PoliteClient(policy, clock=clock, sleep=clock.sleep) as client:
        result = client.fetch(url)
    assert (result.status, result.error_kind) == ("error", "blocked")
    assert result.error.where == target and "a cloud metadata address" in result.error.message
    assert loopback_only_sockets == []  # never even tried
    assert fetch_server.paths() == ["/robots.txt", "/go"]


# -- item 12: messages that say what happened ------------------------------------------------------

def test_a_metadata_refusal_never_hints_at_the_switch(fetch_server):
    with PoliteClient(FetchPolicy.from_env({SWITCH: "1"}, min_delay=0.0)) as client:
        result = client.fetch("http://169.254.169.254/latest/meta-data/")
    assert str(result.error) == ("http://169.254.169.254/latest/meta-data/: refused to connect to 169.254.169.254: "
                                 "a cloud metadata address (cloud metadata addresses are never fetched, "
                                 "whatever the settings)")


def test_a_private_refusal_hints_at_the_switch_when_it_is_unset(fetch_server):
    url = fetch_server.url("/a")
    with PoliteClient(FetchPolicy.from_env({}, min_delay=0.0)) as client:
        result = client.fetch(url)
    assert str(result.error) == (f"{url}: refused to connect to 127.0.0.1: a loopback address "
                                 f"(set {SWITCH}=1 to allow non-public addresses)")


@pytest.mark.parametrize("host", ["0177.0.0.1", "0x7f.0.0.1", "2130706433", "127.1", "017700000001"])
def test_an_octal_or_shortened_ip_host_is_an_invalid_url_not_a_robots_rule(fetch_server, host):
    url = f"http://{host}/"
    with PoliteClient(FetchPolicy.from_env({SWITCH: "1"}, min_delay=0.0)) as client:
        result = client.fetch(url)
        with pytest.raises(Exception) as caught:
            client.allowed(url)
    assert (result.status, result.error_kind) == ("error", "invalid_url")
    assert str(result.error) == (f"{url}: the host {host} is an IPv4 address in octal, hex or shortened form, "
                                 "which programs read as different addresses; not fetched "
                                 "(write the address as four decimal numbers, e.g. 192.0.2.1)")
    assert caught.value.kind == "invalid_url"
    assert fetch_server.paths() == []


def test_a_dns_failure_is_reported_as_one_not_as_the_host_asking_to_wait(monkeypatch):
    def getaddrinfo(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    clock = FakeClock()
    with PoliteClient(FetchPolicy(min_delay=0.0), clock=clock, sleep=clock.sleep) as client:
        first = client.fetch("http://news.example/a.html")
        again = client.fetch("http://news.example/b.html")
    expected = "cannot resolve news.example (Name or service not known); not requested while this host backs off"
    assert str(first.error) == f"http://news.example/a.html: {expected}"
    assert str(again.error) == f"http://news.example/b.html: {expected}"
    assert "asked us to wait" not in str(first.error)


def test_a_host_that_asks_to_wait_is_reported_as_such(fetch_server):
    fetch_server.add("/busy", Answer(503, body=b"busy", headers=(("Retry-After", "120"),)))
    clock = FakeClock()
    policy = FetchPolicy(min_delay=0.0, allowed_networks=("127.0.0.0/8",))
    with PoliteClient(policy, clock=clock, sleep=clock.sleep) as client:
        client.fetch(fetch_server.url("/busy"))
        later = client.fetch(fetch_server.url("/other"))
    assert later.status == "deferred"
    assert later.error.message == ("the host asked us to wait (HTTP 503, with Retry-After); "
                                   "not requested while this host backs off")
