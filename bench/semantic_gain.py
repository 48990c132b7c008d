"""Does a semantic cosine from static word vectors pay? Measured beside today's evidence, nothing changed.

    .venv/bin/python bench/semantic_gain.py --cache /tmp/naba-vectors-e5-60000.npz [--cache ...]
        [--words 20000,60000] [--dims 32,64,128] [--weightings idf,flat] [--packaged]

For every labelled pair (``naba.evaluation.sameness``) the model's features (``feature_values``) are
computed as the story stage computes them, and a semantic cosine (``bench/static_vectors.py``: the
idf-weighted mean of the stems' vectors, over the profile's content stems) is added as one more column.
Each variant of the vectors (cache, vocabulary size, PCA dims, weighting) is built in memory from the
cache ``bench/distil_vectors.py`` wrote, quantised as the package file is.

Reported, all measured in this run:

1. Out-of-fold on the tune half only: 5-fold stratified CV repeated over SEEDS seeds, logistic
   regression as ``bench/fit_sameness.py`` fits it (L2, C=1), each fold's threshold chosen by F1 on
   out-of-fold predictions of that fold's training rows; duplicate and same-story (same event or copy)
   P/R/F1 of the pooled predictions, averaged over the seeds; with and without the semantic column.
2. SemEval-2022 ar-ar (121 pairs): Pearson with -Overall of (a) the semantic cosine alone, (b) the content
   cosine (today's similarity) alone, (c) a 2-feature linear fit of content + semantic, out-of-fold
   (5 folds, SEEDS seeds; mean and standard deviation over the seeds).
3. For the variant with the best out-of-fold same-story F1 (the test half decides nothing): fitted on the
   whole tune half, scored on the test half, with and without the semantic column.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from distil_vectors import hash32, quantise, reduce
from naba.evaluation.sameness import labelled_pairs, pair_evidence, prepared_articles, scores
from naba.evaluation.stories import pearson, semeval_pairs
from naba.stories.sameness import Profile, feature_values, profile_of, profile_of_text
from naba.stories.sameness.evidence import content
from static_vectors import WordVectors, similarity, word_vectors

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEEDS = 5
GRID = np.round(np.arange(0.2, 0.81, 0.025), 3)


@dataclass(frozen=True)
class Variant:
    name: str
    vectors: WordVectors


def variants(caches: list[Path], words: list[int], dims: list[int], weightings: list[str]) -> list[Variant]:
    out = []
    for cache in caches:
        raw = np.load(cache)
        method = "ppmi" if "ppmi" in cache.name else "e5"
        for n in words:
            stems, full = raw["stems"][:n], raw["vectors"][:n]
            keys = np.array([hash32(str(s)) for s in stems], dtype=np.uint32)
            keys, first = np.unique(keys, return_index=True)
            for d in dims:
                if d > full.shape[1]:
                    continue
                q, scale = quantise(reduce(full, d)[first])
                for weighting in weightings:
                    idf = raw["idf"][:n][first].astype(np.float16).astype(np.float32)
                    out.append(Variant(f"{method} {len(keys) // 1000}k words, {d} dims, {weighting}",
                                       WordVectors(keys, q, scale, idf if weighting == "idf" else np.ones_like(idf))))
    return out


def semantic(vectors: WordVectors, a: Profile, b: Profile) -> float:
    u = vectors.document(a.content_keys, a.content_weights).astype(np.float16)
    v = vectors.document(b.content_keys, b.content_weights).astype(np.float16)
    return similarity(u, v)


def _logistic():  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=10_000)


def _threshold(x: np.ndarray, y: np.ndarray, seed: int) -> float:
    """The F1-best threshold on out-of-fold predictions of these rows (as fit_sameness chooses it)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    cv = StratifiedKFold(5, shuffle=True, random_state=seed)
    oof = cross_val_predict(_logistic(), x, y, cv=cv, method="predict_proba")[:, 1]
    return float(max(GRID, key=lambda t: (scores(list(oof >= t), list(y))[2], -abs(t - 0.5))))


