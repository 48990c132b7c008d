"""Which stories matter most now: many outlets carrying a story, recently.

    weight = (outlets^OUTLET_EXPONENT + articles / ARTICLES_PER_OUTLET) * 0.5^(age / HALF_LIFE_HOURS)

With the exponent above 1, breadth counts more than linearly (four outlets weigh 8, one weighs 1);
the article count only breaks near-ties (ten articles weigh as much as one outlet). The weight halves
every ``HALF_LIFE_HOURS``. Age is counted back from the newest story in the list, so a store that stopped
updating still has a front page; with an exponential decay the order does not depend on that anchor
anyway. Ties go to the later story, then to the higher id, so the order is total.
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
    times = {s.id: to_timestamp(s.last_at) or 0.0 for s in stories}
    anchor = max(times.values())

    def weight(story: StorySummary) -> float:
        age_hours = max(0.0, anchor - times[story.id]) / 3600
        reach = len(story.outlets) ** OUTLET_EXPONENT + story.articles / ARTICLES_PER_OUTLET
        return float(reach * math.pow(0.5, age_hours / HALF_LIFE_HOURS))

    return tuple(sorted(stories, key=lambda s: (-weight(s), -times[s.id], -s.id))[:limit])
