"""Two stored articles judged by the sameness model, as the story stage judges a candidate pair."""

from __future__ import annotations

from naba.models import StoredArticle
from naba.stories.sameness import Judgement, evidence, judge, profile_of
from naba.stories.summaries import article_time


def judge_pair(a: StoredArticle, b: StoredArticle) -> Judgement:
    """Copy, same event, similarity and the evidence, for two stored articles (their reported times)."""
    gap = abs(article_time(a) - article_time(b)) / 3600.0
    pa, pb = profile_of(a.article), profile_of(b.article)
    return judge(evidence(pa, pb, gap), pa, pb)
