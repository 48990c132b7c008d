"""Every distinct token a process has seen, numbered, with what the pipeline asks of a token kept in arrays.

An article's tokens become one integer array (``Vocabulary.ids``: a dict lookup per token, run in C),
and every property of them is then a numpy gather (``vocab.stem[ids]``), so the story profile, the copy
sketch and the search document do their per-token work in numpy, not in a Python loop per token. A
token's properties are worked out once, when the process first meets it; news vocabulary is Zipfian, so
after a few thousand articles nearly every token is already known.

    hash32   BLAKE2b, 4 bytes: the hashed words of the story profile (stable across processes)
    hash64   BLAKE2b, 8 bytes: the copy sketch's token hash
    stem     the id of the token's search stem (``naba.text.stems``), itself in the vocabulary
    rarity   9 - Zipf (``naba.text.frequency``): how rare the word is in Arabic at large
    length   letters; ``stop`` a stopword; ``digits`` all digits; ``numeric`` starts with a digit

Ids are per process and per vocabulary: they never leave the process (profiles hold hashes and
strings). A vocabulary that outgrows ``LIMIT`` tokens is replaced by a fresh one for the next article,
so a long crawl's memory stays bounded; an article holds the vocabulary it started with.

The table is written by hand: interning with vectorized per-token tables is what a tokenizer library
does for its own model vocabulary, but no library keeps arbitrary derived properties of words this way.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from typing import Literal

import numpy as np

from naba.text.frequency import UNSEEN_ZIPF, zipf_table
from naba.text.stem import stems
from naba.text.stopwords import stopword_set

LIMIT = 2_000_000  # distinct tokens before the vocabulary starts afresh (all of SaudiNewsNet + ANT: ~600k)
_INITIAL = 1 << 16


class Vocabulary:
    """Token ↔ id, and each id's properties (see the module docstring). Safe to share between threads:
    new tokens are added under a lock, and the arrays only grow."""

    def __init__(self) -> None:
        self.words: list[str] = []
        self._ids: dict[str, int] = {}
        self._lock = threading.Lock()
        self.hash32 = np.zeros(_INITIAL, dtype=np.uint32)
        self.hash64 = np.zeros(_INITIAL, dtype=np.uint64)
        self.stem = np.zeros(_INITIAL, dtype=np.int64)
        self.rarity = np.zeros(_INITIAL, dtype=np.float64)
        self.length = np.zeros(_INITIAL, dtype=np.int32)
        self.stop = np.zeros(_INITIAL, dtype=bool)
        self.digits = np.zeros(_INITIAL, dtype=bool)
        self.numeric = np.zeros(_INITIAL, dtype=bool)

    def __len__(self) -> int:
        return len(self.words)

    def ids(self, tokens: Sequence[str]) -> np.ndarray:
        """The id of each token, in order (int64); tokens not seen before are added."""
        found = list(map(self._ids.get, tokens))
        if None in found:
            with self._lock:
                self._add([t for t, i in zip(tokens, found, strict=True) if i is None])
            found = list(map(self._ids.__getitem__, tokens))
        return np.fromiter(found, dtype=np.int64, count=len(found))

    def strings(self, ids: np.ndarray) -> list[str]:
        return list(map(self.words.__getitem__, ids.tolist()))

    def _add(self, tokens: list[str]) -> None:
        """Number the new tokens and their stems (a stem is a token too), fill in their properties, and
        publish their ids last: a thread that finds a token without the lock finds it complete."""
        local: dict[str, int] = {}
        stem_of: dict[str, str] = {}
        pending = [t for t in dict.fromkeys(tokens) if t not in self._ids]  # another thread may have added some
        first = len(self.words)
        while pending:  # stems are no longer than their words, so this ends
            local.update(zip(pending, range(first + len(local), first + len(local) + len(pending)), strict=True))
            stemmed = stems(pending)
            stem_of.update(zip(pending, stemmed, strict=True))
            pending = [s for s in dict.fromkeys(stemmed) if s not in local and s not in self._ids]
        if not local:
            return
        new, end = list(local), first + len(local)
        self._reserve(end)
        self.hash32[first:end] = [int.from_bytes(hashlib.blake2b(t.encode(), digest_size=4).digest(), "little")
                                  for t in new]
        self.hash64[first:end] = [int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "little")
                                  for t in new]
        table, stop = zipf_table(), stopword_set()
        self.rarity[first:end] = [9.0 - table.get(t, UNSEEN_ZIPF) for t in new]
        self.length[first:end] = [len(t) for t in new]
        self.stop[first:end] = [t in stop for t in new]
        self.digits[first:end] = [t.isdigit() for t in new]
        self.numeric[first:end] = [t[:1].isdigit() for t in new]
        self.stem[first:end] = [local[s] if s in local else self._ids[s] for s in map(stem_of.__getitem__, new)]
        self.words.extend(new)
        self._ids.update(local)

    def _reserve(self, size: int) -> None:
        capacity = len(self.hash32)
        if size <= capacity:
            return
        while capacity < size:
            capacity *= 2
        for name in ("hash32", "hash64", "stem", "rarity", "length", "stop", "digits", "numeric"):
            old = getattr(self, name)
            grown = np.zeros(capacity, dtype=old.dtype)
            grown[:len(old)] = old
            setattr(self, name, grown)  # readers holding the old array still see their ids' values


_CURRENT = Vocabulary()


def vocabulary() -> Vocabulary:
    """The process's vocabulary (a fresh one once the current one holds ``LIMIT`` tokens)."""
    global _CURRENT
    if len(_CURRENT) > LIMIT:
        _CURRENT = Vocabulary()
    return _CURRENT


def top_ids(vocab: Vocabulary, ids: np.ndarray, weights: np.ndarray, k: int, *,
            ties: Literal["ascending", "descending"]) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` heaviest of ``ids`` and their weights, heaviest first, equal weights in ``ties`` order of
    their words: what ``heapq`` over (weight, word) pairs gives, with only the top few turned into Python."""
    if ids.size > k:
        kth = np.partition(weights, ids.size - k)[ids.size - k]
        chosen = weights >= kth
        ids, weights = ids[chosen], weights[chosen]
    words = vocab.strings(ids)
    order = sorted(range(len(words)), key=words.__getitem__, reverse=ties == "descending")
    order.sort(key=weights.__getitem__, reverse=True)  # stable: equal weights keep the word order
    chosen_order = np.array(order[:k], dtype=np.int64)
    return ids[chosen_order], weights[chosen_order]
