"""A throwaway PostgreSQL server for the tests, and a fresh database for each test that asks for one.

    pg_url                    (fixture) the URL of a new, empty database; dropped after the test
    create_database_or_skip() the same for fixtures of a wider scope (drop it with drop_database)

The server is either the one named by ``NABA_TEST_POSTGRES_URL`` (its user needs CREATEDB), or a
cluster this module creates in a temporary folder (initdb -A trust, a ``naba`` superuser, UTF-8 with
the C.UTF-8 locale, fsync off), listening on 127.0.0.1 on a free port. It is started on first use,
once per test process (each pytest-xdist worker has its own), and stopped and removed at exit.
Tests are skipped, with the reason, only when no server can be had: no PostgreSQL binaries, or
psycopg is not installed.

conftest.py registers the fixture with ``from pg_server import pg_url  # noqa: F401``.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

URL_VARIABLE = "NABA_TEST_POSTGRES_URL"
_BINARY_GLOB = "/usr/lib/postgresql/*/bin"


class _Unavailable(Exception):
    """No PostgreSQL server can be had here; the message says why."""


def _bin_dir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob(_BINARY_GLOB), key=lambda p: int(Path(p).parent.name))
    if not versions:
        raise _Unavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed: "
                           f"apt-get install postgresql, or set {URL_VARIABLE}")
    return Path(versions[-1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalCluster:
    """initdb + pg_ctl in a temporary folder; as root, the server runs as the ``postgres`` user."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="naba-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            try:
                shutil.chown(self.root, "postgres")
            except LookupError:
                shutil.rmtree(self.root, ignore_errors=True)
                raise _Unavailable("running as root and there is no postgres user to run the server as; "
                                   f"set {URL_VARIABLE}") from None
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as_user, *args], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self, durable: bool = False) -> str:
        """initdb and start; ``durable`` keeps fsync on (for benchmarks), else speed over safety."""
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "naba",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        unsafe = "" if durable else "-c fsync=off -c full_page_writes=off "
        options = (f"-k {self.root} -h 127.0.0.1 -p {self.port} {unsafe}-c synchronous_commit=off "
                   f"-c max_connections=60")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")
        return f"postgresql://naba@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.root, ignore_errors=True)


_server: dict[str, object] = {}
_names = itertools.count(1)


def server_url() -> str:
    """The URL of a maintenance database on the test server, starting the server on first use."""
    if "error" in _server:
        raise _Unavailable(str(_server["error"]))
    if "url" not in _server:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            _server["error"] = "psycopg is not installed: pip install 'psycopg[binary]'"
            raise _Unavailable(str(_server["error"])) from None
        if os.environ.get(URL_VARIABLE):
            _server["url"] = os.environ[URL_VARIABLE]
        else:
            try:
                cluster = LocalCluster()
            except _Unavailable as exc:
                _server["error"] = str(exc)
                raise
            atexit.register(cluster.stop)
            _server["url"] = cluster.start()
    return str(_server["url"])


def _with_database(url: str, name: str) -> str:
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def create_database() -> str:
    """A new empty database on the test server; returns its URL."""
    import psycopg

    name = f"naba_test_{os.getpid()}_{next(_names)}"
    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return _with_database(server_url(), name)


def drop_database(url: str) -> None:
    import psycopg
    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_database_or_skip() -> str:
    """``create_database``, or a pytest skip saying why there is no server (for fixtures of any scope)."""
    try:
        return create_database()
    except _Unavailable as exc:
        pytest.skip(f"no PostgreSQL server for this test: {exc}")


@pytest.fixture
def pg_url() -> str:
    """The URL of a fresh, empty PostgreSQL database, dropped after the test."""
    url = create_database_or_skip()
    yield url
    drop_database(url)
