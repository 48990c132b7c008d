"""The polite HTTP client: one ``fetch(url) -> FetchResult`` that never hammers and never strays.

Per host (``host:port``): one request at a time, ``min_delay`` (or the robots.txt Crawl-delay)
between two requests, exponential backoff after failures, and Retry-After honoured on 429/503.
A host that asked us to wait is not requested again before ``next_allowed_at(url)``: ``fetch``
returns a "deferred" result at once instead of sleeping, so a scheduler can move on to other
sources. Only the short politeness delay is slept, with the injectable ``sleep``.

Redirects are followed here, not by httpx, so that each hop is checked: scheme, robots.txt, the
redirect budget, and (in the transport, at connect time) the address. Bodies are streamed and the
connection dropped as soon as they pass ``max_bytes``; a response that is not over, headers and
body, within ``policy.total_timeout`` is dropped too (the transport holds every read to that deadline).

``close()`` is also how naba stops: requests waiting for their turn or in flight end at once with
``Cancelled``.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from naba.sources.fetch.errors import (
    BlockedAddress,
    Cancelled,
    ConnectFailed,
    Deferred,
    Disallowed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    InvalidURL,
    RateLimited,
    ResponseTooLarge,
    TooManyRedirects,
)
from naba.sources.fetch.guard import check_scheme
from naba.sources.fetch.policy import FetchPolicy
from naba.sources.fetch.results import DEFERRED, DISALLOWED, ERROR, NOT_MODIFIED, OK, FetchResult, Validators
from naba.sources.fetch.robots import RobotsCache
from naba.sources.fetch.transport import GuardedTransport, total_deadline

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RATE_LIMIT_STATUSES = frozenset({429, 503})
ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
          "text/html;q=0.8, */*;q=0.5")


@dataclass(slots=True)
class _HostState:
    """Mutable per-host bookkeeping; only touched while holding ``lock`` (or the client's guard)."""

    lock: threading.Lock
    next_request_at: float = 0.0  # politeness: min_delay after the previous request
    blocked_until: float = 0.0  # backoff or Retry-After: no request before this
    failures: int = 0
    reason: str = ""  # why the host is blocked: what it answered, or what went wrong, in words


@dataclass(frozen=True, slots=True)
class _Hop:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes


class PoliteClient:
    """Fetch URLs politely and safely. Thread-safe; use one per process, as a context manager.

    ``clock`` (epoch seconds) and ``sleep`` are injectable so that tests and schedulers control
    time (the default sleep ends early when the client is closed); ``transport`` replaces the
    guarded network transport (tests only: it bypasses the guard and the total deadline).
    """

    def __init__(self, policy: FetchPolicy | None = None, *, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], object] | None = None, transport: httpx.BaseTransport | None = None):
        self.policy = policy or FetchPolicy.from_env()
        self._closed = threading.Event()
        self._clock = clock
        self._sleep = sleep or self._closed.wait
        self._http = httpx.Client(
            transport=transport or GuardedTransport(self.policy), follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout),
            headers={"User-Agent": self.policy.user_agent, "Accept": ACCEPT},
        )
        self._hosts: dict[str, _HostState] = {}
        self._guard = threading.Lock()
        self.robots = RobotsCache(self.policy, self._fetch_robots, clock)

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections; requests waiting or in flight in other threads end with Cancelled."""
        self._closed.set()
        self._http.close()

    # -- what a scheduler asks -------------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets naba fetch ``url`` (or the policy ignores robots.txt).

        Fetches and caches the host's robots.txt on first use; raises BlockedAddress when the host
        itself may not be contacted (so a refused address is never mistaken for a robots rule),
        InvalidURL or UnsupportedScheme for a URL naba would not fetch at all (an octal IPv4 host too).
        """
        check_scheme(url, self.policy)
        return not self.policy.obey_robots or self.robots.allowed(url)

    def next_allowed_at(self, url: str) -> float:
        """Earliest time (client clock) a request to ``url``'s host may go out."""
        state = self._host(url)
        return max(state.next_request_at, state.blocked_until)

    def blocked_until(self, url: str) -> float | None:
        """Until when the host backs off (errors or Retry-After), or None when it does not."""
        until = self._host(url).blocked_until
        return until if until > self._clock() else None

    # -- fetching ------------------------------------------------------------------------------

    def fetch(self, url: str, validators: Validators | None = None, *, max_bytes: int | None = None) -> FetchResult:
        """GET ``url``, conditionally when ``validators`` are given; never raises FetchError."""
        started, t0 = self._clock(), time.perf_counter()
        hops: list[str] = []
        try:
            hop = self._follow(url, validators or Validators(), max_bytes or self.policy.max_bytes, hops, True)
        except FetchError as exc:
            status = {Disallowed: DISALLOWED, Deferred: DEFERRED}.get(type(exc), ERROR)
            return FetchResult(url, status, hops[-1] if hops else url, getattr(exc, "status", None),
                               redirects=tuple(hops[1:]), started_at=started, elapsed=time.perf_counter() - t0,
                               retry_at=getattr(exc, "retry_at", None) or self.blocked_until(url), error=exc)
        media_type, charset = _content_type(hop.headers.get("content-type"))
        got = Validators(hop.headers.get("etag"), hop.headers.get("last-modified"))
        return FetchResult(
            url, NOT_MODIFIED if hop.status == 304 else OK, hop.url, hop.status, hop.body, media_type, charset,
            got if got else (validators or Validators()), tuple(hops[1:]), started, time.perf_counter() - t0,
        )

    def _follow(self, url: str, validators: Validators, limit: int, hops: list[str], robots: bool,
                truncate: bool = False) -> _Hop:
        """The first non-redirect answer for ``url``; each hop checked before it is requested."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            hops.append(current)
            check_scheme(current, self.policy)
            self._raise_if_deferred(current)
            if robots and not self._allowed_hop(current):
                self._raise_if_deferred(current)  # robots.txt itself failed and the host now backs off
                raise Disallowed(f"robots.txt ({self.robots.note(current)}) disallows this URL for naba; "
                                 "it was not requested", where=current)
            hop = self._request(current, validators.headers(), limit, truncate)
            location = hop.headers.get("location")
            if hop.status not in REDIRECT_STATUSES or not location:
                if 300 <= hop.status < 400 and hop.status != 304:
                    raise HTTPStatusError(f"HTTP {hop.status} without a Location to follow", where=current,
                                          status=hop.status)
                return hop
            try:
                current = urljoin(current, location.strip())
            except ValueError:
                raise InvalidURL(f"redirect to an invalid URL {location!r}", where=current) from None
            if current in hops:
                raise TooManyRedirects(f"redirect loop back to {current}", where=url)
        raise TooManyRedirects(f"more than {self.policy.max_redirects} redirects", where=url,
                               hint=" -> ".join(hops))

    def _allowed_hop(self, url: str) -> bool:
        try:
            return self.allowed(url)
        except BlockedAddress as exc:  # refused while asking for robots.txt: name the page, not robots.txt
            raise BlockedAddress(exc.message, where=url, hint=exc.hint) from None

    def _fetch_robots(self, robots_url: str) -> tuple[int, bytes]:
        hop = self._follow(robots_url, Validators(), self.policy.max_robots_bytes, [], False, truncate=True)
        return hop.status, hop.body

    # -- one request, per-host discipline ------------------------------------------------------

    def _host(self, url: str) -> _HostState:
        try:
            key = urlsplit(url).netloc.lower()
        except ValueError:  # an unparseable URL is refused before any request; any key will do
            key = url
        with self._guard:
            state = self._hosts.get(key)
            if state is None:
                state = self._hosts[key] = _HostState(threading.Lock())
            return state

    def _raise_if_deferred(self, url: str) -> None:
        state = self._host(url)
        if state.blocked_until > self._clock():
            raise Deferred(f"{state.reason or 'the host is backing off'}; not requested while this host backs off",
                           where=url, retry_at=state.blocked_until)

    def _request(self, url: str, headers: dict[str, str], limit: int, truncate: bool) -> _Hop:
        state = self._host(url)
        with state.lock:  # per-host concurrency 1: the lock spans the wait and the whole response
            self._raise_if_deferred(url)
            wait = state.next_request_at - self._clock()
            if wait > 0:
                self._sleep(wait)
            if self._closed.is_set():
                raise Cancelled("naba is stopping: not requested", where=url)
            try:
                hop = _send(self._http, url, headers, limit, truncate, self.policy.total_timeout)
            except (FetchTimeout, ConnectFailed) as exc:
                self._failed(state, None, exc.message)
                raise
            finally:
                delay = max(self.policy.min_delay, self.robots.crawl_delay(url))
                state.next_request_at = self._clock() + delay
            self._judge(state, hop)
        return hop

    def _judge(self, state: _HostState, hop: _Hop) -> None:
        """Update the host's backoff from an answer; raise for 4xx/5xx."""
        if hop.status in RATE_LIMIT_STATUSES:
            asked = _retry_after(hop.headers.get("retry-after"), self._clock())
            how = "with Retry-After" if asked is not None else "without Retry-After: backing off"
            retry_at = self._failed(state, asked, f"the host asked us to wait (HTTP {hop.status}, {how})")
            raise RateLimited(f"HTTP {hop.status}: the server asks us to slow down", where=hop.url,
                              status=hop.status, retry_at=retry_at)
        if hop.status >= 500:
            self._failed(state, None, f"the host answered HTTP {hop.status}")
            raise HTTPStatusError(f"HTTP {hop.status} server error", where=hop.url, status=hop.status)
        state.failures = 0  # the host answered sensibly, even if this URL is a 404
        if hop.status >= 400:
            raise HTTPStatusError(f"HTTP {hop.status}", where=hop.url, status=hop.status)

    def _failed(self, state: _HostState, retry_at: float | None, reason: str) -> float:
        """Count a failure and block the host: Retry-After when given, else exponential backoff."""
        state.failures += 1
        state.reason = reason
        if retry_at is None:
            backoff = self.policy.backoff_base * 2 ** (state.failures - 1)
            retry_at = self._clock() + min(backoff, self.policy.backoff_max)
        else:
            retry_at = min(retry_at, self._clock() + self.policy.retry_after_max)
        state.blocked_until = max(state.blocked_until, retry_at)
        return state.blocked_until


