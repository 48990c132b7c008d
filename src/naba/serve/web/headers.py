"""What every answer carries, and the site's own address.

``SiteHeaders`` is a pure ASGI middleware around the whole app:

- security headers on every answer: ``X-Content-Type-Options: nosniff``, a Content-Security-Policy
  (the site runs no script at all; the API docs page runs only Swagger UI's files and its own, all
  served from here), frame protection (CSP ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``),
  ``Referrer-Policy``;
- ``Cache-Control`` by kind of answer: static files for a year when their URL carries the version of
  their content (``asset_url``), else a day; pages a minute; Atom feeds five minutes; the API and
  every error ``no-store``;
- HEAD answered like GET, without the body (FastAPI routes declared with GET answer only GET).

``site_base`` is the address absolute links are built from (Atom feeds, redirects): the configured
``NABA_BASE_URL``, else the address and port the server listens on. Never the request's Host header,
which the client chooses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, MutableMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from starlette.requests import Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Any]
Send = Callable[[Message], Any]
ASGIApp = Callable[[Scope, Receive, Send], Any]
Headers = list[tuple[bytes, bytes]]

SITE_CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
# Swagger UI: its bundle and our start-up file, its stylesheet, its icons (data: SVG), its calls to the API
DOCS_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATH = "/api/docs"
SECURITY = ((b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"strict-origin-when-cross-origin"))
CACHE = {
    "versioned": b"public, max-age=31536000, immutable",  # the URL changes when the file does
    "static": b"public, max-age=86400",
    "page": b"public, max-age=60",
    "feed": b"public, max-age=300",
    "none": b"no-store",
}


def cache_kind(path: str, query: bytes, status: int, content_type: bytes) -> str:
    """Which ``CACHE`` policy an answer gets."""
    if status >= 400 or path == "/api" or path.startswith("/api/") or path in ("/openapi.json", "/healthz"):
        return "none"
    if path.startswith("/static/"):
        return "versioned" if query.startswith(b"v=") else "static"
    if content_type.startswith(b"application/atom+xml"):
        return "feed"
    return "page"


class SiteHeaders:
    """The middleware: HEAD as GET, then the security and cache headers on the answer's first message."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        path, query = scope["path"], scope.get("query_string", b"")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _with_headers(list(message.get("headers", [])), path, query, message["status"])
            elif message["type"] == "http.response.body" and head:
                if message.get("more_body", False):
                    return  # the rest of a GET's body: nothing of it for HEAD
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _with_headers(headers: Headers, path: str, query: bytes, status: int) -> Headers:
    present = {name.lower() for name, _ in headers}
    content_type = next((value for name, value in headers if name.lower() == b"content-type"), b"")
    added = [pair for pair in SECURITY if pair[0] not in present]
    if b"content-security-policy" not in present:
        added.append((b"content-security-policy", (DOCS_CSP if path == DOCS_PATH else SITE_CSP).encode()))
    if b"cache-control" not in present:
        added.append((b"cache-control", CACHE[cache_kind(path, query, status, content_type)]))
    return headers + added


def site_base(request: Request) -> str:
    """The configured base URL (no trailing slash), else ``scheme://host:port`` of the listening socket."""
    configured: str = getattr(request.app.state, "base_url", "")
    if configured:
        return configured.rstrip("/")
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    scheme = request.scope.get("scheme", "http")
    host = f"[{host}]" if ":" in host else host
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port in (default, None) else f":{port}")


def absolute(request: Request, path: str, query: str = "") -> str:
    """``path`` (and ``query``) on the site's own address."""
    return site_base(request) + path + (f"?{query}" if query else "")


@lru_cache(maxsize=128)
def _version(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()[:12] if file.is_file() else "0"


def asset_url(folder: Path, prefix: str) -> Callable[[str], str]:
    """``name`` → ``prefix/name?v=<hash of its content>``: cacheable for a year, new on every change."""
    def url(name: str) -> str:
        return f"{prefix}/{name}?v={_version(folder / name)}"
    return url
