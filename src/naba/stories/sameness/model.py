"""The one model of sameness: from a pair's evidence, is one a copy of the other, do they tell one event?

Two logistic models over the same features (``naba.stories.sameness.evidence``):

    P(copy)        = σ(COPY.intercept + Σ COPY.weights[f] · f(evidence))
    P(same event)  = σ(SAME.intercept + Σ SAME.weights[f] · f(evidence))

A copy is always the same event (the stage puts a copy in its original's story); the reverse does not
hold. Three rules stand over the models: a filled-in template (``Evidence.templated``: other names, or
other numbers in mostly shared words, in the same slots) is neither a copy nor the same event, however
alike; and neither are two reports of another day (``Evidence.other_day``: the next market close, the
next day's weather bulletin), whose figures and weekday a copy republished the next day keeps, nor
a visit's arrival and its departure (``Evidence.other_act``), which the agency writes from one
template. The weights are fitted by ``bench/fit_sameness.py`` on the tune half of naba's labelled
pairs (``naba/evaluation/labels/sameness_pairs.jsonl``, ``sameness_pairs_more.jsonl``,
``sameness_stream_pairs.jsonl`` and ``sameness_journey_pairs.jsonl``) and reported on the other half;
``--write`` puts them here, they are never edited by hand. Logistic weights explain themselves:
``Judgement.reasons`` lists each feature's contribution to the decision, largest first.

``judge_at_least`` reads the costly evidence (the sentence trace, the shingle overlap) only when its most
favourable values could change the answer: the story stage and the related lists skip it for most pairs.

``similarity`` is the evidence's ``content`` cosine: how alike two texts read, graded (Pearson 0.75 with
the SemEval-2022 ar-ar raters), for ranking and for ``naba compare``; the decisions weigh it with the
rest of the evidence and the time gap.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass

from naba.stories.sameness.evidence import Evidence, completed, first_evidence, templated
from naba.stories.sameness.profile import Profile

# gap_hours unknown (a page with no date): counted as the typical gap of the training pairs
TYPICAL_GAP_HOURS = 6.0


def _log_gap(e: Evidence) -> float:
    return math.log1p(TYPICAL_GAP_HOURS if e.gap_hours is None else e.gap_hours)


FEATURES: dict[str, Callable[[Evidence], float]] = {
    "content": lambda e: e.content,
    "cosine": lambda e: e.cosine,
    "entities": lambda e: e.entities,
    "jaccard": lambda e: e.jaccard,
    "containment": lambda e: e.containment,
    "words": lambda e: e.words,
    "words_containment": lambda e: e.words_containment,
    "opening": lambda e: e.opening,
    "trace_max": lambda e: e.trace_max,
    "trace_min": lambda e: e.trace_min,
    "verbatim": lambda e: e.verbatim,
    "title": lambda e: e.title,
    "numbers": lambda e: e.numbers,
    "size_ratio": lambda e: e.size_ratio,
    "contained_share": lambda e: e.containment * e.size_ratio,
    "same_source": lambda e: float(e.same_source),
    "log_gap": _log_gap,
}


@dataclass(frozen=True, slots=True)
class Weights:
    intercept: float
    weights: dict[str, float]
    threshold: float  # the probability from which the answer is yes

    def logit(self, values: dict[str, float]) -> float:
        return self.intercept + math.fsum(self.weights[name] * values[name] for name in self.weights)


# fitted by bench/fit_sameness.py (see its output in docs/benchmarks.md); do not edit by hand
COPY = Weights(
    intercept=-6.0770, threshold=0.425,
    weights={"content": 2.0283, "cosine": 2.7024, "entities": 0.6822, "jaccard": 0.1212, "containment": 0.0211,
             "words": 1.2668, "words_containment": 1.2201, "opening": 0.3342, "trace_max": 1.8531,
             "trace_min": 0.0382, "verbatim": 1.1525, "title": 0.0185, "numbers": 0.2164, "size_ratio": 0.3308,
             "contained_share": 0.1985, "same_source": -1.6771, "log_gap": -0.3772})
SAME = Weights(
    intercept=-3.3965, threshold=0.475,
    weights={"content": 2.9396, "cosine": 3.0924, "entities": 1.4204, "jaccard": 0.0232, "containment": -0.8821,
             "words": 1.0699, "words_containment": 1.2266, "opening": -0.3238, "trace_max": 0.1938,
             "trace_min": -0.7634, "verbatim": 0.6378, "title": 0.9911, "numbers": 0.3621, "size_ratio": 0.1155,
             "contained_share": -0.1841, "same_source": -1.9359, "log_gap": -0.6653})


@dataclass(frozen=True, slots=True)
class Judgement:
    evidence: Evidence
    copy_probability: float
    same_probability: float
    similarity: float  # how alike the two texts read (the content cosine), time left out

    @property
    def bounded(self) -> bool:
        """Decided without the costly evidence (``judge_at_least``): the probabilities are upper bounds."""
        return not self.evidence.complete

    @property
    def ruled_out(self) -> bool:
        """Different news however alike: a filled-in template, another day's figures, a journey's other end."""
        return self.evidence.templated or self.evidence.other_day or self.evidence.other_act

    @property
    def ruling(self) -> str | None:
        """The rule that overruled both models, said for a reader (``naba compare``), if one did."""
        e = self.evidence
        if e.templated:
            return "one template filled in with other names or figures"
        if e.other_day:
            return "another day's report of a routine"
        return "the other end of a journey (an arrival and a departure)" if e.other_act else None

    @property
    def copy(self) -> bool:
        return self.copy_probability >= COPY.threshold and not self.ruled_out

    @property
    def same_event(self) -> bool:
        return (self.copy or self.same_probability >= SAME.threshold) and not self.ruled_out

    def reasons(self, model: Weights | None = None) -> list[tuple[str, float]]:
        """Each feature's contribution to the logit of ``model`` (the same-event model by default),
        largest first: what decided."""
        values = feature_values(self.evidence)
        chosen = model or SAME
        parts = [(name, round(weight * values[name], 4)) for name, weight in chosen.weights.items() if weight]
        return sorted(parts, key=lambda part: -abs(part[1]))


def feature_values(e: Evidence) -> dict[str, float]:
    return {name: f(e) for name, f in FEATURES.items()}


def judge(e: Evidence, a: Profile | None = None, b: Profile | None = None) -> Judgement:
    """The decisions on a pair's evidence. Given the two profiles, a pair the models call a copy or one
    event is first checked for other names in the same slots (a filled-in template; the check aligns the
    two texts, so it runs only when the answer would otherwise be yes)."""
    values = feature_values(e)
    judged = Judgement(e, _sigmoid(COPY.logit(values)), _sigmoid(SAME.logit(values)), e.content)
    if a is not None and b is not None and judged.same_event and templated(a, b, numbers=False):
        judged = dataclasses.replace(judged, evidence=dataclasses.replace(e, templated=True))
    return judged


def judge_at_least(a: Profile, b: Profile, gap_hours: float | None, same_floor: float) -> Judgement:
    """The pair's judgement, or a bounded one when the costly evidence (the sentence trace and the shingle
    overlap, ``first_evidence``) could not make it a copy nor lift P(same event) to ``same_floor`` even at
    its most favourable values: then its answers (no copy, not the same event) are those of ``judge``,
    its probabilities upper bounds, its similarity exact. Most candidate pairs are this far apart, and
    the trace is the costliest part of a judgement (an exact bound, as search engines skip documents
    that cannot reach the top k)."""
    if same_floor > SAME.threshold:
        raise ValueError(f"same_floor {same_floor} above the same-event threshold {SAME.threshold}")
    first = first_evidence(a, b, gap_hours)
    values = feature_values(first)  # the unread numbers are 0 in it
    copy_high = COPY.logit(values) + _unread_highest(COPY, first.size_ratio)
    same_high = SAME.logit(values) + _unread_highest(SAME, first.size_ratio)
    if copy_high < _logit(COPY.threshold) and same_high < _logit(same_floor):
        return Judgement(first, _sigmoid(copy_high), _sigmoid(same_high), first.content)
    return judge(completed(first, a, b), a, b)


_UNREAD = ("jaccard", "containment", "trace_max", "trace_min", "verbatim")  # each at most 1
_ROUNDING = 1e-9  # the sums above are not exact to the last bit: a margin keeps the bound a bound


def _unread_highest(model: Weights, size_ratio: float) -> float:
    """The most the numbers a first evidence leaves unread (at 0 there) can add to the model's logit: a
    trace, an overlap and a containment are at most 1, the contained share at most the size ratio, and
    a negative weight adds nothing at their lowest, 0."""
    return (math.fsum(max(0.0, model.weights[name]) for name in _UNREAD)
            + max(0.0, model.weights["contained_share"]) * size_ratio + _ROUNDING)


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= -700 else 0.0
