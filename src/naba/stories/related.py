"""An article's "similar articles" (مقالات مشابهة) and "read also" (اقرأ أيضا) lists.

Candidates come from what the store already knows, so a request costs a handful of indexed reads:
the story stage's links (articles it compared and found close: shared weighted terms within two
days), the article's own story, and the newest articles naming its main entities. Each candidate is
scored

    score = link * link_w + entities * entities_w + keywords * keywords_w + freshness * fresh_w  (RankWeights)

    link       the story stage's similarity (BM25-like rarity-weighted stems, title and lead first)
    entities   the share of the article's entity weight the candidate names (rank r weighs 1 / (1 + r))
    keywords   shared tags over the shorter tag list
    freshness  exp(-gap / FRESH_DAYS)

and candidates of one story collapse into one entry (its best article, every outlet, how many
copies), so a list never shows a story twice. "Similar" are the entries linked by text; "read also"
are other stories that share the main entities. The weights are chosen by `naba eval related --fit`
(nDCG@10 of every candidate story, ranked by score, against the sample corpus's labelled stories).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from naba.models import Recommendation, Related, StoredArticle
from naba.store import CandidateRow, Store


@dataclass(frozen=True, slots=True)
class RankWeights:
    link: float = 0.55
    entities: float = 0.25
    keywords: float = 0.1
    fresh: float = 0.1


WEIGHTS = RankWeights()
FRESH_DAYS = 3.0
MAIN_ENTITIES = 3  # entities whose newest articles are read-also candidates
PER_ENTITY = 20  # measured: 40 doubled the latency for no change on the labelled sample
MIN_SIMILAR_LINK = 0.15  # the story stage's link threshold: below it, not "similar"
SHOWN_WHY = 4


@dataclass(slots=True)
class _Entry:
    best: CandidateRow
    score: float
    why: tuple[str, ...]
    outlets: list[str]
    copies: int
    linked: bool


def related(store: Store, article_id: int, k: int = 10, read_also: int = 3,
            weights: RankWeights = WEIGHTS) -> Related | None:
    found = candidate_entries(store, article_id, weights)
    if found is None:
        return None
    me, entries = found
    similar = sorted((e for e in entries if e.linked), key=_rank)[:k]
    shown = {_story_key(e.best) for e in similar}
    main = set(me.entities[:MAIN_ENTITIES])
    others = [e for e in entries if _story_key(e.best) not in shown and _story_key(e.best) != _story_key(me)
              and main & set(e.best.entities)]
    also = sorted(others, key=_rank)[:read_also]
    articles = store.articles.get_many([e.best.id for e in similar + also])
    return Related(similar=tuple(_recommendation(e, articles) for e in similar if e.best.id in articles),
                   read_also=tuple(_recommendation(e, articles) for e in also if e.best.id in articles))


def candidate_entries(store: Store, article_id: int,
                      weights: RankWeights = WEIGHTS) -> tuple[CandidateRow, list[_Entry]] | None:
    """The article's ranking row and every candidate story, scored (one entry per story)."""
    rows = {row.id: row for row in store.articles.ranking_rows([article_id])}
    me = rows.get(article_id)
    if me is None:
        return None
    links = dict(store.stories.links_of(article_id))
    by_entity = store.entities.recent_articles(me.entities[:MAIN_ENTITIES], PER_ENTITY)
    story_mates = [] if me.story_id is None else [
        s.id for s in store.articles.newest(story_id=me.story_id, limit=50)]
    ids = (set(links) | set(by_entity) | set(story_mates)) - {article_id}
    candidates = [row for row in store.articles.ranking_rows(sorted(ids)) if not _same_text(me, row)]
    return me, _collapse(me, candidates, links, weights)


def score_candidate(me: CandidateRow, other: CandidateRow, link: float,
                    weights: RankWeights = WEIGHTS) -> tuple[float, tuple[str, ...]]:
    """The hybrid score of one candidate and why: shared entities, then shared tags."""
    by_rank = {name: 1.0 / (1 + rank) for rank, name in enumerate(me.entities)}
    theirs, their_keywords = set(other.entities), set(other.keywords)
    shared_entities = [name for name in me.entities if name in theirs]
    entities = sum(by_rank[n] for n in shared_entities) / (sum(by_rank.values()) or 1.0)
    shared_keywords = [kw for kw in me.keywords if kw in their_keywords and kw not in shared_entities]
    keywords = len(shared_keywords) / (min(len(me.keywords), len(other.keywords)) or 1)
    freshness = math.exp(-abs(me.ts - other.ts) / (FRESH_DAYS * 86400.0))
    score = (weights.link * link + weights.entities * entities + weights.keywords * min(1.0, keywords)
             + weights.fresh * freshness)
    return score, tuple((shared_entities + shared_keywords)[:SHOWN_WHY])


def _collapse(me: CandidateRow, candidates: list[CandidateRow], links: dict[int, float],
              weights: RankWeights) -> list[_Entry]:
    stories: dict[object, list[CandidateRow]] = defaultdict(list)
    for row in candidates:
        stories[_story_key(row)].append(row)
    entries = []
    for members in stories.values():
        scored = [(score_candidate(me, row, links.get(row.id, 0.0), weights), row) for row in members]
        (score, why), best = max(scored, key=lambda item: (item[0][0], item[1].ts, -item[1].id))
        linked = any(links.get(row.id, 0.0) >= MIN_SIMILAR_LINK for row in members) or (
            me.story_id is not None and best.story_id == me.story_id)
        outlets = list(dict.fromkeys(row.source for row in sorted(members, key=lambda r: r.ts) if row.source))
        entries.append(_Entry(best, score, why, outlets, len(members), linked))
    return entries


def _rank(entry: _Entry) -> tuple[float, float, int]:
    # fresh first among equals: scores are compared at two decimals
    return (-round(entry.score, 2), -entry.best.ts, entry.best.id)


def _story_key(row: CandidateRow) -> object:
    return ("story", row.story_id) if row.story_id is not None else ("article", row.id)


def _same_text(me: CandidateRow, other: CandidateRow) -> bool:
    """The article itself or a copy of the same text: never recommended."""
    mine = me.duplicate_of or me.id
    return other.id == me.id or (other.duplicate_of or other.id) == mine


def _recommendation(entry: _Entry, articles: dict[int, StoredArticle]) -> Recommendation:
    return Recommendation(article=articles[entry.best.id], story_id=entry.best.story_id,
                          score=round(min(1.0, entry.score), 4), why=entry.why, outlets=tuple(entry.outlets),
                          copies=entry.copies)
