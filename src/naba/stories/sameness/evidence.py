"""The evidence two articles give of being the same: numbers computed from their two profiles.

Every number is symmetric (it does not matter which article is ``a``), so decisions built on them are
the same whichever article arrived first.

    content       cosine of the counted stem vectors: how alike the texts read (the similarity shown)
    cosine        rarity-weighted stems of title and lead (naba.stories.sameness.terms): the same event's words
    entities      shared canonical entities over the smaller entity list (top MAX_ENTITIES each);
                  ``entity_jaccard`` over both lists: a filled-in template shares its words, not its names
    jaccard       exact Jaccard of the word 4-shingle sets; ``containment``: over the smaller set
    words         Jaccard of the bodies' content words; ``words_containment``: over the smaller set
    opening       Jaccard of the openings' shingles (a trimmed or re-headlined copy keeps the opening)
    trace_max     the share of one text's sentences that trace back to a sentence of the other (at least
                  half its content words in one sentence there), for the text that traces better;
                  ``trace_min`` for the other. An edited copy traces sentence by sentence; two outlets'
                  own reports of one event do not, whatever their shared words. ``verbatim``: the same
                  with sentences kept nearly word for word, for the text that keeps more.
    title         Jaccard of the titles' content words
    numbers       Jaccard of the numbers both print (two days of one routine report differ here; 1.0 when
                  neither prints any)
    size_ratio    the shorter body over the longer
    same_source   both from one outlet: an outlet seldom reports one event twice (its updates, series
                  and routine notices look alike and are different news)
    templated     two short texts that put other names, or (when they share most shingles, Jaccard >=
                  TEMPLATE_CHECK) other numbers, in the same slots: one template filled in twice
                  (naba.stories.copies.templates), different news however alike (congratulation cables,
                  weather bulletins, notices). Here only the shingle-rich case is checked; the model checks
                  names on any pair it would otherwise call a copy or one event (``judge``).
    other_day     reported at least OTHER_DAY_HOURS apart, both printing at least MIN_FIGURES numbers of which
                  the smaller set shares less than SHARED_FIGURES with the other, or both naming weekdays in
                  their title and lead and none the same, or (TODAY_GAP_HOURS apart) both saying their news
                  is of the day they appeared and naming no weekday in common: another day's figures or
                  bulletin of a routine report (the next day's market close, the next relief flight's
                  tonnage, Friday's weather after Thursday's): neither a copy nor the same event however
                  alike the wording (a copy republished the next day keeps its figures and its day: أمس
                  الخميس for اليوم الخميس)
    other_act     one title tells a journey's arrival, the other its departure (``Profile.act``): two
                  happenings of one visit, days apart or hours, neither a copy nor the same event however
                  alike (the agency writes both from one template: the same titles, the same delegation)
    gap_hours     how far apart they were reported, None when a time is unknown
    complete      False for a first evidence (``first_evidence``): the trace, the shingle overlap, the
                  shingle-rich template check and the shared terms are not read yet (0, False, ()); most
                  candidate pairs are decided without them (``model.judge_at_least``)
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass

import numpy as np

from naba.stories.copies import TemplateGuard
from naba.stories.sameness.profile import TODAY, Profile

MAX_ENTITIES = 10
SHOWN_TERMS = 8
TEMPLATE_CHECK = 0.4  # below this Jaccard few labelled templates look like copies, and the guard would veto copies
TRACED = 0.5  # share of a sentence's content words found in one sentence of the other text
VERBATIM = 0.85  # ... for a sentence kept nearly word for word
OTHER_DAY_HOURS = 12.0  # two reports this far apart may be two days of one routine
MIN_FIGURES = 3  # numbers each must print for their figures to tell the days apart
SHARED_FIGURES = 0.2  # ... and the share of the smaller set's numbers the other prints, below which they differ
TODAY_GAP_HOURS = 18.0  # two texts each of "this day" this far apart are of two days (times may be crawl times)


@dataclass(frozen=True, slots=True)
class Evidence:
    content: float
    cosine: float
    shared_terms: tuple[str, ...]  # the stems that weigh most in the cosine, heaviest first
    entities: float
    entity_jaccard: float
    shared_entities: tuple[str, ...]
    jaccard: float
    containment: float
    words: float
    words_containment: float
    opening: float
    trace_max: float
    trace_min: float
    verbatim: float
    title: float
    numbers: float
    size_ratio: float
    same_source: bool
    templated: bool
    other_day: bool
    other_act: bool
    gap_hours: float | None
    complete: bool = True  # False: the costly numbers not read yet (``first_evidence``), left at 0


def evidence(a: Profile, b: Profile, gap_hours: float | None) -> Evidence:
    return completed(first_evidence(a, b, gap_hours), a, b)


def first_evidence(a: Profile, b: Profile, gap_hours: float | None) -> Evidence:
    """Every number but the costly ones (the sentence trace, the shingle overlap, the shared terms shown),
    which stay 0 until ``completed`` reads them: most candidate pairs are decided without them
    (``naba.stories.sameness.model.judge_at_least``)."""
    shared = _shared_entities(a, b)
    smaller = min(len(a.entities[:MAX_ENTITIES]), len(b.entities[:MAX_ENTITIES]))
    return Evidence(
        content=content(a, b),
        cosine=cosine(a, b),
        shared_terms=(),
        entities=len(shared) / smaller if smaller else 0.0,
        entity_jaccard=_agreement(frozenset(a.entities[:MAX_ENTITIES]), frozenset(b.entities[:MAX_ENTITIES])),
        shared_entities=shared,
        jaccard=0.0,
        containment=0.0,
        **_word_overlap(a, b),
        opening=_array_jaccard(a.text.head, b.text.head),
        trace_max=0.0,
        trace_min=0.0,
        verbatim=0.0,
        title=_jaccard(frozenset(a.title), frozenset(b.title)),
        numbers=_agreement(frozenset(a.numbers), frozenset(b.numbers)),
        size_ratio=min(a.length, b.length) / max(a.length, b.length, 1),
        same_source=bool(a.source) and a.source == b.source,
        templated=False,
        other_day=_other_day(a, b, gap_hours),
        other_act=bool(a.act) and bool(b.act) and a.act != b.act,
        gap_hours=gap_hours,
        complete=False,
    )


def completed(e: Evidence, a: Profile, b: Profile) -> Evidence:
    """``e`` with the costly numbers read too."""
    if e.complete:
        return e
    overlap = a.text.overlap(b.text) or (0.0, 0.0)
    (trace_ab, trace_ba), (verbatim_ab, verbatim_ba) = trace(a, b, (TRACED, VERBATIM))
    return dataclasses.replace(
        e, shared_terms=shared_terms(a, b), jaccard=overlap[0], containment=overlap[1],
        trace_max=max(trace_ab, trace_ba), trace_min=min(trace_ab, trace_ba), verbatim=max(verbatim_ab, verbatim_ba),
        templated=TEMPLATE_CHECK <= overlap[0] < 1.0 and templated(a, b), complete=True)


def cosine(a: Profile, b: Profile) -> float:
    """Exact to the last bit whatever the order (math.fsum), clipped to [0, 1]."""
    u, v = a.terms.terms, b.terms.terms
    return max(0.0, min(1.0, math.fsum(u[s] * v[s] for s in u.keys() & v.keys())))


def content(a: Profile, b: Profile) -> float:
    """Cosine of the content vectors: a sum over the shared keys in key order, the same either way round."""
    _, ia, ib = np.intersect1d(a.content_keys, b.content_keys, assume_unique=True, return_indices=True)
    return max(0.0, min(1.0, float(np.dot(a.content_weights[ia], b.content_weights[ib]))))


def templated(a: Profile, b: Profile, numbers: bool = True) -> bool:
    ta, tb = a.text.tokens, b.text.tokens
    return ta is not None and tb is not None and _guard().templated(ta, tb, numbers)


@functools.cache
def _guard() -> TemplateGuard:
    return TemplateGuard()


def shared_terms(a: Profile, b: Profile, shown: int = SHOWN_TERMS) -> tuple[str, ...]:
    u, v = a.terms.terms, b.terms.terms
    return tuple(sorted(u.keys() & v.keys(), key=lambda s: (-u[s] * v[s], s))[:shown])


def trace(a: Profile, b: Profile, shares: tuple[float, ...] = (TRACED,)) -> list[tuple[float, float]]:
    """For each share: (the part of a's sentence words in sentences traced to b, the same for b in a),
    weighted by length. A sentence is traced when at least ``share`` of its content words are in one
    sentence of the other."""
    if a.bounds.size < 2 or b.bounds.size < 2:
        return [(0.0, 0.0)] * len(shares)
    shared = np.intersect1d(a.words, b.words, assume_unique=True)
    if shared.size == 0:
        return [(0.0, 0.0)] * len(shares)
    # OpenBLAS may raise a spurious floating-point "invalid" flag in a product of 0/1 matrices
    # (numpy/numpy#24067, OpenMathLib/OpenBLAS#1924): the values are exact, the warning is noise
    with np.errstate(invalid="ignore"):
        counts = _incidence(a, shared) @ _incidence(b, shared).T  # shared words of each sentence pair
    sizes_a, sizes_b = np.diff(a.bounds).astype(np.float32), np.diff(b.bounds).astype(np.float32)
    best_a, best_b = counts.max(axis=1), counts.max(axis=0)
    total_a, total_b = float(sizes_a.sum()), float(sizes_b.sum())
    return [(float(sizes_a[best_a >= share * sizes_a].sum()) / total_a,
             float(sizes_b[best_b >= share * sizes_b].sum()) / total_b) for share in shares]


def _incidence(p: Profile, shared: np.ndarray) -> np.ndarray:
    """Sentences × shared words, 1 where the sentence holds the word."""
    at = np.searchsorted(shared, p.sentences)
    present = shared[np.minimum(at, shared.size - 1)] == p.sentences
    rows = np.repeat(np.arange(p.bounds.size - 1), np.diff(p.bounds))[present]
    matrix = np.zeros((p.bounds.size - 1, shared.size), dtype=np.float32)
    matrix[rows, at[present]] = 1.0
    return matrix


def _other_day(a: Profile, b: Profile, gap_hours: float | None) -> bool:
    if gap_hours is None or gap_hours < OTHER_DAY_HOURS:
        return False
    if _other_days(a.days, b.days, gap_hours):
        return True
    if min(len(a.numbers), len(b.numbers)) < MIN_FIGURES:
        return False
    shared = len(frozenset(a.numbers) & frozenset(b.numbers))
    return shared < SHARED_FIGURES * min(len(a.numbers), len(b.numbers))


def _other_days(a: tuple[str, ...], b: tuple[str, ...], gap_hours: float) -> bool:
    """Named weekdays, none in common (a copy of the same day's report keeps its day: أمس الخميس of
    اليوم الخميس); or two texts each of "this day", far enough apart to be of two days."""
    named_a, named_b = frozenset(a) - {TODAY}, frozenset(b) - {TODAY}
    if named_a & named_b:
        return False
    return bool(named_a and named_b) or (gap_hours >= TODAY_GAP_HOURS and TODAY in a and TODAY in b)


def _shared_entities(a: Profile, b: Profile) -> tuple[str, ...]:
    theirs = set(b.entities[:MAX_ENTITIES])
    return tuple(e for e in a.entities[:MAX_ENTITIES] if e in theirs)


def _word_overlap(a: Profile, b: Profile) -> dict[str, float]:
    """Jaccard and containment of the content words of the two bodies (light rewording keeps most)."""
    wa, wb = a.words, b.words
    if wa.size == 0 or wb.size == 0:
        return {"words": 0.0, "words_containment": 0.0}
    inter = np.intersect1d(wa, wb, assume_unique=True).size
    return {"words": inter / (wa.size + wb.size - inter), "words_containment": inter / min(wa.size, wb.size)}


def _array_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if a.size == 0 or b.size == 0:
        return 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


def _agreement(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard, but two texts that print no numbers (or name nobody) agree on them: 1.0."""
    return _jaccard(a, b) if a or b else 1.0


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0
