"""One canonical form per article URL, so the same page reached twice is recognised; and a URL's site.

    site_name("https://www.Khabar-Daily.example/2026/x")  -> "khabar-daily.example"

    canonical_url("HTTP://Example.COM:80/خبر?utm_source=rss&id=5#top")
        -> "http://example.com/%D8%AE%D8%A8%D8%B1?id=5"

Rules: http and https only (anything else, mailto: and javascript: included, gives None, as does a
URL without a host); scheme and host lower-cased, non-ASCII hosts IDNA-encoded; default ports,
the fragment and an empty "?" dropped; an empty path becomes "/"; percent-encoding normalised
(non-ASCII written as UTF-8 %XX in upper case, escaped unreserved ASCII decoded) so a raw Arabic
path (SaudiNewsNet) and its percent-encoded copy (elsewhere) agree; tracking parameters dropped,
the others kept in their order and spelling.

A parameter is tracking when its name is (``utm_*``, ``fbclid``, ``gclid`` ...) or when the name
says "where the click came from" and the value names a feed or network (``ref=rss``,
``src=Rss``, ``format=simple``). ``ref=<anything else>`` is kept: sites use it to select content.

courlan (installed with trafilatura) was measured and not used: it keeps the fragment, reorders
the parameters, keeps ``ref=rss`` and ``format=simple``, and takes ~18 µs a URL against ~8-13 here
(same machine, SaudiNewsNet URLs).
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
    "_ga", "_gl", "_hsenc", "_hsmi", "at_medium", "at_campaign", "at_custom1", "at_custom2",
    "at_custom3", "at_custom4", "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname",
    "ns_fee", "ocid", "cmpid", "spm", "__twitter_impression", "mkt_tok", "oly_enc_id", "oly_anon_id",
    "vero_id", "wt.mc_id", "rb_clickid", "s_cid",
})
_FEED_VALUES = frozenset({
    "rss", "rss2", "feed", "rss_feed", "feedburner", "twitter", "facebook", "fb", "tw", "whatsapp",
    "telegram", "social", "newsletter", "email",
})
# Parameters that are tracking only with a feed/network value (see the module docstring).
_TRACKING_VALUES = {"ref": _FEED_VALUES, "src": _FEED_VALUES, "source": _FEED_VALUES,
                    "from": _FEED_VALUES, "format": frozenset({"simple"})}
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY_PART = "/%:@!$'()*+,;=-._~?"  # "&" separates pairs and "=" name from value: kept as given
# Only escapes that may change: lower-case hex, or ASCII (which may be unreserved). The common
# upper-case %D8%A8... of Arabic text is left alone, which keeps this fast (a callback per escape
# costs ~1 µs and an Arabic slug has dozens).
_ESCAPE = re.compile(r"%([0-7][0-9A-Fa-f]|[0-9A-Fa-f][a-f]|[a-f][0-9A-F])")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def canonical_url(url: str | None) -> str | None:
    """The canonical form of an http(s) URL, or None when ``url`` is not one."""
    if not url:
        return None
    url = url.strip()
    if _SPACE_OR_CONTROL.search(url):
        url = url.replace(" ", "%20")
        if _SPACE_OR_CONTROL.search(url):
            return None
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    netloc = _netloc(parts.username, parts.password, host, port, scheme, parts.netloc)
    if netloc is None:
        return None
    path = _quote(parts.path, _SAFE_PATH) or "/"
    query = _query(parts.query) if parts.query else ""
    return f"{scheme}://{netloc}{path}?{query}" if query else f"{scheme}://{netloc}{path}"


def site_name(url: str | None) -> str | None:
    """The host of an http(s) URL as a reader would name the site: lower case, ``www.`` dropped, an
    IDNA (``xn--``) host in its own letters; None for anything else. The outlet of a page that names
    none."""
    canonical = canonical_url(url)
    if canonical is None:
        return None
    host = urlsplit(canonical).hostname or ""
    host = host.removeprefix("www.")
    if "xn--" in host:
        try:
            host = host.encode("ascii").decode("idna")
        except UnicodeError:
            pass  # a malformed IDNA label stays as written
    return host or None


def _quote(text: str, safe: str) -> str:
    # Escapes that quote() writes are upper-case UTF-8 already; only escapes that came with the
    # input can need normalising, so the regex pass is skipped when the input had none.
    quoted = quote(text, safe=safe)
    return _normalise_escapes(quoted) if "%" in text else quoted


def _netloc(user: str | None, password: str | None, host: str, port: int | None, scheme: str,
            raw_netloc: str) -> str | None:
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if user is not None:
        credentials = raw_netloc.rpartition("@")[0]
        netloc = f"{credentials}@{netloc}"
    return netloc


def _query(query: str) -> str:
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        if _is_tracking(name.lower(), value.lower()):
            continue
        kept.append(_quote(pair, _SAFE_QUERY_PART + "="))
    return "&".join(kept)


def _is_tracking(name: str, value: str) -> bool:
    if name.startswith("utm_") or name in _TRACKING_NAMES:
        return True
    values = _TRACKING_VALUES.get(name)
    return values is not None and value in values


def _normalise_escapes(text: str) -> str:
    """Upper-case %xx escapes and decode the ones that stand for unreserved ASCII (RFC 3986 6.2.2)."""
    return _ESCAPE.sub(_normalise_escape, text)


def _normalise_escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else "%" + match.group(1).upper()
