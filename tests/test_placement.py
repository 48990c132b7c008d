"""The placement rules on hand-made graphs: copy stars, story cores, the time span, order independence."""

from __future__ import annotations

import itertools
import random

import pytest

from naba.stories import placement
from naba.stories.placement import Edge, Node, Placement
from naba.stories.sameness import profile_of_text

PROFILE = profile_of_text("عنوان", "نص قصير للاختبار فقط")  # the rules never read it
HOUR = 3600.0
COPY = Edge(True, 1.0, 0.9)
SAME = Edge(False, 0.9, 0.6)
WEAK = Edge(False, 0.2, 0.3)


def _place(times: dict[int, float], edges: dict[tuple[int, int], Edge], order: list[int] | None = None,
           settle_each: bool = False) -> dict[int, tuple[int | None, int, int | None]]:
    """(duplicate_of, story, parent) of each node, added in ``order`` (default: by id)."""
    rules = Placement()
    for node_id in order or sorted(times):
        node = Node(node_id, (times[node_id], f"k{node_id}"), PROFILE)
        judged = [(other, edge) for (a, b), edge in edges.items() for other in (a, b)
                  if node_id in (a, b) and other != node_id and other in rules.nodes]
        _add(rules, node, judged)
        if settle_each:
            rules.settle()
    rules.settle()
    return {i: (n.duplicate_of, n.story_id, n.parent) for i, n in rules.nodes.items()}


def _add(rules: Placement, node: Node, judged: list[tuple[int, Edge]]) -> None:
    """Placement.add takes judgements; hand-made edges go in as they are."""
    rules.add(node, [])
    for other, edge in judged:
        node.edges[other] = rules.nodes[other].edges[node.id] = edge
        rules.touch([other])


def test_copies_point_at_their_original_and_join_its_story():
    got = _place({1: 0.0, 2: HOUR, 3: 2 * HOUR}, {(1, 2): COPY, (1, 3): COPY, (2, 3): COPY})
    assert got[2][0] == got[3][0] == 1 and got[1][0] is None
    assert got[1][1] == got[2][1] == got[3][1] == 1


def test_a_copy_of_a_copy_that_is_not_a_copy_of_the_original_is_an_original_in_the_same_story():
    got = _place({1: 0.0, 2: HOUR, 3: 2 * HOUR}, {(1, 2): COPY, (2, 3): COPY})
    assert got[2][0] == 1 and got[3][0] is None  # a star, not a chain of edits of edits
    assert got[3][1] == got[1][1] == 1 and got[3][2] == 2  # it matches the story's core (1, 2): it joins


def test_a_copy_of_a_copy_joins_only_a_story_whose_core_it_matches():
    # 1 a reception, 3 another report of it; 2 an evening round-up opening with it (a copy of 1);
    # 4 the round-up's next item published alone: a copy of the round-up, nothing like the reception
    times = {1: 0.0, 2: HOUR, 3: 2 * HOUR, 4: 3 * HOUR}
    got = _place(times, {(1, 2): COPY, (1, 3): SAME, (2, 3): SAME, (2, 4): COPY})
    assert got[2][1] == got[3][1] == 1
    assert got[4][0] is None and got[4][1] == 4  # its own story, not bridged into the reception's


def test_a_newcomer_must_match_the_story_core_not_one_member_at_the_end_of_a_chain():
    # 1-2-3 one event; 4 reports the same as 3 only (a follow-up drifting away from the first reports)
    edges = {(1, 2): SAME, (1, 3): SAME, (2, 3): SAME, (3, 4): SAME}
    got = _place({1: 0.0, 2: HOUR, 3: 2 * HOUR, 4: 3 * HOUR}, edges)
    assert got[1][1] == got[2][1] == got[3][1] == 1
    assert got[4][1] == 4  # its own story
    edges[(1, 4)] = edges[(2, 4)] = SAME
    assert _place({1: 0.0, 2: HOUR, 3: 2 * HOUR, 4: 3 * HOUR}, edges)[4][1] == 1  # matches the core: joins



def test_the_core_is_the_first_five_members_so_copies_of_one_release_do_not_make_it_alone():
    # 1 a soldier's death and 2, 3 copies of that release; 4, 5 other outlets' own reports of it.
    # 6 the condolence call to his family: like the release (0.65) but not the other reports (0.2)
    times = {i: i * HOUR for i in range(1, 7)}
    edges = {(a, b): SAME for a, b in itertools.combinations(range(1, 6), 2)}
    edges |= {(1, 2): COPY, (1, 3): COPY, (2, 3): COPY}
    condolence = Edge(False, 0.65, 0.6)
    edges |= {(1, 6): condolence, (2, 6): condolence, (3, 6): condolence, (4, 6): WEAK, (5, 6): WEAK}
    got = _place(times, edges)
    assert all(got[i][1] == 1 for i in range(1, 6))
    assert got[6][1] == 6  # mean 0.65 over the first three, 0.47 over the first five: its own story

def test_a_story_takes_no_article_after_its_span():
    late = placement.MAX_SPAN_HOURS * HOUR + HOUR
    got = _place({1: 0.0, 2: late}, {(1, 2): SAME})
    assert got[2][1] == 2
    got = _place({1: 0.0, 2: late}, {(1, 2): COPY})
    assert got[2][0] == 1 and got[2][1] == 2  # still a copy of its original, but the news of another day


def test_a_weak_pair_is_not_one_story():
    assert _place({1: 0.0, 2: HOUR}, {(1, 2): WEAK})[2][1] == 2


def _random_graph(seed: int, n: int = 40) -> tuple[dict[int, float], dict[tuple[int, int], Edge]]:
    rng = random.Random(seed)
    times = {i: rng.uniform(0, 96) * HOUR for i in range(1, n + 1)}
    edges = {}
    for a, b in itertools.combinations(range(1, n + 1), 2):
        roll = rng.random()
        if roll < 0.04:
            edges[(a, b)] = COPY
        elif roll < 0.15:
            edges[(a, b)] = Edge(False, round(rng.uniform(0.3, 1.0), 3), 0.5)
    return times, edges


@pytest.mark.parametrize("seed", range(8))
def test_the_decisions_do_not_depend_on_arrival_order_or_batches(seed):
    times, edges = _random_graph(seed)
    expected = _place(times, edges)
    for trial in range(3):
        order = sorted(times)
        random.Random(seed * 10 + trial).shuffle(order)
        assert _place(times, edges, order, settle_each=bool(trial % 2)) == expected


def test_removing_a_node_gives_the_decisions_of_never_having_had_it():
    times, edges = _random_graph(3)
    rules = Placement()
    for node_id in sorted(times):
        _add(rules, Node(node_id, (times[node_id], f"k{node_id}"), PROFILE),
             [(o, e) for (a, b), e in edges.items() for o in (a, b) if node_id in (a, b) and o != node_id
              and o in rules.nodes])
    rules.settle()
    first = min(times, key=times.get)
    rules.remove(first)
    rules.settle()
    without = {k: v for k, v in edges.items() if first not in k}
    assert {i: (n.duplicate_of, n.story_id, n.parent) for i, n in rules.nodes.items()} == _place(
        {i: t for i, t in times.items() if i != first}, without)
