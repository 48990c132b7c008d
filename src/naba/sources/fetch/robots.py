"""robots.txt, fetched once per origin and kept for ``policy.robots_ttl`` (RFC 9309).

The rules come from Protego (the parser Scrapy uses: longest match, Allow beats Disallow on ties,
wildcards, groups by product token). What a missing or failing robots.txt means follows the RFC:
a 4xx (no file) allows everything; a 5xx, 429 or network failure means "unreachable", so the
origin is treated as fully disallowed until a retry after ``policy.backoff_base`` seconds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from naba.sources.fetch.errors import (
    BlockedAddress,
    Cancelled,
    FetchError,
    HTTPStatusError,
    InvalidURL,
    UnsupportedScheme,
)
from naba.sources.fetch.policy import FetchPolicy

# (robots URL) -> (HTTP status, body); raises FetchError when nothing usable came back
RobotsFetcher = Callable[[str], tuple[int, bytes]]
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay above this would stall a source; we wait this long at most


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The robots.txt verdict for one origin, until ``expires_at`` (client clock)."""

    origin: str
    expires_at: float
    note: str  # "rules", "missing (404)", "unreachable (timeout: ...)"
    parser: Protego | None = None
    allow_all: bool = True

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float:
        delay = self.parser.crawl_delay(agent) if self.parser is not None else None
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class RobotsCache:
    """Per-origin robots.txt rules, fetched on first use with ``fetch`` and cached."""

    def __init__(self, policy: FetchPolicy, fetch: RobotsFetcher, clock: Callable[[], float]):
        self._policy = policy
        self._fetch = fetch
        self._clock = clock
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def allowed(self, url: str) -> bool:
        """True when robots.txt lets naba fetch ``url`` (fetching robots.txt if need be)."""
        return self.rules_for(url).allows(url, self._policy.robots_agent)

    def crawl_delay(self, url: str) -> float:
        """The Crawl-delay already known for ``url``'s origin; never fetches."""
        rules = self._rules.get(origin_of(url))
        return rules.crawl_delay(self._policy.robots_agent) if rules else 0.0

    def note(self, url: str) -> str:
        """How the known rules for ``url``'s origin came about ("rules", "missing (404)" ...); never fetches."""
        rules = self._rules.get(origin_of(url))
        return rules.note if rules else "not fetched"

    def rules_for(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per origin, however many threads ask
            rules = self._rules.get(origin)
            if rules is None or rules.expires_at <= self._clock():
                rules = self._rules[origin] = self._load(origin)
        return rules

    def forget(self, url: str) -> None:
        self._rules.pop(origin_of(url), None)

    def _load(self, origin: str) -> RobotsRules:
        now = self._clock()
        try:
            status, body = self._fetch(f"{origin}/robots.txt")
        except HTTPStatusError as exc:
            status, body = exc.status, b""
            if status == 429 or status >= 500:
                return self._unreachable(origin, now, f"HTTP {status}")
        except (BlockedAddress, UnsupportedScheme, InvalidURL, Cancelled):
            raise  # about the URL (or naba stopping), not the server's rules: the caller reports it as such
        except FetchError as exc:
            return self._unreachable(origin, now, f"{exc.kind}: {exc.message}")
        expires = now + self._policy.robots_ttl
        if 400 <= status < 500:
            return RobotsRules(origin, expires, f"missing ({status})")
        text = body.decode("utf-8", errors="replace")
        return RobotsRules(origin, expires, "rules", parser=Protego.parse(text))

    def _unreachable(self, origin: str, now: float, why: str) -> RobotsRules:
        return RobotsRules(origin, now + self._policy.backoff_base, f"unreachable ({why})", allow_all=False)
