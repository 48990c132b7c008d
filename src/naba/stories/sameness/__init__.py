"""One model of sameness: is one article a copy of another, do two articles tell one event, and why.

    profile.py   what one article brings to every comparison (computed once, in the pipeline's workers)
    evidence.py  the numbers a pair gives: shared terms, entities, shingles, traced sentences, time gap
    model.py     the fitted decisions (copy, same event), the similarity, and the reasons behind them

    p = profile_of(article); q = profile_of(other)
    j = judge(evidence(p, q, gap_hours))
    j.copy, j.same_event, j.similarity, j.reasons()

The story stage, ``naba compare``, the related lists and the evaluations all use this one model.
"""

from naba.stories.sameness.evidence import Evidence, evidence
from naba.stories.sameness.model import COPY, SAME, Judgement, Weights, feature_values, judge, judge_at_least
from naba.stories.sameness.profile import Profile, profile_of, profile_of_text

__all__ = ["COPY", "SAME", "Evidence", "Judgement", "Profile", "Weights", "evidence", "feature_values", "judge",
           "judge_at_least", "profile_of", "profile_of_text"]
