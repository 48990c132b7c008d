from __future__ import annotations

from pathlib import Path

import pytest
from fetch_server import fetch_server, second_server  # noqa: F401  (fixtures: local HTTP servers)
from pg_server import pg_url  # noqa: F401  (fixture: a fresh PostgreSQL database)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BACKENDS = ["sqlite", "postgresql"]


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
def store(store_url):
    from naba.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()
