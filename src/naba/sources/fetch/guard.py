"""Which addresses naba may connect to: public unicast only, checked after DNS resolution.

A URL's host name says nothing about where it points (``evil.example`` can resolve to 10.0.0.1,
or to 169.254.169.254, the cloud metadata service), so the check runs on the resolved addresses,
at connect time, for every connection of every redirect hop (see ``transport.py``).
"""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from naba.sources.fetch.errors import BlockedAddress, InvalidURL, UnsupportedScheme
from naba.sources.fetch.policy import ALLOW_PRIVATE_ENV, FetchPolicy

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints: blocked even with allow_private, unless a policy lists them by network.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254",
))


def address_problem(address: IPAddress) -> str | None:
    """Why ``address`` is not a public unicast address, or None when it is."""
    mapped = getattr(address, "ipv4_mapped", None) or getattr(address, "sixtofour", None)
    if mapped is not None:  # ::ffff:10.0.0.1 reaches 10.0.0.1
        return address_problem(mapped)
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for label, test in (("a loopback", "is_loopback"), ("a link-local", "is_link_local"),
                        ("a multicast", "is_multicast"), ("an unspecified", "is_unspecified"),
                        ("a reserved", "is_reserved"), ("a private", "is_private")):
        if getattr(address, test):
            return f"{label} address"
    if not address.is_global:  # shared (100.64/10), documentation, benchmarking ranges
        return "a non-global address"
    return None


@lru_cache(maxsize=64)
def _networks(cidrs: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def check_address(address: str | IPAddress, policy: FetchPolicy, where: str | None = None) -> None:
    """Raise BlockedAddress unless ``policy`` lets naba connect to ``address``."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    if any(ip in network for network in _networks(policy.allowed_networks)):
        return
    problem = address_problem(ip)
    if problem is None or (policy.allow_private and ip not in METADATA_ADDRESSES):
        return
    raise BlockedAddress(f"refused to connect to {ip}: {problem}", where=where,
                         hint=f"set {ALLOW_PRIVATE_ENV}=1 to allow non-public addresses")


def resolve(host: str, port: int) -> list[tuple[int, str]]:
    """(family, address) pairs for ``host``, in the resolver's order, without duplicates."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    seen: dict[tuple[int, str], None] = {}
    for family, _type, _proto, _name, sockaddr in found:
        seen.setdefault((int(family), str(sockaddr[0])), None)
    return list(seen)


def allowed_addresses(host: str, port: int, policy: FetchPolicy, where: str | None = None) -> list[tuple[int, str]]:
    """The resolved addresses of ``host`` naba may connect to; BlockedAddress when there are none."""
    addresses = resolve(host, port)
    allowed, refusals = [], []
    for family, address in addresses:
        try:
            check_address(address, policy, where)
        except BlockedAddress as exc:
            refusals.append(exc)
        else:
            allowed.append((family, address))
    if not allowed and refusals:
        first = refusals[0]
        raise BlockedAddress(f"{host} resolves only to refused addresses ({first.message})",
                             where=where, hint=first.hint)
    return allowed


def check_scheme(url: str, policy: FetchPolicy) -> None:
    """Raise UnsupportedScheme unless ``url`` is http(s), InvalidURL unless it parses and has a host."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises on a port that is no number)
    except ValueError as exc:
        raise InvalidURL(f"not a valid URL ({exc})", where=url) from None
    if parts.scheme.lower() not in policy.schemes:
        raise UnsupportedScheme(f"scheme {parts.scheme or '(none)'!r} is not fetched",
                                where=url, hint="naba fetches http and https URLs only")
    if not host:
        raise InvalidURL("URL has no host name", where=url)
