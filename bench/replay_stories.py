"""Benchmark: the story placement replayed from a store's judged pairs, with its rules' parameters changed.

    .venv/bin/python bench/replay_stories.py --db STORE.db [--core N] [--core-mean P] [--span HOURS]

The story stage keeps every pair it judged that may become an edge (``story_edges``); the placement rules
(``naba.stories.placement``) read only those edges and the articles' order. Replaying them over a store
of all SaudiNewsNet + ANT takes seconds where a new ingest takes ten minutes, so a change of the rules is
measured on the whole corpus at once: first with the parameters as shipped (a check: on a store this
code built, every article is placed as the store holds it), then with the ones given. Printed for both:
the stored-decision figures on naba's labelled pairs (``naba.evaluation.sameness``, tune and test
halves) and the 20 largest stories.
The store must be SQLite and built by a code whose sameness model is the one to measure (the edges are
its judgements). It reads every kept pair: ``Stories.judged_pairs`` gives only those of articles whose
judgements are complete, and a republished article leaves its partners incomplete.
"""

from __future__ import annotations

import argparse
import collections
import sqlite3
import sys
import time
from pathlib import Path

from naba.evaluation.sameness import Placed, labelled_pairs, placed_articles, system_scores
from naba.settings import Settings
from naba.store import open_store
from naba.stories import placement
from naba.stories.candidates import order_key

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
Order = tuple[float, str]


def read_store(db: str) -> tuple[dict[int, Order], dict[int, list[tuple[int, placement.Edge]]], dict[int, tuple]]:
    """Each placed article's order key, its judged pairs, and its stored (duplicate_of, story)."""
    store = open_store(db, Settings())
    con = sqlite3.connect(db)
    ids = [row[0] for row in con.execute("SELECT id FROM articles WHERE story_id IS NOT NULL ORDER BY id")]
    orders, stored = {}, {}
    for start in range(0, len(ids), 2000):
        for article_id, article in store.articles.get_many(ids[start:start + 2000]).items():
            orders[article_id] = order_key(article)
            stored[article_id] = (article.duplicate_of, article.story_id)
    edges: dict[int, list[tuple[int, placement.Edge]]] = collections.defaultdict(list)
    for a, b, copy, same, similarity in con.execute(
            "SELECT article_id, other_id, copy, same, similarity FROM story_edges WHERE article_id != other_id"):
        edges[a].append((b, placement.Edge(bool(copy), same, similarity)))
    store.close()
    return orders, edges, stored


def replay(orders: dict[int, Order], edges: dict[int, list[tuple[int, placement.Edge]]]) -> dict[int, tuple]:
    """(duplicate_of, story) of every article, placed in order with the rules as they stand now."""
    rules = placement.Placement()
    for article_id in sorted(orders, key=orders.__getitem__):
        node = placement.Node(article_id, orders[article_id], None)  # type: ignore[arg-type]  # rules never read it
        rules.add(node, [(other, edge) for other, edge in edges.get(article_id, ()) if other in rules.nodes])
    rules.settle()
    return {i: (node.duplicate_of, node.story_id) for i, node in rules.nodes.items()}


def report(name: str, groups: dict[int, tuple], placed: dict[str, Placed], seconds: float,
           stored: dict[int, tuple]) -> None:
    pairs = labelled_pairs()
    now = {key: Placed(p.article_id, groups[p.article_id][0] or p.article_id, groups[p.article_id][1])
           for key, p in placed.items() if p.article_id in groups}
    sizes = collections.Counter(story for _, story in groups.values())
    print(f"\n{name} ({seconds:.1f} s, {len(sizes):,} stories, {sum(n >= 10 for n in sizes.values())} of ≥ 10)")
    print("| half | decision | P | R | F1 |\n|---|---|---:|---:|---:|")
    for half in ("tune", "test"):
        for decision, (p, r, f) in system_scores([x for x in pairs if x.split == half], now).items():
            print(f"| {half} | {decision} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print("20 largest:", ", ".join(f"{story} ({n})" for story, n in sizes.most_common(20)))
    differ = sum(groups[i] != stored.get(i) for i in groups)
    print(f"articles placed otherwise than the store holds: {differ} of {len(groups):,}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--core", type=int)
    parser.add_argument("--core-mean", type=float)
    parser.add_argument("--span", type=float, help="MAX_SPAN_HOURS")
    args = parser.parse_args(argv)
    if not (args.data / "saudinewsnet").is_dir():
        print(f"skipped: {args.data} is absent", file=sys.stderr)
        return 0
    orders, edges, stored = read_store(args.db)
    store = open_store(args.db, Settings())
    placed = placed_articles(store, args.data, {k for p in labelled_pairs() for k in (p.a, p.b)})
    store.close()
    started = time.perf_counter()
    shipped = replay(orders, edges)
    report("as shipped", shipped, placed, time.perf_counter() - started, stored)
    changes = {"CORE": args.core, "CORE_MEAN": args.core_mean, "MAX_SPAN_HOURS": args.span}
    if any(value is not None for value in changes.values()):
        for constant, value in changes.items():
            if value is not None:
                setattr(placement, constant, value)
        started = time.perf_counter()
        report(", ".join(f"{c}={v}" for c, v in changes.items() if v is not None), replay(orders, edges), placed,
               time.perf_counter() - started, stored)
    return 0


if __name__ == "__main__":
    sys.exit(main())
