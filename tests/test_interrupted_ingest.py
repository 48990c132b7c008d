"""An ingest killed between a batch's commit and its grouping: the next writing run groups what it left.

The window is real: a batch is committed, then handed to the story stage. The ingest here is the real
`naba` command in its own process; the only change is that its grouping step announces itself and
waits, so the test can SIGKILL it exactly there (no timing). Then a re-run of a writing command must
leave no article outside a story, on both backends.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from naba.sample import sample_paths
from naba.store import open_store

# `naba` itself, with the grouping of each committed batch replaced by "say so, then wait to be killed"
HELD_NABA = """
import sys, time
import naba.engine.runs as runs

def held(stage, written):
    sys.stdout.write("committed, not grouped\\n")
    sys.stdout.flush()
    time.sleep(600)

runs.group_written = held
from naba.cli import main
sys.argv[0] = "naba"
main()
"""
NABA = [sys.executable, "-m", "naba"]


def _env() -> dict[str, str]:
    return {**os.environ, "NABA_BATCH_SIZE": "25", "COLUMNS": "200"}


def _killed_in_the_window(db: str) -> None:
    process = subprocess.Popen([sys.executable, "-c", HELD_NABA, "ingest", "--db", db, *sample_paths()],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    try:
        line = process.stdout.readline()
        assert line == "committed, not grouped\n", process.stderr.read()
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _ungrouped(db: str) -> tuple[int, int]:
    store = open_store(db)
    try:
        articles = list(store.articles.scan())
        return len(articles), sum(1 for a in articles if a.story_id is None)
    finally:
        store.close()


def _stories(db: str) -> set[frozenset[str]]:
    """The stories as sets of article identities (ids differ between stores)."""
    store = open_store(db)
    try:
        members: dict[int, set[str]] = {}
        for stored in store.articles.scan():
            key = stored.article.url or stored.article.body[:80]
            members.setdefault(stored.story_id, set()).add(key)
        return {frozenset(keys) for keys in members.values()}
    finally:
        store.close()


@pytest.mark.parametrize("rerun", [["ingest", *sample_paths(), "--json"], ["reprocess", "--json"]],
                         ids=["ingest-again", "reprocess"])
def test_a_rerun_groups_what_a_killed_ingest_left(store_url, rerun, tmp_path):
    _killed_in_the_window(store_url)
    stored, ungrouped = _ungrouped(store_url)
    assert stored == ungrouped == 25, "the kill should land after the first batch's commit, before its grouping"

    result = subprocess.run([*NABA, *rerun, "--db", store_url], capture_output=True, text=True, env=_env(),
                            timeout=300)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["rejected"] == 0
    stored, ungrouped = _ungrouped(store_url)
    assert stored > 25 if rerun[0] == "ingest" else stored == 25
    assert ungrouped == 0, f"{ungrouped} of {stored} articles are in no story after the re-run"


def test_after_the_kill_and_rerun_the_stories_are_those_of_an_uninterrupted_ingest(tmp_path):
    interrupted, clean = str(tmp_path / "interrupted.db"), str(tmp_path / "clean.db")
    _killed_in_the_window(interrupted)
    for db in (interrupted, clean):
        result = subprocess.run([*NABA, "ingest", *sample_paths(), "--db", db], capture_output=True, text=True,
                                env=_env(), timeout=300)
        assert result.returncode == 0, result.stderr
    assert _ungrouped(interrupted)[1] == 0
    assert _stories(interrupted) == _stories(clean)
