"""Benchmark: naba's tags against YAKE and TF-IDF on AKEC keyphrases and Al Arabiya hashtags.

    .venv/bin/python bench/keywords.py [--data ../shared/data] [--ant-limit N] [--split test|train]

Needs the ``bench`` extra (yake, scikit-learn). The data is third-party and read in place; the
metrics, the rule for which hashtags name entities and the baselines' settings are documented in
``naba.evaluation.keywords``. Tune on ``--split train``; report ``--split test``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from naba.evaluation.keywords import format_table, run_keyword_eval

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding akec/ and ant/")
    parser.add_argument("--ant-limit", type=int, default=1000, help="Al Arabiya articles to score (0: all)")
    parser.add_argument("--split", choices=("test", "train"), default="test", help="AKEC ids to score")
    args = parser.parse_args()
    rows = run_keyword_eval(args.data, ant_limit=args.ant_limit or None, split=args.split)
    print(format_table(rows))


if __name__ == "__main__":
    main()
