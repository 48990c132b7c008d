"""Benchmark: naba's reading of credits against the labelled rounds, and a naive baseline in the same run.

    .venv/bin/python bench/credits.py [--data ../shared/data] [--show test]

Labels: ``naba/evaluation/labels/credit_labels.jsonl`` (rounds of articles with a credit-like
phrase, judged blind by people who did not write the rules; "train" rounds were read while the rules
were written, "test" rounds never were). Each article is read from the corpora and cleaned as ingest
does; naba's reading is ``Article.attribution``. The baseline credits every outlet the gazetteer knows
that the text names (plus the page's credit line), the publisher left out: what a gazetteer lookup
alone gives. Prints precision and recall a round, and the CPU time of the attribution an article.
``--show test`` lists the wrong and missed names of the test rounds (read them only to report).
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from collections import defaultdict
from pathlib import Path

from naba.evaluation.credits import CreditScore, cleaned, load_labels
from naba.pipeline.clean.attribution import find_attribution
from naba.pipeline.clean.credit_names import canonical, named_outlets, publisher, unique
from naba.pipeline.clean.credit_words import credit_tables
from naba.text import index

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@functools.cache
def _canonical_by_key() -> dict[str, str]:
    return {index(name): name for name in credit_tables().outlets.values()}


def baseline(body: str, credited_source: str | None, source: str) -> tuple[str, ...]:
    """Every known outlet the text names, the page's credit line first, the publisher left out."""
    by_key = _canonical_by_key()
    own = index(publisher(source))
    named = [by_key[key] for key in named_outlets(body) if key != own and key in by_key]
    return unique(([canonical(credited_source)] if credited_source else []) + sorted(named))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", choices=("train", "test"))
    args = parser.parse_args()
    if not (args.data / "saudinewsnet").is_dir():
        print(f"no corpora under {args.data}", file=sys.stderr)
        return 2
    labels = load_labels()
    articles = cleaned(args.data, [row["key"] for row in labels])
    scores: dict[tuple[str, str], tuple[CreditScore, CreditScore]] = defaultdict(lambda: (CreditScore(), CreditScore()))
    counts: dict[tuple[str, str], int] = defaultdict(int)
    spent = 0.0
    for row in labels:
        a = articles[row["key"]]
        started = time.process_time()
        read = find_attribution(a.body, a.credited_source, a.title, a.source)
        spent += time.process_time() - started
        naive = baseline(a.body, a.credited_source, a.source)
        for key in ((row["split"], row["round"]), (row["split"], "all"), ("all", "all")):
            counts[key] += 1
            scores[key][1].add(naive, row["credits"])
            wrong, lost = scores[key][0].add(read, row["credits"])
        if args.show == row["split"] and (wrong or lost):
            print(f"{row['key']}: read {' | '.join(read) or '-'}  WRONG: {' | '.join(wrong) or '-'}  "
                  f"MISSED: {' | '.join(lost) or '-'}")
    print(f"{len(labels)} labelled articles; attribution {1000 * spent / len(labels):.2f} ms of CPU an article\n")
    print("| labelled set | articles | naba P | naba R | baseline P | baseline R |")
    print("|---|---:|---:|---:|---:|---:|")
    order = {"train": 0, "test": 1, "all": 2}
    for (split, round_), (naba, base) in sorted(scores.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        name = f"{split}, round {round_}" if round_ != "all" else f"{split}, all rounds"
        read, labelled = naba.correct + naba.wrong, naba.correct + naba.missed
        print(f"| {name} | {counts[(split, round_)]} | {naba.precision:.3f} ({naba.correct}/{read}) "
              f"| {naba.recall:.3f} ({naba.correct}/{labelled}) | {base.precision:.3f} | {base.recall:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
