"""Static word vectors: a small dense picture of what an article is about, so that two texts on one
subject in other words still come out alike (عاصفة رملية تضرب الرياض / غبار كثيف يغطي العاصمة: 0.26 here,
against 0.01 for the content cosine and -0.01 for a football report, with 10,000 stems in 256 dims).

``PATH`` (written at build time by ``bench/distil_vectors.py``, never downloaded) holds one vector for
each of the most frequent stems of SaudiNewsNet and ANT. The package ships no such file and no such
module: issue 11 measured these vectors as sameness evidence and left them out (docs/benchmarks.md, "Semantic
evidence"); this bench module is what ``bench/semantic_gain.py`` measured them with.

    keys     uint32, sorted: the stem's BLAKE2b-32 hash, as ``Vocabulary.hash32`` and
             ``Profile.content_keys`` hold it, so a profile looks its stems up with one searchsorted
    vectors  int8, one row per key; ``scale`` (float32, one per dimension): a stem's vector is
             ``vectors[i] * scale``, the PCA of its most frequent written form's multilingual E5
             embedding (model2vec-style distillation)
    idf      float16: ln(documents / documents holding the stem)

A document's vector is the idf-weighted mean of its stems' vectors, each stem also weighted as the
content vector weighs it (title words four times, the lead before the tail: ``Profile.content_weights``),
L2-normalised; two documents' similarity is the dot product of their vectors. Stems the file does not
know (rare names, typos) add nothing: what they say, the lexical evidence says.

The file is read on the first call, not at import.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PATH = Path("/tmp/naba-vectors.npz")  # bench/distil_vectors.py --write puts it here


@dataclass(frozen=True, slots=True, eq=False)
class WordVectors:
    keys: np.ndarray  # uint32, sorted, unique
    vectors: np.ndarray  # int8 (or float32), one row per key
    scale: np.ndarray  # float32, one per dimension
    idf: np.ndarray  # float32, one per key

    def __post_init__(self) -> None:
        n = self.keys.size
        if n == 0:
            raise ValueError("word vectors: no keys")
        if self.vectors.shape[0] != n or self.idf.size != n or self.scale.size != self.vectors.shape[1]:
            raise ValueError(f"word vectors: {n} keys, vectors {self.vectors.shape}, {self.idf.size} idf, "
                             f"{self.scale.size} scales do not match")
        if n > 1 and not np.all(self.keys[1:] > self.keys[:-1]):
            raise ValueError("word vectors: keys must be sorted and unique")

    @property
    def dims(self) -> int:
        return int(self.vectors.shape[1])

    def document(self, keys: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The normalised float32 vector of a document whose stems hash to ``keys`` with these weights;
        all zeros when it holds no known stem."""
        found = np.searchsorted(self.keys, keys)
        found = np.minimum(found, self.keys.size - 1)
        known = self.keys[found] == keys
        rows = found[known]
        mixed = ((weights[known] * self.idf[rows]).astype(np.float32) @ self.vectors[rows]) * self.scale
        norm = float(np.sqrt(np.dot(mixed, mixed)))
        out: np.ndarray = (mixed / norm if norm > 0.0 else mixed).astype(np.float32)
        return out


@functools.cache
def word_vectors(path: Path = PATH) -> WordVectors:
    """The bundled vectors (read once per process)."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: no word vectors here; build them with bench/distil_vectors.py --write")
    with np.load(path) as data:
        return WordVectors(keys=data["keys"], vectors=data["vectors"], scale=data["scale"],
                           idf=data["idf"].astype(np.float32))


def document_vector(keys: np.ndarray, weights: np.ndarray, vectors: WordVectors | None = None) -> np.ndarray:
    """The vector of a document from its hashed stems and their weights (``Profile.content_keys`` and
    ``content_weights``), as float16: 2 bytes a dimension is what a stored profile can afford. The
    bundled vectors unless others are given."""
    table = vectors if vectors is not None else word_vectors()
    return table.document(keys, weights).astype(np.float16)


def similarity(u: np.ndarray, v: np.ndarray) -> float:
    """Cosine of two document vectors (0.0 when either is empty), the same whichever comes first."""
    return max(-1.0, min(1.0, float(np.dot(u.astype(np.float32), v.astype(np.float32)))))
