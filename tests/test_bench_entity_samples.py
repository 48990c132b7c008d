"""The judged fresh samples' figures (bench/entity_samples.py): what the README's entity row reads from
the labels file, computed the same way on a small hand-made file and checked on the real one."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from entity_samples import fresh_samples, recorded_table  # noqa: E402


def test_precision_and_missing_names_are_counted_by_sample_and_corpus(tmp_path: Path) -> None:
    rows = [
        {"key": "snn:a", "sample": "fresh90", "split": "test", "labels": {"x": "correct", "y": "wrong"},
         "missing": ["z"]},
        {"key": "ant:b", "sample": "fresh90", "split": "test", "labels": {"x": "correct"}, "missing": []},
        {"key": "snn:c", "sample": "fresh91", "split": "train", "labels": {"x": "wrong"}},
        {"key": "snn:d", "sample": "changes90", "split": "test", "labels": {"x": "correct"}},
    ]
    path = tmp_path / "labels.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    samples = fresh_samples(path)
    assert list(samples) == ["fresh90", "fresh91"]  # a change sample judges no whole article
    assert samples["fresh90"].precision() == 2 / 3
    assert samples["fresh90"].precision("snn") == 0.5 and samples["fresh90"].precision("ant") == 1.0
    assert samples["fresh90"].missing_per_article() == 0.5
    assert math.isnan(samples["fresh91"].missing_per_article())  # never asked for missing names
    assert "| fresh91 | train | 1 | 1 | 0.000 | 0.000 | nan | – |" in recorded_table(samples)


def test_the_latest_test_sample_reads_as_the_readme_says() -> None:
    sample = fresh_samples()["fresh51"]
    assert (sample.split, len(sample.verdicts)) == ("test", 80)
    assert round(sample.precision(), 3) == 0.911 and round(sample.missing_per_article(), 2) == 0.90
