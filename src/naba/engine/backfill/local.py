"""The plain-Python executor of a backfill: the same functions as the Spark job, in one process.

It is the reference the Spark job is tested against (the same output, row for row) and the way to backfill
what fits one machine without a JVM. The joins of the Spark job are dictionaries here: (stem, day)
postings and LSH band tables, both read the way ``naba.stories.candidates`` says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from naba.engine.backfill.articles import Options, fold_versions, id_key, prepare_file
from naba.engine.backfill.collection import Judged, judge_pair, place, summary_row
from naba.engine.backfill.output import Report, write_tables
from naba.stories.candidates import best_links, day, is_candidate, probe_days


def run_local(files: Sequence[str], out: str, options: Options) -> Report:
    """Backfill ``files`` into the Parquet tables under ``out``; what was read, kept and rejected."""
    report = Report(inputs=len(files))
    versions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in files:
        for row in prepare_file(path, options):
            report.count(row)
            if row["status"] == "article":
                versions[row["identity"]].append(row)
    articles = number([fold_versions(rows) for rows in versions.values()])
    judged = list(judge_candidates(articles))
    groupings = {g.article_id: g for g in place(((a["id"], a["order_ts"], a["content_key"]) for a in articles),
                                                judged)}
    for article in articles:
        grouping = groupings[article["id"]]
        article.update(duplicate_of=grouping.duplicate_of, story_id=grouping.story_id,
                       story_parent=grouping.parent_id, story_score=grouping.parent_score)
    months = {a["id"]: a["month"] for a in articles}
    links = [{"article_id": a, "other_id": b, "score": score, "month": months[a]}
             for a, b, score in links_of(judged)]
    write_tables(out, {"articles": articles, "stories": stories_of(articles), "links": links,
                       "rejections": report.rejections}, report)
    return report


def number(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ids 1, 2, ... in ``id_key`` order."""
    articles.sort(key=id_key)
    for position, article in enumerate(articles, start=1):
        article["id"] = position
    return articles


def judge_candidates(articles: Sequence[dict[str, Any]]) -> Iterator[Judged]:
    """Every candidate pair judged once, the later article (in order) first."""
    by_id = {a["id"]: a for a in articles}
    for later, earlier in sorted(candidate_pairs(articles)):
        a, b = by_id[later], by_id[earlier]
        yield judge_pair(later, a["order_ts"], a["profile"], earlier, b["order_ts"], b["profile"])


def candidate_pairs(articles: Sequence[dict[str, Any]]) -> set[tuple[int, int]]:
    """(later, earlier) of every pair ``naba.stories.candidates.is_candidate`` admits."""
    postings: dict[tuple[str, int], list[int]] = defaultdict(list)
    bands: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    order = {a["id"]: (a["order_ts"], a["content_key"], a["id"]) for a in articles}
    for article in articles:
        for stem in article["signature"]:
            postings[stem, day(article["order_ts"])].append(article["id"])
        for table, band in enumerate(article["bands"]):
            bands[table, band].append(article["id"])
    pairs: set[tuple[int, int]] = set()
    for article in articles:
        shared: dict[int, int] = defaultdict(int)
        for stem in article["signature"]:
            for posted in probe_days(article["order_ts"]):
                for other in postings.get((stem, posted), ()):
                    shared[other] += 1
        pairs.update(_oriented(article["id"], other, order) for other, n in shared.items()
                     if other != article["id"] and is_candidate(n, order[other][0] - article["order_ts"], False))
    for members in bands.values():
        pairs.update(_oriented(a, b, order) for i, a in enumerate(members) for b in members[i + 1:] if a != b)
    return pairs


def _oriented(a: int, b: int, order: dict[int, tuple[float, str, int]]) -> tuple[int, int]:
    return (a, b) if order[a] > order[b] else (b, a)


def links_of(judged: Iterable[Judged]) -> list[tuple[int, int, float]]:
    """Each article's "similar article" links to earlier articles (``best_links``), as the online stage
    writes them when it adds the article."""
    by_later: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for pair in judged:
        by_later[pair.later].append((pair.earlier, pair.similarity))
    return [link for later in sorted(by_later) for link in best_links(later, by_later[later])]


def stories_of(articles: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    months = {a["id"]: a["month"] for a in articles}
    for article in articles:
        members[article["story_id"]].append(article)
    return [{**summary_row(story_id, rows), "month": months[story_id]} for story_id, rows in sorted(members.items())]
