"""The collection-wide half of a backfill, as pure functions both executors call.

    judge_pair      one candidate pair, judged with the one sameness model (``naba.stories.sameness``),
                    the later article first, as the online stage judges a newcomer against what it holds
    place           every article's copy group and story (``naba.stories.placement.Placement``) from the
                    kept edges: the one set of rules the online stage runs, here on the whole collection
    summary_row     a story's summary (``naba.stories.summaries.summarize_story``) from its members' rows

Which pairs are judged is ``naba.stories.candidates``' rule; the executors only find them (the local one
with dictionaries, Spark with joins).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple, cast

from naba.engine.backfill.articles import article_of
from naba.models import Grouping, StoredArticle
from naba.stories.placement import KEEP, Edge, Node, Placement
from naba.stories.sameness import Profile, judge_at_least
from naba.stories.summaries import summarize_story

SUMMARY_BODY_CHARS = 120  # what a story summary reads of a member's body, as the store gives it


class Judged(NamedTuple):
    later: int
    earlier: int
    copy: bool
    same: float
    similarity: float  # as judged (a link rounds it; an edge keeps it to 6 places, as Edge.of does)

    @property
    def kept(self) -> bool:
        """Whether placement keeps the pair as an edge (the rest can only be a link)."""
        return self.copy or self.same >= KEEP


def judge_pair(later: int, later_ts: float, later_profile: bytes | Profile, earlier: int, earlier_ts: float,
               earlier_profile: bytes | Profile) -> Judged:
    a, b = _profile(later_profile), _profile(earlier_profile)
    judgement = judge_at_least(a, b, abs(later_ts - earlier_ts) / 3600.0, KEEP)  # below KEEP: no edge
    edge = Edge.of(judgement)
    return Judged(later, earlier, edge.copy, edge.same, judgement.similarity)


def _profile(value: bytes | Profile) -> Profile:
    return cast(Profile, pickle.loads(value)) if isinstance(value, bytes) else value


def place(nodes: Iterable[tuple[int, float, str]], edges: Iterable[Judged]) -> Iterator[Grouping]:
    """Each article's decisions from (id, reported time, content key) of every article and the kept
    edges, each given as (later, earlier). Articles are added in order, each with its edges to earlier
    ones; the rules' answer does not depend on that order (tests/test_placement.py), it only lets one
    ``settle`` decide every node once, forward. Memory: a Node and its edges per article (see the README,
    "Archives at scale", for a collection too large for one machine)."""
    by_later: dict[int, list[tuple[int, Edge]]] = {}
    for judged in edges:
        if judged.kept:
            by_later.setdefault(judged.later, []).append(
                (judged.earlier, Edge(judged.copy, judged.same, round(judged.similarity, 6))))
    placement = Placement()
    ordered = sorted(nodes, key=lambda node: (node[1], node[2], node[0]))
    for article_id, ts, key in ordered:
        # placement reads only ids, order and edges; a profile is needed only to judge, done before
        placement.add(Node(article_id, (ts, key), cast(Profile, None)), by_later.pop(article_id, []))
    placement.settle()
    for article_id, _, _ in ordered:
        yield placement.nodes[article_id].grouping()


def summary_row(story_id: int, members: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The stories row of one story from its members' article rows (id, the fields, first_seen_at)."""
    stored = []
    for row in members:
        article = article_of({**row, "body": (row["body"] or "")[:SUMMARY_BODY_CHARS]})
        stored.append(StoredArticle(id=row["id"], article=article, first_seen_at=row["first_seen_at"],
                                    fetched_at=row["fetched_at"]))
    summary = summarize_story(story_id, stored)
    return {"id": summary.id, "title": summary.title, "articles": summary.articles, "outlets": list(summary.outlets),
            "first_article_id": summary.first_article_id, "first_source": summary.first_source,
            "first_at": summary.first_at, "last_at": summary.last_at, "top_entities": list(summary.top_entities),
            "keywords": list(summary.keywords)}
