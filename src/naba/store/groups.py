"""The story-intelligence tables (entities, duplicates, stories, links), one SQL text for both backends.

SQLite and PostgreSQL run the same statements here: they are written with ``?`` placeholders and
row-value comparisons both understand, and the JSON lists are text on both. ``columns`` is the
backend's select list for an articles row aliased ``a`` (PostgreSQL casts its jsonb columns).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from naba.dates import to_timestamp
from naba.models import Article, Entity, Grouping, StoredArticle, StorySummary
from naba.store.rows import entity_rows, stored_from_row
from naba.store.summaries import summarize_story

_CHUNK = 500  # ids per IN (...) list
_STORY_COLUMNS = ("id, title, articles, outlets, first_article_id, first_source, first_at, first_ts, "
                  "last_at, last_ts, top_entities, keywords")


@dataclass(frozen=True, slots=True)
class CandidateRow:
    id: int
    source: str | None
    title: str | None
    ts: float
    story_id: int | None
    duplicate_of: int | None
    keywords: tuple[str, ...]
    entities: tuple[str, ...]  # canonical names, best first


class GroupTables:
    def __init__(self, conn: Any, transaction: Callable[[], Any], columns: str, placeholder: str):
        self._conn = conn
        self._transaction = transaction
        self._columns = columns
        self._placeholder = placeholder

    # -- written with the articles (inside the caller's transaction) ---------------------------

    def write_entities(self, items: Sequence[tuple[int, Article]], replacing: bool) -> None:
        if replacing and items:
            self._in("DELETE FROM article_entities WHERE article_id IN ({})", [i for i, _ in items])
        rows = [row for article_id, article in items
                for row in entity_rows(article_id, article, to_timestamp(article.published_at))]
        self._executemany("INSERT INTO article_entities (canonical, article_id, name, kind, rank, published_ts) "
                          "VALUES (?, ?, ?, ?, ?, ?)", rows)

    # -- the story stage's decisions ------------------------------------------------------------

    def apply_groupings(self, groupings: Sequence[Grouping], links: Sequence[tuple[int, int, float]] = (),
                        moved: Sequence[tuple[int, int]] = ()) -> None:
        if not groupings and not links:
            return
        with self._transaction():
            ids = [g.article_id for g in groupings]
            touched = {row["story_id"] for row in self._in(
                "SELECT story_id FROM articles WHERE id IN ({}) AND story_id IS NOT NULL", ids)}
            for article_id, story_id in moved:
                touched.update(self._move_subtree(article_id, story_id))
            seq = self._all("SELECT coalesce(max(group_seq), 0) + 1 AS seq FROM articles", [])[0]["seq"]
            self._executemany(
                "UPDATE articles SET duplicate_of = ?, story_id = ?, story_parent = ?, story_score = ?, group_seq = ? "
                "WHERE id = ?",
                [(g.duplicate_of, g.story_id, g.parent_id, g.parent_score, seq, g.article_id) for g in groupings])
            self._executemany(
                "INSERT INTO article_links (article_id, other_id, score) VALUES (?, ?, ?) "
                "ON CONFLICT (article_id, other_id) DO UPDATE SET score = excluded.score",
                [row for a, b, score in links for row in ((a, b, score), (b, a, score))])
            touched.update(g.story_id for g in groupings)
            for story_id in sorted(touched):
                self._refresh_story(story_id)

    def _move_subtree(self, article_id: int, story_id: int) -> set[int]:
        """Give the article's descendants (by story parent) the story id; the stories they left."""
        below = ("WITH RECURSIVE below(id) AS (SELECT id FROM articles WHERE story_parent = ? "
                 "UNION SELECT a.id FROM articles a JOIN below b ON a.story_parent = b.id) ")
        left = {row["story_id"] for row in self._all(
            below + "SELECT DISTINCT story_id FROM articles WHERE id IN (SELECT id FROM below)", [article_id])}
        self._all(below + "UPDATE articles SET story_id = ? WHERE id IN (SELECT id FROM below)",
                  [article_id, story_id], fetch=False)
        return {s for s in left if s is not None}

    def _refresh_story(self, story_id: int) -> None:
        members = [_summary_member(row) for row in self._all(
            "SELECT id, first_seen_at, fetched_at, source, title, published_at, keywords, entities, "
            "substr(body, 1, 120) AS lede FROM articles WHERE story_id = ?", [story_id])]
        self._all("DELETE FROM stories WHERE id = ?", [story_id], fetch=False)
        if not members:
            return
        summary, first_ts, last_ts = summarize_story(story_id, members)
        self._all(f"INSERT INTO stories ({_STORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            story_id, summary.title, summary.articles, _json(summary.outlets), summary.first_article_id,
            summary.first_source, summary.first_at, first_ts, summary.last_at, last_ts,
            _json(summary.top_entities), _json(summary.keywords)], fetch=False)
        self._executemany("INSERT INTO story_outlets (source, story_id, last_ts) VALUES (?, ?, ?)",
                          [(outlet, story_id, last_ts) for outlet in summary.outlets])

    def group_seq(self) -> int:
        return self._all("SELECT coalesce(max(group_seq), 0) AS seq FROM articles", [])[0]["seq"]

    def grouped_since(self, seq: int) -> Iterator[tuple[StoredArticle, Grouping]]:
        """The articles whose grouping was written after write number ``seq`` (by any process)."""
        rows = self._all(f"SELECT {self._columns}, a.story_parent, a.story_score FROM articles a "
                         "WHERE a.group_seq > ?", [seq])
        for row in rows:
            yield stored_from_row(row), _grouping(row)

    def grouping_window(self, since_ts: float, until_ts: float) -> Iterator[tuple[StoredArticle, Grouping | None]]:
        since_iso = datetime.fromtimestamp(since_ts, UTC).isoformat(timespec="seconds")
        until_iso = datetime.fromtimestamp(until_ts, UTC).isoformat(timespec="seconds")
        rows = self._all(
            f"SELECT {self._columns}, a.story_parent, a.story_score FROM articles a "
            "WHERE (a.published_ts >= ? AND a.published_ts < ?) "
            "OR (a.published_ts IS NULL AND a.first_seen_at >= ? AND a.first_seen_at < ?)",
            [since_ts, until_ts, since_iso, until_iso])
        for row in rows:
            yield stored_from_row(row), None if row["story_id"] is None else _grouping(row)

    def iter_groupings(self) -> Iterator[Grouping]:
        """Every grouped article's decisions, in id order (for copying a store)."""
        last_id = 0
        while True:
            page = self._all("SELECT id, duplicate_of, story_id, story_parent, story_score FROM articles "
                             "WHERE story_id IS NOT NULL AND id > ? ORDER BY id LIMIT 1000", [last_id])
            if not page:
                return
            for row in page:
                yield Grouping(row["id"], row["duplicate_of"], row["story_id"], row["story_parent"],
                               row["story_score"] or 0.0)
            last_id = page[-1]["id"]

    def iter_links(self) -> Iterator[tuple[int, int, float]]:
        """Every similar-article link once, as (a, b, score) with a < b."""
        rows = self._all("SELECT article_id, other_id, score FROM article_links WHERE article_id < other_id "
                         "ORDER BY article_id, other_id", [])
        return iter([(row["article_id"], row["other_id"], row["score"]) for row in rows])

    # -- reading --------------------------------------------------------------------------------

    def links_of(self, article_id: int) -> list[tuple[int, float]]:
        return [(row["other_id"], row["score"]) for row in self._all(
            "SELECT other_id, score FROM article_links WHERE article_id = ? ORDER BY score DESC, other_id",
            [article_id])]

    def get_many(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        rows = self._in(f"SELECT {self._columns} FROM articles a WHERE a.id IN ({{}})", list(article_ids))
        return {row["id"]: stored_from_row(row) for row in rows}

    def list_articles(self, *, source: str | None = None, entity: str | None = None, story_id: int | None = None,
                      since_ts: float | None = None, until_ts: float | None = None,
                      before: tuple[float, int] | None = None, limit: int = 20) -> list[StoredArticle]:
        joins, clauses, params = "", [], []
        if entity is not None:
            joins = " JOIN article_entities e ON e.article_id = a.id"
            clauses.append("e.canonical = ?")
            params.append(entity)
        for clause, value in (("a.source = ?", source), ("a.story_id = ?", story_id),
                              ("a.published_ts >= ?", since_ts), ("a.published_ts < ?", until_ts)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        order = "coalesce(a.published_ts, 0)"
        if before is not None:
            clauses.append(f"({order}, a.id) < (?, ?)")
            params.extend(before)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._all(f"SELECT {self._columns} FROM articles a{joins}{where} "
                         f"ORDER BY {order} DESC, a.id DESC LIMIT ?", [*params, limit])
        return [stored_from_row(row) for row in rows]

    def list_stories(self, *, entity: str | None = None, source: str | None = None, since_ts: float | None = None,
                     until_ts: float | None = None, before: tuple[float, int] | None = None,
                     limit: int = 20) -> list[StorySummary]:
        clauses, params = [], []
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
        rows = self._all(f"SELECT {_STORY_COLUMNS} FROM stories s{where} "
                         "ORDER BY coalesce(s.last_ts, 0) DESC, s.id DESC LIMIT ?", [*params, limit])
        return [_story(row) for row in rows]

    def get_story(self, story_id: int) -> StorySummary | None:
        rows = self._all(f"SELECT {_STORY_COLUMNS} FROM stories WHERE id = ?", [story_id])
        return _story(rows[0]) if rows else None

    def story_times(self, story_id: int) -> tuple[float, float] | None:
        rows = self._all("SELECT first_ts, last_ts FROM stories WHERE id = ?", [story_id])
        return (rows[0]["first_ts"], rows[0]["last_ts"]) if rows else None

    def entity_names(self, canonical: str) -> dict[str, int]:
        return {row["name"]: row["n"] for row in self._all(
            "SELECT name, count(*) AS n FROM article_entities WHERE canonical = ? GROUP BY name ORDER BY 2 DESC, 1",
            [canonical])}

    def candidate_rows(self, article_ids: Sequence[int]) -> list[CandidateRow]:
        """What ranking a recommendation reads, without the bodies (a candidate list is long)."""
        rows = self._in("SELECT id, source, title, published_at, published_ts, first_seen_at, story_id, "
                        "duplicate_of, keywords, entities FROM articles WHERE id IN ({})", list(article_ids))
        return [CandidateRow(row["id"], row["source"], row["title"], row["published_ts"] or to_timestamp(
                    row["first_seen_at"]) or 0.0, row["story_id"], row["duplicate_of"],
                    tuple(json.loads(row["keywords"])), tuple(e[1] for e in json.loads(row["entities"])))
                for row in rows]

    def entity_candidates(self, canonicals: Sequence[str], per_entity: int) -> dict[int, list[str]]:
        """The newest ``per_entity`` articles mentioning each entity: article id -> the entities it shares."""
        shared: dict[int, list[str]] = {}
        for canonical in canonicals:
            for row in self._all("SELECT article_id FROM article_entities WHERE canonical = ? "
                                 "ORDER BY published_ts DESC LIMIT ?", [canonical, per_entity]):
                shared.setdefault(row["article_id"], []).append(canonical)
        return shared

    # -- plumbing -------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql if self._placeholder == "?" else sql.replace("?", self._placeholder)

    def _all(self, sql: str, params: Sequence[Any], fetch: bool = True) -> list[Any]:
        cursor = self._conn.execute(self._sql(sql), params)
        return cursor.fetchall() if fetch else []

    def _in(self, template: str, ids: list[int]) -> list[Any]:
        """Run ``template`` (with one ``{}`` for an id list) over ``ids`` in chunks."""
        rows: list[Any] = []
        fetch = template.lstrip().upper().startswith("SELECT")
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            rows.extend(self._all(template.format(", ".join("?" * len(chunk))), chunk, fetch))
        return rows

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if hasattr(self._conn, "executemany"):  # sqlite3
            self._conn.executemany(sql, rows)
        else:  # psycopg: executemany lives on cursors
            with self._conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)


def _summary_member(row: Any) -> StoredArticle:
    """What a story summary reads of one article (the body's opening only: a big story has hundreds)."""
    article = Article(body=row["lede"], title=row["title"], source=row["source"], published_at=row["published_at"],
                      keywords=tuple(json.loads(row["keywords"])),
                      entities=tuple(Entity(*fields) for fields in json.loads(row["entities"])))
    return StoredArticle(id=row["id"], article=article, first_seen_at=row["first_seen_at"],
                         fetched_at=row["fetched_at"], story_id=None)


def _grouping(row: Any) -> Grouping:
    return Grouping(row["id"], row["duplicate_of"], row["story_id"], row["story_parent"], row["story_score"] or 0.0)


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _story(row: Any) -> StorySummary:
    return StorySummary(
        id=row["id"], title=row["title"], articles=row["articles"], outlets=tuple(json.loads(row["outlets"])),
        first_article_id=row["first_article_id"], first_source=row["first_source"], first_at=row["first_at"],
        last_at=row["last_at"], top_entities=tuple(json.loads(row["top_entities"])),
        keywords=tuple(json.loads(row["keywords"])))


class StoryMethods:
    """The story part of the Store protocol, for a backend that sets ``self.groups``."""

    groups: GroupTables

    def apply_groupings(self, groupings: Sequence[Grouping], links: Sequence[tuple[int, int, float]] = (),
                        moved: Sequence[tuple[int, int]] = ()) -> None:
        self.groups.apply_groupings(groupings, links, moved)

    def grouping_window(self, since_ts: float, until_ts: float) -> Iterator[tuple[StoredArticle, Grouping | None]]:
        return self.groups.grouping_window(since_ts, until_ts)

    def links_of(self, article_id: int) -> list[tuple[int, float]]:
        return self.groups.links_of(article_id)

    def iter_groupings(self) -> Iterator[Grouping]:
        return self.groups.iter_groupings()

    def group_seq(self) -> int:
        return self.groups.group_seq()

    def grouped_since(self, seq: int) -> Iterator[tuple[StoredArticle, Grouping]]:
        return self.groups.grouped_since(seq)

    def iter_links(self) -> Iterator[tuple[int, int, float]]:
        return self.groups.iter_links()

    def get_many(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        return self.groups.get_many(article_ids)

    def list_articles(self, **filters: Any) -> list[StoredArticle]:
        return self.groups.list_articles(**filters)

    def list_stories(self, **filters: Any) -> list[StorySummary]:
        return self.groups.list_stories(**filters)

    def get_story(self, story_id: int) -> StorySummary | None:
        return self.groups.get_story(story_id)

    def entity_names(self, canonical: str) -> dict[str, int]:
        return self.groups.entity_names(canonical)

    def entity_candidates(self, canonicals: Sequence[str], per_entity: int) -> dict[int, list[str]]:
        return self.groups.entity_candidates(canonicals, per_entity)

    def candidate_rows(self, article_ids: Sequence[int]) -> list[CandidateRow]:
        return self.groups.candidate_rows(article_ids)
