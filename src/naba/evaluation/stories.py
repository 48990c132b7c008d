"""Story evaluation: pairwise same-story decisions on SemEval-2022, and stories on the labelled sample.

SemEval-2022 Task 8 ar-ar pairs (``semeval-ar/pairs.jsonl``, 121 pairs, human Overall 1 = same story
.. 4 = unrelated): Pearson of a score with -Overall, and same-story F1 with gold = Overall <= 1.5.
Rows, all measured in this run:

    naba.stories.sameness   the one model the story stage, `naba compare` and the related lists use:
                            Pearson of its time-free similarity; same story = its same-event decision,
                            with the dates the pairs carry (70% have none: their gap is unknown) and
                            without any date. Fitted on naba's own labelled pairs only: SemEval is
                            held out entirely (no fold of it is ever fitted on).
    stem cosine       baseline: the rarity-weighted stem cosine alone (the story stage's old score),
                      F1 at its best threshold on all pairs (an oracle)
    TF-IDF chars      baseline: cosine of char 3-5-gram TF-IDF vectors (scikit-learn, fitted on the
                      pairs' own texts), F1 at its best threshold on all pairs (an oracle, as in the issue)

The bundled sample corpus (``naba/sample``, 102 labelled articles in 51 stories, fictional): it is
ingested into a fresh store, once in file order and once shuffled in batches of 7; reported are the
pairwise precision, recall and F1 of "same story" against the truth file, and whether the two orders
gave the same stories.
"""

from __future__ import annotations

import itertools
import json
import random
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from naba.models import Article, Record
from naba.pipeline.tagging import tag_article
from naba.stories.sameness import Profile, evidence, judge, profile_of
from naba.stories.sameness.evidence import cosine

SAME = 1.5  # Overall at or below this is the same story


def semeval_pairs(data_dir: Path) -> list[dict]:
    path = data_dir / "semeval-ar" / "pairs.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _article(side: dict) -> Article:
    published = side.get("publish_date")
    iso = datetime.strptime(published, "%a %b %d %H:%M:%S %Y").isoformat() if published else None
    return Article(body=side.get("text") or "", title=side.get("title") or "", published_at=iso)


def _gap_hours(a: Article, b: Article) -> float | None:
    if not a.published_at or not b.published_at:
        return None
    delta = datetime.fromisoformat(a.published_at) - datetime.fromisoformat(b.published_at)
    return abs(delta.total_seconds()) / 3600.0


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs) ** 0.5
    syy = sum((y - my) ** 2 for y in ys) ** 0.5
    return sxy / (sxx * syy) if sxx and syy else 0.0


