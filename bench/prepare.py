"""Benchmark: where one article's time goes in `naba.engine.prepare`, stage by stage, warm.

    .venv/bin/python bench/prepare.py [--articles 2000] [--rounds 3]

The same records (the first ``--articles`` of SaudiNewsNet's first day and as many of ANT) go through
the per-article pipeline twice in the same run, each round alternating the order:

- **one pass** (what `naba ingest` runs): the title and body are tokenized once
  (``naba.text.tokenize_article``) and the same tokens feed the tagger, the search document and the
  sameness profile (with its copy sketch);
- **per stage** (the baseline: how naba worked before): each of the three stages tokenizes and
  stems the text again from the strings.

Reading, parsing and cleaning are timed separately (the same in both). Each figure is the median
over the rounds of the mean CPU ms an article (``time.process_time``: this machine's other load does
not count); the lexicon and the vocabulary are warmed on the first 50 records, so nothing here is
start-up cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from naba.engine.prepare import prepare_checked
from naba.models import Article, Rejection
from naba.pipeline.clean import clean_article
from naba.pipeline.searchdoc import search_doc
from naba.pipeline.tagging import tag_article, tag_tokens
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.stories.sameness import profile_of
from naba.text import WORK_CHARS, opening, tokenize_article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def records(limit: int) -> list:
    paths = [sorted((DATA / "saudinewsnet").glob("*.zip"))[0], DATA / "ant" / "ant-v2.1.tar.xz"]
    out = []
    for path in paths:
        taken = 0
        for record in iter_records([str(path)], Settings()):
            if isinstance(record, Rejection):
                continue
            out.append(record)
            taken += 1
            if taken == limit:
                break
    return out


def cleaned(recs: list) -> tuple[list[Article], dict[str, float]]:
    times: dict[str, float] = defaultdict(float)
    articles = []
    for record in recs:
        start = time.process_time()
        try:
            raw = parse_record(record)
            middle = time.process_time()
            article = clean_article(raw)  # a body the cleaner empties is rejected too
        except Exception:  # a rejected record: not what this bench measures
            continue
        articles.append(article)
        times["parse"] += middle - start
        times["clean"] += time.process_time() - middle
    return articles, times


def one_pass(article: Article, times: dict[str, float]) -> None:
    clock = _Clock(times)
    text = clock("tokenize", tokenize_article, article.title, opening(article.body, WORK_CHARS))
    tags = clock("tag", tag_tokens, text, published=article.published_at)
    article = replace(article, keywords=tags.keywords, entities=tags.entities)
    clock("search document", search_doc, article, text)
    clock("profile and sketch", profile_of, article, text)


def per_stage(article: Article, times: dict[str, float]) -> None:
    clock = _Clock(times)
    tags = clock("tag", tag_article, article.title, opening(article.body, WORK_CHARS), published=article.published_at)
    article = replace(article, keywords=tags.keywords, entities=tags.entities)
    clock("search document", search_doc, article)
    clock("profile and sketch", profile_of, article)


class _Clock:
    def __init__(self, times: dict[str, float]) -> None:
        self.times = times

    def __call__(self, name: str, call: Callable, *args, **kwargs):
        start = time.process_time()
        value = call(*args, **kwargs)
        self.times[name] += time.process_time() - start
        return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="per corpus")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    recs = records(args.articles)
    for record in recs[:50]:
        prepare_checked(record)
    articles, front = cleaned(recs)
    runs: dict[str, list[dict[str, float]]] = {"one pass": [], "per stage": []}
    for round_ in range(args.rounds):
        order = [("one pass", one_pass), ("per stage", per_stage)]
        for name, run in order if round_ % 2 == 0 else reversed(order):
            times: dict[str, float] = defaultdict(float)
            for article in articles:
                run(article, times)
            runs[name].append(times)
    n = len(articles)
    stages = ["tokenize", "tag", "search document", "profile and sketch"]
    median = {name: {s: statistics.median(t.get(s, 0.0) for t in rounds) * 1000 / n for s in stages}
              for name, rounds in runs.items()}
    print(f"{n:,} articles ({args.articles:,} SaudiNewsNet + {args.articles:,} ANT records), "
          f"median of {args.rounds} rounds, CPU ms an article:\n")
    print("| stage | per stage (baseline) | one pass | ratio |")
    print("|---|---:|---:|---:|")
    for stage in ("parse", "clean"):
        print(f"| {stage} (same in both) | {front[stage] * 1000 / n:.2f} | {front[stage] * 1000 / n:.2f} | 1.00 |")
    for stage in stages:
        base, new = median["per stage"][stage], median["one pass"][stage]
        ratio = f"{base / new:.2f}" if new and base else "–"
        print(f"| {stage} | {base:.2f} | {new:.2f} | {ratio} |")
    base_total = sum(median["per stage"].values()) + (front["parse"] + front["clean"]) * 1000 / n
    new_total = sum(median["one pass"].values()) + (front["parse"] + front["clean"]) * 1000 / n
    print(f"| **all of prepare** | {base_total:.2f} | {new_total:.2f} | {base_total / new_total:.2f} |")
    print(f"\none core: {1000 / base_total:,.0f} articles/s per stage, {1000 / new_total:,.0f} articles/s one pass")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
