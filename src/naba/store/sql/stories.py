"""The story tables on either backend: the stage's decisions, similar-article links, story summaries.

What a summary says is the story stage's rule (``naba.stories.summaries``): the stage passes it in as a
``Summarizer``; the store only reads a story's members and keeps what the summarizer returns.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from naba.dates import to_timestamp
from naba.models import Article, Entity, Grouping, StoredArticle, StorySummary
from naba.store.contracts import NOTHING_JUDGED, Judged, JudgedPair, Keyset, Link, Summarizer
from naba.store.dialect import Database, Row
from naba.store.rows import stored_from_row

STORY_COLUMNS = ("id, title, articles, outlets, first_article_id, first_source, first_at, first_ts, "
                 "last_at, last_ts, top_entities, keywords")
LEDE_CHARS = 120  # what a summary reads of a member's body (a big story has hundreds of members)


class SQLStories:
    def __init__(self, db: Database, lock: Callable[[], AbstractContextManager[None]], select: str):
        self._db = db
        self._lock = lock
        self._select = f"{select}, a.story_parent, a.story_score"  # an article row and its decisions

    # -- the story stage's decisions ------------------------------------------------------------

    def apply(self, groupings: Sequence[Grouping], links: Sequence[Link], moved: Sequence[tuple[int, int]],
              summarize: Summarizer, relinked: Sequence[int] = (), judged: Judged = NOTHING_JUDGED) -> None:
        if not groupings and not links and not relinked and not judged.pairs and not judged.complete:
            return
        with self._db.transaction():
            self._unlink(relinked)
            self._write_judged(judged)
            touched = {row["story_id"] for row in self._db.chunked(
                "SELECT story_id FROM articles WHERE id IN ({}) AND story_id IS NOT NULL",
                [g.article_id for g in groupings])}
            for article_id, story_id in moved:
                touched.update(self._move_subtree(article_id, story_id))
            self.write_decisions(groupings, links)
            touched.update(g.story_id for g in groupings)
            for story_id in sorted(touched):
                members = self._summary_members(story_id)
                self._db.run("DELETE FROM stories WHERE id = ?", [story_id])
                if members:
                    self.write_summary(summarize(story_id, members))

    def write_decisions(self, groupings: Sequence[Grouping], links: Sequence[Link]) -> None:
        """Decisions under a new write number, links in both directions (inside the caller's transaction)."""
        seq = self._db.value("SELECT coalesce(max(group_seq), 0) + 1 AS v FROM articles")
        self._db.many(
            "UPDATE articles SET duplicate_of = ?, story_id = ?, story_parent = ?, story_score = ?, group_seq = ? "
            "WHERE id = ?",
            [(g.duplicate_of, g.story_id, g.parent_id, g.parent_score, seq, g.article_id) for g in groupings])
        self._db.many(
            "INSERT INTO article_links (article_id, other_id, score) VALUES (?, ?, ?) "
            "ON CONFLICT (article_id, other_id) DO UPDATE SET score = excluded.score",
            [row for a, b, score in links for row in ((a, b, score), (b, a, score))])

    def _unlink(self, article_ids: Sequence[int]) -> None:
        """Drop every link of these articles, both directions (each is stored both ways, so the
        article's own rows name every pair)."""
        pairs = [(row["article_id"], row["other_id"]) for row in self._db.chunked(
            "SELECT article_id, other_id FROM article_links WHERE article_id IN ({})", list(article_ids))]
        self._db.many("DELETE FROM article_links WHERE article_id = ? AND other_id = ?",
                      [pair for a, b in pairs for pair in ((a, b), (b, a))])

    def _write_judged(self, judged: Judged) -> None:
        """The judged pairs both ways and a (id, id) row for each complete article, after the pairs of
        the replaced articles and the completeness of their former partners are dropped."""
        if judged.replaced:
            partners = {row["other_id"] for row in self._db.chunked(
                "SELECT other_id FROM story_edges WHERE article_id IN ({})", list(judged.replaced))}
            self._db.chunked("DELETE FROM story_edges WHERE article_id IN ({})", list(judged.replaced), fetch=False)
            self._db.chunked("DELETE FROM story_edges WHERE other_id IN ({})", list(judged.replaced), fetch=False)
            self._db.many("DELETE FROM story_edges WHERE article_id = ? AND other_id = ?",
                          [(i, i) for i in sorted(partners - set(judged.complete))])
        rows = [row for a, b, copy, same, similarity in judged.pairs
                for row in ((a, b, int(copy), same, similarity), (b, a, int(copy), same, similarity))]
        rows += [(i, i, 0, 0.0, 0.0) for i in judged.complete]
        self._db.many("INSERT INTO story_edges (article_id, other_id, copy, same, similarity) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT (article_id, other_id) DO UPDATE SET copy = excluded.copy, same = excluded.same, "
                      "similarity = excluded.similarity", rows)

    def write_summary(self, summary: StorySummary) -> None:
        """One story's summary row and its outlets (inside the caller's transaction)."""
        first_ts, last_ts = to_timestamp(summary.first_at), to_timestamp(summary.last_at)
        self._db.run(f"INSERT INTO stories ({STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            summary.id, summary.title, summary.articles, _json(summary.outlets), summary.first_article_id,
            summary.first_source, summary.first_at, first_ts, summary.last_at, last_ts,
            _json(summary.top_entities), _json(summary.keywords)])
        self._db.many("INSERT INTO story_outlets (source, story_id, last_ts) VALUES (?, ?, ?)",
                      [(outlet, summary.id, last_ts) for outlet in summary.outlets])

    def _move_subtree(self, article_id: int, story_id: int) -> set[int]:
        """Give the article's descendants (by story parent) the story id; the stories they left."""
        below = ("WITH RECURSIVE below(id) AS (SELECT id FROM articles WHERE story_parent = ? "
                 "UNION SELECT a.id FROM articles a JOIN below b ON a.story_parent = b.id) ")
        left = {row["story_id"] for row in self._db.all(
            below + "SELECT DISTINCT story_id FROM articles WHERE id IN (SELECT id FROM below)", [article_id])}
        self._db.run(below + "UPDATE articles SET story_id = ? WHERE id IN (SELECT id FROM below)",
                     [article_id, story_id])
        return {s for s in left if s is not None}

    def _summary_members(self, story_id: int) -> list[StoredArticle]:
        return [_summary_member(row) for row in self._db.all(
            f"SELECT id, first_seen_at, fetched_at, source, title, canonical_url, published_at, keywords, entities, "
            f"substr(body, 1, {LEDE_CHARS}) AS lede FROM articles WHERE story_id = ?", [story_id])]

    def lock(self) -> AbstractContextManager[None]:
        return self._lock()

    def seq(self) -> int:
        return int(self._db.value("SELECT coalesce(max(group_seq), 0) AS v FROM articles"))

    def placed_since(self, seq: int) -> Iterator[tuple[StoredArticle, Grouping]]:
        rows = self._db.all(f"SELECT {self._select} FROM articles a WHERE a.group_seq > ?", [seq])
        return ((stored_from_row(row), grouping_from_row(row)) for row in rows)

    def window(self, since_ts: float, until_ts: float) -> Iterator[tuple[StoredArticle, Grouping | None]]:
        since_iso = datetime.fromtimestamp(since_ts, UTC).isoformat(timespec="seconds")
        until_iso = datetime.fromtimestamp(until_ts, UTC).isoformat(timespec="seconds")
        rows = self._db.all(
            f"SELECT {self._select} FROM articles a "
            "WHERE (a.published_ts >= ? AND a.published_ts < ?) "
            "OR (a.published_ts IS NULL AND a.first_seen_at >= ? AND a.first_seen_at < ?)",
            [since_ts, until_ts, since_iso, until_iso])
        return ((stored_from_row(row), None if row["story_id"] is None else grouping_from_row(row)) for row in rows)

    # -- reading --------------------------------------------------------------------------------

    def judged_pairs(self, article_ids: Sequence[int]) -> dict[int, list[JudgedPair]]:
        rows = self._db.chunked("SELECT article_id, other_id, copy, same, similarity FROM story_edges "
                                "WHERE article_id IN ({})", list(article_ids))
        complete = {row["article_id"] for row in rows if row["article_id"] == row["other_id"]}
        pairs: dict[int, list[JudgedPair]] = {article_id: [] for article_id in complete}
        for row in rows:
            if row["article_id"] in complete and row["article_id"] != row["other_id"]:
                pairs[row["article_id"]].append((row["article_id"], row["other_id"], bool(row["copy"]), row["same"],
                                                 row["similarity"]))
        return pairs

    def links_of(self, article_id: int) -> list[tuple[int, float]]:
        return [(row["other_id"], row["score"]) for row in self._db.all(
            "SELECT other_id, score FROM article_links WHERE article_id = ? ORDER BY score DESC, other_id",
            [article_id])]

    def newest(self, *, entity: str | None = None, source: str | None = None, since_ts: float | None = None,
               until_ts: float | None = None, before: Keyset | None = None,
               limit: int = 20) -> list[StorySummary]:
        clauses: list[str] = []
        params: list[object] = []
        if source is not None:
            clauses.append("s.id IN (SELECT story_id FROM story_outlets WHERE source = ?)")
            params.append(source)
        if entity is not None:
            clauses.append("s.id IN (SELECT a.story_id FROM article_entities e JOIN articles a "
                           "ON a.id = e.article_id WHERE e.canonical = ?)")
            params.append(entity)
        for clause, value in (("s.last_ts >= ?", since_ts), ("s.last_ts < ?", until_ts)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        if before is not None:
            clauses.append("(coalesce(s.last_ts, 0), s.id) < (?, ?)")
            params.extend(before)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.all(f"SELECT {STORY_COLUMNS} FROM stories s{where} "
                            "ORDER BY coalesce(s.last_ts, 0) DESC, s.id DESC LIMIT ?", [*params, limit])
        return [summary_from_row(row) for row in rows]

    def get(self, story_id: int) -> StorySummary | None:
        row = self._db.one(f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", [story_id])
        return None if row is None else summary_from_row(row)


def _summary_member(row: Row) -> StoredArticle:
    """What a story summary reads of one article: no body beyond its opening; its canonical URL, which
    breaks ties between reports of one moment (``summaries.reported_order``)."""
    article = Article(body=row["lede"], title=row["title"], source=row["source"], published_at=row["published_at"],
                      canonical_url=row["canonical_url"], keywords=tuple(json.loads(row["keywords"])),
                      entities=tuple(Entity(*fields) for fields in json.loads(row["entities"])))
    return StoredArticle(id=row["id"], article=article, first_seen_at=row["first_seen_at"],
                         fetched_at=row["fetched_at"], story_id=None)


def grouping_from_row(row: Row) -> Grouping:
    return Grouping(row["id"], row["duplicate_of"], row["story_id"], row["story_parent"], row["story_score"] or 0.0)


def summary_from_row(row: Row) -> StorySummary:
    return StorySummary(
        id=row["id"], title=row["title"], articles=row["articles"], outlets=tuple(json.loads(row["outlets"])),
        first_article_id=row["first_article_id"], first_source=row["first_source"], first_at=row["first_at"],
        last_at=row["last_at"], top_entities=tuple(json.loads(row["top_entities"])),
        keywords=tuple(json.loads(row["keywords"])))


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)
