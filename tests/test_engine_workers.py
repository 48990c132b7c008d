"""How many processes a run starts when the user does not say (naba.engine.workers)."""

from __future__ import annotations

import os

import pytest

from cli_runner import naba
from naba import engine
from naba.engine import workers
from naba.models import IngestReport


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)


def _file(path, size: int):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        f.truncate(size)  # sparse: nothing is written
    return path


def test_inputs_are_weighed_through_folders_and_globs(tmp_path):
    _file(tmp_path / "dump" / "a.jsonl", 1000)
    _file(tmp_path / "dump" / "b.zip", 500)
    assert workers.input_bytes([str(tmp_path / "dump")]) == 1500
    assert workers.input_bytes([str(tmp_path / "dump" / "*.zip")]) == 500
    assert workers.input_bytes([str(tmp_path / "dump"), str(tmp_path / "dump" / "a.jsonl")]) == 1500  # once
    assert workers.input_bytes(["-", str(tmp_path / "missing")]) == 0


def test_a_small_input_runs_in_one_process_a_large_one_in_one_a_core(tmp_path, two_cores):
    small = _file(tmp_path / "small.jsonl", workers.AUTO_MIN_BYTES - 1)
    large = _file(tmp_path / "large.zip", workers.AUTO_MIN_BYTES)
    assert workers.ingest_workers([str(small)]) == 1
    assert workers.ingest_workers([str(large)]) == 2
    assert workers.ingest_workers(["-"]) == 1  # stdin: size unknown


def test_never_more_workers_than_the_cap_however_many_cores(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert workers.ingest_workers([str(_file(tmp_path / "x.zip", 10 * workers.AUTO_MIN_BYTES))]) == \
        workers.MAX_AUTO_WORKERS
    assert workers.refresh_workers(workers.AUTO_MIN_LISTS) == workers.MAX_AUTO_WORKERS
    assert workers.refresh_workers(workers.AUTO_MIN_LISTS - 1) == 1


def test_the_cli_starts_workers_for_a_large_input_unless_told(tmp_path, monkeypatch, two_cores):
    asked: list[int] = []

    def ingest(store, paths, settings, hints, stdin, progress, workers, lists):  # type: ignore[no-untyped-def]
        asked.append(workers)
        return IngestReport()

    monkeypatch.setattr(engine, "ingest", ingest)
    large = _file(tmp_path / "large.zip", workers.AUTO_MIN_BYTES)
    small = _file(tmp_path / "small.zip", 100)
    for args in ((large,), (small,), (large, "--workers", "1")):
        assert naba("ingest", *args, "--db", tmp_path / "n.db").returncode == 0
    assert asked == [2, 1, 1]
