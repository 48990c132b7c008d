"""Where each article goes: its copy group and its story. Pure rules on an in-memory graph, no store.

Articles are nodes; a pair the sameness model (naba.stories.sameness) judged is an edge carrying its
judgement. The rules read only the nodes, their order (reported time, then a content key) and the edges,
so they give the same answer whatever order the articles arrived in:

Both are decided in order, each article from the decisions of the articles before it:

- **Copies**: an article is a copy of an original when the model judges it a copy of that original
  itself; the originals it could be a copy of are its earlier copy neighbours' originals (an original
  being its own). The earliest such original is its ``duplicate_of``; with none, it is an original. A
  copy of a copy that is not a copy of the original starts its own group: copy groups are stars around
  their original, never chains of edits of edits (or of false edges) joining different texts.
- **Stories**: a copy joins its original's story when it comes within ``MAX_SPAN_HOURS`` of that
  story's first report (a text republished a week later is the same text, its duplicate_of says so,
  but it is news of another day: it starts a story of its own). A copy of a copy that is not a copy of
  the original is placed like any other article: its text has drifted from the original, and that
  drift is how a compilation bridges two events (an agency's evening round-up copies the reception it
  opens with, and the next item of the round-up, published alone, copies the round-up). Any other
  article joins the story of an earlier article it reports the same event with, but only if it also matches that story's
  *core*, its first ``CORE`` members: it must report the same event as one of them, its mean
  same-event probability against all of them must reach ``CORE_MEAN``, and it must come within
  ``MAX_SPAN_HOURS`` of the story's first report.
  Matching the core, not one member at the far end of a chain, is what stops a story from drifting
  (day-to-day battle reports, another day's market close, receptions by different bodies): a follow-up
  that only matches the latest member starts its own story and is linked as similar. Five members, not
  three: the first three are often one release and its copies, which a next-day development (a
  condolence call after a soldier's death) resembles as much as the release itself.
  Among several stories it could join, the best core match wins (the earliest story among equals); its
  ``parent`` is the earlier member it matches best. A story is named by its earliest member's id.

``Placement.settle`` decides again every node whose inputs changed and follows the consequences forward
in order (a worklist), so adding articles one by one, in any order, or all at once ends in the same
decisions; the online story stage (naba.stories.stage) and a batch executor share this one class.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from naba.models import Grouping
from naba.stories.sameness import SAME, Judgement, Profile

CORE = 5  # a story's first members, which a newcomer must match
JOIN = SAME.threshold  # the same-event probability that makes an earlier article's story a candidate
CORE_MEAN = 0.5  # the mean same-event probability a newcomer needs against the core (chosen on the tune half)
MAX_SPAN_HOURS = 48.0  # how long after its first report a story takes new articles

Order = tuple[float, str]
KEEP = 0.1  # a judged pair below this same-event probability, and no copy, is not kept as an edge


class Edge(NamedTuple):
    """What the rules keep of a pair's judgement (the evidence itself is not kept: memory)."""

    copy: bool
    same: float  # P(same event): 1.0 for a copy, 0.0 for a filled-in template
    similarity: float  # the time-free similarity, for "similar article" links

    @property
    def same_event(self) -> bool:
        return self.same >= JOIN

    @classmethod
    def of(cls, judgement: Judgement) -> Edge:
        if judgement.copy:
            same = 1.0
        elif judgement.ruled_out:
            same = 0.0
        else:
            same = round(judgement.same_probability, 6)
        return cls(judgement.copy, same, round(judgement.similarity, 6))


@dataclass(slots=True, eq=False)
class Node:
    id: int
    order: Order  # (reported time, content key): "earlier" for every rule here
    profile: Profile
    edges: dict[int, Edge] = field(default_factory=dict)  # by the other node's id
    duplicate_of: int | None = None
    story_id: int = 0
    parent: int | None = None
    parent_score: float = 0.0

    @property
    def ts(self) -> float:
        return self.order[0]

    def grouping(self) -> Grouping:
        return Grouping(self.id, self.duplicate_of, self.story_id, self.parent, round(self.parent_score, 6))

    def same_probability(self, other: int) -> float:
        edge = self.edges.get(other)
        return 0.0 if edge is None else edge.same


