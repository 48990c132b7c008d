"""Which addresses naba may connect to: public unicast only, checked after DNS resolution.

A URL's host name says nothing about where it points (``evil.example`` can resolve to 10.0.0.1,
or to 169.254.169.254, the cloud metadata service), so the check runs on the resolved addresses,
at connect time, for every connection of every redirect hop (see ``transport.py``).

An IPv6 address can carry an IPv4 one, and reach it: IPv4-mapped (``::ffff:169.254.169.254``),
IPv4-translated (``::ffff:0:a9fe:a9fe``), IPv4-compatible (``::169.254.169.254``), NAT64
(``64:ff9b::a9fe:a9fe``, and the local-use ``64:ff9b:1::/48``), 6to4 (``2002:a9fe:a9fe::``) and
Teredo (its client address). Every check (the allowed networks, the kind of address, the metadata
list) runs on ``normalise(address)`` too, so no IPv6 spelling of an address escapes the rules of
the IPv4 address it reaches. The standard library decodes the mapped, 6to4 and Teredo forms; the
others are written out here from their RFCs (4291, 6052, 8215, 2765).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from naba.sources.fetch.errors import BlockedAddress, InvalidURL, UnsupportedScheme
from naba.sources.fetch.policy import ALLOW_PRIVATE_ENV, FetchPolicy

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints: blocked even with allow_private, unless a policy lists them by network.
# AWS/Azure/GCP/DigitalOcean/OpenStack, AWS ECS tasks, Alibaba, Oracle (legacy), AWS over IPv6.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254",
))
METADATA_HINT = "cloud metadata addresses are never fetched, whatever the settings"
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated, but stacks still route it to the IPv4 address
_IPV4_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_NAT64_LOCAL_PREFIXES = (48, 56, 64, 96)  # where RFC 6052 may put the IPv4 address after a prefix in a /48


def _low32(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address:
    return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)


def _rfc6052(address: ipaddress.IPv6Address, prefix: int) -> ipaddress.IPv4Address:
    """The IPv4 address embedded after a ``prefix``-bit NAT64 prefix (bits 64-71 are skipped)."""
    packed = address.packed
    octets = [i for i in range(prefix // 8, 16) if i != 8][:4]
    return ipaddress.IPv4Address(bytes(packed[i] for i in octets))


def embedded_ipv4(address: IPAddress) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address may reach, by its form; () for a plain address.

    Only the local-use NAT64 prefix gives several: its operator chooses where the IPv4 address sits.
    """
    if isinstance(address, ipaddress.IPv4Address):
        return ()
    if address.ipv4_mapped is not None:
        return (address.ipv4_mapped,)
    if address.sixtofour is not None:
        return (address.sixtofour,)
    if address.teredo is not None:
        return (address.teredo[1],)
    if address in _IPV4_TRANSLATED or address in _NAT64:
        return (_low32(address),)
    if address in _IPV4_COMPATIBLE and int(address) > 1:  # not :: (unspecified) nor ::1 (loopback)
        return (_low32(address),)
    if address in _NAT64_LOCAL:
        return tuple(dict.fromkeys(_rfc6052(address, prefix) for prefix in _NAT64_LOCAL_PREFIXES))
    return ()


def normalise(address: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 form stands for (the first, for local-use NAT64), else ``address``."""
    found = embedded_ipv4(address)
    return found[0] if found else address


def is_metadata(address: IPAddress) -> bool:
    """True for a cloud metadata address in any of its forms."""
    return address in METADATA_ADDRESSES or any(ip in METADATA_ADDRESSES for ip in embedded_ipv4(address))


def address_problem(address: IPAddress) -> str | None:
    """Why ``address`` is not a public unicast address, or None when it is."""
    if is_metadata(address):
        return "a cloud metadata address"
    embedded = embedded_ipv4(address)
    if embedded and address not in _NAT64_LOCAL:  # ::ffff:10.0.0.1 reaches 10.0.0.1: judged as that address
        return address_problem(embedded[0])
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
    """Raise BlockedAddress unless ``policy`` lets naba connect to ``address`` (in any of its forms)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    forms = (ip, *embedded_ipv4(ip))
    if any(form in network for form in forms for network in _networks(policy.allowed_networks)):
        return
    problem = address_problem(ip)
    if problem is None:
        return
    metadata = is_metadata(ip)
    if policy.allow_private and not metadata:
        return
    shown = ip if normalise(ip) == ip else f"{ip} (= {normalise(ip)})"
    # the switch's hint only where the switch would help: never for metadata (it is set or not)
    hint = METADATA_HINT if metadata else f"set {ALLOW_PRIVATE_ENV}=1 to allow non-public addresses"
    raise BlockedAddress(f"refused to connect to {shown}: {problem}", where=where, hint=hint)


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
        if _is_ip_literal(host):  # "1.2.3.4 resolves to 1.2.3.4" says nothing
            raise first
        raise BlockedAddress(f"{host} resolves only to refused addresses ({first.message})",
                             where=where, hint=first.hint)
    return allowed


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    return True


# A host made only of numbers and dots (or 0x... parts) is an IPv4 address to a resolver, in forms that
# parsers read differently: 0177.0.0.1 is 127.0.0.1 in octal to inet_aton and browsers, 177.0.0.1 to
# others, and invalid to httpx; 2130706433 and 127.1 are 127.0.0.1. Only four plain decimals are one address.
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+))*\.?", re.IGNORECASE)
_DOTTED_DECIMAL = re.compile(r"(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}"
                             r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])")


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
    if _NUMERIC_HOST.fullmatch(host) and not _DOTTED_DECIMAL.fullmatch(host):
        raise InvalidURL(f"the host {host} is an IPv4 address in octal, hex or shortened form, "
                         "which programs read as different addresses; not fetched", where=url,
                         hint="write the address as four decimal numbers, e.g. 192.0.2.1")
