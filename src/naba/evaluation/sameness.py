"""Sameness on naba's labelled pairs: are two real articles copies, one event, or different news?

The labels (``labels/sameness_pairs.jsonl``, see ``labels/README.md``): 500 pairs of SaudiNewsNet and ANT
articles drawn across the whole similarity range (``bench/sample_pairs.py``), each read and labelled
copy / edited_copy / same_event / related / template / unrelated by one of four annotators, 100 of them
again by a fifth (``sameness_pairs_second.jsonl``: agreement and Cohen's kappa in ``agreement``); a
``split`` (tune / test, stratified by corpus and bin) says which half fits the model and which reports.
``labels/sameness_pairs_more.jsonl``: 220 more pairs drawn the same way, weighted to the hard bins, all
``tune`` (training).

    duplicate   copy or edited_copy
    same story  copy, edited_copy or same_event

Each article goes through naba's own readers, clean stage and tagger (``naba.engine.prepare``), then
``naba.stories.sameness``: the evidence of a pair is what the story stage computes for it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from naba.dates import to_timestamp
from naba.engine import prepare
from naba.evaluation import corpora
from naba.models import Article
from naba.store import Store
from naba.stories.sameness import Evidence, evidence, judge, profile_of
from naba.text import tokens
from naba.urls import canonical_url

LABELS = Path(__file__).parent / "labels"
DUPLICATE = frozenset({"copy", "edited_copy", "duplicate"})
SAME_STORY = frozenset({"copy", "edited_copy", "same_event"})


@dataclass(frozen=True, slots=True)
class LabelledPair:
    pair: int
    a: str
    b: str
    label: str
    split: str  # "tune", "test", or "old" (the older duplicate labels, SaudiNewsNet only)
    bin: str

    @property
    def duplicate(self) -> bool:
        return self.label in DUPLICATE

    @property
    def same_story(self) -> bool:
        return self.label in SAME_STORY


def labelled_pairs(include_old: bool = False, stream: bool = True) -> list[LabelledPair]:
    """The labelled pairs: drawn across the similarity range, and (``stream``) drawn from the pairs the
    story stage itself judged on all of SaudiNewsNet + ANT (bins ``stream_*``)."""
    files = ["sameness_pairs.jsonl", "sameness_pairs_more.jsonl",
             *(["sameness_stream_pairs.jsonl", "sameness_journey_pairs.jsonl"] if stream else [])]
    rows = [json.loads(line) for name in files for line in (LABELS / name).read_text(encoding="utf-8").splitlines()]
    pairs = [LabelledPair(r["pair"], r["a"], r["b"], r["label"], r["split"], r["bin"]) for r in rows]
    if include_old:
        old = (LABELS / "saudinewsnet_duplicate_labels.jsonl").read_text(encoding="utf-8").splitlines()
        for row in map(json.loads, old):
            a, b = (f"snn:{side['zip']}#{side['index']}" for side in (row["a"], row["b"]))
            pairs.append(LabelledPair(10_000 + row["pair"], a, b, row["label"], "old", row["bin"]))
    return pairs


def prepared_articles(data_dir: Path, keys: Iterable[str]) -> dict[str, Article]:
    """The articles as naba stores them (readers, clean stage, tagger)."""
    return {key: prepare(record).article for key, record in corpora.records(data_dir, set(keys)).items()}


def pair_evidence(pairs: Sequence[LabelledPair], articles: dict[str, Article]) -> list[Evidence]:
    profiles = {key: profile_of(article) for key, article in articles.items()}
    out = []
    for p in pairs:
        ta, tb = (to_timestamp(articles[key].published_at) for key in (p.a, p.b))
        gap = abs(ta - tb) / 3600.0 if ta is not None and tb is not None else None
        out.append(evidence(profiles[p.a], profiles[p.b], gap))
    return out


def agreement() -> dict[str, float]:
    """How far two annotators agree on the 100 pairs both labelled: raw agreement and Cohen's kappa, on the
    six labels, on "duplicate" and on "same story"."""
    first = {p.pair: p.label for p in labelled_pairs()}
    second = {r["pair"]: r["label"] for r in map(json.loads, (LABELS / "sameness_pairs_second.jsonl")
                                                   .read_text(encoding="utf-8").splitlines())}
    ids = sorted(second)
    out: dict[str, float] = {"pairs": float(len(ids))}
    for name, view in (("labels", lambda x: x), ("duplicate", lambda x: x in DUPLICATE),
                       ("same story", lambda x: x in SAME_STORY)):
        a, b = [view(first[i]) for i in ids], [view(second[i]) for i in ids]
        out[f"{name} agreement"], out[f"{name} kappa"] = _kappa(a, b)
    return out


def _kappa(a: Sequence[object], b: Sequence[object]) -> tuple[float, float]:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    return observed, (observed - expected) / (1 - expected) if expected < 1 else 1.0


def scores(predicted: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float, float]:
    """(precision, recall, F1)."""
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    fp = sum(p and not g for p, g in zip(predicted, gold, strict=True))
    fn = sum(g and not p for p, g in zip(predicted, gold, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# -- the system: copies and stories as the story stage stored them -----------------------------------

@dataclass(frozen=True, slots=True)
class Placed:
    article_id: int
    copy_root: int  # the article's original (itself when it is one)
    story_id: int | None


def placed_articles(store: Store, data_dir: Path, keys: Iterable[str]) -> dict[str, Placed]:
    """Where the stored articles of these corpus keys ended (found by their canonical URL)."""
    items = corpora.load(data_dir)
    out = {}
    for key in keys:
        url = canonical_url(items[key].url) if items[key].url else None
        stored = store.articles.get_by_url(url) if url else None
        if stored is not None:
            out[key] = Placed(stored.id, stored.duplicate_of or stored.id, stored.story_id)
    return out


def system_scores(pairs: Sequence[LabelledPair], placed: dict[str, Placed]) -> dict[str, tuple[float, float, float]]:
    """(P, R, F1) of duplicate = same original and same story = same story id, over the pairs found."""
    found = [p for p in pairs if p.a in placed and p.b in placed]
    same_root = [placed[p.a].copy_root == placed[p.b].copy_root for p in found]
    same_story = [placed[p.a].story_id == placed[p.b].story_id for p in found]
    return {"duplicate": scores(same_root, [p.duplicate for p in found]),
            "same story": scores(same_story, [p.same_story for p in found])}


# -- the report behind `naba eval sameness` -----------------------------------------------------------

def _best_threshold(values: Sequence[float], gold: Sequence[bool]) -> float:
    grid = [t / 50 for t in range(1, 50)]
    return max(grid, key=lambda t: scores([v >= t for v in values], gold)[2])


def model_rows(pairs: Sequence[LabelledPair], evidences: Sequence[Evidence],
               articles: dict[str, Article]) -> list[tuple[str, str, float, float, float]]:
    """(decision, system, P, R, F1) on the test half: the model as it ships, and single-number
    baselines whose threshold is the best one on the tune half."""
    profiles = {key: profile_of(article) for key, article in articles.items()}
    tune = [(p, e) for p, e in zip(pairs, evidences, strict=True) if p.split == "tune"]
    test = [(p, e) for p, e in zip(pairs, evidences, strict=True) if p.split == "test"]
    judged = [judge(e, profiles[p.a], profiles[p.b]) for p, e in test]
    bigram_jaccard = {p.pair: _bigram_jaccard(articles[p.a], articles[p.b]) for p in pairs}

    def bigrams(p: LabelledPair) -> float:
        return bigram_jaccard[p.pair]

    rows = []
    for task, gold_of, decide in (("duplicate", lambda p: p.duplicate, lambda j: j.copy),
                                  ("same story", lambda p: p.same_story, lambda j: j.same_event)):
        gold = [gold_of(p) for p, _ in test]
        rows.append((task, "naba.stories.sameness", *scores([decide(j) for j in judged], gold)))
        for name, value in (("stem cosine", lambda p, e: e.cosine), ("content cosine", lambda p, e: e.content),
                            ("word 4-shingle Jaccard", lambda p, e: e.jaccard),
                            ("word-bigram Jaccard (the issue's baseline)", lambda p, e: bigrams(p))):
            t = _best_threshold([value(p, e) for p, e in tune], [gold_of(p) for p, _ in tune])
            predicted = [value(p, e) >= t for p, e in test]
            rows.append((task, f"{name} (threshold {t:.2f} from tune)", *scores(predicted, gold)))
    return rows


def _bigram_jaccard(a: Article, b: Article) -> float:
    """Jaccard of the two texts' word bigrams (index-form tokens of title and body)."""
    words_a, words_b = (tokens(f"{x.title} {x.body}") for x in (a, b))
    grams_a, grams_b = set(zip(words_a, words_a[1:], strict=False)), set(zip(words_b, words_b[1:], strict=False))
    union = len(grams_a | grams_b)
    return len(grams_a & grams_b) / union if union else 0.0


