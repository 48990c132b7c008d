"""An article's "similar articles" (مقالات مشابهة) and "read also" (اقرأ أيضا) lists, precomputed.

The story stage marks the articles whose lists its decisions made stale (``touched``: those it placed or
re-placed and their close neighbours); ``naba.engine.lists`` computes them after the stage (`naba
ingest`, `naba watch` and `naba refresh` run it, in worker processes when asked), and the store keeps
them (``Store.related``); an article page reads them with one indexed read and ranks nothing
(``related``). The lists are out of the stage's path because they cost more than placing (a search,
the entity index and sixteen judgements an article) and because an article a batch's neighbours touch
again is then computed once, not once a batch. Computing one article's lists:

1. candidates from three sources around the article's time (``naba.stories.related_sources``);
2. one ranker on the sameness model's evidence (``naba.stories.related_rank``): a candidate below its
   list's minimum score is not shown, so a list may be shorter and is never padded;
3. one entry per story (its best article, every outlet of its candidates, how many collapsed), the
   article itself and its copies never among them; two entries whose texts read alike or that the
   sameness model calls the same event (a story the stage split), or that are each the article's own
   event, are one entry: a reader sees the event once, with its outlets;
4. "similar" = the article's event, then a directly linked development the ranker is sure of
   (``LINKED_MIN``), best first; "read also" = other
   stories on the article's names or topic within ``WINDOW_DAYS``, never a story shown as similar,
   each unlike the ones before it (diverse), and only when both name something specific;
5. "why" = what both articles really name (``naba.stories.related_facets``): no dateline place, no
   outlet, no generic country when the article is about something narrower.
"""

from __future__ import annotations

import time
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from naba.models import Grouping, Recommendation, Related, StoredArticle
from naba.store import CandidateRow, Link, ListedItem, Store, StoredLists
from naba.stories.related_facets import Facets, facets_of
from naba.stories.related_rank import READ_ALSO, SIMILAR, Scored, first_cut, judged
from naba.stories.related_sources import WINDOW_DAYS, gather
from naba.stories.sameness import Profile, evidence, judge, profile_of
from naba.stories.sameness.evidence import content
from naba.text import index, tokens

MAX_SIMILAR = 10  # stored; a page shows its k of them
MAX_READ_ALSO = 5
SHOWN_WHY = 4
MERGE_CONTENT = 0.6  # two entries whose texts read this alike are one story (the stage split it)
# "similar" beyond the article's own event: a candidate the sameness model does not call the same event
# is shown only this sure (a linked development); below it, it may be read also. The ranker cannot tell
# a linked development from the same running topic (out of fold its precision never reaches 0.9 on
# the tune rows), so the lowest cut whose tune precision of the whole list is 0.90 (0.905 on both tune
# samples; 0.889 at 0.9, 0.856 at 0.85)
LINKED_MIN = 0.95
DIVERSE_CONTENT = 0.45  # a read-also entry this close to one shown before it adds nothing
CACHE_ARTICLES = 6000  # judged articles kept (article, profile, facets: ~20 kB each)

__all__ = ["MAX_READ_ALSO", "MAX_SIMILAR", "WINDOW_DAYS", "Judged", "candidates", "compute", "compute_many",
           "refresh", "related", "touched"]


def related(store: Store, article_id: int, k: int = 10, read_also: int = 3) -> Related | None:
    """The article's stored lists (its first ``k`` similar and ``read_also`` read-also entries); None
    when there is no such article. A store written before lists were stored has them computed here."""
    lists = store.related.lists(article_id)
    if lists is None:
        if store.articles.get(article_id) is None:
            return None
        lists = compute(store, article_id, Judged(store)) or ((), ())
    similar, also = lists[0][:k], lists[1][:read_also]
    articles = store.articles.get_many([item.article_id for item in similar + also])
    return Related(similar=tuple(_recommendation(i, articles) for i in similar if i.article_id in articles),
                   read_also=tuple(_recommendation(i, articles) for i in also if i.article_id in articles))


