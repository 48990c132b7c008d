"""DuplicateIndex: the four parts of naba.stories.copies put together, and the rule that decides a match.

Two texts are near duplicates when

    Jaccard(A, B)     = |A ∩ B| / |A ∪ B|         >= ``jaccard``       (edited or re-headlined copies)
    containment(A, B) = |A ∩ B| / min(|A|, |B|)   >= ``containment``   (a trimmed copy in its original)
                        and the shorter text opens as the longer one does

over their word-shingle sets A and B, and they are not one short template filled with different
names or numbers. A trimmed copy keeps the opening; one item lifted out of a cabinet-session summary
or a sports roundup is contained just as well but sits in the middle, so containment alone needs at
least half of the shorter text's first ``lead`` shingles among the longer text's first 2·``lead``.

Adding a text: the ``Sketcher`` sketches it, the ``BandIndex`` names the candidates (stored texts
sharing a band key), each candidate is verified on the exact shingle sets (``TextSketch.overlap``,
so LSH decides only what is looked at, never what is merged), the ``TemplateGuard`` vetoes filled-in
templates among short pairs, and ``CopyGroups`` places the key among the groups it matches.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

import numpy as np

from naba.errors import UsageError
from naba.stories.copies._checks import check
from naba.stories.copies.groups import CopyGroups, Match
from naba.stories.copies.lsh import BandIndex
from naba.stories.copies.sketch import Sketcher, TextSketch
from naba.stories.copies.templates import TemplateGuard
from naba.text import tokens

K = TypeVar("K", bound=Hashable)  # the story stage keys by article id (int); tests by str


class DuplicateIndex(Generic[K]):
    """Online exact and near duplicate detection over texts stored under keys of type ``K``.

    The sketch parameters (num_perm, bands, shingle, lead, guard_tokens, seed) are ``Sketcher``'s,
    with its defaults; ``sketcher`` holds them. A timestamp is anything ordered (see ``CopyGroups``).
    """

    def __init__(self, num_perm: int = Sketcher.num_perm, bands: int = Sketcher.bands,
                 shingle: int = Sketcher.shingle, jaccard: float = 0.45, containment: float = 0.7,
                 lead: int = Sketcher.lead, guard_tokens: int = Sketcher.guard_tokens,
                 name_of: Callable[[str], str | None] | None = None, seed: int = Sketcher.seed) -> None:
        check(0.0 < jaccard <= 1.0, "DuplicateIndex", "jaccard", jaccard, "must be in (0, 1]")
        check(0.0 < containment <= 1.0, "DuplicateIndex", "containment", containment, "must be in (0, 1]")
        self.sketcher = Sketcher(num_perm, bands, shingle, lead, guard_tokens, seed)
        self.jaccard, self.containment = jaccard, containment
        self._guard = TemplateGuard(name_of)
        self._bands: BandIndex[K] = BandIndex(self.sketcher.tables)
        self._groups: CopyGroups[K] = CopyGroups(jaccard)
        self._entries: dict[K, TextSketch] = {}  # key -> its sketch

    # -- verbs ------------------------------------------------------------------------------------

    def add(self, key: K, text: str, timestamp: Any) -> K | None:
        """Store ``text`` under ``key``; return the earliest copy it duplicates, or None."""
        return self.add_sketch(key, self.sketch(tokens(text)), timestamp)

    def sketch(self, toks: Sequence[str]) -> TextSketch:
        """What ``add_sketch`` needs of a text's index-form tokens. It depends only on the index's
        parameters, so worker processes may compute it for the index in the main process."""
        return self.sketcher.sketch(toks)

    def add_sketch(self, key: K, sketch: TextSketch, timestamp: Any) -> K | None:
        """``add`` for a text sketched beforehand (with this index's parameters)."""
        if key in self._entries:
            raise UsageError(f"DuplicateIndex: key {key!r} is already in the index", hint="remove it first")
        # short texts keep their tokens for the guard: shared strings, not one copy per article
        # (interned here, not when sketching: a sketch from a worker process arrives with its own copies)
        entry = sketch if sketch.tokens is None else dataclasses.replace(
            sketch, tokens=tuple(map(sys.intern, sketch.tokens)))
        matches = self._verified(entry)
        self._entries[key] = entry
        self._bands.insert(key, entry.bands)
        return self._groups.add(key, timestamp, matches)

    def query(self, text: str) -> list[Match[K]]:
        """Stored texts that ``text`` duplicates, earliest first; the index is not changed."""
        matches = self._verified(self.sketch(tokens(text)))
        return sorted(matches, key=lambda m: self._groups.order(m.key))

    def remove(self, key: K) -> None:
        """Forget ``key``; its duplicates then point at the earliest of them."""
        entry = self._entries.pop(key)  # KeyError names the key, as a dict does
        self._bands.remove(key, entry.bands)
        self._groups.remove(key)

    def duplicate_of(self, key: K) -> K | None:
        """The earliest copy ``key`` duplicates, as known now (None for an original)."""
        return self._groups.duplicate_of(key)

    def templated(self, a: K, b: K) -> bool:
        """Are two stored short texts one template filled with different names or numbers?"""
        return self._templated(self._entries[a], self._entries[b])

    def copies_of(self, key: K) -> set[K]:
        """The keys that point at ``key`` as their earliest copy (empty for a duplicate or a loner)."""
        return self._groups.copies_of(key)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def shingles(self, toks: Sequence[str]) -> np.ndarray:
        """Sorted unique 64-bit hashes of the word ``shingle``-grams of ``toks`` (``Sketcher.shingles``)."""
        return self.sketcher.shingles(toks)

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """The MinHash signature of a shingle array (``Sketcher.signature``)."""
        return self.sketcher.signature(shingles)

    # -- verification -----------------------------------------------------------------------------

    def _verified(self, entry: TextSketch) -> list[Match[K]]:
        out = []
        for key in self._bands.query(entry.bands):
            match = self._verify(key, entry)
            if match is not None:
                out.append(match)
        return out

    def _verify(self, key: K, entry: TextSketch) -> Match[K] | None:
        other = self._entries[key]
        overlap = entry.overlap(other)
        if overlap is None:
            return None
        jac, con = overlap
        if jac < self.jaccard and (con < self.containment or not entry.same_opening(other)):
            return None
        if jac < 1.0 and self._templated(entry, other):
            return None
        return Match(key, jac, con)

    def _templated(self, a: TextSketch, b: TextSketch) -> bool:
        if a.tokens is None or b.tokens is None:
            return False  # one text is long (its sketch kept no tokens): not a templated notice
        return self._guard.templated(a.tokens, b.tokens)
