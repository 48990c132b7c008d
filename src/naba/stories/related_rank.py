"""One ranker for both lists: the sameness model's evidence, fitted to what a reader calls related.

Every candidate the sources found (``naba.stories.related_sources``) gets a cheap first score from
what the sources say (the stage's link, its place in the search hits, the main names it shares, the
time gap); the FULL_CUT best are judged with the sameness model (``naba.stories.sameness``: content
similarity, same-event probability, shared entities; a candidate that cannot reach either list by an
upper bound of its scores skips the costly evidence) and scored twice, as logistic models:

    similar    = σ(S · [1, logit P(same event), content, names, same story, ln(1 + gap days), link, title,
                        event words])
    read_also  = σ(R · [1, logit P(same event), content, names, search, ln(1 + gap days), event words])

``link`` is the story stage's similarity (0 when it did not link them), ``title`` the Jaccard of the
titles' content words, ``event words`` the cosine of the rarity-weighted title-and-lead stems. ``names``
is the share of the article's entity weight the candidate names too (dateline names left
out, a generic country weighing little: ``naba.stories.related_facets``). The weights are fitted by
``naba.evaluation.related_fit`` on the tune half of naba's labelled lists (a person judged each
candidate: same event, a directly linked development, the same topic, unrelated) and are never edited
by hand. A candidate below its model's threshold (``SIMILAR``, ``READ_ALSO``) is not shown: a list may be
shorter, never padded. A filled-in template of the article (another wedding, another cable) is never the same event.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from naba.models import StoredArticle
from naba.store import CandidateRow
from naba.stories.related_facets import Facets
from naba.stories.related_sources import Sources
from naba.stories.sameness import SAME, Judgement, Profile, evidence, judge, judge_at_least
from naba.stories.sameness.evidence import completed
from naba.stories.summaries import article_time

FULL_CUT = 16  # candidates judged with the full sameness evidence


@dataclass(frozen=True, slots=True)
class Model:
    weights: tuple[float, ...]
    threshold: float

    def score(self, values: tuple[float, ...]) -> float:
        z = math.fsum(w * v for w, v in zip(self.weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


# fitted by naba.evaluation.related_fit on the tune half's 1,101 judged candidates (threshold: tune-half
# precision of same event or linked 0.87 for similar, of same topic or linked 0.91 for read also); do not
# edit by hand
SIMILAR = Model((-3.606, 0.444, 3.392, 1.591, 0.357, -0.137, 3.081, -0.197, 3.512), threshold=0.75)
READ_ALSO = Model((-3.771, 0.237, 6.679, 2.218, 1.438, 0.292, 4.638), threshold=0.6)


@dataclass(slots=True)
class Scored:
    """One judged candidate."""

    stored: StoredArticle
    row: CandidateRow
    facets: Facets
    profile: Profile
    judgement: Judgement
    names: float
    sources: Sources
    gap_days: float
    similar: float = 0.0
    read_also: float = 0.0

    def values(self, which: str) -> tuple[float, ...]:
        return similar_values(self) if which == "similar" else read_also_values(self)


def first_cut(me: CandidateRow, rows: list[CandidateRow], found: dict[int, Sources],
              weights: dict[str, float]) -> list[CandidateRow]:
    """The FULL_CUT candidates most worth judging, by what the sources already say."""
    total = sum(weights.values()) or 1.0

    def cheap(row: CandidateRow) -> float:
        said = found[row.id]
        names = sum(weights.get(n, 0.0) for n in set(row.entities) & weights.keys()) / total
        gap = abs(me.ts - row.ts) / 86400.0
        return 2 * said.link + said.search + names + 1.5 * said.same_story - 0.3 * math.log1p(gap)

    return sorted(rows, key=lambda row: (-cheap(row), row.id))[:FULL_CUT]


def judged(me: StoredArticle, my_profile: Profile, my_facets: Facets, other: StoredArticle, row: CandidateRow,
           profile: Profile, facets: Facets, sources: Sources, exact: bool = False) -> Scored:
    """The candidate judged and scored. Both scores rise with P(same event), so a bounded judgement
    (``judge_at_least``) gives upper bounds of them: when those are below both thresholds the candidate
    is shown in neither list and the costly evidence is never read (``exact`` reads it always, for
    fitting the ranker)."""
    gap_hours = abs(article_time(me) - article_time(other)) / 3600.0
    j = (judge(evidence(my_profile, profile, gap_hours), my_profile, profile) if exact
         else judge_at_least(my_profile, profile, gap_hours, SAME.threshold))
    scored = Scored(other, row, facets, profile, j, my_facets.share(facets), sources, gap_hours / 24.0)
    _score(scored)
    if j.bounded and (scored.similar >= SIMILAR.threshold or scored.read_also >= READ_ALSO.threshold):
        scored.judgement = judge(completed(j.evidence, my_profile, profile), my_profile, profile)
        _score(scored)
    return scored


def _score(scored: Scored) -> None:
    scored.similar = SIMILAR.score(similar_values(scored))
    scored.read_also = READ_ALSO.score(read_also_values(scored))


def similar_values(s: Scored) -> tuple[float, ...]:
    e = s.judgement.evidence
    return (1.0, _same(s), s.judgement.similarity, s.names, float(s.sources.same_story), math.log1p(s.gap_days),
            s.sources.link, e.title, e.cosine)


def read_also_values(s: Scored) -> tuple[float, ...]:
    return (1.0, _same(s), s.judgement.similarity, s.names, s.sources.search, math.log1p(s.gap_days),
            s.judgement.evidence.cosine)


def _same(s: Scored) -> float:
    """logit of P(same event), clipped; a filled-in template is not the same event."""
    p = 0.001 if s.judgement.evidence.templated else min(0.999, max(0.001, s.judgement.same_probability))
    return math.log(p / (1.0 - p))


Scorer = Callable[[Scored], float]
