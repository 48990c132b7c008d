"""What the story stage compares: a compact, fixed-weight profile of each article, and the score.

A story is one specific event, and news says what happened in the title and the first paragraph; so
a word counts double in the title and half again in the lead. Each stem weighs (1 + ln tf) times its
rarity in Arabic at large (``naba.text.frequency``: fixed, so a story does not change with the order
articles arrive in), and only the TERMS heaviest stems are kept: enough to tell events apart, small
enough to keep a few hundred thousand articles in memory.

    score(a, b) = cosine(terms) * (1 - TIME_WEIGHT * time penalty)      in [0, 1], symmetric
    same story  = score >= STORY_THRESHOLD + GAP_SLOPE * days beyond STORY_FREE_HOURS,
                  and the gap is at most MAX_GAP_HOURS

Coverage of one event comes within hours; the next day's reactions or investigation use the same
words, so the bar rises with the gap, and a follow-up ends up linked as similar, not merged.
The constants are chosen with ``naba eval stories`` (SemEval-2022 ar-ar pairs, the labelled sample) and
real data. STORY_THRESHOLD 0.25: SemEval same-story F1 0.536 (0.47 at 0.20, 0.49 at 0.30), sample
pairwise precision 1.00, recall 0.60. At 0.20 the sample's recall is 0.84, but on two days of
SaudiNewsNet daily protocol news (receptions, visits) chains into stories of hundreds (largest 423
articles, 200 at 0.25, 141 at 0.30, where the largest is a real event: the Asir mosque bombing).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

from naba.models import Article
from naba.text import is_stopword, stems, tokens
from naba.text.frequency import rarity

TERMS = 40  # stems kept per article
SIGNATURE = 10  # the heaviest stems, by which candidates are found
TITLE_WEIGHT, LEAD_WEIGHT = 2.0, 1.5
LEAD_TOKENS = 80
MAX_TOKENS = 400  # the rest of a long article adds background, not the event
MIN_RARITY = 2.5  # words more common than this (Zipf 6.5, about one in 300 words) say nothing of the event

STORY_THRESHOLD = 0.25  # chosen by `naba eval stories`
STORY_FREE_HOURS = 12.0
GAP_SLOPE = 0.4  # per day
LINK_THRESHOLD = 0.15  # pairs at least this close are kept as "similar article" candidates
MAX_GAP_HOURS = 48.0
TIME_FREE_HOURS = 24.0
TIME_FULL_DAYS = 30.0
TIME_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class StoryFeatures:
    terms: dict[str, float]  # stem -> weight, L2-normalised
    signature: tuple[str, ...]


def story_features(article: Article) -> StoryFeatures:
    return features_of_tokens(tokens(article.title or ""), tokens(article.body))


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


def score(a: StoryFeatures, b: StoryFeatures, gap_hours: float) -> float:
    """Symmetric to the last bit (an exact sum over the shared stems, rounded to what the store keeps),
    so which of two articles arrived first never changes their score."""
    cosine = math.fsum(a.terms[s] * b.terms[s] for s in a.terms.keys() & b.terms.keys())
    return round(max(0.0, min(1.0, cosine)) * (1.0 - TIME_WEIGHT * time_penalty(gap_hours)), 6)


def needed(gap_hours: float, threshold: float | None = None) -> float:
    """The score two articles this far apart need to be one story."""
    base = STORY_THRESHOLD if threshold is None else threshold
    return base + GAP_SLOPE * max(0.0, gap_hours - STORY_FREE_HOURS) / 24.0


def same_story(similarity: float, gap_hours: float, threshold: float | None = None) -> bool:
    return similarity >= needed(gap_hours, threshold) and gap_hours <= MAX_GAP_HOURS


def time_penalty(gap_hours: float) -> float:
    """0 up to a day apart; log-growing to 1 at TIME_FULL_DAYS."""
    if gap_hours <= TIME_FREE_HOURS:
        return 0.0
    return min(1.0, math.log(gap_hours / 24.0) / math.log(TIME_FULL_DAYS))


@dataclass(frozen=True, slots=True)
class Verdict:
    """The story stage's decision on one pair, with its reasons' numbers."""

    score: float
    needed: float  # the bar at this time gap
    gap_hours: float
    same_story: bool


def verdict(a: StoryFeatures, b: StoryFeatures, gap_hours: float) -> Verdict:
    similarity = score(a, b, gap_hours)
    return Verdict(round(similarity, 4), round(needed(gap_hours), 4), round(gap_hours, 1),
                   same_story(similarity, gap_hours))