class Placement:
    """The nodes in memory, their edges, and the decisions the rules give them."""

    def __init__(self) -> None:
        self.nodes: dict[int, Node] = {}
        self.members: dict[int, set[int]] = defaultdict(set)  # story id -> its nodes in memory
        self._dirty: set[int] = set()
        self.changed: set[int] = set()  # nodes whose decisions changed since the last ``take_changed``

    # -- the graph ------------------------------------------------------------------------------

    def add(self, node: Node, judged: Iterable[tuple[int, Judgement | Edge]]) -> None:
        """A new node and the judgements of it against nodes already here (kept both ways as edges);
        a batch executor that judged the pairs elsewhere passes what it kept of them, as Edges."""
        self.nodes[node.id] = node
        node.story_id = node.story_id or node.id
        self.members[node.story_id].add(node.id)
        for other_id, judgement in judged:
            other = self.nodes.get(other_id)
            edge = judgement if isinstance(judgement, Edge) else Edge.of(judgement)
            if other is not None and other_id != node.id and (edge.copy or edge.same >= KEEP):
                node.edges[other_id] = other.edges[node.id] = edge
                self._dirty.add(other_id)
        self._dirty.add(node.id)
        self.changed.add(node.id)  # a new node's decisions are news, even when they are the defaults

    def remove(self, node_id: int) -> Node | None:
        node = self.nodes.pop(node_id, None)
        if node is None:
            return None
        self.members[node.story_id].discard(node_id)
        for other_id in node.edges:
            other = self.nodes.get(other_id)
            if other is not None:
                other.edges.pop(node_id, None)
                self._dirty.add(other_id)
        self._dirty.update(i for i in self.members.get(node.story_id, ()) if i in self.nodes)
        self._dirty.discard(node_id)
        return node

    def touch(self, node_ids: Iterable[int]) -> None:
        """Decide these again at the next ``settle`` (e.g. nodes just loaded with saved decisions)."""
        self._dirty.update(i for i in node_ids if i in self.nodes)

    # -- deciding -------------------------------------------------------------------------------

    def settle(self) -> set[int]:
        """Decide every dirty node again, in order, and whatever that changes; the ids that changed."""
        queue = [(self.nodes[i].order, i) for i in self._dirty if i in self.nodes]
        self._dirty.clear()
        heapq.heapify(queue)
        done: set[int] = set()
        changed: set[int] = set()
        while queue:
            _, node_id = heapq.heappop(queue)
            if node_id in done or node_id not in self.nodes:
                continue
            done.add(node_id)
            node = self.nodes[node_id]
            before = node.grouping()
            old_story, was_core = node.story_id, self._in_core(node)
            self._place(node)
            if node.grouping() == before:
                continue
            changed.add(node_id)
            for later in self._affected(node, old_story, was_core):
                if later not in done:
                    heapq.heappush(queue, (self.nodes[later].order, later))
        self.changed |= changed
        return changed

    def take_changed(self) -> set[int]:
        changed, self.changed = self.changed, set()
        return {i for i in changed if i in self.nodes}

    def _place(self, node: Node) -> None:
        node.duplicate_of = self._original_of(node)
        original = node.duplicate_of
        if original is not None and self._within_span(self.nodes[original].story_id, node):
            self._join(node, self.nodes[original].story_id, original, 1.0)
            return
        best: tuple[float, float, int, int] | None = None  # (core match, -first ts, story, parent)
        for story_id in self._candidate_stories(node):
            core, first_ts = self._core(story_id, node)
            if not core or node.ts - first_ts > MAX_SPAN_HOURS * 3600.0:
                continue
            probabilities = [node.same_probability(c) for c in core]
            match = sum(probabilities) / len(core)
            if match >= CORE_MEAN and max(probabilities) >= JOIN:
                by_order = sorted(self._earlier_members(story_id, node), key=lambda m: self.nodes[m].order)
                parent = max(by_order, key=node.same_probability)  # the earliest among equals
                candidate = (match, -first_ts, story_id, parent)
                if best is None or candidate[:2] > best[:2]:
                    best = candidate
        if best is None:
            self._join(node, node.id, None, 0.0)
        else:
            self._join(node, best[2], best[3], node.same_probability(best[3]))

    def _join(self, node: Node, story_id: int, parent: int | None, score: float) -> None:
        if node.story_id != story_id:
            self.members[node.story_id].discard(node.id)
            self.members[story_id].add(node.id)
            node.story_id = story_id
        node.parent, node.parent_score = parent, score

    def _within_span(self, story_id: int, node: Node) -> bool:
        _, first_ts = self._core(story_id, node)
        return node.ts - first_ts <= MAX_SPAN_HOURS * 3600.0

    def _candidate_stories(self, node: Node) -> list[int]:
        stories = {self.nodes[other].story_id for other, edge in node.edges.items()
                   if other in self.nodes and self.nodes[other].order < node.order and edge.same_event}
        return sorted(stories)

    def _core(self, story_id: int, node: Node) -> tuple[list[int], float]:
        """The story's first CORE members placed before ``node``, and its first report's time."""
        earlier = sorted(self._earlier_members(story_id, node), key=lambda m: self.nodes[m].order)
        return earlier[:CORE], (self.nodes[earlier[0]].ts if earlier else 0.0)

    def _earlier_members(self, story_id: int, node: Node) -> list[int]:
        return [m for m in self.members.get(story_id, ()) if m in self.nodes and self.nodes[m].order < node.order]

    def _in_core(self, node: Node) -> bool:
        members = sorted(self.members.get(node.story_id, ()), key=lambda m: self.nodes[m].order)
        return node.id in members[:CORE]

    def _affected(self, node: Node, old_story: int, was_core: bool) -> set[int]:
        """Later nodes whose inputs changed when ``node``'s decisions did."""
        later = {o for o in node.edges if o in self.nodes and self.nodes[o].order > node.order}
        if was_core or self._in_core(node):  # a story's core changed: its members and their neighbours look again
            for story_id in {old_story, node.story_id}:
                for member in list(self.members.get(story_id, ())):
                    if member in self.nodes and self.nodes[member].order > node.order:
                        later.add(member)
                        later.update(o for o in self.nodes[member].edges
                                     if o in self.nodes and self.nodes[o].order > node.order)
        return later

    # -- copies -------------------------------------------------------------------------------

    def _original_of(self, node: Node) -> int | None:
        """The earliest original this article is a copy of (None: it is an original itself)."""
        originals = set()
        for other, edge in node.edges.items():
            earlier = self.nodes.get(other)
            if edge.copy and earlier is not None and earlier.order < node.order:
                originals.add(other if earlier.duplicate_of is None else earlier.duplicate_of)
        direct = [o for o in originals if o in self.nodes and o in node.edges and node.edges[o].copy]
        return min(direct, key=lambda o: self.nodes[o].order) if direct else None
