"""Duplicate evaluation: ``duplicate_of`` decisions on SaudiNewsNet pairs labelled for naba.

All 31,030 SaudiNewsNet articles arrive in order of ``date_extracted`` (then file, then position), as
the story stage sees them. Two pipelines get the same texts, from raw text to a duplicate_of answer:

- ``naba.stories.copies.DuplicateIndex`` (what the story stage runs): vectorized MinHash, LSH banding on the
  whole text and on its opening, exact verification, the templated-notice guard;
- plain datasketch (needs the ``bench`` extra): the same naba tokens and word shingles,
  ``MinHash.update_batch`` and ``MinHashLSH(threshold=0.45)``: query, the earliest hit is duplicate_of.

Quality is pairwise over ``labels/saudinewsnet_duplicate_labels.jsonl`` (see its README): a pair is
predicted duplicate when both articles end in the same group (the same earliest copy). The labels
are naba's own, keyed by zip file and position only, and the thresholds were chosen on them: the
figures are optimistic until a held-out set exists.
"""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

from naba.stories.copies import DuplicateIndex
from naba.text import tokens

LABELS = Path(__file__).parent / "labels" / "saudinewsnet_duplicate_labels.jsonl"
Row = tuple[tuple[str, int], str, str]  # ((zip name, position), date_extracted, content)


def load_articles(data_dir: Path, limit: int | None = None) -> list[Row]:
    rows = []
    for path in sorted((data_dir / "saudinewsnet").glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                for i, item in enumerate(json.loads(archive.read(member))):
                    rows.append(((path.name, i), item.get("date_extracted") or "", item.get("content") or ""))
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows[:limit] if limit else rows


def load_labels() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]


def run_naba(rows: list[Row]) -> tuple[dict, float]:
    index: DuplicateIndex[tuple[str, int]] = DuplicateIndex()
    start = time.perf_counter()
    for key, ts, text in rows:
        index.add(key, text, ts)
    elapsed = time.perf_counter() - start
    return {key: index.duplicate_of(key) or key for key, _, _ in rows}, elapsed


def run_datasketch(rows: list[Row], num_perm: int = 128, shingle: int = 4, jaccard: float = 0.45) -> tuple[dict, float]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=jaccard, num_perm=num_perm)
    order = {key: n for n, (key, _, _) in enumerate(rows)}
    root: dict = {}
    start = time.perf_counter()
    for key, _, text in rows:
        toks = tokens(text)
        k = min(shingle, len(toks)) or 1
        shingles = {" ".join(toks[i:i + k]).encode("utf-8") for i in range(max(1, len(toks) - k + 1))}
        mh = MinHash(num_perm=num_perm)
        mh.update_batch(list(shingles))
        hits = lsh.query(mh)
        first = min(hits, key=order.__getitem__) if hits else None
        root[key] = root[first] if first is not None else key
        lsh.insert(key, mh)
    return root, time.perf_counter() - start


def score(groups: dict, labels: list[dict], skip_hard: bool = False) -> tuple[float, float, float, int]:
    tp = fp = fn = n = 0
    for pair in labels:
        if skip_hard and pair["hard"]:
            continue
        a, b = (pair["a"]["zip"], pair["a"]["index"]), (pair["b"]["zip"], pair["b"]["index"])
        if a not in groups or b not in groups:
            continue
        n += 1
        said, truth = groups[a] == groups[b], pair["label"] == "duplicate"
        tp, fp, fn = tp + (said and truth), fp + (said and not truth), fn + (truth and not said)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), n


def run_duplicate_eval(data_dir: Path, limit: int | None = None) -> str:
    """The markdown table: each pipeline's throughput and quality, measured in one run."""
    rows, labels = load_articles(data_dir, limit), load_labels()
    lines = [f"{len(rows):,} articles, {len(labels)} labelled pairs", "",
             "| pipeline | articles/s | seconds | P | R | F1 | F1 (no hard pairs) | pairs |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    pipelines = [("naba DuplicateIndex", run_naba), ("datasketch MinHashLSH (baseline)", run_datasketch)]
    for name, run in pipelines:
        try:
            groups, seconds = run(rows)
        except ImportError as exc:
            lines.append(f"| {name} | not run: {exc.name} is not installed (pip install 'naba[bench]') |||||||")
            continue
        p, r, f1, n = score(groups, labels)
        f1_easy = score(groups, labels, skip_hard=True)[2]
        lines.append(f"| {name} | {len(rows) / seconds:,.0f} | {seconds:.1f} | {p:.3f} | {r:.3f} | {f1:.3f} "
                     f"| {f1_easy:.3f} | {n} |")
    return "\n".join(lines)
