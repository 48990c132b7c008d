"""Fit the related ranker's two logistic models (``naba.stories.related_rank``) on judged candidates.

    python -m naba.evaluation.related_fit dump FILE --db STORE         # the tune half's candidates
    python -m naba.evaluation.related_fit fit FILE                     # the weights to copy into the ranker

``dump`` writes, for each article of the tune half (``naba.evaluation.related_labels.pick_halves``),
every candidate the ranker judges with the sameness model, with its feature values and room for a
label; a person labels each (same_event, linked, same_topic, unrelated: the guidelines of the lists).
``fit`` fits

    similar   : P(same_event or linked)            on the similar features
    read_also : P(same_topic or linked)            on the read-also features (same-event candidates
                                                   belong to "similar" and are left out)

by L2-regularised logistic regression (Newton steps, numpy), and prints the weights and, for each
threshold, the precision and how many candidates would be shown.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from naba.store import Store, open_store
from naba.stories.related import Judged, candidates
from naba.stories.related_rank import Scored

L2 = 1.0
POSITIVE = {"similar": {"same_event", "linked"}, "read_also": {"same_topic", "linked"}}


def dump(store: Store, ids: Sequence[int]) -> list[dict]:
    cache, rows = Judged(store), []
    for n, article_id in enumerate(ids, 1):
        for item in _judged(store, article_id, cache):
            rows.append({"article": n, "id": article_id, "candidate": item.row.id, "title": item.row.title,
                         "source": item.row.source, "gap_days": round(item.gap_days, 2),
                         "similar_values": item.values("similar"), "read_also_values": item.values("read_also"),
                         "similar": round(item.similar, 3), "read_also": round(item.read_also, 3), "label": None})
    return rows


def _judged(store: Store, article_id: int, cache: Judged) -> list[Scored]:
    found = candidates(store, article_id, cache, exact=True)  # features of every candidate
    return [] if found is None else [item for item in found[2] if not item.judgement.copy]


def fit(rows: list[dict], which: str) -> tuple[np.ndarray, list[tuple[float, float, int]]]:
    """Weights, and (threshold, precision, shown) at a few thresholds, on the labelled rows."""
    kept = [r for r in rows if r["label"] and not (which == "read_also" and r["label"] == "same_event")]
    x = np.array([r[f"{which}_values"] for r in kept], dtype=float)
    y = np.array([r["label"] in POSITIVE[which] for r in kept], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(50):  # Newton's method on the penalised log-likelihood (the intercept not penalised)
        p = 1.0 / (1.0 + np.exp(-x @ w))
        penalty = L2 * np.r_[0.0, w[1:]]
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + L2 * np.diag(np.r_[0.0, np.ones(len(w) - 1)])
        w -= np.linalg.solve(hessian, x.T @ (p - y) + penalty)
    p = 1.0 / (1.0 + np.exp(-x @ w))
    table = [(t, float(y[p >= t].mean()) if (p >= t).any() else 1.0, int((p >= t).sum()))
             for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)]
    return w, table


def main(argv: Sequence[str] | None = None) -> None:
    from naba.evaluation.related_labels import pick_halves

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("dump", "fit"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--db")
    args = parser.parse_args(argv)
    if args.command == "dump":
        store = open_store(args.db)
        try:
            ids = pick_halves(store)["tune"]
            rows = dump(store, ids)
        finally:
            store.close()
        args.file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        return
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    for which in ("similar", "read_also"):
        weights, table = fit(rows, which)
        print(f"{which}: weights ({', '.join(f'{w:.3f}' for w in weights)})")
        for threshold, precision, shown in table:
            print(f"  threshold {threshold}: precision {precision:.3f}, shown {shown}")


if __name__ == "__main__":
    main()
