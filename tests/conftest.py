from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
import time_machine

from fetch_server import fetch_server, second_server  # noqa: F401  (fixtures: local HTTP servers)
from pg_server import pg_url  # noqa: F401  (fixture: a fresh PostgreSQL database)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BACKENDS = ["sqlite", "postgresql"]

# NABA_TEST_CLOCK=2031-06-15T12:00:00+00:00 runs the whole suite with the clock set to that moment
# (ticking on from there): .ci/run does so once more after the normal run, to prove that no test
# depends on today's date. A test whose behaviour depends on time freezes or injects its own clock.
TEST_CLOCK = os.environ.get("NABA_TEST_CLOCK")


def pytest_report_header(config) -> str:
    return f"clock: {TEST_CLOCK} (NABA_TEST_CLOCK)" if TEST_CLOCK else "clock: the real one"


@pytest.fixture(scope="session", autouse=True)
def test_clock():
    """The session's clock moved to NABA_TEST_CLOCK, when it is set."""
    if not TEST_CLOCK:
        yield None
        return
    with time_machine.travel(datetime.fromisoformat(TEST_CLOCK), tick=True) as traveller:
        yield traveller


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or a skip (with the reason) when a fresh clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path} is absent (it lives beside the project, in ../shared)")
    return path


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path) -> str:
    """A new, empty store on each backend: a SQLite file, and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "naba.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def second_url(store_url, tmp_path, request):
    """A second empty store on the same backend as ``store_url``."""
    if store_url.startswith("postgresql"):
        from pg_server import create_database_or_skip, drop_database

        url = create_database_or_skip()
        yield url
        drop_database(url)
    else:
        yield str(tmp_path / "second.db")


@pytest.fixture
def store(store_url):
    from naba.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()
