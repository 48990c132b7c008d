"""Key phrases: runs of one to three content words, scored by where, how often and how specific.

    score(p) = (Σ over occurrences of position(i) × title boost) ** tf_power   (how much the
               article leans on p; sublinear, so one word said ten times does not swamp the rest)
             × mean specificity of p's words                                  (how much p says)
             × cohesion × phrase_boost (phrases of two or more words)

    position(i)    = 1 / (1 + i / position_scale): the lede says what the article is about
    specificity(w) = max(0.5, idf_ceiling - zipf(w)) ** idf_power: wordfreq's Zipf frequency as an
                     IDF proxy, a common word (zipf 6) says little, a rare one (zipf 2) more
    cohesion(p)    = count(p) / min count of its words: a phrase that is always said together

A phrase of two or more words must occur ``min_phrase_count`` times or sit in the title. The
weights were tuned on the AKEC train ids (bench/keywords.py); there a light IDF (power 0.3) beat
both none and a full one, and article statistics carry most of the signal.

Occurrences are grouped by their words' search stems (naba.text.stems), so الكتب and والكتب count
as one phrase; a single word is shown in its barest written form (جانب, not وجانب), a longer phrase
as first written, glued clitics dropped before ال. Words inside entity mentions and titles
(``taken``), stopwords, numbers, weekdays and months are not content.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from naba.pipeline.tagging.options import TagOptions
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word

MIN_SPECIFICITY = 0.5


@dataclass(slots=True)
class Phrase:
    words: tuple[str, ...]  # stems
    first: int  # position of the first occurrence
    count: int = 0
    weight: float = 0.0
    score: float = 0.0
    shown: int = -1  # the occurrence to display (a single word: the one with fewest clitics)

    def display(self, stream: Stream, words: list[Word]) -> str:
        at = self.first if self.shown < 0 else self.shown
        return stream.written(at, at + len(self.words), words[at].shown)


def key_phrases(stream: Stream, words: list[Word], taken: bytearray, options: TagOptions,
                limit: int | None = None) -> list[Phrase]:
    """Scored phrases of the article, best first (the best ``limit`` of them if given)."""
    # per-token flags built with map() over C callables: one Python-level pass fewer per token
    content = list(map(operator.and_, map(_CONTENT, words), map(operator.not_, taken)))
    stems = list(map(_STEM, words))
    weights = position_weights(stream, options)
    spec = _specificity(options)
    counts, firsts, totals, barest = _unigrams(stems, content, weights, stream.keys)
    tf = options.tf_power
    if options.word_frequencies:  # spec() inlined: this runs once per distinct word
        ceiling, power = options.idf_ceiling, options.idf_power
        scores = {stem: totals[stem] ** tf * max(MIN_SPECIFICITY, ceiling - words[first].zipf) ** power
                  for stem, first in firsts.items()}
    else:
        scores = {stem: totals[stem] ** tf for stem in firsts}
    best = scores if limit is None else heapq.nlargest(limit, scores, key=scores.__getitem__)
    phrases = [Phrase((stem,), firsts[stem], counts[stem], totals[stem], scores[stem], barest[stem]) for stem in best]
    # A phrase said min_phrase_count times has every word said that often, unless it is in the title
    # (the title is one clause of its own): the other words never start or continue one.
    title_end, min_count = stream.title_end, options.min_phrase_count
    frequent = map(operator.ge, map(counts.get, stems, itertools.repeat(0)), itertools.repeat(min_count))
    eligible = list(map(operator.and_, content, frequent))
    eligible[:title_end] = content[:title_end]
    starts = [i for i, e in enumerate(eligible) if e]
    for size in range(2, options.max_phrase_words + 1):
        starts = [i for i in starts if i + size <= len(eligible) and eligible[i + size - 1]
                  and not stream.breaks[i + size - 1]]
        for phrase in _ngrams(stems, starts, size, weights, title_end, min_count):
            specificity = sum(spec(w) for w in words[phrase.first:phrase.first + size]) / size
            cohesion = phrase.count / min(counts[w] for w in phrase.words)
            phrase.score = phrase.weight ** tf * specificity * cohesion * options.phrase_boost
            phrases.append(phrase)
    if limit is not None:
        return heapq.nlargest(limit, phrases, key=_SCORE)  # ties: the earlier (nlargest is stable)
    return sorted(phrases, key=_SCORE, reverse=True)


_SCORE = operator.attrgetter("score")
_CONTENT = operator.attrgetter("content")
_STEM = operator.attrgetter("stem")


def _specificity(options: TagOptions) -> Callable[[Word], float]:
    if not options.word_frequencies:
        return lambda word: 1.0
    ceiling, power = options.idf_ceiling, options.idf_power
    return lambda word: max(MIN_SPECIFICITY, ceiling - word.zipf) ** power


@functools.lru_cache(maxsize=16)
def _decay(scale: float, size: int) -> tuple[float, ...]:
    return tuple(1.0 / (1.0 + i / scale) for i in range(size))


def position_weights(stream: Stream, options: TagOptions) -> Sequence[float]:
    """Each token's weight: decaying with position, boosted in the title."""
    size = 1 << max(10, len(stream).bit_length())  # cache by power of two, not by article length
    weights = _decay(options.position_scale, size)
    if not stream.title_end:
        return weights
    boosted = list(weights[:len(stream)])
    for i in range(stream.title_end):
        boosted[i] *= options.title_boost
    return boosted


def _unigrams(stems: list[str], content: list[bool], weights: Sequence[float], keys: list[str]
              ) -> tuple[Counter[str], dict[str, int], dict[str, float], dict[str, int]]:
    """Each content stem's count, first position, summed position weight and barest occurrence
    (the shortest token: جانب rather than وجانب)."""
    positions = list(itertools.compress(range(len(stems)), content))
    counts = Counter(map(stems.__getitem__, positions))
    firsts: dict[str, int] = {}
    barest: dict[str, int] = {}
    totals: dict[str, float] = dict.fromkeys(counts, 0.0)
    for i in positions:
        stem = stems[i]
        totals[stem] += weights[i]
        if stem not in firsts:
            firsts[stem] = barest[stem] = i
        elif counts[stem] > 1 and len(keys[i]) < len(keys[barest[stem]]):
            barest[stem] = i
    return counts, firsts, totals, barest


def _ngrams(stems: list[str], starts: list[int], size: int, weights: Sequence[float], title_end: int,
            min_count: int) -> list[Phrase]:
    """Runs of ``size`` content words starting at ``starts``, kept when frequent enough or in the title."""
    grams = [tuple(stems[i:i + size]) for i in starts]
    counts = Counter(grams)
    found: dict[tuple[str, ...], Phrase] = {}
    for i, gram in zip(starts, grams, strict=True):
        if counts[gram] < min_count and i >= title_end and gram not in found:
            continue
        phrase = found.get(gram)
        if phrase is None:
            phrase = found[gram] = Phrase(gram, i)
        phrase.count += 1
        phrase.weight += weights[i]
    return list(found.values())
