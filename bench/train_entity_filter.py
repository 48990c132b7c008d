"""Fit the entity filter (``naba.pipeline.tagging.entity_filter``) on entities people judged, and print what
it keeps against the tagger without it, in the same run.

    .venv/bin/python bench/train_entity_filter.py [--data ../shared/data] [--write]

Labels: ``naba/evaluation/labels/entity_labels.jsonl`` (four fresh samples of 80 articles of
SaudiNewsNet and ANT, every listed entity judged correct or wrong by labellers who did not write the
rules; "train": the three samples read while rules were written, "test": the fourth, judged once). Each
article is read from the corpora and cleaned as ingest does; an entity the tagger lists now is scored
when its canonical name was judged in that article and the filter judges it (not one the headline
names: the subject of the story stays, whatever the model says). The model (logistic regression) is fitted on the
train samples; C and the threshold are chosen by 5-fold cross-validation over train articles: the
highest out-of-fold precision that keeps at least ``KEEP`` of the correct entities. The test sample
is scored once. With ``--write`` the weights go into the package data.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from naba.evaluation.corpora import records
from naba.pipeline.clean.article import clean_article
from naba.pipeline.tagging import entity_filter
from naba.pipeline.tagging.tagger import judged_entities
from naba.sources.readers import parse_record

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
C_GRID = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
KEEP = 0.98  # of the correct entities, out of fold


def rows(data: Path) -> list[tuple[str, str, str, list[str], bool]]:
    """(split, article key, canonical, features, correct) of every judged entity the tagger lists now."""
    text = resources.files("naba.evaluation").joinpath("labels", "entity_labels.jsonl").read_text(encoding="utf-8")
    labels = [json.loads(line) for line in text.splitlines() if line.strip()]
    raw = records(data, {row["key"] for row in labels})
    out = []
    for row in labels:
        article = clean_article(parse_record(raw[row["key"]]))
        for entity, found in judged_entities(article.title, article.body, published=article.published_at):
            label = row["labels"].get(entity.canonical)
            if label is not None and entity_filter.judged(found):
                out.append((row["split"], row["key"], entity.canonical, found, label == "correct"))
    return out


def fit(train, c: float):
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in r[3]} for r in train])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, [r[4] for r in train])
    return vectorizer, model


def kept(probabilities, gold, threshold) -> tuple[int, int, int, int]:
    """(correct kept, wrong kept, correct in all, wrong in all)."""
    ck = sum(1 for p, g in zip(probabilities, gold, strict=True) if g and p >= threshold)
    wk = sum(1 for p, g in zip(probabilities, gold, strict=True) if not g and p >= threshold)
    return ck, wk, sum(gold), len(gold) - sum(gold)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not (args.data / "saudinewsnet").is_dir():
        print(f"no corpora under {args.data}", file=sys.stderr)
        return 2
    judged = rows(args.data)
    train = [r for r in judged if r[0] == "train"]
    test = [r for r in judged if r[0] == "test"]
    print(f"judged entities listed now: train {len(train)} ({sum(not r[4] for r in train)} wrong), "
          f"test {len(test)} ({sum(not r[4] for r in test)} wrong)")
    groups = [r[1] for r in train]
    best = None
    for c in C_GRID:
        oof = [0.0] * len(train)
        for fit_at, held_at in GroupKFold(n_splits=5).split(train, groups=groups):
            vectorizer, model = fit([train[i] for i in fit_at], c)
            probabilities = model.predict_proba(vectorizer.transform([{f: 1 for f in train[i][3]} for i in held_at]))
            for i, p in zip(held_at, probabilities[:, 1], strict=True):
                oof[i] = p
        for threshold in THRESHOLDS:
            ck, wk, call, wall = kept(oof, [r[4] for r in train], threshold)
            precision = ck / max(1, ck + wk)
            print(f"  C={c:<5} threshold={threshold}: out of fold precision {precision:.3f}, "
                  f"correct kept {ck}/{call}, wrong kept {wk}/{wall}")
            if ck >= KEEP * call and (best is None or precision > best[0]):
                best = (precision, c, threshold)
    assert best is not None
    _, c, threshold = best
    vectorizer, model = fit(train, c)
    print(f"chosen: C={c}, threshold={threshold}\n")
    probabilities = model.predict_proba(vectorizer.transform([{f: 1 for f in r[3]} for r in test]))[:, 1]
    gold = [r[4] for r in test]
    ck, wk, call, wall = kept(probabilities, gold, threshold)
    print("| fourth fresh sample (test, judged once) | precision | correct | wrong |")
    print("|---|---:|---:|---:|")
    print(f"| the tagger without the filter (baseline) | {call / max(1, call + wall):.3f} | {call} | {wall} |")
    print(f"| with the filter | {ck / max(1, ck + wk):.3f} | {ck} | {wk} |")
    for r, p in zip(test, probabilities, strict=True):
        if p < threshold:
            print(f"  dropped ({'correct' if r[4] else 'wrong'}, p={p:.2f}): {r[2]}")
    weights = dict(zip(vectorizer.get_feature_names_out(), (float(w) for w in model.coef_[0]), strict=True))
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    largest = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:12]
    print("largest weights: " + ", ".join(f"{f} {w:+.2f}" for f, w in largest))
    if args.write:
        path = Path(entity_filter.__file__).parent / "data" / entity_filter.WEIGHTS
        kept_weights = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4}
        path.write_text(json.dumps({"weights": kept_weights, "threshold": threshold, "C": c}, ensure_ascii=False,
                                   indent=0) + "\n", encoding="utf-8")
        print(f"wrote {len(kept_weights)} weights to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
