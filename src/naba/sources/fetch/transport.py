"""The httpx transport that only ever connects to addresses the guard allowed, and never waits too long.

DNS rebinding: checking a host's addresses before the request and letting the HTTP library
resolve the name again would leave a window where a second answer (10.0.0.1) replaces the checked
one. So the check lives in the network backend itself: ``connect_tcp`` resolves the name once,
checks every address, and opens the socket to a checked address. TLS still uses the host name
(SNI and certificate checks happen above this layer), and the Host header is untouched. Every
new connection, including each redirect hop to a new origin, passes through here; a kept-alive
connection is reused only for the origin (and so the address) it was checked for.

Slow drips: httpx's read timeout bounds each read, so a server that sends one byte every few
seconds never trips it. The client sets a deadline for the whole response (``total_deadline``),
from the connection to the last header and body byte, and every read and connect of the backend's
streams waits at most until it. Reads wait in short slices, so that closing the transport (naba
is stopping) ends a request in flight at once instead of when its server next answers.

httpx exposes no public way to pass an httpcore network backend, so ``GuardedTransport`` swaps
the pool the parent class built for one that uses ``GuardedBackend`` (httpx 0.28; the guard tests
fail loudly if a future httpx changes this).
"""

from __future__ import annotations

import contextvars
import socket
import ssl
import threading
import time
import typing
from collections.abc import Iterator
from contextlib import contextmanager

import httpcore
import httpx

from naba.sources.fetch.errors import Cancelled, ConnectFailed
from naba.sources.fetch.guard import allowed_addresses
from naba.sources.fetch.policy import FetchPolicy

READ_SLICE = 0.25  # seconds a read blocks before it looks at the deadline and at a stop
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("naba_fetch_deadline", default=None)


@contextmanager
def total_deadline(seconds: float) -> Iterator[float]:
    """Every read and connect of the calling thread ends by ``seconds`` from now (monotonic clock)."""
    deadline = time.monotonic() + seconds
    token = _DEADLINE.set(deadline)
    try:
        yield deadline
    finally:
        _DEADLINE.reset(token)


def _bounded(timeout: float | None) -> float | None:
    """``timeout`` cut to what is left before the deadline; ReadTimeout when nothing is left."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the response took longer than the total timeout")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose reads end at the deadline, or as soon as the transport is closed."""

    def __init__(self, inner: httpcore.NetworkStream, closing: threading.Event):
        self._inner = inner
        self._closing = closing

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        # a recv that timed out consumed nothing (a TLS socket keeps a partial record), so waiting in
        # slices reads the same bytes as one long wait would
        until = None if timeout is None else time.monotonic() + timeout
        while True:
            if self._closing.is_set():
                raise Cancelled("naba is stopping: the request was abandoned")
            left = _bounded(None if until is None else until - time.monotonic())
            if left is not None and left <= 0:
                raise httpcore.ReadTimeout("timed out")
            try:
                return self._inner.read(max_bytes, READ_SLICE if left is None else min(left, READ_SLICE))
            except httpcore.ReadTimeout:
                continue
            except httpcore.ReadError:
                if self._closing.is_set():  # the pool closed this socket under the read
                    raise Cancelled("naba is stopping: the request was abandoned") from None
                raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout))  # one wait: a partial send must not be repeated

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout)),
                              self._closing)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """A socket backend that refuses non-public addresses after resolving the host name."""

    def __init__(self, policy: FetchPolicy, closing: threading.Event | None = None):
        self._policy = policy
        self.closing = closing or threading.Event()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        if self.closing.is_set():
            raise Cancelled("naba is stopping: not requested")
        try:
            candidates = allowed_addresses(host, port, self._policy, where=f"{host}:{port}")
        except socket.gaierror as exc:
            raise ConnectFailed(f"cannot resolve {host} ({exc.strerror})", where=f"{host}:{port}") from None
        last_error: Exception | None = None
        for _family, address in candidates:
            try:  # the checked address itself, never the name again
                stream = super().connect_tcp(address, port, _bounded(timeout), local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
            else:
                return DeadlineStream(stream, self.closing)
        raise last_error or httpcore.ConnectError(f"no address to connect to for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` with the guarded backend, no proxies and no environment settings.

    ``close()`` also abandons the requests in flight (their reads raise ``Cancelled``).
    """

    def __init__(self, policy: FetchPolicy, limits: httpx.Limits | None = None):
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        ssl_context = httpx.create_ssl_context(trust_env=False)  # built once: loading CAs is slow
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._backend = GuardedBackend(policy)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=self._backend,
        )

    def close(self) -> None:
        self._backend.closing.set()
        super().close()
