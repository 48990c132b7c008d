"""`naba eval`: the evaluations run from the command line and print their tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} (third-party data) is absent")


def _eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "naba", "eval", *args, "--data", str(DATA)],
                          capture_output=True, text=True, timeout=600)


@needs_data
def test_eval_stories_prints_semeval_and_sample_tables():
    result = _eval("stories")
    assert result.returncode == 0, result.stderr
    assert "| story stage" in result.stdout and "TF-IDF char 3-5-grams" in result.stdout
    sample = next(line for line in result.stdout.splitlines() if line.startswith("| sample corpus"))
    assert sample.rstrip(" |").endswith("yes")  # the same stories whatever the order


@needs_data
def test_eval_duplicates_scores_the_labelled_pairs():
    result = _eval("duplicates", "--limit", "3000")
    assert result.returncode == 0, result.stderr
    naba_row = next(line for line in result.stdout.splitlines() if line.startswith("| naba DuplicateIndex"))
    cells = [c.strip() for c in naba_row.strip("|").split("|")]
    assert int(cells[-1]) > 0  # some labelled pairs fall in the first 3,000 articles
    assert float(cells[5]) >= 0.75  # 1.0 when written: naba finds the labelled copies among them
    baseline = next(line for line in result.stdout.splitlines() if line.startswith("| datasketch"))
    if "not run" not in baseline:  # the baseline runs when the bench extra (datasketch) is installed
        assert float(cells[5]) >= float([c.strip() for c in baseline.strip("|").split("|")][5])


def test_eval_without_the_data_is_a_usage_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "naba", "eval", "duplicates", "--data", str(tmp_path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "no saudinewsnet" in result.stderr
