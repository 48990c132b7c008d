"""Story similarity on the SemEval-2022 ar-ar pairs: naba.similarity vs a TF-IDF char 3-5-gram cosine.

    .venv/bin/python bench/compare.py [--folds 5] [--repeats 20] [--fit]

Metrics (README of ../shared/data): Pearson of the similarity with -Overall, and same-story F1 with
gold = Overall <= 1.5. Everything learned is learned inside the cross-validation: the component weights
(non-negative least squares of (4 - Overall) / 3 with an intercept, normalised to sum 1) and the decision thresholds are fit on the
training folds only and scored on the held-out fold; the numbers are out-of-fold, averaged over repeats.
"TF-IDF oracle" is the baseline's F1 at its best threshold on all pairs (the issue's reference figure).
``--fit`` prints the constants fitted on all pairs, to paste into naba/similarity.py.
Needs scikit-learn for the baseline (a bench-only dependency).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import json
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import numpy as np
from scipy.optimize import lsq_linear
from scipy.stats import pearsonr

from naba import similarity as sim

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval-ar" / "pairs.jsonl"
PARTS = ("entities", "title", "terms", "chars")
SAME = 1.5
STORY = {  # candidate same-story scores: weights over PARTS (None: the fitted similarity itself)
    "similarity": None,
    "chars": np.array([0.0, 0.0, 0.0, 1.0]),
    "terms+chars": np.array([0.0, 0.0, 0.5, 0.5]),
}
POWERS = [(tp, cp) for tp in (0.0, 0.5, 1.0) for cp in (0.5, 1.0)]  # IDF exponents: terms, chars


def iso(value: str | None) -> str | None:
    return datetime.strptime(value, "%a %b %d %H:%M:%S %Y").isoformat() if value else None


def load() -> list[dict]:
    if not PAIRS.exists():
        sys.exit(f"no data at {PAIRS}")
    return [json.loads(line) for line in PAIRS.open(encoding="utf-8")]


def view(side: dict) -> sim.ArticleView:
    return sim.ArticleView(side["title"] or "", side["text"] or "", iso(side.get("publish_date")))


def features(pairs: list[dict], powers: tuple[float, float] | None = None):
    """X = [parts..., time], gap (nan when unknown), one row per pair; powers = IDF exponents."""
    rows, gaps = [], []
    tp, cp = powers or (None, None)
    for p in pairs:
        a, b = view(p["a"]), view(p["b"])
        parts = sim.measure(sim.profile(a, tp, cp), sim.profile(b, tp, cp))
        rows.append([parts[k] for k in PARTS] + [parts["time"]])
        c = sim.compare(a, b)
        gaps.append(np.nan if c.time_gap_hours is None else c.time_gap_hours)
    y = np.array([(4 - p["scores"]["Overall"]) / 3 for p in pairs])
    return np.array(rows), np.array(gaps), y


def fit(X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Part weights (>= 0, summing to 1) from least squares with a free intercept; time column ignored."""
    parts = X[:, :len(PARTS)]
    A = np.hstack([np.ones((len(parts), 1)), parts])
    lower = np.r_[-np.inf, np.zeros(parts.shape[1])]
    w = lsq_linear(A, y, bounds=(lower, np.inf)).x[1:]
    return w / w.sum() if w.sum() > 0 else np.full(len(w), 1 / len(w))


def predict(w: np.ndarray, X: np.ndarray, time_weight: float = sim.DEFAULT.time_weight) -> np.ndarray:
    return X[:, :len(PARTS)] @ w * (1 - time_weight * X[:, len(PARTS)])


def f1(pred: np.ndarray, gold: np.ndarray) -> float:
    tp = np.sum(pred & gold)
    return 0.0 if tp == 0 else 2 * tp / (np.sum(pred) + np.sum(gold))


