"""The event words of an article: its rarity-weighted stems, title and lead first.

A story is one specific event, and news says what happened in the title and the first paragraph; so
a word counts double in the title and half again in the lead. Each stem weighs (1 + ln tf) times its
rarity in Arabic at large (``naba.text.frequency``: fixed, so a profile does not change with the order
articles arrive in), and only the TERMS heaviest stems are kept: enough to tell events apart, small
enough to keep a few hundred thousand articles in memory. The SIGNATURE heaviest are the keys by which
the story stage finds an article's candidates; the cosine of two term vectors is one of the sameness
model's features (``naba.stories.sameness.evidence``).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

from naba.text import is_stopword, stems
from naba.text.frequency import rarity

TERMS = 40  # stems kept per article
SIGNATURE = 10  # the heaviest stems, by which candidates are found
TITLE_WEIGHT, LEAD_WEIGHT = 2.0, 1.5
LEAD_TOKENS = 80
MAX_TOKENS = 400  # the rest of a long article adds background, not the event
MIN_RARITY = 2.5  # words more common than this (Zipf 6.5, about one in 300 words) say nothing of the event


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    terms: dict[str, float]  # stem -> weight, L2-normalised
    signature: tuple[str, ...]


def features_of_tokens(title: list[str], body: list[str]) -> StoryFeatures:
    """The features of an article from its index-form title and body tokens."""
    # Counter() runs in C; the per-word work below is done once per distinct word, and common words
    # (stopwords among them) are dropped before they are stemmed
    whole, lead, heading = Counter(body[:MAX_TOKENS]), Counter(body[:LEAD_TOKENS]), Counter(title)
    lead_extra, title_weight = LEAD_WEIGHT - 1.0, TITLE_WEIGHT
    kept: list[tuple[str, float, float]] = []
    for token in whole.keys() | heading.keys():
        weight_of_word = rarity(token)
        if weight_of_word >= MIN_RARITY and len(token) > 2 and not is_stopword(token):
            tf = whole.get(token, 0) + lead_extra * lead.get(token, 0) + title_weight * heading.get(token, 0)
            kept.append((token, tf, weight_of_word))
    by_stem: dict[str, float] = {}
    rarity_of: dict[str, float] = {}
    for (_, tf, weight_of_word), s in zip(kept, stems([t for t, _, _ in kept]), strict=True):
        by_stem[s] = by_stem.get(s, 0.0) + tf
        if s not in rarity_of or weight_of_word < rarity_of[s]:
            rarity_of[s] = weight_of_word  # a stem is as common as its most common form
    top = heapq.nsmallest(TERMS, ((-(1.0 + math.log(n)) * rarity_of[s], s) for s, n in by_stem.items()))
    norm = math.sqrt(sum(w * w for w, _ in top)) or 1.0
    terms = {s: -w / norm for w, s in top}
    return StoryFeatures(terms=terms, signature=tuple(s for _, s in top[:SIGNATURE]))
