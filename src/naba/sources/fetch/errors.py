"""Errors of the network layer, under naba's own tree (``naba.errors``).

    InputError
     └── FetchError                  kind          a URL we could not fetch or read; ``where`` is the URL
          ├── InvalidURL             "invalid_url" a URL (or redirect Location) that does not parse, or has no host
          ├── UnsupportedScheme      "scheme"      not http or https
          ├── BlockedAddress         "blocked"     loopback, private, link-local, metadata ... address
          ├── Disallowed             "robots"      robots.txt forbids the URL: it was never requested
          ├── Deferred               "deferred"    the host is backing off; not requested before ``retry_at``
          ├── TooManyRedirects       "redirects"   more hops than the policy allows (or a loop)
          ├── FetchTimeout           "timeout"     connect, read or total deadline exceeded
          ├── ConnectFailed          "connect"     DNS or TCP/TLS failure, connection reset
          ├── Cancelled              "cancelled"   the client was closed (naba is stopping) before or during it
          ├── HTTPStatusError        "http"        a 4xx/5xx answer (``status``)
          │    └── RateLimited       "rate_limited" 429/503; ``retry_at`` from Retry-After or backoff
          ├── ResponseTooLarge       "too_large"   body past ``max_bytes`` (also a ``naba.errors.TooLarge``)
          ├── FeedError              "feed"        bytes that are no RSS, Atom or sitemap we can read
          └── FeedItemError          "feed_item"   one broken item in a feed; the other items go on

``kind`` is a short stable word a store can keep for per-source health.
"""

from __future__ import annotations

from naba.errors import InputError, TooLarge


class FetchError(InputError):
    """A URL we could not fetch or read."""

    kind = "fetch"


class InvalidURL(FetchError):
    kind = "invalid_url"


class UnsupportedScheme(FetchError):
    kind = "scheme"


class BlockedAddress(FetchError):
    kind = "blocked"


class Disallowed(FetchError):
    kind = "robots"


class Deferred(FetchError):
    """The host asked us to wait (Retry-After) or is backing off after errors."""

    kind = "deferred"

    def __init__(self, message: str, *, where: str | None = None, retry_at: float):
        super().__init__(message, where=where)
        self.retry_at = retry_at


class TooManyRedirects(FetchError):
    kind = "redirects"


class FetchTimeout(FetchError):
    kind = "timeout"


class ConnectFailed(FetchError):
    kind = "connect"


class Cancelled(FetchError):
    """The client was closed while the request waited or was in flight: naba is stopping."""

    kind = "cancelled"


class HTTPStatusError(FetchError):
    kind = "http"

    def __init__(self, message: str, *, where: str | None = None, status: int):
        super().__init__(message, where=where)
        self.status = status


class RateLimited(HTTPStatusError):
    kind = "rate_limited"

    def __init__(self, message: str, *, where: str | None = None, status: int, retry_at: float):
        super().__init__(message, where=where, status=status)
        self.retry_at = retry_at


class ResponseTooLarge(FetchError, TooLarge):
    kind = "too_large"


class FeedError(FetchError):
    kind = "feed"


class FeedItemError(FetchError):
    """One item of a feed that cannot become an article; ``where`` is ``feed-url#item-N``."""

    kind = "feed_item"
