from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or a skip (with the reason) when a fresh clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path} is absent (it lives beside the project, in ../shared)")
    return path


@pytest.fixture
def store(tmp_path):
    from naba.store import open_store

    opened = open_store(str(tmp_path / "naba.db"))
    yield opened
    opened.close()
