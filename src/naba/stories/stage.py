"""The story stage: copies, stories and similar-article links, decided online as articles are stored.

It keeps the recent articles' profiles in memory (``naba.stories.placement.Placement``), finds each new
article's candidates, judges every candidate pair with the one sameness model (naba.stories.sameness),
lets the placement rules decide, and writes what changed. The rules depend on the set of articles, not
on the order or the batches they came in (tested on the sample corpus and two days of SaudiNewsNet).

Candidates of an article are the articles in memory that (``naba.stories.candidates``, the rule the
batch executors of ``naba backfill`` apply too)
- share at least MIN_SHARED of its heaviest stems (its signature) within MAX_GAP_HOURS (a posting list
  by (stem, day), so a search reads only the days within reach), or
- share an LSH band of its shingles (naba.stories.copies): a copy republished later, at any distance.

The articles within REACH of a batch are loaded from the store first (with their saved decisions and the
pairs judged when they were placed, ``Stories.judged_pairs``: a context article is judged again only when
its pairs were never kept, by a store older than them or the backfill, and they are kept then), so a
new process continues where the last one stopped; several processes take turns under the store's story
lock and take in each other's decisions first. Memory holds at most MAX_NODES articles (~17 kB each: the
profile ~13 kB with its band index entries, bench/profiles.py; postings, edges, the similarities of its
link-worthy pairs and the node the rest); past it the older half is let go, and read again if needed.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence

from naba.models import Grouping, StoredArticle
from naba.store import Judged, JudgedPair, Link, Store
from naba.stories.candidates import LINK_SIMILARITY, MAX_GAP_HOURS, best_links, day, is_candidate, order_key, probe_days
from naba.stories.copies import BandIndex
from naba.stories.placement import KEEP, MAX_SPAN_HOURS, Edge, Node, Placement
from naba.stories.related import touched
from naba.stories.sameness import Judgement, Profile, judge_at_least, profile_of
from naba.stories.sameness.profile import SKETCHER
from naba.stories.summaries import article_time, summarize_story

MAX_NODES = 400_000
# what is loaded around a batch: candidates, and the cores of their stories
REACH_HOURS = MAX_GAP_HOURS + MAX_SPAN_HOURS


class StoryStage:
    """``process`` groups newly stored or changed articles and writes the decisions that changed."""

    def __init__(self, store: Store):
        self.store = store
        self.placement = Placement()
        self.reach = REACH_HOURS * 3600.0
        self.postings: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.bands: BandIndex[int] = BandIndex(SKETCHER.tables)
        self.profiles: dict[int, Profile] = {}
        # the judged pairs similar enough to be links, both ways: an article that chooses its links again
        # reads them here instead of judging its candidates again
        self.similar: dict[int, dict[int, float]] = defaultdict(dict)
        self.saved: dict[int, Grouping | None] = {}  # what the store holds for each node
        self._loaded: list[tuple[float, float]] = []  # time spans already read from the store
        self._seq: int | None = None  # the store's story-write number this memory is up to date with
        # the pairs judged since the last write, and the articles judged against all of memory: written
        # with the batch, so that a later process reads them back instead of judging its context again
        self._pairs: list[JudgedPair] = []
        self._complete: list[int] = []

    @property
    def nodes(self) -> dict[int, Node]:
        return self.placement.nodes

    def process(self, items: Iterable[int | tuple[int, Profile | None]]) -> list[Grouping]:
        """Group these stored articles (by id, or as (id, profile)); write and return what changed."""
        profiles: dict[int, Profile | None] = {}
        for item in items:
            article_id, profile = item if isinstance(item, tuple) else (item, None)
            profiles[article_id] = profile
        if not profiles:
            return []
        with self.store.stories.lock():
            return self._process(profiles)

    def _process(self, profiles: dict[int, Profile | None]) -> list[Grouping]:
        self._catch_up()
        fresh = self.store.articles.get_many(sorted(profiles))
        if not fresh:
            return []
        for article_id in fresh:
            self._forget(article_id)  # a changed article is placed again from scratch
        times = [article_time(stored) for stored in fresh.values()]
        self._load(min(times) - self.reach, max(times) + self.reach, skip=fresh)
        links: list[Link] = []
        overtaken: set[int] = set()  # earlier articles reported after a newcomer: they choose their links again
        for stored in sorted(fresh.values(), key=order_key):
            chosen, later = self._add(stored, profiles.get(stored.id) or profile_of(stored.article), None)
            links += chosen
            overtaken.update(later)
        self.placement.settle()
        changed = [self.nodes[i].grouping() for i in sorted(self.placement.take_changed())]
        changed = [g for g in changed if self.saved.get(g.article_id) != g]
        # an article placed before and stored again changed (a republished page): its old links go,
        # and the articles that had chosen it as a link choose again
        republished = sorted(i for i, stored in fresh.items() if stored.story_id is not None)
        chose_again, their_links = self._choose_again(republished, overtaken - fresh.keys())
        judged = Judged(self._pairs, self._complete, replaced=republished)  # a new article has no pairs yet
        self._pairs, self._complete = [], []
        self.store.stories.apply(changed, links + their_links, [], summarize_story,
                                 relinked=republished + chose_again, judged=judged)
        for grouping in changed:
            self.saved[grouping.article_id] = grouping
        # the related lists of the placed and their neighbours are computed after the stage (naba.engine.lists)
        self.store.related.mark_stale(touched(fresh, changed, links), time.time())
        self._seq = self.store.stories.seq()
        if len(self.nodes) > MAX_NODES:
            self._evict()
        return changed

    # -- one article ----------------------------------------------------------------------------

    def _add(self, stored: StoredArticle, profile: Profile, saved: Grouping | None,
             recorded: list[JudgedPair] | None = None) -> tuple[list[Link], list[int]]:
        """Judge the article against its candidates and add it: the similar-article links it chooses (its
        best pairs with articles reported before it), and the articles reported after it that it would
        be a link of (each chooses among the articles reported before it, whatever came first). An
        article placed earlier whose judgements were ``recorded`` takes them instead of being judged."""
        node = Node(stored.id, order_key(stored), profile)
        if saved is not None:
            node.duplicate_of, node.story_id = saved.duplicate_of, saved.story_id
            node.parent, node.parent_score = saved.parent_id, saved.parent_score
        judged: list[tuple[int, Judgement]] | list[tuple[int, Edge]]
        if recorded is None:
            judged = [(other.id, self._judge(node, other)) for other in self._candidates(node)]
            self._record(node.id, judged)
        else:
            judged = [(other, Edge(copy, same, round(similarity, 6)))
                      for _, other, copy, same, similarity in recorded if other in self.nodes]
        self.placement.add(node, judged)
        self.profiles[node.id] = profile
        for other, j in judged:
            if j.similarity >= LINK_SIMILARITY:
                self.similar[node.id][other] = self.similar[other][node.id] = j.similarity
        self.saved[node.id] = saved
        for stem in profile.signature:
            self.postings[stem, day(node.ts)].add(node.id)
        self.bands.insert(node.id, profile.text.bands)
        before = [(other, j.similarity) for other, j in judged if self.nodes[other].order < node.order]
        after = [other for other, j in judged
                 if self.nodes[other].order > node.order and j.similarity >= LINK_SIMILARITY]
        return best_links(node.id, before, self._order), after

    def _choose_again(self, republished: list[int], overtaken: Iterable[int] = ()) -> tuple[list[int], list[Link]]:
        """The articles linked to a republished one, and those a newcomer reported before them may now
        be a link of (``overtaken``), with their links written whole again.

        An article's links are its best pairs with earlier articles (``best_links``, the rule the
        backfill applies), so they do not depend on the order articles arrive in. A republished
        article has a new time and text, so each article that had it among its links chooses again
        from its candidates; so does an article a newcomer reported before it is a candidate link of.
        The links later articles chose with it are kept, but for those that choose anew here (a
        republished article, another overtaken one): their new choice is written whole.
        """
        gone = set(republished)
        linked = {other for article_id in republished for other, _ in self.store.stories.links_of(article_id)}
        linked |= set(overtaken)
        # one not in memory keeps its links as they are; the others' links are written whole here
        chose_again = sorted(i for i in linked - gone if i in self.nodes)
        choosing = gone | set(chose_again)
        links: list[Link] = []
        for article_id in chose_again:
            node = self.nodes[article_id]
            earlier = [(other, similarity) for other, similarity in self.similar[article_id].items()
                       if self.nodes[other].order < node.order]
            links += best_links(article_id, earlier, self._order)
            links += [(other, article_id, score) for other, score in self.store.stories.links_of(article_id)
                      if other not in choosing and (other not in self.nodes or self.nodes[other].order > node.order)]
        return chose_again, links

    def _record(self, article_id: int, judged: list[tuple[int, Judgement]]) -> None:
        """Keep the pairs an edge or a link may come of (the rest is what a new judgement would drop)."""
        for other, judgement in judged:
            edge = Edge.of(judgement)
            if edge.copy or edge.same >= KEEP or judgement.similarity >= LINK_SIMILARITY:
                self._pairs.append((article_id, other, edge.copy, edge.same, judgement.similarity))
        self._complete.append(article_id)

    def _order(self, article_id: int) -> object:
        return self.nodes[article_id].order

    def _judge(self, node: Node, other: Node) -> Judgement:
        # a pair below KEEP is not kept as an edge, so its judgement may stop at the bound
        return judge_at_least(node.profile, other.profile, abs(node.ts - other.ts) / 3600.0, KEEP)

    def _candidates(self, node: Node) -> list[Node]:
        shared: dict[int, int] = defaultdict(int)
        for stem in node.profile.signature:
            for posted in probe_days(node.ts):
                for other_id in self.postings.get((stem, posted), ()):
                    shared[other_id] += 1
        found = {i for i, n in shared.items() if is_candidate(n, self.nodes[i].ts - node.ts, False)}
        found |= self.bands.query(node.profile.text.bands)  # a shared band: a candidate at any distance
        found.discard(node.id)
        return [self.nodes[i] for i in sorted(found) if i in self.nodes]

    def _forget(self, article_id: int) -> None:
        """Drop an article from memory (it is about to come back changed, or memory is full)."""
        node = self.placement.remove(article_id)
        profile = self.profiles.pop(article_id, None)
        for other in self.similar.pop(article_id, {}):
            if other in self.similar:
                self.similar[other].pop(article_id, None)
        self.saved.pop(article_id, None)
        if node is None or profile is None:
            return
        for stem in profile.signature:
            self.postings[stem, day(node.ts)].discard(article_id)
        self.bands.remove(article_id, profile.text.bands)

    # -- memory ---------------------------------------------------------------------------------

    def _catch_up(self) -> None:
        """Take in what other processes placed since this one last wrote (under the story lock)."""
        if self._seq is None:  # nothing in memory yet: the first _load reads the store as it is now
            self._seq = self.store.stories.seq()
            return
        for stored, saved in self.store.stories.placed_since(self._seq):
            if stored.id in self.nodes and self.saved.get(stored.id) == saved:
                continue
            self._forget(stored.id)
            if any(lo <= article_time(stored) < hi for lo, hi in self._loaded):
                self._add_context([(stored, saved)])
        self._seq = self.store.stories.seq()

    def _load(self, since: float, until: float, skip: dict[int, StoredArticle]) -> None:
        """Read the placed articles of [since, until) that are not in memory yet."""
        for lo, hi in _uncovered(self._loaded, since, until):
            self._add_context((stored, saved) for stored, saved in self.store.stories.window(lo, hi)
                              if stored.id not in skip and stored.id not in self.nodes and saved is not None)
            self._loaded = _merged([*self._loaded, (lo, hi)])

    def _add_context(self, placed: Iterable[tuple[StoredArticle, Grouping]]) -> None:
        """Hold articles placed earlier (by this process or another) as candidates, decisions as saved.

        They are added in order and judged against each other as new ones are; the rules then see the
        same graph as when they were placed, so their decisions stand unless something new changes them.
        """
        ordered = sorted(placed, key=lambda pair: order_key(pair[0]))
        recorded = self.store.stories.judged_pairs([stored.id for stored, _ in ordered]) if ordered else {}
        # those with recorded judgements first: each of the others is then judged against all of them
        ordered.sort(key=lambda pair: pair[0].id not in recorded)
        loaded = []
        for stored, saved in ordered:
            self._add(stored, profile_of(stored.article), saved, recorded.get(stored.id))
            loaded.append(stored.id)
        self.placement.settle()
        # context is what the store holds; what changes is written with the batch. A node held before
        # (e.g. dirtied when a changed article was forgotten) keeps its change as news to write
        held = self.placement.take_changed() - set(loaded)
        self.placement.changed |= held
        for article_id in loaded:  # decided again with the batch, so a change is written then
            node = self.nodes.get(article_id)
            if node is not None and self.saved.get(article_id) != node.grouping():
                self.placement.touch([article_id])
                self.placement.changed.add(article_id)

    def _evict(self) -> None:
        """Let go of the older half of memory (a long `naba watch`): it is read again if needed."""
        cut = sorted(node.ts for node in self.nodes.values())[len(self.nodes) // 2]
        for article_id in [i for i, node in self.nodes.items() if node.ts < cut]:
            self._forget(article_id)
        self.placement.take_changed()
        self._loaded = [(max(lo, cut), hi) for lo, hi in self._loaded if hi > cut]




def _uncovered(spans: Sequence[tuple[float, float]], lo: float, hi: float) -> list[tuple[float, float]]:
    gaps, start = [], lo
    for a, b in sorted(spans):
        if b <= start or a >= hi:
            continue
        if a > start:
            gaps.append((start, a))
        start = max(start, b)
    if start < hi:
        gaps.append((start, hi))
    return gaps


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
