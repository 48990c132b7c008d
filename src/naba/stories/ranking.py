"""Which stories matter most now: many outlets carrying a story, recently.

    weight = (outlets^OUTLET_EXPONENT + articles / ARTICLES_PER_OUTLET) * 0.5^(age / HALF_LIFE_HOURS)

With the exponent above 1, breadth counts more than linearly (four outlets weigh 8, one weighs 1);
the article count only breaks near-ties (ten articles weigh as much as one outlet). The weight halves
every ``HALF_LIFE_HOURS``. Age is counted back from the newest story in the list, so a store that stopped
updating still has a front page; with an exponential decay the order does not depend on that anchor
anyway. Ties go to the later story, then to the higher id, so the order is total.

A story none of whose articles gives a date (``last_at`` is None) has no age: it comes after every
dated story, among its kind by reach, then id. It is never dated by when it was ingested, which would
make a bundle of undated pages the newest news.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from naba.dates import to_timestamp
from naba.models import StorySummary

HALF_LIFE_HOURS = 18.0  # a story's recency weight halves every this many hours
OUTLET_EXPONENT = 1.5
ARTICLES_PER_OUTLET = 10


def rank_stories(stories: Sequence[StorySummary], limit: int) -> tuple[StorySummary, ...]:
    """The ``limit`` heaviest stories, heaviest first."""
    if not stories:
        return ()
    times = {s.id: to_timestamp(s.last_at) for s in stories}
    anchor = max((t for t in times.values() if t is not None), default=0.0)

    def reach(story: StorySummary) -> float:
        return float(len(story.outlets) ** OUTLET_EXPONENT + story.articles / ARTICLES_PER_OUTLET)

    def key(story: StorySummary) -> tuple[bool, float, float, int]:
        ts = times[story.id]
        if ts is None:
            return (True, -reach(story), 0.0, -story.id)
        age_hours = max(0.0, anchor - ts) / 3600
        return (False, -reach(story) * math.pow(0.5, age_hours / HALF_LIFE_HOURS), -ts, -story.id)

    return tuple(sorted(stories, key=key)[:limit])