def _send(http: httpx.Client, url: str, headers: dict[str, str], limit: int, truncate: bool,
          total_timeout: float) -> _Hop:
    """One GET, body streamed up to ``limit`` bytes (decoded), all of it within ``total_timeout``
    seconds; library errors become FetchErrors."""
    with total_deadline(total_timeout) as deadline:
        try:
            with http.stream("GET", url, headers=headers) as response:
                body = _read_body(response, url, limit, truncate, deadline)
                return _Hop(url, response.status_code, response.headers, body)
        except FetchError as exc:  # the transport's refusals (address, DNS, a stop) only knew host:port
            exc.where = url
            raise
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline:
                raise FetchTimeout(f"the response took longer than the total timeout ({total_timeout:g} s)",
                                   where=url) from None
            raise FetchTimeout(f"timed out ({type(exc).__name__})", where=url) from None
        except httpx.TransportError as exc:
            raise ConnectFailed(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__, where=url) from None
        except httpx.DecodingError as exc:
            raise ConnectFailed(f"bad content encoding: {exc}", where=url) from None
        except httpx.InvalidURL as exc:
            raise InvalidURL(f"not a valid URL ({exc})", where=url) from None


def _read_body(response: httpx.Response, url: str, limit: int, truncate: bool, deadline: float) -> bytes:
    """The body, refused (or cut, for robots.txt) past ``limit``; leaving the stream drops the connection.

    ``deadline`` (monotonic) is checked here too, for transports that are not the guarded one."""
    declared = response.headers.get("content-length", "")
    if not truncate and declared.isdigit() and int(declared) > limit:
        raise ResponseTooLarge(f"response of {int(declared):,} bytes is over the {limit:,}-byte limit",
                               where=url, hint="not downloaded")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            if truncate:
                return b"".join(chunks)[:limit]
            raise ResponseTooLarge(f"response passed the {limit:,}-byte limit; download stopped", where=url)
        if time.monotonic() > deadline:
            raise FetchTimeout("the response took longer than the total timeout", where=url)
    return b"".join(chunks)


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """(media type, declared charset) of a Content-Type header."""
    if not header:
        return None, None
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower() or None, charset


def _retry_after(header: str | None, now: float) -> float | None:
    """The time a Retry-After header (seconds or HTTP-date) points at, or None."""
    if not header:
        return None
    value = header.strip()
    if value.isdigit():
        return now + int(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(now, when.timestamp()) if when.tzinfo else None
