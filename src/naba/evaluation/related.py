"""Related-article evaluation: do "similar articles" lists show the other outlets of a story, once?

Two sets:

- the bundled sample corpus (labelled): for every article whose gold story has other outlets,
  recall@10 = the share of those other outlets' versions that the top-10 similar entries cover (an
  entry covers the versions of its story that are among the outlets it lists); gold from truth.json;
- a real store (ANT by default, or ``--db``: no story labels): the same recall against the stories
  naba's story stage formed, so it measures whether the lists surface what the stage grouped, not
  whether the grouping is right.

On both: the share of similar lists that show one story twice (target 0), and the list sizes.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from naba.store import Store, open_store
from naba.stories.related import related

SAMPLED = 1000  # ANT articles scored (a fixed random sample of those in multi-outlet stories)


def _recall_row(name: str, store: Store, queries: list[int], versions: dict[int, dict[str, set[int]]]) -> dict:
    """``versions[article]`` = other outlet -> its article ids that tell the same story."""
    recalls, repeated, sizes, timings = [], 0, [], []
    for article_id in queries:
        start = time.perf_counter()
        found = related(store, article_id, k=10)
        timings.append(time.perf_counter() - start)
        assert found is not None, article_id  # the queries are stored articles
        stories = [item.story_id for item in found.similar]
        repeated += len(stories) != len(set(stories))
        sizes.append(len(found.similar))
        wanted = versions[article_id]
        covered = {outlet for item in found.similar for outlet in item.outlets}
        recalls.append(sum(1 for outlet in wanted if outlet in covered) / len(wanted))
    timings.sort()
    return {"set": name, "queries": len(queries), "recall_at_10": sum(recalls) / len(recalls),
            "repeated_story_share": repeated / len(queries), "mean_similar": sum(sizes) / len(sizes),
            "p50_ms": timings[len(timings) // 2] * 1000, "p99_ms": timings[int(len(timings) * 0.99)] * 1000}


def _sample_store(folder: str) -> tuple[Store, dict, dict]:
    """The sample corpus in a fresh store, its gold stories, and the truth file."""
    from naba import engine
    from naba.sample import sample_paths, sample_truth_path
    from naba.settings import Settings

    truth = json.loads(Path(sample_truth_path()).read_text(encoding="utf-8"))
    gold = {key: value["story"] for key, value in truth["articles"].items()}
    store = open_store(str(Path(folder) / "sample.db"))
    engine.ingest(store, sample_paths(), Settings())
    return store, gold, truth


def sample_row() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        store, gold, _ = _sample_store(folder)
        try:
            articles = [s for s in store.articles.scan() if s.article.external_id in gold]
            by_story: dict[str, list] = defaultdict(list)
            for stored in articles:
                by_story[gold[stored.article.external_id]].append(stored)
            versions = {}
            for stored in articles:
                others: dict[str, set[int]] = defaultdict(set)
                for other in by_story[gold[stored.article.external_id]]:
                    if other.article.source != stored.article.source and other.article.lang == stored.article.lang:
                        others[other.article.source].add(other.id)
                if others:
                    versions[stored.id] = others
            return _recall_row("sample corpus, gold stories", store, sorted(versions), versions)
        finally:
            store.close()


def store_row(store: Store, name: str) -> dict:
    by_story: dict[int, list] = defaultdict(list)
    for stored in store.articles.scan():
        if stored.story_id is not None:
            by_story[stored.story_id].append(stored)
    versions = {}
    for members in by_story.values():
        if len({m.article.source for m in members}) < 2:
            continue
        for stored in members:
            others: dict[str, set[int]] = defaultdict(set)
            for other in members:
                if other.article.source != stored.article.source:
                    others[other.article.source].add(other.id)
            versions[stored.id] = others
    queries = sorted(versions)
    random.Random(1).shuffle(queries)
    return _recall_row(f"{name}, naba's own stories", store, sorted(queries[:SAMPLED]), versions)


def build_ant_store(data_dir: Path, path: str) -> None:
    from naba import engine
    from naba.settings import Settings

    store = open_store(path)
    try:
        engine.ingest(store, [str(data_dir / "ant" / "ant-v2.1.tar.xz")], Settings(), workers=2)
    finally:
        store.close()


def fit_rank_weights() -> str:
    """The related ranker's weights fitted on the judged candidates of the tune half
    (``naba.evaluation.related_fit``; the labels live in ``labels/related_candidates_tune.jsonl``)."""
    from naba.evaluation.related_fit import fit

    path = Path(__file__).parent / "labels" / "related_candidates_tune.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = ["| list | weights | threshold: precision (shown) |", "|---|---|---|"]
    for which in ("similar", "read_also"):
        weights, table = fit(rows, which)
        shown = ", ".join(f"{t}: {p:.2f} ({n})" for t, p, n in table)
        lines.append(f"| {which} | {', '.join(f'{w:.3f}' for w in weights)} | {shown} |")
    return "\n".join(lines)


def run_related_eval(data_dir: Path, db: str | None = None) -> str:
    rows = [sample_row()]
    with tempfile.TemporaryDirectory() as folder:
        name = db or ""
        if db is None and (data_dir / "ant" / "ant-v2.1.tar.xz").exists():
            db, name = str(Path(folder) / "ant.db"), "ANT"
            build_ant_store(data_dir, db)
        if db is not None:
            store = open_store(db)
            try:
                rows.append(store_row(store, name))
            finally:
                store.close()
    lines = ["| set | queries | recall@10 of other outlets | lists repeating a story | mean similar | p50 ms "
             "| p99 ms |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['set']} | {row['queries']} | {row['recall_at_10']:.3f} | "
                     f"{row['repeated_story_share']:.3f} | {row['mean_similar']:.1f} | {row['p50_ms']:.1f} | "
                     f"{row['p99_ms']:.1f} |")
    return "\n".join(lines)
