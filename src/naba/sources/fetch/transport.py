"""The httpx transport that only ever connects to addresses the guard allowed.

DNS rebinding: checking a host's addresses before the request and letting the HTTP library
resolve the name again would leave a window where a second answer (10.0.0.1) replaces the checked
one. So the check lives in the network backend itself: ``connect_tcp`` resolves the name once,
checks every address, and opens the socket to a checked address. TLS still uses the host name
(SNI and certificate checks happen above this layer), and the Host header is untouched. Every
new connection, including each redirect hop to a new origin, passes through here; a kept-alive
connection is reused only for the origin (and so the address) it was checked for.

httpx exposes no public way to pass an httpcore network backend, so ``GuardedTransport`` swaps
the pool the parent class built for one that uses ``GuardedBackend`` (httpx 0.28; the guard tests
fail loudly if a future httpx changes this).
"""

from __future__ import annotations

import socket
import typing

import httpcore
import httpx

from naba.sources.fetch.guard import allowed_addresses
from naba.sources.fetch.policy import FetchPolicy


class GuardedBackend(httpcore.SyncBackend):
    """A socket backend that refuses non-public addresses after resolving the host name."""

    def __init__(self, policy: FetchPolicy):
        self._policy = policy

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        try:
            candidates = allowed_addresses(host, port, self._policy, where=f"{host}:{port}")
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror}") from exc
        last_error: Exception | None = None
        for _family, address in candidates:
            try:  # the checked address itself, never the name again
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        raise last_error or httpcore.ConnectError(f"no address to connect to for {host}")


class GuardedTransport(httpx.HTTPTransport):
    """``httpx.HTTPTransport`` with the guarded backend, no proxies and no environment settings."""

    def __init__(self, policy: FetchPolicy, limits: httpx.Limits | None = None):
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        ssl_context = httpx.create_ssl_context(trust_env=False)  # built once: loading CAs is slow
        super().__init__(verify=ssl_context, trust_env=False, limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy),
        )
