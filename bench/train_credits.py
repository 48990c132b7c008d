"""Fit the credit ranker (``naba.pipeline.clean.credit_ranker``) on judged candidates, and print how the
reading scores with it against the hand-written rules alone, in the same run.

    .venv/bin/python bench/train_credits.py [--data ../shared/data] [--write]

The rules' credits stand; the model decides the other outlets a text names. It is fitted on two kinds
of judged candidates (the rules did not credit them):
    - those of the labelled credit rounds' "train" articles (``credit_labels.jsonl``; texts with a
      credit-like phrase): a candidate is a credit when a labeller listed its outlet;
    - those of texts drawn at random from the store (``credit_candidates.jsonl``, each judged in its
      passage as a credit, no credit, or no outlet at all), which the rounds lack.
C and the threshold are chosen by 5-fold cross-validation over articles: the best out-of-fold
recall of the whole reading on the train rounds, at a precision of the model's additions on the random
texts of at least ``MIN_ADDED_PRECISION``. The "test" rounds are scored once by the final model and by
the rules alone (the baseline). With ``--write`` the weights go into the package data.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from naba.evaluation.credits import CreditScore, cleaned, is_labelled, load_labels
from naba.pipeline.clean import credit_ranker
from naba.pipeline.clean.attribution import candidates
from naba.pipeline.clean.credit_names import canonical, unique

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
MIN_ADDED_PRECISION = 0.9  # of the outlets the model adds to random texts


def reading(article, found, marks, added) -> tuple[str, ...]:
    credited = [canonical(article.credited_source)] if article.credited_source else []
    return unique(credited + [c.name for c in found if c.rule or id(c) in added] + marks)


def round_rows(data: Path):
    """(label row, article, candidates, marks) of every labelled credit round."""
    labels = load_labels()
    articles = cleaned(data, [row["key"] for row in labels])
    out = []
    for row in labels:
        article = articles[row["key"]]
        found, marks = candidates(article.body, article.title, article.source)
        out.append((row, article, found, marks))
    return out


def random_rows(data: Path) -> list[tuple[str, credit_ranker.Candidate, bool]]:
    """(article key, candidate, is a credit) of the judged candidates of random texts."""
    text = resources.files("naba.evaluation").joinpath("labels", "credit_candidates.jsonl").read_text(encoding="utf-8")
    judged = [json.loads(line) for line in text.splitlines() if line.strip()]
    articles = cleaned(data, {j["key"] for j in judged})
    by_key: dict[str, list[credit_ranker.Candidate]] = {}
    out = []
    for j in judged:
        if j["key"] not in by_key:
            a = articles[j["key"]]
            by_key[j["key"]] = [c for c in candidates(a.body, a.title, a.source)[0] if not c.rule]
        match = next((c for c in by_key[j["key"]] if c.name == j["name"]), None)
        if match is not None:
            by_key[j["key"]].remove(match)
            out.append((j["key"], match, j["label"] == "credit"))
    return out


def examples(rows, randoms):
    """(group, candidate, is a credit) of every non-rule candidate to fit on."""
    out = [(row["key"], c, is_labelled(c.name, row["credits"])) for row, _, found, _ in rows for c in found
           if not c.rule]
    return [item for item in out + list(randoms) if not credit_ranker.vetoed(item[1].features)]


def fit(train, c: float):
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in cand.features} for _, cand, _ in train])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, [y for _, _, y in train])
    return vectorizer, model


def probabilities(vectorizer, model, items) -> dict[int, float]:
    if not items:
        return {}
    x = vectorizer.transform([{f: 1 for f in cand.features} for _, cand, _ in items])
    return {id(cand): p for (_, cand, _), p in zip(items, model.predict_proba(x)[:, 1], strict=True)}


def score_rounds(rows, chance: dict[int, float], threshold: float) -> CreditScore:
    result = CreditScore()
    for row, article, found, marks in rows:
        added = {id(c) for c in found if not c.rule and chance.get(id(c), 0.0) >= threshold}
        result.add(reading(article, found, marks, added), row["credits"])
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not (args.data / "saudinewsnet").is_dir():
        print(f"no corpora under {args.data}", file=sys.stderr)
        return 2
    rows = round_rows(args.data)
    train_rows = [r for r in rows if r[0]["split"] == "train"]
    randoms = random_rows(args.data)
    train = examples(train_rows, randoms)
    print(f"candidates the rules do not credit: {len(train)} to fit on ({sum(y for _, _, y in train)} credits; "
          f"{len(randoms)} from random texts, {sum(y for _, _, y in randoms)} credits)")
    best = None
    groups = [g for g, _, _ in train]
    for c in C_GRID:
        oof: dict[int, float] = {}
        for fit_at, held_at in GroupKFold(n_splits=5).split(train, groups=groups):
            vectorizer, model = fit([train[i] for i in fit_at], c)
            oof.update(probabilities(vectorizer, model, [train[i] for i in held_at]))
        for threshold in THRESHOLDS:
            s = score_rounds(train_rows, oof, threshold)
            added = [y for _, cand, y in randoms if oof.get(id(cand), 0.0) >= threshold]
            added_precision = sum(added) / len(added) if added else 1.0
            print(f"  C={c:<4} threshold={threshold}: train rounds P {s.precision:.3f} R {s.recall:.3f}; "
                  f"random texts: {len(added)} added, precision {added_precision:.2f}")
            key = (added_precision >= MIN_ADDED_PRECISION, s.recall, s.precision)
            if best is None or key > best[0]:
                best = (key, c, threshold, s, added_precision, len(added))
    assert best is not None
    _, c, threshold, oof_score, added_precision, n_added = best
    vectorizer, model = fit(train, c)
    print(f"chosen: C={c}, threshold={threshold}\n")
    rules = score_rounds(train_rows, {}, 2.0)
    print("| labelled set | articles | rules alone P | R | rules + model P | R |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| train rounds, out of fold | {len(train_rows)} | {rules.precision:.3f} | {rules.recall:.3f} | "
          f"{oof_score.precision:.3f} | {oof_score.recall:.3f} |")
    by_round: dict[str, list] = defaultdict(list)
    for r in rows:
        if r[0]["split"] == "test":
            by_round[r[0]["round"]].append(r)
    tests = [r for members in by_round.values() for r in members]
    for name, members in [(f"test round {k}", by_round[k]) for k in sorted(by_round)] + [("all test rounds", tests)]:
        chance = probabilities(vectorizer, model, [(r[0]["key"], cand, False) for r in members for cand in r[2]
                                                   if not cand.rule])
        base, ranked = score_rounds(members, {}, 2.0), score_rounds(members, chance, threshold)
        print(f"| {name} | {len(members)} | {base.precision:.3f} ({base.correct}/{base.correct + base.wrong}) | "
              f"{base.recall:.3f} ({base.correct}/{base.correct + base.missed}) | "
              f"{ranked.precision:.3f} ({ranked.correct}/{ranked.correct + ranked.wrong}) | "
              f"{ranked.recall:.3f} ({ranked.correct}/{ranked.correct + ranked.missed}) |")
    print(f"\nrandom texts, out of fold: the model adds {n_added} outlets, precision {added_precision:.2f}")
    weights = dict(zip(vectorizer.get_feature_names_out(), (float(w) for w in model.coef_[0]), strict=True))
    weights["bias"] = weights.get("bias", 0.0) + float(model.intercept_[0])
    largest = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    print("largest weights: " + ", ".join(f"{f} {w:+.2f}" for f, w in largest))
    if args.write:
        kept = {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}
        path = Path(credit_ranker.__file__).parent / "data" / credit_ranker.WEIGHTS
        path.write_text(json.dumps({"weights": kept, "threshold": threshold, "C": c}, ensure_ascii=False, indent=0)
                        + "\n", encoding="utf-8")
        print(f"wrote {len(kept)} weights to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
