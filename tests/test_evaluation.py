"""`naba eval`: the evaluations run from the command line and print their tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_runner import Ran, naba

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
needs_data = pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} (third-party data) is absent")


def _eval(*args: str) -> Ran:
    return naba("eval", *args, "--data", str(DATA))


@needs_data
def test_eval_stories_prints_semeval_and_sample_tables():
    result = _eval("stories")
    assert result.returncode == 0, result.stderr
    assert "| naba.stories.sameness" in result.stdout and "TF-IDF char 3-5-grams" in result.stdout
    sameness = next(line for line in result.stdout.splitlines() if line.startswith("| naba.stories.sameness"))
    assert float(sameness.strip("|").split("|")[1]) >= 0.7  # Pearson with the SemEval raters (0.748 written)
    sample = next(line for line in result.stdout.splitlines() if line.startswith("| sample corpus"))
    assert sample.rstrip(" |").endswith("yes")  # the same stories whatever the order


@needs_data
def test_eval_sameness_scores_the_labelled_pairs_and_the_annotators():
    result = _eval("sameness")
    assert result.returncode == 0, result.stderr
    rows = {tuple(c.strip() for c in line.strip("|").split("|")[:2]): line for line in result.stdout.splitlines()
            if line.startswith("| duplicate") or line.startswith("| same story")}
    for task in ("duplicate", "same story"):
        f1 = float(rows[(task, "naba.stories.sameness")].strip("|").split("|")[-1])
        baselines = [float(line.strip("|").split("|")[-1]) for (t, system), line in rows.items()
                     if t == task and system != "naba.stories.sameness"]
        assert len(baselines) == 4 and f1 > max(baselines), (task, f1, baselines)  # beats every baseline
    assert "kappa" in result.stdout


def test_eval_without_the_data_is_a_usage_error(tmp_path):
    result = naba("eval", "sameness", "--data", str(tmp_path))
    assert result.returncode == 2 and "no saudinewsnet" in result.stderr
