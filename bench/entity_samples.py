"""Entities judged by people (issue 12): each fresh sample's figures as judged, and the judged entities
the code lists now.

    .venv/bin/python bench/entity_samples.py [--now] [--data ../shared/data]

The labels (``naba/evaluation/labels/entity_labels.jsonl``, see its README) hold, for every fresh sample
of 80 articles, each listed entity judged correct or wrong and the central names the labeller found
missing. Without ``--now`` the script prints what the labellers saw: precision (by corpus) and missing
names an article, sample by sample; it needs no data. ``--now`` tags the train and test samples'
articles with this code (raw title and body, as the samples were drawn) and prints the precision of
the judged entities still listed and the missing names now found, beside the share of listed entities
no one judged (what the precision cannot speak for). The baseline is the recorded figure itself.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

LABELS = Path(__file__).resolve().parents[1] / "src" / "naba" / "evaluation" / "labels" / "entity_labels.jsonl"
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@dataclass
class Sample:
    name: str
    split: str
    verdicts: dict[str, dict[str, str]] = field(default_factory=dict)  # article key → canonical → verdict
    missing: dict[str, list[str]] = field(default_factory=dict)
    asked_missing: bool = False  # the labellers listed missing names (fresh38 on)

    def precision(self, corpus: str | None = None) -> float:
        judged = [v for key, labels in self.verdicts.items() if corpus is None or key.startswith(corpus + ":")
                  for v in labels.values()]
        return judged.count("correct") / len(judged) if judged else float("nan")

    def missing_per_article(self) -> float:
        if not self.asked_missing or not self.verdicts:
            return float("nan")
        return sum(map(len, self.missing.values())) / len(self.verdicts)


def fresh_samples(path: Path = LABELS) -> dict[str, Sample]:
    """The fresh samples (whole articles judged), in the order the file adds them."""
    samples: dict[str, Sample] = {}
    for row in map(json.loads, path.read_text(encoding="utf-8").splitlines()):
        if not row["sample"].startswith("fresh"):
            continue
        sample = samples.setdefault(row["sample"], Sample(row["sample"], row["split"]))
        sample.verdicts.setdefault(row["key"], {}).update(row["labels"])
        sample.missing.setdefault(row["key"], []).extend(row.get("missing") or [])
        sample.asked_missing |= "missing" in row
    return samples


def recorded_table(samples: dict[str, Sample]) -> str:
    lines = ["| sample | split | articles | judged | P | P SaudiNewsNet | P ANT | missing an article |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in samples.values():
        judged = sum(map(len, s.verdicts.values()))
        missing = "–" if math.isnan(s.missing_per_article()) else f"{s.missing_per_article():.2f}"
        lines.append(f"| {s.name} | {s.split} | {len(s.verdicts)} | {judged} | {s.precision():.3f} | "
                     f"{s.precision('snn'):.3f} | {s.precision('ant'):.3f} | {missing} |")
    return "\n".join(lines)


def now_table(samples: dict[str, Sample], data: Path) -> str:
    """The judged entities this code still lists, and the missing names it finds, by split."""
    from naba.evaluation.corpora import ant, saudinewsnet
    from naba.pipeline.tagging import tag_article, usual_name
    from naba.text import index

    wanted = {key: s for s in samples.values() for key in s.verdicts}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in (*saudinewsnet(data), *ant(data)):
        sample = wanted.get(item.key)
        if sample is None:
            continue
        tags = tag_article(item.title, item.body, published=item.published or None)
        listed = {index(usual_name(e.canonical)) for e in tags.entities}
        written = listed | {index(e.name) for e in tags.entities}
        c = counts[sample.split]
        labels = sample.verdicts[item.key]
        for canonical, verdict in labels.items():
            c[verdict] += index(usual_name(canonical)) in listed
        c["unjudged"] += len(listed - {index(usual_name(name)) for name in labels})
        c["listed"] += len(listed)
        for name in sample.missing[item.key]:
            c["missing"] += 1
            c["found"] += index(name) in written or index(usual_name(name)) in listed
    lines = ["| split | judged entities still listed: P | missing names found | listed entities no one judged |",
             "|---|---:|---:|---:|"]
    for split, c in sorted(counts.items(), reverse=True):
        p = c["correct"] / max(1, c["correct"] + c["wrong"])
        lines.append(f"| {split} | {p:.3f} ({c['correct']}/{c['correct'] + c['wrong']}) | {c['found']}/{c['missing']} "
                     f"| {c['unjudged'] / max(1, c['listed']):.1%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--now", action="store_true", help="tag the samples' articles with this code")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    samples = fresh_samples()
    print(recorded_table(samples))
    if args.now:
        if not (args.data / "saudinewsnet").is_dir():
            print(f"skipped --now: {args.data} is absent", file=sys.stderr)
            return 0
        print()
        print(now_table(samples, args.data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
