"""Draw article pairs to label for sameness (copies, edited copies, same event, follow-ups, templates).

    .venv/bin/python bench/sample_pairs.py --out pairs.jsonl [--per-corpus 250] [--seed 26]

Pairs are drawn from SaudiNewsNet and ANT separately, across the whole similarity range, not only easy
ones: every article's nearest neighbours within four days by TF-IDF cosine (naba.text tokens, word
unigrams and bigrams, sublinear tf) are the candidates; each candidate falls in the first bin it fits
(word-bigram Jaccard J, containment C = shared bigrams over the smaller set, cosine):

    template   a notice word in both titles (تهنئة، تعزية، القصاص، طقس، أسعار، استقبل ...), cosine >= 0.4, J < 0.9
    very_high  J >= 0.8                         high      0.5 <= J < 0.8
    edited     J < 0.5 and C >= 0.5             mid_j     0.25 <= J < 0.5
    cos_high   cosine >= 0.5                    cos_mid   0.3 <= cosine < 0.5
    cos_low    0.15 <= cosine < 0.3             random    two articles of the same 3 days, not candidates

and a seeded sample is drawn per bin. Pairs of the older duplicate labels are left out. Only keys are
written (see naba.evaluation.corpora); the labels are added by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from naba.evaluation import corpora
from naba.text import tokens

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BINS = {"template": 25, "very_high": 20, "high": 25, "edited": 35, "mid_j": 30, "cos_high": 40,
        "cos_mid": 35, "cos_low": 25, "random": 15}
_NOTICE = re.compile(r"تهن|يهن|تعزي|يعزي|عزاء|القصاص|تنفيذ حكم|برقية|طقس|الأرصاد|أسعار|سعر|يستقبل|استقبل|"
                     r"مؤشر|الأسهم|البورصة|وفاة|مواعيد|نتائج|حالة")
WINDOW_DAYS = 4
NEIGHBOURS = 8


def bigrams(toks: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)}


def candidates(items: list[corpora.NewsItem], rng: random.Random) -> list[tuple[int, int, float]]:
    """(i, j, cosine) of each article's nearest neighbours within WINDOW_DAYS, i < j."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [" ".join(tokens(f"{it.title}\n{it.body[:3000]}")) for it in items]
    matrix = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+",
                             max_features=400_000).fit_transform(texts)
    days = np.array([int(it.ts // 86400) for it in items])
    by_day: dict[int, list[int]] = defaultdict(list)
    for i, day in enumerate(days):
        by_day[int(day)].append(i)
    found = {}
    for day, rows in sorted(by_day.items()):
        window = [j for d in range(day - WINDOW_DAYS, day + WINDOW_DAYS + 1) for j in by_day.get(d, ())]
        sims = (matrix[rows] @ matrix[window].T).toarray()
        for r, i in enumerate(rows):
            order = np.argsort(-sims[r])[: NEIGHBOURS + 1]
            for c in order:
                j = window[c]
                if j != i and sims[r, c] >= 0.15:
                    found[(min(i, j), max(i, j))] = float(sims[r, c])
    return [(i, j, s) for (i, j), s in found.items()]


def bin_of(a: corpora.NewsItem, b: corpora.NewsItem, cosine: float, grams: dict[str, set[str]]) -> str | None:
    ga, gb = grams[a.key], grams[b.key]
    if not ga or not gb:
        return None
    shared = len(ga & gb)
    jaccard, containment = shared / len(ga | gb), shared / min(len(ga), len(gb))
    if _NOTICE.search(a.title) and _NOTICE.search(b.title) and cosine >= 0.4 and jaccard < 0.9:
        return "template"
    for name, ok in (("very_high", jaccard >= 0.8), ("high", jaccard >= 0.5),
                     ("edited", containment >= 0.5), ("mid_j", jaccard >= 0.25), ("cos_high", cosine >= 0.5),
                     ("cos_mid", cosine >= 0.3), ("cos_low", cosine >= 0.15)):
        if ok:
            return name
    return None


def old_label_keys() -> set[frozenset[str]]:
    path = Path(__file__).resolve().parents[1] / "src/naba/evaluation/labels/saudinewsnet_duplicate_labels.jsonl"
    keys = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        keys.add(frozenset(f"snn:{side['zip']}#{side['index']}" for side in (row["a"], row["b"])))
    return keys


def draw(items: list[corpora.NewsItem], per_bin: dict[str, int], rng: random.Random) -> list[dict]:
    grams = {it.key: bigrams(tokens(it.body)) for it in items}
    by_bin: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    for i, j, cosine in candidates(items, rng):
        name = bin_of(items[i], items[j], cosine, grams)
        if name:
            by_bin[name].append((i, j, cosine))
    taken = {pair for rows in by_bin.values() for pair in ((i, j) for i, j, _ in rows)}
    excluded = old_label_keys()
    while len(by_bin["random"]) < 20 * per_bin["random"]:
        i = rng.randrange(len(items))
        j = rng.randrange(len(items))
        if i != j and abs(items[i].ts - items[j].ts) < 3 * 86400 and (min(i, j), max(i, j)) not in taken:
            by_bin["random"].append((min(i, j), max(i, j), 0.0))
    out = []
    for name, wanted in per_bin.items():
        pool = sorted(p for p in by_bin[name] if frozenset((items[p[0]].key, items[p[1]].key)) not in excluded)
        chosen = rng.sample(pool, min(wanted, len(pool)))
        print(f"  {name}: {len(pool)} candidates, {len(chosen)} drawn", file=sys.stderr)
        out.extend({"a": items[i].key, "b": items[j].key, "bin": name, "cosine": round(c, 3)}
                   for i, j, c in sorted(chosen))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    pairs = []
    for name, reader in (("snn", corpora.saudinewsnet), ("ant", corpora.ant)):
        print(f"{name}:", file=sys.stderr)
        items = sorted(reader(DATA), key=lambda it: it.key)
        pairs.extend(draw(items, BINS, rng))
    rng.shuffle(pairs)
    with args.out.open("w", encoding="utf-8") as handle:
        for n, pair in enumerate(pairs):
            handle.write(json.dumps({"pair": n, **pair}, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