def best_threshold(score: np.ndarray, gold: np.ndarray, allowed: np.ndarray) -> float:
    candidates = np.unique(score)
    values = [f1((score >= t) & allowed, gold) for t in candidates]
    best = max(values)
    good = candidates[np.array(values) == best]
    return float(good[len(good) // 2])  # the middle of the tied range, not its edge


def select(Xs: dict, y: np.ndarray, rows: np.ndarray, time_weight: float):
    """The IDF powers and weights whose fit on ``rows`` correlates best with y on those same rows."""
    best = None
    for powers, X in Xs.items():
        w = fit(X[rows], y[rows])
        r = pearsonr(predict(w, X[rows], time_weight), y[rows])[0]
        if best is None or r > best[0]:
            best = (r, powers, w)
    return best[1], best[2]


def cross_validate(Xs, gaps, y, gold, baseline, folds, repeats, max_gap, time_weight):
    """Out-of-fold Pearson and F1; IDF powers, weights and thresholds chosen on the training folds."""
    allowed = ~(gaps > max_gap)  # nan (unknown) compares False, so unknown gaps are allowed
    out = {"ours": [], "base": [], "powers": Counter(), "story": Counter()}
    for r in range(repeats):
        order = np.random.default_rng(r).permutation(len(y))
        ours, ours_same, base_same = np.zeros(len(y)), np.zeros(len(y), bool), np.zeros(len(y), bool)
        for k in range(folds):
            test = order[k::folds]
            train = np.setdiff1d(order, test)
            powers, coef = select(Xs, y, train, time_weight)
            out["powers"][powers] += 1
            X = Xs[powers]
            ours[test] = predict(coef, X[test], time_weight)
            story, t = select_story(coef, X, gold, allowed, train, time_weight)
            out["story"][story] += 1
            ours_same[test] = (predict(coef if STORY[story] is None else STORY[story], X[test], time_weight) >= t) & allowed[test]
            tb = best_threshold(baseline[train], gold[train], np.ones(len(train), bool))
            base_same[test] = baseline[test] >= tb
        out["ours"].append((pearsonr(ours, y)[0], f1(ours_same, gold)))
        out["base"].append((pearsonr(baseline, y)[0], f1(base_same, gold)))
    return {k: (np.array(v) if isinstance(v, list) else v) for k, v in out.items()}


def select_story(coef, X, gold, allowed, rows, time_weight) -> tuple[str, float]:
    """The same-story score (and threshold) with the best F1 on ``rows``."""
    best = None
    for name, weights in STORY.items():
        score = predict(coef if weights is None else weights, X[rows], time_weight)
        t = best_threshold(score, gold[rows], allowed[rows])
        value = f1((score >= t) & allowed[rows], gold[rows])
        if best is None or value > best[0]:
            best = (value, name, t)
    return best[1], best[2]


def tfidf_char_cosine(pairs: list[dict]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{p[s]['title']}\n{p[s]['text']}" for p in pairs for s in ("a", "b")]
    vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit(texts)
    M = vec.transform(texts)
    return np.asarray(M[0::2].multiply(M[1::2]).sum(axis=1)).ravel()


def timing(pairs: list[dict]) -> tuple[float, float]:
    """µs per compare(): cold (profiles built) and warm (profiles cached)."""
    views = [(view(p["a"]), view(p["b"])) for p in pairs]
    sim.profile.cache_clear()
    start = time.perf_counter()
    for a, b in views:
        sim.compare(a, b)
    cold = (time.perf_counter() - start) / len(views) * 1e6
    start = time.perf_counter()
    for _ in range(5):
        for a, b in views:
            sim.compare(a, b)
    warm = (time.perf_counter() - start) / (5 * len(views)) * 1e6
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--fit", action="store_true", help="print the constants fitted on all pairs")
    parser.add_argument("--idf-dir", type=Path, help="tables from bench/build_idf.py (default: count them "
                        "now over ../shared/data into a temporary folder)")
    args = parser.parse_args()
    pairs = load()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.idf_dir or Path(scratch)
        if args.idf_dir is None:
            from build_idf import build

            build(folder)
        os.environ[sim.IDF_DIR_ENV] = str(folder)
        report(args, pairs)


def report(args, pairs: list[dict]) -> None:
    overall = np.array([p["scores"]["Overall"] for p in pairs])
    gold = overall <= SAME
    Xs = {powers: features(pairs, powers)[0] for powers in POWERS}
    _, gaps, y = features(pairs)
    baseline = tfidf_char_cosine(pairs)
    d = sim.DEFAULT
    variants = {f"defaults (time weight {d.time_weight}, gap rule {d.max_gap_hours:.0f} h)": (d.max_gap_hours, d.time_weight),
                f"gap rule {d.max_gap_hours:.0f} h only": (d.max_gap_hours, 0.0),
                f"time weight {d.time_weight} only": (np.inf, d.time_weight),
                "time ignored": (np.inf, 0.0)}
    res = {name: cross_validate(Xs, gaps, y, gold, baseline, args.folds, args.repeats, gap, tw)
           for name, (gap, tw) in variants.items()}
    oracle = max(f1(baseline >= t, gold) for t in np.unique(baseline))
    cold, warm = timing(pairs)
    print(f"{len(pairs)} pairs, {gold.sum()} same-story; {args.folds}-fold CV x {args.repeats} repeats "
          f"(mean ± sd over repeats)\n")
    print("| scorer | Pearson vs -Overall | same-story F1 | µs / comparison |")
    print("|---|---|---|---|")
    rows = [(f"naba.similarity, {name} (CV)", r["ours"], f"{cold:,.0f} cold, {warm:,.0f} warm")
            for name, r in res.items()]
    rows.append(("TF-IDF char 3-5 cosine (CV threshold)", next(iter(res.values()))["base"], ""))
    for name, r, us in rows:
        print(f"| {name} | {r[:, 0].mean():.3f} ± {r[:, 0].std():.3f} | "
              f"{r[:, 1].mean():.3f} ± {r[:, 1].std():.3f} | {us} |")
    print(f"| TF-IDF char 3-5 cosine (oracle threshold) | {pearsonr(baseline, y)[0]:.3f} | {oracle:.3f} | |")
    for name, r in res.items():
        print(f"\n{name}: chosen in the folds: IDF powers (terms, chars) {dict(r['powers'])}; "
              f"same-story score {dict(r['story'])}")
    d = sim.DEFAULT
    powers, w = select(Xs, y, np.arange(len(y)), d.time_weight)
    X = Xs[powers]
    print(f"\nsingle components at IDF powers {powers} (no fit): Pearson vs -Overall")
    for j, name in enumerate((*PARTS, "time")):
        print(f"  {name:9s} {pearsonr(X[:, j], y)[0]:+.3f}")
    if args.fit:
        story, t = select_story(w, X, gold, ~(gaps > d.max_gap_hours), np.arange(len(y)), d.time_weight)
        print(f"\nSTORY_WEIGHTS = {story} {STORY[story]}")
        print(f"\nTERM_IDF_POWER = {powers[0]}\nCHAR_IDF_POWER = {powers[1]}")
        print("WEIGHTS = {" + ", ".join(f'"{k}": {v:.4f}' for k, v in zip(PARTS, w)) + "}")
        print(f"SAME_STORY_THRESHOLD = {t:.4f}")


if __name__ == "__main__":
    main()
