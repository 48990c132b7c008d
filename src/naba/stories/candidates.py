"""Which pairs of articles are compared, and what is kept of the comparisons: the rule, pure.

One rule, two executors: the online story stage (``naba.stories.stage``) applies it with in-memory
posting lists as batches arrive, and the batch executors of ``naba backfill`` (``naba.engine.backfill``)
with joins over the whole collection. Both call these functions, so they compare the same pairs and
keep the same links.

Two articles are compared when
- they share at least MIN_SHARED of their signature stems (``Profile.signature``) and were reported at
  most MAX_GAP_HOURS apart (found through (stem, day) keys: an article probes the days ``probe_days``
  gives, the other is posted under ``day`` of its own time), or
- they share an LSH band key of their shingle sketches (``Profile.text.bands``; band i is a key in band
  table i only), at any distance: a copy republished later.

"Earlier" is ``order_key``: (reported time, a content key that breaks ties alike in every process).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from naba.models import StoredArticle
from naba.stories.summaries import article_time, content_key

MAX_GAP_HOURS = 48.0  # candidates by shared stems come from within this many hours
MIN_SHARED = 2  # signature stems two articles must share to be compared
MAX_LINKS = 20  # "similar article" links kept per article
LINK_SIMILARITY = 0.3  # the time-free similarity from which a pair is a "similar article" link
DAY_SECONDS = 86400

Order = tuple[float, str]


def day(ts: float) -> int:
    """The day an article is posted under, for the (stem, day) keys."""
    return int(ts // DAY_SECONDS)


def probe_days(ts: float) -> range:
    """The days whose postings can hold an article within MAX_GAP_HOURS of ``ts``."""
    gap = MAX_GAP_HOURS * 3600.0
    return range(day(ts - gap), day(ts + gap) + 1)


def is_candidate(shared_stems: int, gap_seconds: float, shared_band: bool) -> bool:
    """Whether a pair is compared: enough shared signature stems within the window, or a shared band."""
    return shared_band or (shared_stems >= MIN_SHARED and abs(gap_seconds) <= MAX_GAP_HOURS * 3600.0)


def best_links(article_id: int, judged: Iterable[tuple[int, float]],
               order: Callable[[int], object] | None = None) -> list[tuple[int, int, float]]:
    """The "similar article" links of an article from its judged pairs ((other id, similarity)), as the
    stores keep them: (article, other, rounded similarity), best first, at most MAX_LINKS. Equal
    similarities (copies of one text) go by ``order`` of the other (default: its id; the online stage,
    whose ids follow arrival, passes the order key)."""
    tie = order or (lambda other: other)
    best = sorted(((similarity, other) for other, similarity in judged if similarity >= LINK_SIMILARITY),
                  key=lambda pair: (-pair[0], tie(pair[1])))
    return [(article_id, other, round(similarity, 4)) for similarity, other in best[:MAX_LINKS]]


def order_key(stored: StoredArticle) -> Order:
    """(reported time, content key): "earlier" for every rule; the key breaks ties the same way in
    every process, whatever the ids."""
    article = stored.article
    return (article_time(stored), content_key(article.canonical_url, article.source, article.title, article.body))