def refresh(store: Store, article_ids: Iterable[int], judged: Judged | None = None) -> int:
    """Compute and store the lists of these articles now; how many were stored."""
    started = time.time()
    lists = compute_many(store, article_ids, judged or Judged(store))
    store.related.write(lists, started)
    return len(lists)


def compute_many(store: Store, article_ids: Iterable[int], judged: Judged) -> list[tuple[int, StoredLists]]:
    """The lists of these articles (those that exist), in id order."""
    lists = []
    for article_id in sorted(set(article_ids)):
        found = compute(store, article_id, judged)
        if found is not None:
            lists.append((article_id, found))
    return lists


class Judged:
    """Articles with their profile and facets, the most recently used kept (a batch's neighbours are
    the next batch's). ``shared`` profiles (the story stage's memory) are used rather than recomputed."""

    def __init__(self, store: Store, shared: Mapping[int, Profile] | None = None, size: int = CACHE_ARTICLES):
        self.store = store
        self.shared = shared if shared is not None else {}
        self.size = size
        self._kept: OrderedDict[int, tuple[StoredArticle, Profile, Facets]] = OrderedDict()

    def get(self, ids: Sequence[int]) -> dict[int, tuple[StoredArticle, Profile, Facets]]:
        missing = [i for i in ids if i not in self._kept]
        for article_id, stored in self.store.articles.get_many(missing).items() if missing else ():
            profile = self.shared.get(article_id) or profile_of(stored.article)
            self._kept[article_id] = (stored, profile, facets_of(stored))
        found = {}
        for article_id in ids:
            if article_id in self._kept:
                self._kept.move_to_end(article_id)
                found[article_id] = self._kept[article_id]
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)
        return found

    def forget(self, ids: Iterable[int]) -> None:
        """Changed articles are read again."""
        for article_id in ids:
            self._kept.pop(article_id, None)


def compute(store: Store, article_id: int, judged_articles: Judged) -> StoredLists | None:
    """The article's (similar, read_also), best first; None when there is no such article."""
    found = candidates(store, article_id, judged_articles)
    return None if found is None else lists_of(*found)


def lists_of(me: StoredArticle, facets: Facets, scored: list[Scored]) -> StoredLists:
    """The two lists from the article's judged candidates (its copies left out)."""
    return _lists(me, facets, [item for item in scored if not item.judgement.copy])


def candidates(store: Store, article_id: int, judged_articles: Judged,
               exact: bool = False) -> tuple[StoredArticle, Facets, list[Scored]] | None:
    """The article, its facets, and its candidates judged with the sameness model and scored (``exact``:
    every candidate with its full evidence, not only those that can be shown)."""
    mine = judged_articles.get([article_id]).get(article_id)
    if mine is None:
        return None
    stored, profile, facets = mine
    found = gather(store, stored, facets)
    rows = {row.id: row for row in store.articles.ranking_rows([article_id, *sorted(found)])}
    me = rows.pop(article_id, None)
    if me is None:
        return None
    cut = first_cut(me, [row for row in rows.values() if not _same_text(me, row)], found, facets.weights)
    others = judged_articles.get([row.id for row in cut])
    scored = []
    for row in cut:
        if row.id in others:
            other, other_profile, other_facets = others[row.id]
            scored.append(judged(stored, profile, facets, other, row, other_profile, other_facets, found[row.id],
                                 exact))
    return stored, facets, scored


@dataclass(slots=True)
class _Entry:
    best: Scored
    score: float
    members: list[Scored] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


