"""Fit the sameness model on the tune half of the labelled pairs; report on the test half.

    .venv/bin/python bench/fit_sameness.py [--write]    (needs the bench extra: scikit-learn)

Prints the ``COPY`` and ``SAME`` weights (``--write`` puts them into ``naba/stories/sameness/model.py``)
and a table of both decisions on the test half (never seen by the fit), beside baselines measured in
the same run: stem cosine and shingle and word Jaccard, each with its best threshold on the tune half.

Logistic regression (scikit-learn, L2, C=1) on the features of ``naba.stories.sameness.model.FEATURES``.
Both models train on the tune half only. (The older SaudiNewsNet duplicate labels are left out: they
were judged under a stricter rule, "an outlet that rewrote the statement is not a copy", where the issue
and the new labels count an edited republication as a copy.) Each threshold is the one with the best
F1 on out-of-fold predictions (5 folds) of the training rows, so the test half decides nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from naba.evaluation.sameness import LabelledPair, labelled_pairs, pair_evidence, prepared_articles, scores
from naba.stories.sameness import Evidence, feature_values

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _matrix(evidences: list[Evidence]) -> tuple[list[str], np.ndarray]:
    names = list(feature_values(evidences[0]))
    return names, np.array([[feature_values(e)[n] for n in names] for e in evidences])


def _fit(x: np.ndarray, y: np.ndarray):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    model = LogisticRegression(C=1.0, max_iter=10_000).fit(x, y)
    oof = cross_val_predict(LogisticRegression(C=1.0, max_iter=10_000), x, y, cv=5, method="predict_proba")[:, 1]
    grid = np.round(np.arange(0.2, 0.81, 0.025), 3)
    threshold = max(grid, key=lambda t: (scores(list(oof >= t), list(y))[2], -abs(t - 0.5)))
    return model, float(threshold)


def _weights_code(name: str, names: list[str], model, threshold: float) -> str:  # type: ignore[no-untyped-def]
    """The ``Weights(...)`` line block for model.py, wrapped at 120 columns, ending in ``})``."""
    pairs = [f'"{n}": {w:.4f}' for n, w in zip(names, model.coef_[0], strict=True)]
    lines, line = [], "    weights={"
    for i, pair in enumerate(pairs):
        piece = pair + (", " if i < len(pairs) - 1 else "})")
        if len(line) + len(piece.rstrip()) > 118:
            lines.append(line.rstrip())
            line = "             "
        line += piece
    lines.append(line)
    return "\n".join([f"{name} = Weights(", f"    intercept={model.intercept_[0]:.4f}, threshold={threshold},", *lines])


def _best_threshold(values: list[float], gold: list[bool]) -> float:
    return max(np.linspace(0.02, 0.98, 97), key=lambda t: scores([v >= t for v in values], gold)[2])


MODEL = Path(__file__).resolve().parents[1] / "src" / "naba" / "stories" / "sameness" / "model.py"


def _write(blocks: list[str]) -> None:
    """Replace the model's ``COPY = Weights(`` ... ``})`` and ``SAME = ...`` blocks with the fitted ones."""
    text = MODEL.read_text(encoding="utf-8")
    for block in blocks:
        name = block.split(" = ", 1)[0]
        start = text.index(f"{name} = Weights(")
        end = text.index("})", start) + 2
        text = text[:start] + block + text[end:]
    MODEL.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    write = "--write" in (sys.argv[1:] if argv is None else argv)
    if not (DATA / "saudinewsnet").is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    pairs = labelled_pairs()
    articles = prepared_articles(DATA, {k for p in pairs for k in (p.a, p.b)})
    evidences = pair_evidence(pairs, articles)
    names, x = _matrix(evidences)
    part = {split: np.array([p.split == split for p in pairs]) for split in ("tune", "test")}
    dup = np.array([p.duplicate for p in pairs])
    same = np.array([p.same_story for p in pairs])
    copy_model, copy_t = _fit(x[part["tune"]], dup[part["tune"]])
    same_model, same_t = _fit(x[part["tune"]], same[part["tune"]])
    code = [_weights_code("COPY", names, copy_model, copy_t), _weights_code("SAME", names, same_model, same_t)]
    print("\n".join(code))
    if write:
        _write(code)
    test = [p for p, t in zip(pairs, part["test"], strict=True) if t]
    ev_test = [e for e, t in zip(evidences, part["test"], strict=True) if t]
    tune_ev = [e for e, t in zip(evidences, part["tune"], strict=True) if t]
    tune = [p for p, t in zip(pairs, part["tune"], strict=True) if t]
    x_test = x[part["test"]]
    rows = []
    for task, model, threshold, gold_of in (("duplicate", copy_model, copy_t, lambda p: p.duplicate),
                                            ("same story", same_model, same_t, lambda p: p.same_story)):
        gold = [gold_of(p) for p in test]
        predicted = list(model.predict_proba(x_test)[:, 1] >= threshold)
        if task == "same story":  # a copy is always the same story
            predicted = [s or c for s, c in zip(predicted, copy_model.predict_proba(x_test)[:, 1] >= copy_t,
                                                 strict=True)]
        rows.append((task, "naba.stories.sameness", *scores(predicted, gold)))
        for baseline, value in (("stem cosine", lambda e: e.cosine), ("word 4-shingle Jaccard", lambda e: e.jaccard),
                                ("content-word Jaccard", lambda e: e.words)):
            t = _best_threshold([value(e) for e in tune_ev], [gold_of(p) for p in tune])
            rows.append((task, f"{baseline} (threshold {t:.2f} from tune)",
                         *scores([value(e) >= t for e in ev_test], gold)))
    print(_table(rows, test))
    for name, keep in (("across the similarity range", lambda p: not p.bin.startswith("stream_")),
                       ("drawn from the stage's own judged pairs", lambda p: p.bin.startswith("stream_"))):
        subset = [i for i, p in enumerate(test) if keep(p)]
        print(f"\n{name} ({len(subset)} test pairs):")
        for task, model, threshold, gold_of in (("duplicate", copy_model, copy_t, lambda p: p.duplicate),
                                                ("same story", same_model, same_t, lambda p: p.same_story)):
            predicted = model.predict_proba(x_test[subset])[:, 1] >= threshold
            print(f"  {task}: P={{:.3f}} R={{:.3f}} F1={{:.3f}}".format(
                *scores(list(predicted), [gold_of(test[i]) for i in subset])))
    return 0


def _table(rows: list[tuple[str, str, float, float, float]], test: list[LabelledPair]) -> str:
    lines = [f"test half: {len(test)} pairs, {sum(p.duplicate for p in test)} duplicates, "
             f"{sum(p.same_story for p in test)} same story", "",
             "| decision | system | P | R | F1 |", "|---|---|---:|---:|---:|"]
    lines += [f"| {task} | {system} | {p:.3f} | {r:.3f} | {f:.3f} |" for task, system, p, r, f in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
