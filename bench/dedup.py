"""Benchmark: duplicate_of decisions on hand-labelled SaudiNewsNet pairs, and throughput on all of it.

    .venv/bin/python bench/dedup.py [--limit N] [--num-perm P] [--bands B] [--shingle K] [--jaccard J]
                                    [--containment C]

All 31,030 SaudiNewsNet articles arrive in order of ``date_extracted`` (then file, then position).
Two pipelines see the same texts in the same run, both from raw text to a duplicate_of answer:

- ``naba.dedup.DuplicateIndex``: vectorized MinHash, LSH banding, exact verification, templated guard;
- plain datasketch: the same naba tokens and word shingles, ``MinHash.update_batch`` (SHA-1 per
  shingle) and ``MinHashLSH(threshold=J)``: query, take the earliest hit as duplicate_of, insert.

Quality is pairwise over ``bench/labels/saudinewsnet_duplicate_labels.jsonl`` (see its README): a pair is
predicted duplicate when both articles end in the same group (the same earliest copy). Pairs whose
articles fall outside ``--limit`` are skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
LABELS = ROOT / "bench" / "labels" / "saudinewsnet_duplicate_labels.jsonl"


def load_articles(limit: int | None) -> list[tuple[tuple[str, int], str, str]]:
    """(id, date_extracted, content) for every article, in arrival order; id = (zip name, index)."""
    rows = []
    for path in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                for i, item in enumerate(json.loads(archive.read(member))):
                    rows.append(((path.name, i), item.get("date_extracted") or "", item.get("content") or ""))
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows[:limit] if limit else rows


def run_naba(rows, args) -> tuple[dict, float]:
    from naba.dedup import DuplicateIndex

    index = DuplicateIndex(num_perm=args.num_perm, bands=args.bands, shingle=args.shingle,
                           jaccard=args.jaccard, containment=args.containment)
    start = time.perf_counter()
    for key, ts, text in rows:
        index.add(key, text, ts)
    elapsed = time.perf_counter() - start
    return {key: index.duplicate_of(key) or key for key, _, _ in rows}, elapsed


def run_datasketch(rows, args) -> tuple[dict, float]:
    from datasketch import MinHash, MinHashLSH

    from naba.text import tokens

    lsh = MinHashLSH(threshold=args.jaccard, num_perm=args.num_perm)
    order = {key: n for n, (key, _, _) in enumerate(rows)}
    root: dict = {}
    start = time.perf_counter()
    for key, _, text in rows:
        toks = tokens(text)
        k = min(args.shingle, len(toks)) or 1
        shingles = {" ".join(toks[i:i + k]).encode("utf-8") for i in range(max(1, len(toks) - k + 1))}
        mh = MinHash(num_perm=args.num_perm)
        mh.update_batch(list(shingles))
        hits = lsh.query(mh)
        first = min(hits, key=order.__getitem__) if hits else None
        root[key] = root[first] if first is not None else key
        lsh.insert(key, mh)
    return root, time.perf_counter() - start


def score(groups: dict, labels: list[dict], skip_hard: bool) -> tuple[float, float, float, int]:
    tp = fp = fn = n = 0
    for pair in labels:
        if skip_hard and pair["hard"]:
            continue
        a, b = (pair["a"]["zip"], pair["a"]["index"]), (pair["b"]["zip"], pair["b"]["index"])
        if a not in groups or b not in groups:
            continue
        n += 1
        said, truth = groups[a] == groups[b], pair["label"] == "duplicate"
        tp += said and truth
        fp += said and not truth
        fn += truth and not said
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--bands", type=int, default=32)
    parser.add_argument("--shingle", type=int, default=4)
    parser.add_argument("--jaccard", type=float, default=0.45)
    parser.add_argument("--containment", type=float, default=0.7)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    rows = load_articles(args.limit)
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]
    print(f"{len(rows)} articles, {len(labels)} labelled pairs, num_perm={args.num_perm}, bands={args.bands}, "
          f"shingle={args.shingle}, jaccard={args.jaccard}, containment={args.containment}\n")
    from naba.text import tokens

    start = time.perf_counter()
    for _, _, text in rows:
        tokens(text)
    print(f"naba.text.tokens alone, paid by both pipelines: {time.perf_counter() - start:.1f} s\n")
    print("| pipeline | articles/s | seconds | P | R | F1 | F1 (no hard pairs) | pairs |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, run in (("naba DuplicateIndex", run_naba), ("datasketch MinHashLSH", run_datasketch)):
        groups, seconds = run(rows, args)
        p, r, f1, n = score(groups, labels, skip_hard=False)
        *_, f1_easy, _ = score(groups, labels, skip_hard=True)
        print(f"| {name} | {len(rows) / seconds:,.0f} | {seconds:.1f} | {p:.3f} | {r:.3f} | {f1:.3f} "
              f"| {f1_easy:.3f} | {n} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
