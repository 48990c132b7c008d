"""A real HTTP server on 127.0.0.x for the fetch tests and the crawl benchmark.

``FetchServer`` runs ``http.server.ThreadingHTTPServer`` in a thread on port 0 and keeps a log of
every request (path, headers), so a test checks both what the client returned and what it asked
for. Routes are ``Route`` values; a route with several ``answers`` plays them in turn (the last
one repeats), which is how a 503 is followed by a 200 on the retry.
"""

from __future__ import annotations

import email.utils
import ipaddress
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpcore
import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Answer:
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay: float = 0.0  # seconds before the status line: a slow endpoint
    stream_bytes: int = 0  # send this many bytes, close-delimited and unannounced, instead of ``body``
    announce_length: bool = True  # with stream_bytes: send the Content-Length up front
    chunk_delay: float = 0.0  # with stream_bytes: pause between chunks (a slow drip)
    header_drip: float = 0.0  # send the status line and headers one byte at a time, this many seconds apart


@dataclass
class Route:
    answers: tuple[Answer, ...]
    etag: str | None = None  # answer 304 when If-None-Match carries it
    last_modified: str | None = None  # answer 304 when If-Modified-Since carries it exactly
    served: int = 0


@dataclass(frozen=True)
class LoggedRequest:
    path: str
    headers: dict[str, str]  # lower-cased names


@dataclass
class StreamStats:
    bytes_sent: int = 0
    completed: bool = False


class FetchServer:
    """Serve routes on ``host``; read ``log`` (and ``streams`` for big bodies) afterwards."""

    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Route] = {}
        self.log: list[LoggedRequest] = []
        self.answered: list[str] = []  # paths whose whole answer was written, in order
        self.streams: dict[str, StreamStats] = {}
        self.in_flight = self.max_in_flight = 0
        self.lock = threading.Lock()
        self.fallback: Callable[[str], Answer | None] | None = None  # generated routes (benchmark)
        self._httpd = ThreadingHTTPServer((host, 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, *answers: Answer, etag: str | None = None, last_modified: str | None = None) -> str:
        self.routes[path] = Route(answers or (Answer(),), etag, last_modified)
        return self.url(path)

    def add_fixture(self, path: str, name: str, content_type: str | None, **route) -> str:
        """Serve a fixture file, its ``{base}`` placeholders pointing at this server."""
        body = (FIXTURES / name).read_bytes().replace(b"{base}", self.base.encode("ascii"))
        headers = (("Content-Type", content_type),) if content_type else ()
        return self.add(path, Answer(body=body, headers=headers), **route)

    def paths(self) -> list[str]:
        with self.lock:
            return [request.path for request in self.log]

    def requests_to(self, path: str) -> list[LoggedRequest]:
        with self.lock:
            return [request for request in self.log if request.path == path]

    def start(self) -> FetchServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer_for(self, path: str, headers: dict[str, str]) -> Answer:
        with self.lock:
            route = self.routes.get(path) or self.routes.get(path.partition("?")[0])  # ?utm_* ignored
            if route is None:
                generated = self.fallback(path) if self.fallback else None
                return generated or Answer(404, "غير موجود".encode(), (("Content-Type", "text/plain; charset=utf-8"),))
            answer = route.answers[min(route.served, len(route.answers) - 1)]
            route.served += 1
        if route.etag and headers.get("if-none-match") == route.etag:
            return Answer(304, headers=(("ETag", route.etag),))
        if route.last_modified and headers.get("if-modified-since") == route.last_modified:
            return Answer(304, headers=(("Last-Modified", route.last_modified),))
        extra = (("ETag", route.etag),) if route.etag else ()
        extra += (("Last-Modified", route.last_modified),) if route.last_modified else ()
        return replace(answer, headers=answer.headers + extra)


def _handler_for(server: FetchServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
        disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            headers = {name.lower(): value for name, value in self.headers.items()}
            with server.lock:
                server.log.append(LoggedRequest(self.path, headers))
                server.in_flight += 1
                server.max_in_flight = max(server.max_in_flight, server.in_flight)
            try:
                self._answer(server.answer_for(self.path, headers))
                with server.lock:
                    server.answered.append(self.path)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up first (timeout and size-limit tests): expected
            finally:
                with server.lock:
                    server.in_flight -= 1

        def _answer(self, answer: Answer) -> None:
            if answer.delay:
                time.sleep(answer.delay)
            if answer.header_drip:
                self._drip(answer)
                return
            self.send_response(answer.status)
            for name, value in answer.headers:
                self.send_header(name, value)
            if answer.stream_bytes:
                self._stream(answer)
                return
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def _stream(self, answer: Answer) -> None:
            stats = server.streams.setdefault(self.path, StreamStats())
            if answer.announce_length:
                self.send_header("Content-Length", str(answer.stream_bytes))
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            chunk = b"x" * CHUNK
            try:
                while stats.bytes_sent < answer.stream_bytes:
                    self.wfile.write(chunk)
                    stats.bytes_sent += len(chunk)
                    time.sleep(answer.chunk_delay)
                stats.completed = True
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up: what the size-limit tests want to see

        def _drip(self, answer: Answer) -> None:
            """The whole answer written by hand, its head one byte at a time (``streams`` counts them)."""
            stats = server.streams.setdefault(self.path, StreamStats())
            head = "".join([f"HTTP/1.1 {answer.status} OK\r\n", *(f"{n}: {v}\r\n" for n, v in answer.headers),
                            f"Content-Length: {len(answer.body)}\r\nConnection: close\r\n\r\n"]).encode("latin-1")
            self.close_connection = True
            try:
                for byte in head:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    stats.bytes_sent += 1
                    time.sleep(answer.header_drip)
                self.wfile.write(answer.body)
                stats.completed = True
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up before the last header byte: what the drip test wants

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

    return Handler


def http_date(timestamp: float) -> str:
    return email.utils.formatdate(timestamp, usegmt=True)


@dataclass
class FakeClock:
    """An injectable clock (epoch seconds) whose ``sleep`` only records and moves time forward."""

    now: float = 1_800_000_000.0
    slept: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def fetch_server():
    server = FetchServer().start()
    yield server
    server.stop()


@pytest.fixture
def second_server():
    """Another host (127.0.0.2): its own robots.txt, its own politeness slot."""
    server = FetchServer("127.0.0.2").start()
    yield server
    server.stop()


@pytest.fixture
def loopback_only_sockets(monkeypatch):
    """Below naba's address guard, the socket layer connects to loopback only and records every other
    address it was asked for: a test of a refused address then fails, instead of sending a packet there,
    if the guard ever lets the address through."""
    tried: list[str] = []
    real = httpcore.SyncBackend.connect_tcp

    def connect_tcp(self, host, port, *args, **kwargs):
        if not ipaddress.ip_address(host).is_loopback:
            tried.append(host)
            raise httpcore.ConnectError(f"test: no connection to {host}")
        return real(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", connect_tcp)
    return tried
