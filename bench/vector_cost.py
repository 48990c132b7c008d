"""What a semantic vector costs an article and a pair, beside what the profile and the content cosine cost.

    .venv/bin/python bench/vector_cost.py [--articles 2000]

Needs the package's vectors file (``bench/distil_vectors.py --write``; the repository does not ship one).

Reads the first ``--articles`` SaudiNewsNet articles, profiles them (``profile_of_text``), then times,
best of REPEATS passes (the machine is shared: the best pass is the least disturbed):

    profile            profile_of_text per article (the baseline: what the stage pays today)
    document vector    static_vectors.document_vector from the profile's content stems
    content cosine     evidence.content per pair (consecutive articles), today's similarity
    semantic cosine    vectors.similarity per pair

The first call, which reads the file, is timed apart (``load``).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from pathlib import Path

from naba.evaluation import corpora
from naba.stories.sameness import profile_of_text
from naba.stories.sameness.evidence import content
from static_vectors import PATH, document_vector, similarity, word_vectors

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
REPEATS = 5


def best_of(run, n: int) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds per item, best of REPEATS passes."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return 1000.0 * best / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args(argv)
    if not (DATA / "saudinewsnet").is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    items = list(itertools.islice(corpora.saudinewsnet(DATA), args.articles))
    start = time.perf_counter()
    vectors = word_vectors()
    load = time.perf_counter() - start
    profiles = [profile_of_text(i.title, i.body) for i in items]
    docs = [document_vector(p.content_keys, p.content_weights) for p in profiles]
    n, pairs = len(profiles), len(profiles) - 1
    rows = [
        ("profile (baseline)", best_of(lambda: [profile_of_text(i.title, i.body) for i in items], n), "article"),
        ("document vector", best_of(lambda: [document_vector(p.content_keys, p.content_weights) for p in profiles],
                                    n), "article"),
        ("content cosine (baseline)", best_of(lambda: [content(a, b) for a, b in itertools.pairwise(profiles)],
                                              pairs), "pair"),
        ("semantic cosine", best_of(lambda: [similarity(u, v) for u, v in itertools.pairwise(docs)], pairs), "pair"),
    ]
    memory = vectors.vectors.nbytes + vectors.keys.nbytes + vectors.idf.nbytes
    print(f"{n} SaudiNewsNet articles; vectors: {vectors.keys.size} stems × {vectors.dims} dims, "
          f"{PATH.stat().st_size / 1e6:.2f} MB on disk, {memory / 1e6:.1f} MB "
          f"in memory, read in {1000 * load:.0f} ms; a document vector is {docs[0].nbytes} bytes of float16 "
          f"(+{sys.getsizeof(docs[0]) - docs[0].nbytes} bytes of array header)\n")
    print("| step | ms per item | per |\n|---|---:|---|")
    print("\n".join(f"| {name} | {ms:.4f} | {per} |" for name, ms, per in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