def _lists(me: StoredArticle, facets: Facets, scored: list[Scored]) -> StoredLists:
    stories: dict[object, list[Scored]] = defaultdict(list)
    for item in scored:
        stories[_story_key(item.row)].append(item)
    similar: list[_Entry] = []
    for members in sorted(stories.values(), key=lambda m: -max(s.similar for s in m)):
        best = max(members, key=lambda s: (s.similar, -s.row.id))
        if best.similar < SIMILAR.threshold or (not best.judgement.same_event and best.similar < LINKED_MIN):
            continue
        twin = next((e for e in similar if _one_story(e.best, best)), None)
        if twin is not None:
            twin.members += members
        elif len(similar) < MAX_SIMILAR:
            similar.append(_Entry(best, best.similar, list(members)))
    shown_keys = {_story_key(s.row) for e in similar for s in e.members} | {_story_key_of(me)}
    also: list[_Entry] = []
    for key, members in sorted(stories.items(), key=lambda kv: -max(s.read_also for s in kv[1])):
        best = max(members, key=lambda s: (s.read_also, -s.row.id))
        if key in shown_keys or best.read_also < READ_ALSO.threshold or len(also) >= MAX_READ_ALSO \
                or not facets.shared(best.facets, 1):  # nothing specific in common: no reason to show it
            continue
        if any(content(e.best.profile, best.profile) >= DIVERSE_CONTENT for e in similar + also):
            continue
        also.append(_Entry(best, best.read_also, list(members)))
    return (tuple(_listed(me, facets, e) for e in similar), tuple(_listed(me, facets, e) for e in also))


def _one_story(a: Scored, b: Scored) -> bool:
    """Two entries that tell one story (the stage split it, or kept a late report apart): each is the
    article's own event, their texts read alike, or the sameness model calls them the same event."""
    if (a.judgement.same_event and b.judgement.same_event) or content(a.profile, b.profile) >= MERGE_CONTENT:
        return True
    gap_hours = abs(a.row.ts - b.row.ts) / 3600.0
    return judge(evidence(a.profile, b.profile, gap_hours), a.profile, b.profile).same_event


def _listed(me: StoredArticle, facets: Facets, entry: _Entry) -> ListedItem:
    members = sorted(entry.members, key=lambda s: (s.row.ts, s.row.id))
    outlets = tuple(dict.fromkeys(s.row.source for s in members if s.row.source))
    best = entry.best
    why = facets.shared(best.facets, SHOWN_WHY) or _shared_title_words(me, best.stored)
    return ListedItem(best.row.id, best.row.story_id, round(entry.score, 4), why, outlets, len(members))


def _shared_title_words(me: StoredArticle, other: StoredArticle) -> tuple[str, ...]:
    """When no name is shared: the content words of both titles, as the article's title writes them."""
    theirs = set(tokens(other.article.title or ""))
    words = [w for w in (me.article.title or "").split() if len(index(w)) > 3 and index(w) in theirs]
    return tuple(dict.fromkeys(w.strip("«»\"'،,.:؛!؟?()") for w in words))[:SHOWN_WHY]


def _story_key(row: CandidateRow) -> object:
    return ("story", row.story_id) if row.story_id is not None else ("article", row.id)


def _story_key_of(stored: StoredArticle) -> object:
    return ("story", stored.story_id) if stored.story_id is not None else ("article", stored.id)


def _same_text(me: CandidateRow, other: CandidateRow) -> bool:
    """The article itself or a copy of the same text (by the stage's copy decisions)."""
    mine = me.duplicate_of or me.id
    return other.id == me.id or (other.duplicate_of or other.id) == mine


def _recommendation(item: ListedItem, articles: dict[int, StoredArticle]) -> Recommendation:
    stored = articles[item.article_id]
    return Recommendation(article=stored, story_id=stored.story_id, score=min(1.0, item.score), why=item.why,
                          outlets=item.outlets, copies=item.copies)




NEIGHBOUR_LINK = 0.5  # a placed article's linked neighbours this close get their lists computed again


def touched(placed: Iterable[int], changed: Iterable[Grouping], links: Iterable[Link]) -> set[int]:
    """The articles whose lists the story stage's decisions made stale: those it placed or re-placed,
    and their close neighbours (which may now list them)."""
    ids = set(placed) | {g.article_id for g in changed}
    return ids | {b for a, b, score in links if score >= NEIGHBOUR_LINK}