def largest_stories(store: Store, n: int = 20) -> list[tuple[int, int, str, str, str]]:
    """(story id, articles, first report, last report, title) of the n largest stories."""
    stories = sorted(store.stories.newest(limit=10_000_000), key=lambda s: (-s.articles, s.id))[:n]
    return [(s.id, s.articles, (s.first_at or "")[:16], (s.last_at or "")[:16], s.title) for s in stories]


def run_sameness_eval(data_dir: Path, db: str | None = None) -> str:
    from naba.store import open_store

    pairs = labelled_pairs()
    articles = prepared_articles(data_dir, {k for p in pairs for k in (p.a, p.b)})
    out = ["Pairs, as the model judges them (test half; the model was fitted on the tune half):", "",
           "| decision | system | P | R | F1 |", "|---|---|---:|---:|---:|"]
    out += [f"| {t} | {s} | {p:.3f} | {r:.3f} | {f:.3f} |" for t, s, p, r, f in
            model_rows(pairs, pair_evidence(pairs, articles), articles)]
    agree = agreement()
    out += ["", f"Two annotators on {agree['pairs']:.0f} pairs: " + ", ".join(
        f"{name} {agree[name + ' agreement']:.2f} agreement, kappa {agree[name + ' kappa']:.2f}"
        for name in ("labels", "duplicate", "same story"))]
    if db is not None:
        store = open_store(db, read_only=True)
        try:
            placed = placed_articles(store, data_dir, {k for p in pairs for k in (p.a, p.b)})
            out += ["", f"The stored copies and stories of {db} (all of SaudiNewsNet + ANT ingested):", "",
                    "| half | pairs found | decision | P | R | F1 |", "|---|---:|---|---:|---:|---:|"]
            for half in ("tune", "test"):
                chosen = [p for p in pairs if p.split == half]
                found = sum(1 for p in chosen if p.a in placed and p.b in placed)
                for task, (p, r, f) in system_scores(chosen, placed).items():
                    out.append(f"| {half} | {found} | {task} | {p:.3f} | {r:.3f} | {f:.3f} |")
            out += ["", "The 20 largest stories:", "", "| story | articles | first | last | title |",
                    "|---:|---:|---|---|---|"]
            out += [f"| {i} | {n} | {a} | {b} | {t} |" for i, n, a, b, t in largest_stories(store)]
        finally:
            store.close()
    return "\n".join(out)
