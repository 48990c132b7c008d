"""Where an article's related candidates come from: three sources, each around the article's own time.

    story     the story stage's similar-article links (pairs it judged, within two days) and the
              members of the article's own story
    search    the full-text index: an OR of the article's SEARCH_TERMS rarest title-and-lead words,
              each as written (rarity in Arabic at large, ``naba.text.frequency``), ranked by the
              index (bm25 in SQLite, ts_rank in PostgreSQL), within WINDOW_DAYS either side
    entities  the articles naming its main names nearest in time, PER_ENTITY before and after, within
              WINDOW_DAYS either side (``Entities.around``), never the newest in the whole store

Each source gives a number the ranker's first cut reads (``Sources``); the ranker judges the best of
them with the sameness model (``naba.stories.related_rank``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from naba.models import MatchQuery, QueryTerm, StoredArticle
from naba.store import Store
from naba.stories.related_facets import Facets
from naba.stories.summaries import article_time
from naba.text import dateline_end, is_stopword, stem, tokens
from naba.text.frequency import rarity

WINDOW_DAYS = 30.0  # "around its time": days to weeks, never years
SEARCH_TERMS = 6
SEARCH_LEAD_TOKENS = 60
SEARCH_LIMIT = 25
MIN_SEARCH_RARITY = 4.5  # words more common than this find thousands of articles, and cost the index time
MAIN_ENTITIES = 4
PER_ENTITY = 12
STORY_MATES = 40


@dataclass(slots=True)
class Sources:
    """What the three sources say of one candidate."""

    link: float = 0.0  # the story stage's similarity, 0 when not linked
    search: float = 0.0  # 1 for the best search hit, falling with its place in the hits
    names: list[str] = field(default_factory=list)  # the main names it shares (by the entity index)
    same_story: bool = False


def gather(store: Store, stored: StoredArticle, facets: Facets) -> dict[int, Sources]:
    """Every candidate of the article (itself excluded), with what each source says of it."""
    found: dict[int, Sources] = {}
    for other, score in store.stories.links_of(stored.id):
        found.setdefault(other, Sources()).link = score
    if stored.story_id is not None:
        for mate in store.related.story_members(stored.story_id, STORY_MATES):
            found.setdefault(mate, Sources()).same_story = True
    ts = article_time(stored)
    query = _search(stored, ts)
    for place, hit_id in enumerate(store.search.ranked_ids(query) if query.terms else ()):
        found.setdefault(hit_id, Sources()).search = 1.0 / (1.0 + place / 5.0)
    if ts:
        for other, names in store.entities.around(facets.entities[:MAIN_ENTITIES], ts, WINDOW_DAYS,
                                                  PER_ENTITY).items():
            found.setdefault(other, Sources()).names = names
    found.pop(stored.id, None)
    return found


def search_terms(stored: StoredArticle) -> tuple[str, ...]:
    """The rarest content words of the title and the lead (the dateline left out), title words first
    among equals: what the article is about, in the index's normal form."""
    article = stored.article
    title = tokens(article.title or "")
    body = article.body
    lead = tokens(body[dateline_end(body):][:1200])[:SEARCH_LEAD_TOKENS]
    weight: dict[str, float] = {}
    for bonus, words in ((1.5, title), (1.0, lead)):
        for word in words:
            if len(word) > 2 and not word.isdigit() and not is_stopword(word):
                value = rarity(word)
                if value >= MIN_SEARCH_RARITY:
                    weight[word] = max(weight.get(word, 0.0), value * bonus)
    return tuple(sorted(weight, key=lambda w: (-weight[w], w))[:SEARCH_TERMS])


def _search(stored: StoredArticle, ts: float) -> MatchQuery:
    words = search_terms(stored)
    # each word as written (a one-word phrase): its stem would match across the stems column, which
    # costs three times as much for candidates the story links and the names already bring
    either = tuple(QueryTerm(w, stem(w), phrase=(w,)) for w in words)
    terms = (QueryTerm(words[0], stem(words[0]), any_of=either),) if words else ()
    reach = WINDOW_DAYS * 86400.0
    return MatchQuery(terms, since_ts=ts - reach if ts else None, until_ts=ts + reach if ts else None,
                      limit=SEARCH_LIMIT)
