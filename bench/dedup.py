"""Benchmark: duplicate_of decisions on hand-labelled SaudiNewsNet pairs, and throughput on all of it.

    .venv/bin/python bench/dedup.py [--limit N]        (the same table as `naba eval duplicates`)

naba.stories.copies.DuplicateIndex against plain datasketch MinHashLSH, in one run; see
naba/evaluation/duplicates.py for what is measured and how.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from naba.evaluation.duplicates import run_duplicate_eval

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    if not (DATA / "saudinewsnet").is_dir():
        print(f"skipped: {DATA / 'saudinewsnet'} is absent", file=sys.stderr)
        return 0
    print(run_duplicate_eval(DATA, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
