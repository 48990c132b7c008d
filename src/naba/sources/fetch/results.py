"""What a fetch returns: frozen data, no I/O, rich enough for per-source health."""

from __future__ import annotations

from dataclasses import dataclass

from naba.sources.fetch.errors import FetchError
from naba.sources.readers.encoding import decode

OK, NOT_MODIFIED, DISALLOWED, DEFERRED, ERROR = "ok", "not_modified", "disallowed", "deferred", "error"


@dataclass(frozen=True, slots=True)
class Validators:
    """The cache validators of a response, sent back on the next poll (conditional GET)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """One fetch, successful or not.

    ``status`` is one of "ok", "not_modified" (a 304: ``body`` is empty, keep what you had),
    "disallowed" (robots.txt; nothing was requested), "deferred" (the host asked us to wait or is
    backing off; nothing was requested) and "error" (``error`` says what, ``error.kind`` in a word).
    ``body`` is the raw bytes and ``charset`` the charset the Content-Type declared, if any: decode
    with ``naba.sources.readers.encoding.decode(body, final_url, charset)``, which treats it as a hint only.
    ``started_at`` and ``retry_at`` are on the client's clock (epoch seconds by default);
    ``elapsed`` is the real time the fetch took, in seconds.
    """

    url: str
    status: str
    final_url: str
    http_status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    validators: Validators = Validators()
    redirects: tuple[str, ...] = ()
    started_at: float = 0.0
    elapsed: float = 0.0
    retry_at: float | None = None
    error: FetchError | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def not_modified(self) -> bool:
        return self.status == NOT_MODIFIED

    @property
    def error_kind(self) -> str | None:
        return self.error.kind if self.error is not None else None

    def text(self) -> str:
        """The body decoded (the declared charset is a hint only); EncodingError when nothing fits."""
        return decode(self.body, self.final_url, self.charset)
