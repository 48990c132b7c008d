"""Sketching a text: its word shingles, MinHash band keys and opening, kept as one frozen value.

``Sketcher`` holds the parameters (validated, frozen) and turns a text's index-form tokens into a
``TextSketch``. A sketch depends only on the parameters, never on what an index holds, so worker
processes sketch and the story stage in the main process compares (naba.stories.sameness.profile).

The maths
---------
Each text becomes the set S of its word k-shingles (k = ``shingle``; the tokens are
``naba.text.tokens``, stopwords kept: in templated notices they carry the template). A token is
hashed once with BLAKE2b (stable across processes, unlike ``hash()``); a shingle's hash is
sum_j token_j · mix_j (mod 2^64) followed by a xor-shift, vectorized over the text.

Comparing every pair is quadratic, so candidates come from MinHash LSH. With ``num_perm`` hash
functions h_i drawn from the multiply-shift family h(x) = (a·x + b) >> 32 (mod 2^64, a odd), the
signature is m_i(S) = min over x in S of h_i(x), and P[m_i(A) = m_i(B)] = Jaccard(A, B). Cutting the
signature into ``bands`` bands of r = num_perm / bands rows, two texts share at least one band with
probability 1 - (1 - J^r)^bands: an S-curve whose midpoint is near (1 / bands)^(1 / r). The default
32 bands of 4 rows put it at 0.42: pairs at J = 0.3 are found 23% of the time, at J = 0.45 78%,
at J = 0.6 99%. Trimmed copies need more: a copy keeping two paragraphs of five has J near 0.4
however high its containment. So the first ``lead`` shingles (the opening, which a trimmed copy
keeps) get their own signature and their own band keys (the second half of the band tables); a
pair whose openings match is a candidate too. (datasketch's LSH Ensemble answers containment queries
in general; the opening is the cheap answer that fits how news is trimmed.)

A sketch also keeps what verification needs exactly: the shingle set as a sorted unique uint64
array, the opening's shingles (``head``) and the first 2·``lead`` shingles (``window``, where a copy's
opening may sit after a byline), and, for texts of at most ``guard_tokens`` tokens, the tokens
themselves for the templated-notice guard (naba.stories.copies.templates).

Memory: the story stage holds a sketch of every article it can reach (all of a backfill's corpus). So
the band keys are one uint32 array, a row per table (1.3 kB; as a tuple of 64 bytes objects they took
3.7 kB), and the kept tokens are the vocabulary's own string objects, interned when unpickled (a
worker's sketch), not a fresh string per token (9-12 kB a profile on SaudiNewsNet, ~1 kB shared;
bench/profiles.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from naba.stories.copies._checks import check
from naba.text.vocabulary import vocabulary

_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)
_OPENING = 0.5  # share of the shorter text's opening shingles found in the longer text's opening
_NO_LEAD_OPENING = 40  # lead=0 turns off the opening's bands, not the same-opening test: it reads this many


@dataclass(frozen=True, slots=True, eq=False)
class TextSketch:
    """What an index keeps of one text (compared by identity: arrays have no single truth value).

    The arrays are read-only. ``tokens`` is None for a text longer than the sketcher's
    ``guard_tokens``: long texts are never checked for a filled-in template.
    """

    shingles: np.ndarray  # sorted unique uint64
    bands: np.ndarray  # uint32, one row (band key) per band table: the whole text's bands, then the opening's
    head: np.ndarray  # the opening's shingles (the first ``lead``), sorted unique
    window: np.ndarray  # the first 2 * ``lead`` shingles, sorted unique
    tokens: tuple[str, ...] | None

    def band_keys(self) -> tuple[bytes, ...]:
        """The band keys as bytes, one per table (a backfill's join keys, with the table's number)."""
        return tuple(row.tobytes() for row in self.bands)

    def __getstate__(self) -> tuple[object, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))

    def __setstate__(self, state: tuple[object, ...]) -> None:
        """Unpickled (a worker's sketch): its tokens interned, one string object per distinct token."""
        values = dict(zip((f.name for f in fields(self)), state, strict=True))
        tokens = values["tokens"]
        if tokens is not None:
            values["tokens"] = tuple(map(sys.intern, tokens))  # type: ignore[call-overload]
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def overlap(self, other: TextSketch) -> tuple[float, float] | None:
        """Exact (Jaccard, containment) of the two shingle sets; None when either text is empty.

        containment = |A ∩ B| / min(|A|, |B|): how much of the shorter text the longer one holds.
        """
        a, b = self.shingles, other.shingles
        if a.size == 0 or b.size == 0:
            return None
        inter = np.intersect1d(a, b, assume_unique=True).size
        return inter / (a.size + b.size - inter), inter / min(a.size, b.size)

    def same_opening(self, other: TextSketch) -> bool:
        """The shorter text opens as the longer does: a trimmed copy, not one item of a compilation.

        At least half of the shorter text's opening shingles must be among the longer text's window.
        """
        short, long = (self, other) if self.shingles.size <= other.shingles.size else (other, self)
        if short.head.size == 0:
            return False
        shared = np.intersect1d(short.head, long.window, assume_unique=True).size
        return shared / short.head.size >= _OPENING


@dataclass(frozen=True)
class Sketcher:
    """The sketch parameters, validated; ``sketch`` turns index-form tokens into a ``TextSketch``.

    Two sketchers with equal parameters make equal sketches (the hash functions come from ``seed``).
    No ``slots``: DuplicateIndex reads the defaults as class attributes (``Sketcher.num_perm``).
    """

    num_perm: int = 128  # MinHash functions
    bands: int = 32  # LSH bands of num_perm / bands rows each
    shingle: int = 4  # words per shingle
    lead: int = 40  # shingles of the opening, which gets its own bands (0: none)
    guard_tokens: int = 400  # texts of at most this many tokens keep them for the guard (0: none)
    seed: int = 1
    rows: int = field(init=False)
    _a: np.ndarray = field(init=False, repr=False, compare=False)
    _b: np.ndarray = field(init=False, repr=False, compare=False)
    _mix: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check(self.num_perm >= 2, "Sketcher", "num_perm", self.num_perm, "must be at least 2")
        check(self.bands >= 1 and self.num_perm % self.bands == 0, "Sketcher", "bands", self.bands,
              f"must divide num_perm={self.num_perm}")
        check(self.shingle >= 1, "Sketcher", "shingle", self.shingle, "must be at least 1 (words per shingle)")
        check(self.lead >= 0, "Sketcher", "lead", self.lead, "must be >= 0 (0: no bands for the opening)")
        check(self.guard_tokens >= 0, "Sketcher", "guard_tokens", self.guard_tokens,
              "must be >= 0 (0 turns the guard off)")
        check(self.seed >= 0, "Sketcher", "seed", self.seed, "must be >= 0")
        rng = np.random.default_rng(self.seed)
        derived = {
            "rows": self.num_perm // self.bands,
            "_a": rng.integers(0, 2**63, self.num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1),
            "_b": rng.integers(0, 2**63, self.num_perm, dtype=np.uint64),
            "_mix": rng.integers(0, 2**63, self.shingle, dtype=np.uint64) * np.uint64(2) + np.uint64(1),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)  # frozen: derived once, here

    @property
    def tables(self) -> int:
        """How many band keys a sketch holds: ``bands``, twice that when the opening has its own."""
        return self.bands * (2 if self.lead else 1)

    def sketch(self, toks: Sequence[str]) -> TextSketch:
        """The sketch of a text given as its index-form tokens (``naba.text.tokens``)."""
        vocab = vocabulary()
        ids = vocab.ids(toks)
        return self.sketch_hashed(vocab.hash64[ids], vocab.strings(ids) if len(toks) <= self.guard_tokens else toks)

    def sketch_hashed(self, token_hashes: np.ndarray, toks: Sequence[str]) -> TextSketch:
        """``sketch`` of tokens whose hashes the caller already holds (``naba.text.vocabulary``'s hash64).

        A short text keeps ``toks`` themselves: pass the vocabulary's strings (``Vocabulary.strings``),
        shared by every text, rather than the tokenizer's fresh ones."""
        sequence = self._shingle_sequence(token_hashes)
        full, lead = self._signatures(sequence, self.lead)
        signatures = full if lead is None else np.concatenate((full, lead))  # the opening's own bands after
        bands = signatures.astype(np.uint32).reshape(self.tables, self.rows)
        opening = self.lead or _NO_LEAD_OPENING
        head, window = np.unique(sequence[:opening]), np.unique(sequence[:2 * opening])
        shingles = np.unique(sequence)
        for array in (shingles, bands, head, window):
            array.flags.writeable = False
        short = len(toks) <= self.guard_tokens
        return TextSketch(shingles, bands, head, window, tuple(toks) if short else None)

    def shingles(self, toks: Sequence[str]) -> np.ndarray:
        """Sorted unique 64-bit hashes of the word ``shingle``-grams of ``toks`` (vectorized)."""
        return np.unique(self._shingle_sequence(_token_hashes(toks)))

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """MinHash signature: for each of ``num_perm`` functions, the minimum of (a·x + b) >> 32."""
        return self._signatures(shingles, 0)[0]

    def _shingle_sequence(self, th: np.ndarray) -> np.ndarray:
        if not th.size:
            return np.empty(0, dtype=np.uint64)
        k = min(self.shingle, th.size)
        n = th.size - k + 1
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(k):  # h = sum_j token_j * mix_j (mod 2^64), then a xor-shift finaliser
            acc += th[j:j + n] * self._mix[j]
        acc ^= acc >> np.uint64(29)
        return acc

    def _signatures(self, sequence: np.ndarray, lead: int) -> tuple[np.ndarray, np.ndarray | None]:
        """The signature of all of ``sequence`` and of its first ``lead`` items, from one hashing pass.

        A minimum does not care about repeats, so the shingle sequence is hashed as it comes.
        """
        if sequence.size == 0:
            empty = np.full(self.num_perm, _MASK32, dtype=np.uint64)
            return empty, (empty if lead else None)
        hashed = (self._a[:, None] * sequence[None, :] + self._b[:, None]) >> _SHIFT32
        return hashed.min(axis=1), (hashed[:, :lead].min(axis=1) if lead else None)


def _token_hashes(toks: Sequence[str]) -> np.ndarray:
    """Each token's 64-bit BLAKE2b hash (stable across processes, unlike hash()), kept per process."""
    vocab = vocabulary()
    hashes: np.ndarray = vocab.hash64[vocab.ids(toks)]
    return hashes
