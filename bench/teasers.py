"""Benchmark: trailing teasers of other stories cut by the clean stage (``naba.pipeline.clean.teasers``).

    .venv/bin/python bench/teasers.py [--data ../shared/data]

No labels: a CNN Arabic body's trailing paragraphs found in three or more other CNN bodies are the
proxy for teasers (another story's lead, appended under many articles), and a cut paragraph found in
another CNN body counts as a teaser cut. Non-CNN bodies have no such tails: every cut there is counted
and listed, to be read. The baseline in the same run is the rule of cutting every trailing paragraph
that is a lead by shape alone (no dateline or weekday to confirm it), which shows what the
confirmation saves.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from naba.evaluation.corpora import load
from naba.pipeline.clean import teasers

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REPEATED = 3  # a trailing paragraph found in this many other CNN bodies is a teaser


def by_shape(paragraphs: list[str], title: str | None = None) -> tuple[list[str], list[str]]:
    """Baseline: every trailing lead-shaped, foreign paragraph, up to half the body, unconfirmed."""
    head = 2 if len(paragraphs) > 2 else 1
    own = teasers._content(" ".join([title or "", *paragraphs[:head]]))
    cut = len(paragraphs)
    while cut > max(head, len(paragraphs) // 2) and teasers._leads(paragraphs[cut - 1]) \
            and teasers._foreign(paragraphs[cut - 1], own):
        cut -= 1
    return paragraphs[:cut], paragraphs[cut:]


def measure(name: str, cut_of: Callable[..., tuple[list[str], list[str]]], bodies: dict[str, list[str]],
            titles: dict[str, str], seen: Counter[str]) -> tuple[str, list[str]]:
    start, stats, others = time.process_time(), Counter(), []
    for key, paragraphs in bodies.items():
        cnn = key.startswith("ant:CN-")
        tail = 0
        while cnn and tail < len(paragraphs) and seen[paragraphs[-1 - tail]] >= REPEATED:
            tail += 1
        _, cut = cut_of(paragraphs, titles[key])
        stats["teaser paragraphs (proxy)"] += tail if tail < len(paragraphs) else 0
        stats["of them cut"] += min(tail, len(cut)) if tail < len(paragraphs) else 0
        stats["paragraphs cut"] += len(cut)
        stats["cut, found in another CNN body"] += sum(seen[p] >= 2 for p in cut)
        if cut and not cnn:
            stats["other bodies cut"] += 1
            others.append(f"{key}: {cut[0][:100]}")
    seconds = time.process_time() - start
    share = stats["cut, found in another CNN body"] / max(1, stats["paragraphs cut"])
    row = (f"| {name} | {stats['teaser paragraphs (proxy)']:,} | {stats['of them cut']:,} | "
           f"{stats['paragraphs cut']:,} | {share:.3f} | {stats['other bodies cut']:,} | "
           f"{1e6 * seconds / len(bodies):.0f} |")
    return row, others


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not (args.data / "ant").is_dir():
        print(f"skipped: {args.data} is absent")
        return
    items = load(args.data)
    bodies = {key: [p.strip() for p in item.body.split("\n") if p.strip()] for key, item in items.items()}
    titles = {key: item.title for key, item in items.items()}
    seen = Counter(p for key, ps in bodies.items() if key.startswith("ant:CN-") for p in set(ps))
    print(f"{len(bodies):,} bodies ({sum(k.startswith('ant:CN-') for k in bodies):,} CNN)\n")
    print("| rule | teaser paragraphs (proxy) | of them cut | paragraphs cut | cut found in another CNN body "
          "| non-CNN bodies cut | µs a body |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    listed = []
    for name, rule in (("baseline: lead-shaped, unconfirmed", by_shape),
                       ("naba (`cut_teasers`)", teasers.cut_teasers)):
        row, others = measure(name, rule, bodies, titles, seen)
        print(row)
        listed = others
    print("\nnon-CNN bodies naba cuts (to read):")
    for line in listed:
        print("  " + line)


if __name__ == "__main__":
    main()