def f1(predicted: list[bool], gold: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    p = tp / sum(predicted) if any(predicted) else 0.0
    r = tp / sum(gold) if any(gold) else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold_f1(scores: list[float], gold: list[bool]) -> tuple[float, float]:
    return max((f1([s >= t for s in scores], gold)[2], t) for t in sorted(set(scores)))


def semeval_rows(data_dir: Path) -> list[dict]:
    pairs = semeval_pairs(data_dir)
    target = [-p["scores"]["Overall"] for p in pairs]
    gold = [p["scores"]["Overall"] <= SAME for p in pairs]
    similarity, same, same_undated, stem_cosine = [], [], [], []
    for pair in pairs:
        a, b = _article(pair["a"]), _article(pair["b"])
        pa, pb = _profile(a), _profile(b)
        judged = judge(evidence(pa, pb, _gap_hours(a, b)))
        similarity.append(judged.similarity)
        same.append(judged.same_event)
        same_undated.append(judge(evidence(pa, pb, None)).same_event)
        stem_cosine.append(cosine(pa, pb))
    best, threshold = best_threshold_f1(stem_cosine, gold)
    return [
        {"system": "naba.stories.sameness (the story stage, `naba compare`)", "pearson": pearson(similarity, target),
         **_prf(same, gold), "f1_no_time_rule": f1(same_undated, gold)[2]},
        {"system": "stem cosine (baseline)", "pearson": pearson(stem_cosine, target), "precision": None,
         "recall": None, "f1": best, "f1_no_time_rule": None, "note": f"oracle threshold {threshold:.3f}"},
        _tfidf_row(pairs, target, gold),
    ]


def _profile(article: Article) -> Profile:
    """The profile of an article tagged as the pipeline tags it (SemEval pairs carry no outlet)."""
    tags = tag_article(article.title, article.body)
    return profile_of(replace(article, entities=tags.entities, keywords=tags.keywords))


def _prf(predicted: list[bool], gold: list[bool]) -> dict:
    p, r, f = f1(predicted, gold)
    return {"precision": p, "recall": r, "f1": f}


def _tfidf_row(pairs: list[dict], target: list[float], gold: list[bool]) -> dict:
    name = "TF-IDF char 3-5-grams (baseline)"
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        return {"system": f"{name}: not run, scikit-learn is not installed (pip install 'naba[bench]')"}
    texts = [f"{side.get('title') or ''} {side.get('text') or ''}" for p in pairs for side in (p["a"], p["b"])]
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(texts)
    scores = [float(vectors[2 * i].multiply(vectors[2 * i + 1]).sum()) for i in range(len(pairs))]
    best, threshold = best_threshold_f1(scores, gold)
    return {"system": name, "pearson": pearson(scores, target), "precision": None, "recall": None,
            "f1": best, "f1_no_time_rule": None, "note": f"oracle threshold {threshold:.3f}"}


# --- the sample corpus ------------------------------------------------------------------------------

def sample_rows() -> list[dict]:
    from naba import engine
    from naba.sample import sample_paths, sample_truth_path
    from naba.settings import Settings
    from naba.sources.readers import iter_records
    from naba.store import open_store

    truth = json.loads(Path(sample_truth_path()).read_text(encoding="utf-8"))
    gold = {key: value["story"] for key, value in truth["articles"].items()}
    records = [r for r in iter_records(sample_paths(), Settings(), {}) if isinstance(r, Record)]
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    partitions = []
    with tempfile.TemporaryDirectory() as folder:
        for n, (batch, order) in enumerate(((500, records), (7, shuffled))):
            store = open_store(str(Path(folder) / f"{n}.db"))
            try:
                engine.ingest_records(store, order, Settings(batch_size=batch))
                partitions.append({s.article.canonical_url or s.article.external_id: (s.article.external_id,
                                   s.story_id) for s in store.articles.scan()})
            finally:
                store.close()
    first, second = partitions
    same_partition = _groups(first) == _groups(second)
    story_of = {external: story for external, story in first.values() if external in gold}
    names = sorted(name for name in story_of if name is not None)
    predicted = [story_of[a] == story_of[b] for a, b in itertools.combinations(names, 2)]
    truth_pairs = [gold[a] == gold[b] for a, b in itertools.combinations(names, 2)]
    return [{"set": "sample corpus (labelled, fictional)", "articles": len(names),
             "stories_found": len(set(story_of.values())), "stories_gold": len({gold[n] for n in names}),
             **_prf(predicted, truth_pairs), "order_independent": same_partition}]


def _groups(partition: dict) -> set[frozenset]:
    stories: dict = {}
    for name, (_, story) in partition.items():
        stories.setdefault(story, set()).add(name)
    return {frozenset(members) for members in stories.values()}


def run_story_eval(data_dir: Path) -> str:
    lines = ["SemEval-2022 ar-ar pairs (121; gold same story = Overall <= 1.5)", "",
             "| system | Pearson with -Overall | P | R | same-story F1 | F1 without the time rule | note |",
             "|---|---:|---:|---:|---:|---:|---|"]
    if (data_dir / "semeval-ar" / "pairs.jsonl").exists():
        for row in semeval_rows(data_dir):
            lines.append("| " + " | ".join(_cell(row.get(k)) for k in (
                "system", "pearson", "precision", "recall", "f1", "f1_no_time_rule", "note")) + " |")
    else:
        lines.append(f"| not run: {data_dir / 'semeval-ar'} is absent |||||||")
    lines += ["", "Stories on the bundled sample corpus (pairwise against truth.json)", "",
              "| set | articles | stories found | stories (gold) | P | R | F1 "
              "| same stories when shuffled, batches of 7 |",
              "|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in sample_rows():
        lines.append("| " + " | ".join(_cell(row[k]) for k in (
            "set", "articles", "stories_found", "stories_gold", "precision", "recall", "f1",
            "order_independent")) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
