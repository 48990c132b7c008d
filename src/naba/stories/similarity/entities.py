"""Gazetteer names in index-form tokens, fast enough to run on every article as it arrives.

Names are matched as token n-grams, longest first, not overlapping, with one leading clitic (و ف ب ل
ك, وال, لل ...) stripped from the first word when the bare form is a name. A surface the gazetteer
marks ambiguous, or one that leads to several entries, is skipped; a nationality adjective (one word)
counts as ``ADJECTIVE_WEIGHT`` of a mention of its country.

Speed: ``Gazetteer.lookup`` folds its argument on every call, so answers are memoised per word and
per phrase, and a phrase is only tried when its first two words (the first one bare or not) start some
name, and no longer than the longest such name. A warm article costs tens of microseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from naba.gazetteer import Gazetteer, load_gazetteer
from naba.text import bare_forms, index

ADJECTIVE_WEIGHT = 0.5
_MEMO_LIMIT = 500_000  # remembered words and phrases per matcher before the memo starts again


@dataclass(frozen=True, slots=True)
class Mention:
    """One name found: the entry id, its weight (1, or ADJECTIVE_WEIGHT) and its token span."""

    id: str
    weight: float
    start: int
    end: int


class EntityMatcher:
    """Finds gazetteer names in token lists; build one per gazetteer (``matcher()`` caches it)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gaz = gazetteer
        self._starts = _phrase_starts(gazetteer)
        self._words: dict[str, tuple[dict[str, int], tuple[str, float] | None]] = {}
        self._phrases: dict[tuple[str, ...], tuple[str, float] | None] = {}

    def mentions(self, toks: list[str]) -> list[Mention]:
        """Every name in ``toks`` (index form), longest n-gram first, not overlapping."""
        found, i, n_toks, words = [], 0, len(toks), self._words
        while i < n_toks:
            seconds, hit = words.get(toks[i]) or self._word(toks[i])
            n = 1
            if seconds and i + 1 < n_toks and (longest := seconds.get(toks[i + 1])):
                for width in range(min(longest, n_toks - i), 1, -1):
                    if phrase := self._phrase(tuple(toks[i:i + width])):
                        hit, n = phrase, width
                        break
            if hit:
                found.append(Mention(hit[0], hit[1], i, i + n))
            i += n
        return found

    def _word(self, word: str) -> tuple[dict[str, int], tuple[str, float] | None]:
        """What a word can start (second word → longest name) and what it names alone."""
        if len(self._words) >= _MEMO_LIMIT:
            self._words.clear()
        seconds: dict[str, int] = {}
        for form in bare_forms(word):
            for second, longest in self._starts.get(form, {}).items():
                seconds[second] = max(longest, seconds.get(second, 0))
        known = self._words[word] = (seconds, _lookup((word,), self._gaz))
        return known

    def _phrase(self, words: tuple[str, ...]) -> tuple[str, float] | None:
        try:
            return self._phrases[words]
        except KeyError:
            pass
        if len(self._phrases) >= _MEMO_LIMIT:
            self._phrases.clear()
        hit = self._phrases[words] = _lookup(words, self._gaz)
        return hit


def matcher(gazetteer: Gazetteer | None = None) -> EntityMatcher:
    """The matcher of ``gazetteer`` (default: the package's), built once per gazetteer."""
    gaz = gazetteer or load_gazetteer()
    held = _MATCHERS.get(id(gaz))
    if held is None or held[0] is not gaz:
        held = _MATCHERS[id(gaz)] = (gaz, EntityMatcher(gaz))
    return held[1]


_MATCHERS: dict[int, tuple[Gazetteer, EntityMatcher]] = {}  # id → (gazetteer kept alive, its matcher)


def entity_counts(toks: list[str], gazetteer: Gazetteer | None = None) -> dict[str, float]:
    """Gazetteer entity id → mentions in index-form tokens (an adjective counts ADJECTIVE_WEIGHT)."""
    counts: dict[str, float] = {}
    for m in matcher(gazetteer).mentions(toks):
        counts[m.id] = counts.get(m.id, 0.0) + m.weight
    return counts


def _lookup(words: tuple[str, ...], gaz: Gazetteer) -> tuple[str, float] | None:
    rest = " ".join(words[1:])
    for first in bare_forms(words[0]):
        surface = f"{first} {rest}" if rest else first
        entries = gaz.lookup(surface)
        if len(entries) == 1 and not gaz.is_ambiguous(surface):
            return entries[0].id, 1.0
        if not rest:
            adjective = gaz.lookup_adjective(surface)
            if len(adjective) == 1:
                return adjective[0].id, ADJECTIVE_WEIGHT
    return None


def _phrase_starts(gaz: Gazetteer) -> dict[str, dict[str, int]]:
    """First word → second word → words in the longest name so starting, over every name of two words
    or more (index form; a first word with ال also stands without it, as the gazetteer folds it)."""
    starts: dict[str, dict[str, int]] = {}
    for entry in gaz.entries:
        for surface in (entry.canonical, *entry.variants, *entry.ambiguous):
            words = index(surface).split()
            if len(words) < 2:
                continue
            firsts = {words[0], words[0][2:]} if words[0].startswith("ال") else {words[0]}
            for first in firsts:
                seconds = starts.setdefault(first, {})
                seconds[words[1]] = max(len(words), seconds.get(words[1], 0))
    return starts