def decide(x_fit: np.ndarray, dup: np.ndarray, same: np.ndarray, x_new: np.ndarray,
           seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(copy, same story) decisions on x_new of the two models fitted on x_fit; same story = same or copy."""
    copy = _logistic().fit(x_fit, dup).predict_proba(x_new)[:, 1] >= _threshold(x_fit, dup, seed)
    alike = _logistic().fit(x_fit, same).predict_proba(x_new)[:, 1] >= _threshold(x_fit, same, seed)
    return copy, alike | copy


def out_of_fold(x: np.ndarray, dup: np.ndarray, same: np.ndarray) -> dict[str, tuple[float, ...]]:
    """Mean over SEEDS of the pooled out-of-fold (P, R, F1) of both decisions, and the F1's standard
    deviation over the seeds."""
    from sklearn.model_selection import StratifiedKFold

    found: dict[str, list[tuple[float, float, float]]] = {"duplicate": [], "same story": []}
    for seed in range(SEEDS):
        copy, alike = np.zeros(len(x), dtype=bool), np.zeros(len(x), dtype=bool)
        for train, held in StratifiedKFold(5, shuffle=True, random_state=seed).split(x, same * 2 + dup):
            copy[held], alike[held] = decide(x[train], dup[train], same[train], x[held], seed)
        found["duplicate"].append(scores(list(copy), list(dup)))
        found["same story"].append(scores(list(alike), list(same)))
    return {task: (*np.mean(rows, axis=0), float(np.std([f for _, _, f in rows]))) for task, rows in found.items()}


def semeval_oof(columns: list[np.ndarray], target: np.ndarray) -> tuple[float, float]:
    """Pearson of out-of-fold predictions of a linear fit of the columns: (mean, sd) over SEEDS."""
    from sklearn.linear_model import LinearRegression
    from sklearn.model_selection import KFold

    x = np.column_stack(columns)
    found = []
    for seed in range(SEEDS):
        predicted = np.zeros(len(target))
        for train, held in KFold(5, shuffle=True, random_state=seed).split(x):
            predicted[held] = LinearRegression().fit(x[train], target[train]).predict(x[held])
        found.append(pearson(list(predicted), list(target)))
    return float(np.mean(found)), float(np.std(found))


def semeval_nested(content_col: np.ndarray, columns: dict[str, np.ndarray], target: np.ndarray) -> tuple[float, float]:
    """Pearson of content + semantic out-of-fold, the variant itself chosen inside each fold (by the inner
    out-of-fold Pearson of the fold's training pairs): what choosing among the variants on 121 pairs is
    worth once the choice is not made on the pairs it is scored on. (mean, sd) over SEEDS."""
    from sklearn.linear_model import LinearRegression
    from sklearn.model_selection import KFold

    found = []
    for seed in range(SEEDS):
        predicted = np.zeros(len(target))
        for train, held in KFold(5, shuffle=True, random_state=seed).split(target):
            best = max(columns, key=lambda name: _inner_pearson(  # noqa: B023 (used within the iteration)
                np.column_stack((content_col[train], columns[name][train])), target[train], seed))
            x = np.column_stack((content_col, columns[best]))
            predicted[held] = LinearRegression().fit(x[train], target[train]).predict(x[held])
        found.append(pearson(list(predicted), list(target)))
    return float(np.mean(found)), float(np.std(found))


def _inner_pearson(x: np.ndarray, y: np.ndarray, seed: int) -> float:
    from sklearn.linear_model import LinearRegression
    from sklearn.model_selection import KFold, cross_val_predict

    guess = cross_val_predict(LinearRegression(), x, y, cv=KFold(5, shuffle=True, random_state=seed))
    return pearson(list(guess), list(y))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, action="append", default=[])
    parser.add_argument("--words", default="20000,60000")
    parser.add_argument("--dims", default="32,64,128")
    parser.add_argument("--weightings", default="idf,flat", help="idf: idf-weighted mean; flat: without idf")
    parser.add_argument("--packaged", action="store_true",
                        help="also the package's own vectors.npz (written by distil_vectors.py --write)")
    args = parser.parse_args(argv)
    if not (DATA / "saudinewsnet").is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    chosen = variants(args.cache, [int(w) for w in args.words.split(",")], [int(d) for d in args.dims.split(",")],
                      args.weightings.split(","))
    if args.packaged:
        chosen.append(Variant("package vectors.npz", word_vectors()))
    pairs = labelled_pairs()
    articles = prepared_articles(DATA, {k for p in pairs for k in (p.a, p.b)})
    profiles = {key: profile_of(article) for key, article in articles.items()}
    evidences = pair_evidence(pairs, articles)
    names = list(feature_values(evidences[0]))
    x = np.array([[feature_values(e)[n] for n in names] for e in evidences])
    tune = np.array([p.split == "tune" for p in pairs])
    dup, same = np.array([p.duplicate for p in pairs]), np.array([p.same_story for p in pairs])
    sem = {v.name: np.array([semantic(v.vectors, profiles[p.a], profiles[p.b]) for p in pairs]) for v in chosen}
    semeval = semeval_pairs(DATA)
    target = np.array([-p["scores"]["Overall"] for p in semeval])
    sides = [(profile_of_text(p["a"].get("title") or "", p["a"].get("text") or ""),
              profile_of_text(p["b"].get("title") or "", p["b"].get("text") or "")) for p in semeval]
    content_col = np.array([content(a, b) for a, b in sides])
    print(f"tune half: {tune.sum()} pairs ({dup[tune].sum()} duplicates, {same[tune].sum()} same story); "
          f"test half: {(~tune).sum()}; SemEval: {len(semeval)} pairs; {SEEDS} seeds\n")
    print("| features | dup P | dup R | dup F1 | same P | same R | same F1 "
          "| SemEval semantic alone | SemEval content + semantic (OOF) | SemEval r(content, semantic) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    base = out_of_fold(x[tune], dup[tune], same[tune])
    lone = semeval_oof([content_col], target)
    print(_row("today's features (baseline)", base, pearson(list(content_col), list(target)), lone, 1.0))
    best, best_f1 = None, -1.0
    sem_cols = {}
    for v in chosen:
        with_sem = np.column_stack((x, sem[v.name]))
        oof = out_of_fold(with_sem[tune], dup[tune], same[tune])
        sem_col = sem_cols[v.name] = np.array([semantic(v.vectors, a, b) for a, b in sides])
        print(_row(f"+ semantic: {v.name}", oof, pearson(list(sem_col), list(target)),
                   semeval_oof([content_col, sem_col], target), pearson(list(content_col), list(sem_col))))
        if oof["same story"][2] > best_f1:
            best, best_f1 = v, oof["same story"][2]
    print(f"\nSemEval, content cosine alone: raw Pearson {pearson(list(content_col), list(target)):.3f}; "
          f"out-of-fold linear fit {lone[0]:.3f} ± {lone[1]:.3f}")
    if sem_cols:
        nested = semeval_nested(content_col, sem_cols, target)
        print(f"SemEval, content + semantic with the variant chosen inside each fold (nested): "
              f"{nested[0]:.3f} ± {nested[1]:.3f}")
    if best is not None:
        _test_table(best.name, x, sem[best.name], tune, dup, same)
    return 0


def _row(name: str, oof: dict[str, tuple[float, ...]], alone: float, combined: tuple[float, float],
         overlap: float) -> str:
    cells = [cell for task in ("duplicate", "same story") for cell in (
        f"{oof[task][0]:.3f}", f"{oof[task][1]:.3f}", f"{oof[task][2]:.3f} ± {oof[task][3]:.3f}")]
    return f"| {name} | {' | '.join(cells)} | {alone:.3f} | {combined[0]:.3f} ± {combined[1]:.3f} | {overlap:.3f} |"


def _test_table(name: str, x: np.ndarray, sem: np.ndarray, tune: np.ndarray, dup: np.ndarray,
                same: np.ndarray) -> None:
    print(f"\nFitted on the whole tune half, scored on the test half (variant chosen out-of-fold: {name}):\n")
    print("| features | dup P | dup R | dup F1 | same P | same R | same F1 |\n|---|---:|---:|---:|---:|---:|---:|")
    for label, matrix in (("today's features (baseline)", x), ("+ semantic", np.column_stack((x, sem)))):
        copy, alike = decide(matrix[tune], dup[tune], same[tune], matrix[~tune], seed=0)
        cells = [f"{v:.3f}" for v in (*scores(list(copy), list(dup[~tune])), *scores(list(alike), list(same[~tune])))]
        print(f"| {label} | {' | '.join(cells)} |")


if __name__ == "__main__":
    sys.exit(main())
