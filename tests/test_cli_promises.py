"""The README's promises about the command line, checked on the real `naba` console script with stderr
piped, as a log file, a pipe or CI sees it:

- exit codes: 0 done, 1 an error stopped the command (one line), 2 bad usage, 3 done but input rejected;
- every rejected record is one line on stderr naming the file and the record, whatever the width;
- memory: one huge record does not take an ingest past its share of the 2 GB budget.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from naba.sample import sample_dir

NABA = str(Path(sys.executable).with_name("naba"))  # the console script pip installed
LONG = "a_long_folder_name_so_that_every_rejection_runs_past_eighty_columns"
REJECTION = re.compile(r"^rejected: (?P<where>.+?): (?P<why>\S.*)$")


def naba(*args: str, columns: str | None = None, env: dict[str, str] | None = None,
         timeout: float = 300) -> subprocess.CompletedProcess:
    """`naba ARGS` with stdout and stderr piped (not a terminal); COLUMNS unset unless given."""
    environ = {k: v for k, v in os.environ.items() if k != "COLUMNS" and not k.startswith("NABA_")}
    if columns is not None:
        environ["COLUMNS"] = columns
    environ.update(env or {})
    return subprocess.run([NABA, *args], capture_output=True, text=True, env=environ, timeout=timeout)


def _jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


GOOD = {"id": "g1", "title": "خبر سليم", "content": "نص خبر سليم يحفظ كما هو في المخزن."}
GOOD2 = {"id": "g2", "title": "خبر سليم آخر", "content": "نص خبر سليم آخر يختلف عن الأول."}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[list[str], dict[str, str]]:
    """Files holding good records and every kind of rejection; the expected rejections, where -> why."""
    folder = tmp_path_factory.mktemp("promises") / LONG
    folder.mkdir()
    lines = folder / "2015-08-01.jsonl"
    lines.write_text(_jsonl(GOOD, {"title": "بلا نص"}, "{not json", "[" * 1100 + "]" * 1100, GOOD2),
                     encoding="utf-8")
    archive = folder / "dump.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("2015-08-01.json", json.dumps([GOOD, {"title": "بلا نص"}], ensure_ascii=False))
        zipped.writestr("../escape.json", json.dumps(GOOD, ensure_ascii=False))
    page = folder / "empty-page.html"
    page.write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    missing = folder / "missing.json"
    expected = {
        f"{lines}:2": "record has no text",
        f"{lines}:3": "not valid JSON",
        f"{lines}:4": "nested too deeply",
        f"{archive}!2015-08-01.json#1": "record has no text",
        f"{archive}!../escape.json": "unsafe member name",
        str(page): "no article text",
        str(missing): "no such file",
    }
    return [str(lines), str(archive), str(page), str(missing)], expected


@pytest.mark.parametrize("columns", [None, "40"], ids=["no-COLUMNS", "COLUMNS=40"])
def test_each_rejection_is_one_line_naming_the_file_and_the_record(inputs, tmp_path, columns):
    paths, expected = inputs
    result = naba("ingest", *paths, "--db", str(tmp_path / "x.db"), columns=columns)
    assert result.returncode == 3, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(expected), "\n".join(lines)
    found = {}
    for line in lines:
        match = REJECTION.match(line)
        assert match, f"not one whole rejection line: {line!r}"
        found[match["where"]] = match["why"]
    assert set(found) == set(expected)
    for where, why in expected.items():
        assert why in found[where], (where, found[where])
    stats = json.loads(naba("stats", "--json", "--db", str(tmp_path / "x.db")).stdout)
    assert stats["articles"] == 2  # the good records of the same files are stored


def test_exit_codes_and_one_line_errors(tmp_path):
    db = str(tmp_path / "codes.db")
    good = tmp_path / "good.jsonl"
    good.write_text(_jsonl(GOOD), encoding="utf-8")
    done = naba("ingest", str(good), "--db", db)
    assert (done.returncode, done.stderr) == (0, "")
    for args, env in ((["show", "999"], {}),  # an error stopped the command
                      (["stats"], {"NABA_DB": str(tmp_path)})):  # a folder is no store
        result = naba(*args, *([] if env else ["--db", db]), env=env)
        assert result.returncode == 1, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")
    for args, env in ((["ingest", "--db", db], {}),  # nothing to ingest
                      (["search", "خبر", "--since", "yesterday-ish", "--db", db], {}),
                      (["export", "--since", "2015-13-45", "--db", db], {}),
                      (["stories", "--since", "soon", "--db", db], {}),
                      (["export", "--format", "xml", "--db", db], {}),
                      (["stats", "--db", db], {"NABA_MAX_PAGE_BYTES": "abc"}),
                      (["ingest", str(good), "--db", db], {"NABA_MAX_PAGE_BYTES": "-5"})):
        result = naba(*args, env=env)
        assert result.returncode == 2, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: "), result.stderr


# Share of the 2 GB budget one record may take: the full ingest of docs/benchmarks.md (61k articles) peaks at
# 1,579 MB, most of it the story stage's memory of every article; a huge record comes on top of that.
RECORD_BUDGET_MB = 560


def _arabic_text(nbytes: int) -> str:
    words = [w for line in (sample_dir() / "articles.jsonl").read_text(encoding="utf-8").splitlines()
             for w in json.loads(line)["content"].split()]
    chooser = random.Random(15)
    out, size = io.StringIO(), 0
    while size < nbytes:
        paragraph = " ".join(chooser.choice(words) for _ in range(60)) + ".\n\n"
        out.write(paragraph)
        size += len(paragraph.encode())
    return out.getvalue()


# Runs a command and prints its exit code and peak RSS (KB). The measured process is started by this
# small process, not by pytest: Linux counts a child's memory from its parent's at fork time, so a child
# of a big pytest worker would be charged for the worker.
MEASURE = """
import os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(process.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def _peak_rss_mb(*args: str) -> tuple[int, int]:
    """Run `naba ARGS`; its exit code and its peak resident memory in MB (the kernel's count)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("NABA_")}
    report = subprocess.run([sys.executable, "-c", MEASURE, NABA, *args], capture_output=True, text=True,
                            env=environ, timeout=600, check=True)
    code, peak_kb = map(int, report.stdout.split())
    return code, peak_kb // 1024


@pytest.mark.parametrize("kind", ["plain-text page of 10 MB", "JSONL record of 4.9 MB"])
def test_one_huge_record_stays_within_its_share_of_the_memory_budget(tmp_path, kind):
    if kind.startswith("plain"):
        path = tmp_path / "huge.txt"
        path.write_text(_arabic_text(10_000_000), encoding="utf-8")
    else:
        path = tmp_path / "huge.jsonl"
        path.write_text(_jsonl({"title": "خبر طويل جدا", "content": _arabic_text(4_900_000)}), encoding="utf-8")
    code, peak = _peak_rss_mb("ingest", str(path), "--db", str(tmp_path / "huge.db"))
    assert code == 0
    assert peak < RECORD_BUDGET_MB, f"ingesting one {kind} peaked at {peak} MB"
