"""The story stage: duplicates and stories, decided online as articles are stored.

Each article is placed by rules that depend on the set of articles, not on the order or the batches
they arrived in, so a store fed the same articles in any order ends with the same stories (tested on
the sample corpus). One rule of naba.stories.copies is order-bound: a text that is only *contained* in others
(a trimmed copy) joins the group of its best match among those already stored. On two days of
SaudiNewsNet (5,022 articles) in file order and shuffled in batches of 37, 13 duplicate_of answers and
5 of 2,323 stories differed, all through it (merging on containment too is order-free, but costs F1
on the duplicate labels: 0.946 against 0.950).

- ``duplicate_of`` is the earliest copy of its text (naba.stories.copies: MinHash LSH, verified exactly);
- every article has a *parent*: its original if it is a copy, else the earlier article (by reported
  time, then a content key) that is the most similar among those that tell the same story
  (naba.stories.features), else none; a story is a tree of parents, named by its root's id.

Articles mostly arrive newest last, and then an article only picks a parent. When one arrives that is
older than some already placed (a late feed, a back-fill), those later articles within reach are
offered it as a better parent, and a subtree that moves takes its story id along (``moved``).

Candidates are the articles within MAX_GAP_HOURS that share at least two signature stems (the
heaviest words), found through an in-memory posting list; the articles within twice that gap of a
batch are loaded from the store first, so a new process continues where the last one stopped.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from naba.models import Grouping, StoredArticle
from naba.store import Link, Store
from naba.stories.copies import DuplicateIndex
from naba.stories.features import LINK_THRESHOLD, MAX_GAP_HOURS, StoryFeatures, Verdict, same_story, score, verdict
from naba.stories.sketch import ArticleSketch, sketch_article
from naba.stories.summaries import article_time, summarize_story

MIN_SHARED = 2  # signature stems two articles must share to be compared
MAX_NODES = 400_000  # articles held in memory (~10 kB each); past it the oldest half is let go
MAX_LINKS = 20  # "similar article" links kept per article
TEMPLATE_CHECK = 0.5  # pairs this close are checked for a filled-in template (naba.stories.copies's guard)


@dataclass(slots=True)
class _Node:
    id: int
    order: tuple[float, str]  # (reported time, content key): "earlier" for every rule here
    features: StoryFeatures
    ts: float  # reported time, POSIX seconds
    saved: Grouping | None  # what the store holds for it
    duplicate_of: int | None = None
    story_id: int = 0
    parent: int | None = None
    parent_score: float = 0.0
    children: set[int] = field(default_factory=set)

    def grouping(self) -> Grouping:
        return Grouping(self.id, self.duplicate_of, self.story_id, self.parent, round(self.parent_score, 6))


class StoryStage:
    """Holds the recent articles' features in memory; ``process`` groups newly stored articles."""

    def __init__(self, store: Store, max_gap_hours: float = MAX_GAP_HOURS):
        self.store = store
        self.reach = max_gap_hours * 3600.0
        self.nodes: dict[int, _Node] = {}
        # (stem, day) -> articles: a candidate search reads only the days within reach, so its cost
        # does not grow with the months of articles held in memory
        self.postings: dict[tuple[str, int], set[int]] = defaultdict(set)
        self.duplicates: DuplicateIndex[int] = DuplicateIndex()
        self._loaded: list[tuple[float, float]] = []  # time spans already read from the store
        self._dirty: set[int] = set()  # nodes whose decisions may have changed in this batch
        self._orphans: dict[int, set[int]] = {}  # children of a forgotten node, until it is back
        self._seq: int | None = None  # the store's story-write number this memory is up to date with

    def process(self, items: Iterable[int | tuple[int, ArticleSketch | None]]) -> list[Grouping]:
        """Group these stored (new or changed) articles, given by id or as (id, sketch); write and
        return every decision that changed."""
        sketches: dict[int, ArticleSketch | None] = {}
        for item in items:
            article_id, sketch = item if isinstance(item, tuple) else (item, None)
            sketches[article_id] = sketch
        if not sketches:
            return []
        with self.store.stories.lock():
            return self._process(sketches)

    def _process(self, sketches: dict[int, ArticleSketch | None]) -> list[Grouping]:
        self._catch_up()
        fresh = self.store.articles.get_many(sorted(sketches))
        if not fresh:
            return []
        for article_id in fresh:
            self._forget(article_id)  # a changed article is placed again from scratch
        times = [article_time(stored) for stored in fresh.values()]
        self._load(min(times) - 2 * self.reach, max(times) + 2 * self.reach, skip=fresh)
        placed = []
        for stored in fresh.values():
            sketch = sketches.get(stored.id) or sketch_article(stored.article)
            placed.append((self._node(stored, None, sketch), sketch))
        links: list[tuple[int, int, float]] = []
        moved: list[tuple[int, int]] = []
        for node, sketch in sorted(placed, key=lambda pair: pair[0].order):
            self._place(node, sketch, links, moved)
        touched = [self.nodes[i] for i in sorted(self._dirty) if i in self.nodes]
        self._dirty.clear()
        changed = [n.grouping() for n in touched if n.saved != n.grouping()]
        self.store.stories.apply(changed, links, moved, summarize_story)
        for grouping in changed:
            self.nodes[grouping.article_id].saved = grouping
        self._seq = self.store.stories.seq()
        if len(self.nodes) > MAX_NODES:
            self._evict()
        return changed

    def _evict(self) -> None:
        """Let go of the older half of memory (a long `naba watch`): it is read again if needed."""
        cut = sorted(node.ts for node in self.nodes.values())[len(self.nodes) // 2]
        for article_id in [i for i, node in self.nodes.items() if node.ts < cut]:
            self._forget(article_id)
            self._orphans.pop(article_id, None)
        self._loaded = [(max(lo, cut), hi) for lo, hi in self._loaded if hi > cut]

    def _catch_up(self) -> None:
        """Take in what other processes placed since this one last wrote (under the story lock)."""
        if self._seq is None:  # nothing in memory yet: the first _load reads the store as it is now
            self._seq = self.store.stories.seq()
            return
        for stored, saved in self.store.stories.placed_since(self._seq):
            node = self.nodes.get(stored.id)
            if node is not None and node.saved == saved:
                continue
            self._forget(stored.id)
            if any(lo <= article_time(stored) < hi for lo, hi in self._loaded):
                self._add_context([(stored, saved)])
        self._seq = self.store.stories.seq()

    # -- placing one article ------------------------------------------------------------------

    def _place(self, node: _Node, sketch: ArticleSketch, links: list[Link], moved: list[tuple[int, int]]) -> None:
        original = self.duplicates.add_sketch(node.id, sketch.duplicate, node.order)
        self._register(node)
        earlier: list[tuple[float, tuple[float, str], _Node]] = []
        later: list[tuple[_Node, float]] = []
        scored = []
        for other in self._candidates(node):
            gap_hours = abs(node.ts - other.ts) / 3600.0
            similarity = score(node.features, other.features, gap_hours)
            if similarity >= LINK_THRESHOLD:
                scored.append((similarity, other.id))
            if not same_story(similarity, gap_hours):
                continue
            if other.order < node.order:
                earlier.append((-similarity, other.order, other))
            else:
                later.append((other, similarity))
        # the parent: the most similar earlier article (the earliest among equals) that is not the
        # same template filled in differently; checked lazily, the check aligns two texts
        best = next(((-negated, other) for negated, _, other in sorted(earlier, key=lambda e: e[:2])
                     if not self._templated(node, other, -negated)), None)
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        links.extend((node.id, other_id, round(similarity, 4)) for similarity, other_id in scored[:MAX_LINKS])
        group = self._refresh_duplicates(original if original is not None else node.id)
        if node.duplicate_of is not None and node.duplicate_of in self.nodes:
            self._attach(node, node.duplicate_of, 1.0, moved)
        elif best is not None:
            self._attach(node, best[1].id, best[0], moved)
        else:
            self._attach(node, None, 0.0, moved)
        for member in group:  # copies follow their original, which may just have arrived
            copy = self.nodes[member]
            if copy.duplicate_of in self.nodes and (copy.parent, copy.parent_score) != (copy.duplicate_of, 1.0):
                self._attach(copy, copy.duplicate_of, 1.0, moved)
        for other, similarity in later:
            if other.duplicate_of is not None:
                continue  # a copy stays with its original
            if (other.parent is None or _better(similarity, node.order, other.parent_score,
                                                self._order_of(other.parent))) and not self._templated(
                    node, other, similarity):
                self._attach(other, node.id, similarity, moved)

    def _templated(self, node: _Node, other: _Node, similarity: float) -> bool:
        """"القيادة تهنئ الرئيس التونسي" / "... البوليفي": one template, two events (naba.stories.copies's guard)."""
        return similarity >= TEMPLATE_CHECK and self.duplicates.templated(node.id, other.id)

    def _attach(self, node: _Node, parent_id: int | None, similarity: float, moved: list[tuple[int, int]]) -> None:
        if node.parent is not None and node.parent in self.nodes:
            self.nodes[node.parent].children.discard(node.id)
        node.parent, node.parent_score = parent_id, similarity
        self._dirty.add(node.id)
        if parent_id is not None:
            self.nodes[parent_id].children.add(node.id)
        story_id = node.id if parent_id is None else self.nodes[parent_id].story_id
        self._set_story(node, story_id, moved)

    def _set_story(self, node: _Node, story_id: int, moved: list[tuple[int, int]]) -> None:
        stack = [node]
        while stack:
            current = stack.pop()
            if current.story_id == story_id:
                continue
            had_story = current.saved is not None
            current.story_id = story_id
            self._dirty.add(current.id)
            if had_story:  # its descendants outside memory follow in the store
                moved.append((current.id, story_id))
            stack.extend(self.nodes[c] for c in current.children if c in self.nodes)

    def _refresh_duplicates(self, root: int) -> list[int]:
        """Re-read who is the original in one copy group; the group's members in memory."""
        members = sorted(m for m in self.duplicates.copies_of(root) | {root} if m in self.nodes)
        for member in members:
            self.nodes[member].duplicate_of = self.duplicates.duplicate_of(member)
            self._dirty.add(member)
        return members

    def _candidates(self, node: _Node) -> list[_Node]:
        shared: dict[int, int] = defaultdict(int)
        first, last = _day(node.ts - self.reach), _day(node.ts + self.reach)
        for stem in node.features.signature:
            for day in range(first, last + 1):
                for other_id in self.postings.get((stem, day), ()):
                    shared[other_id] += 1
        found = []
        for other_id, count in shared.items():
            other = self.nodes[other_id]
            if count >= MIN_SHARED and other_id != node.id and abs(other.ts - node.ts) <= self.reach:
                found.append(other)
        return found

    def _order_of(self, article_id: int) -> tuple[float, str]:
        node = self.nodes.get(article_id)
        return node.order if node else (float("-inf"), "")

    # -- memory -------------------------------------------------------------------------------

    def _node(self, stored: StoredArticle, saved: Grouping | None, sketch: ArticleSketch) -> _Node:
        ts = article_time(stored)
        article = stored.article
        key = article.canonical_url or hashlib.blake2b(
            f"{article.source}\n{article.title}\n{article.body}".encode(), digest_size=12).hexdigest()
        node = _Node(stored.id, (ts, key), sketch.features, ts, saved)
        if saved is not None:
            node.duplicate_of, node.story_id = saved.duplicate_of, saved.story_id
            node.parent, node.parent_score = saved.parent_id, saved.parent_score
        return node

    def _register(self, node: _Node) -> None:
        self.nodes[node.id] = node
        node.children |= self._orphans.pop(node.id, set())
        for stem in node.features.signature:
            self.postings[stem, _day(node.ts)].add(node.id)
        if node.parent is not None and node.parent in self.nodes:
            self.nodes[node.parent].children.add(node.id)

    def _forget(self, article_id: int) -> None:
        """Drop an article that is about to come back changed; its children wait for it."""
        node = self.nodes.pop(article_id, None)
        if node is None:
            return
        if node.children:
            self._orphans[article_id] = node.children
        if node.parent is not None and node.parent in self.nodes:
            self.nodes[node.parent].children.discard(article_id)
        for stem in node.features.signature:
            self.postings[stem, _day(node.ts)].discard(article_id)
        if article_id in self.duplicates:
            self.duplicates.remove(article_id)

    def _load(self, since: float, until: float, skip: dict[int, StoredArticle]) -> None:
        """Read the placed articles of [since, until) that are not in memory yet."""
        for lo, hi in _uncovered(self._loaded, since, until):
            self._add_context((stored, saved) for stored, saved in self.store.stories.window(lo, hi)
                              if stored.id not in skip and stored.id not in self.nodes and saved is not None)
            self._loaded = _merged(self._loaded + [(lo, hi)])

    def _add_context(self, placed: Iterable[tuple[StoredArticle, Grouping]]) -> None:
        """Hold articles placed earlier (by this process or another) as candidates."""
        context = []
        for stored, saved in placed:
            sketch = sketch_article(stored.article)
            node = self._node(stored, saved, sketch)
            context.append(node)
            self.duplicates.add_sketch(node.id, sketch.duplicate, node.order)
            self.nodes[node.id] = node
            node.children |= self._orphans.pop(node.id, set())
            for stem in node.features.signature:
                self.postings[stem, _day(node.ts)].add(node.id)
        for node in context:
            if node.parent is not None and node.parent in self.nodes:
                self.nodes[node.parent].children.add(node.id)



def _day(ts: float) -> int:
    return int(ts // 86400)


def _better(similarity: float, order: tuple[float, str], than: float, than_order: tuple[float, str]) -> bool:
    """Is a parent candidate better than another: more similar, or as similar and earlier."""
    return similarity > than or (similarity == than and order < than_order)


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


def story_verdict(a: StoredArticle, b: StoredArticle) -> Verdict:
    """What the story stage decides for two stored articles on their own (copies aside)."""
    gap_hours = abs(article_time(a) - article_time(b)) / 3600.0
    return verdict(sketch_article(a.article).features, sketch_article(b.article).features, gap_hours)
