"""Loading a whole prepared collection (``naba db load``): staging tables, then one swap.

Rows are streamed into temporary staging tables shaped like the real ones (PostgreSQL: ``COPY ... FROM
STDIN``; SQLite: batched inserts), which no reader sees. Then one transaction swaps them in: the target's
secondary indexes are dropped, every table filled from its staging table with one ``INSERT ... SELECT``,
the indexes built again over the whole data (faster than keeping them up to date row by row), and the id
sequence moved past the loaded ids. A reader (``naba serve``) sees the store as it was until the commit,
then the whole collection. The target must hold no articles, unless ``replace`` (then they are deleted
in the same transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from naba.dates import to_timestamp
from naba.errors import StoreError
from naba.models import Grouping, SearchDoc, StorySummary
from naba.store.contracts import ArticleDump, Link
from naba.store.dialect import Database
from naba.store.rows import ARTICLE_COLUMNS, article_values, entity_rows, raw_values

_ARTICLE_HEAD = ("id", "identity", "content_hash", "published_ts", "first_seen_at", "fetched_at")
_DECISIONS = ("duplicate_of", "story_id", "story_parent", "story_score", "group_seq")
ARTICLE_LOAD_COLUMNS = (*_ARTICLE_HEAD, *ARTICLE_COLUMNS, *_DECISIONS)
LOADED_SEQ = 1  # the story write number loaded decisions carry: the online stage takes them as placed
# table -> its loaded columns, in the order the tables are filled (foreign keys point backwards)
TABLES: dict[str, tuple[str, ...]] = {
    "articles": ARTICLE_LOAD_COLUMNS,
    "raw_inputs": ("article_id", "format", "origin", "hints", "payload"),
    "article_entities": ("canonical", "article_id", "name", "kind", "rank", "published_ts"),
    "article_links": ("article_id", "other_id", "score"),
    "stories": ("id", "title", "articles", "outlets", "first_article_id", "first_source", "first_at", "first_ts",
                "last_at", "last_ts", "top_entities", "keywords"),
    "story_outlets": ("source", "story_id", "last_ts"),
}
Copier = Callable[[str, Sequence[str], Sequence[Sequence[Any]]], None]


class SQLBulkLoad:
    """Stage, then swap. The backend gives how rows reach a staging table (``copy``), its search index's
    table and columns, and what to run after the swap (the id sequence)."""

    def __init__(self, db: Database, copy: Copier, search: tuple[str, tuple[str, str, str, str]],
                 search_values: Callable[[SearchDoc], tuple[str, str, str]], level: int,
                 after_load: Callable[[], None], empty_table: str):
        self._db, self._copy, self._level = db, copy, level
        self._search_table, self._search_columns = search
        self._search_values = search_values
        self._after_load = after_load
        self._empty_table = empty_table  # CREATE TEMP TABLE {name} AS ... with no rows, {source} and {columns}
        self._staged = False

    def stage_articles(self, items: Sequence[tuple[ArticleDump, Grouping]]) -> None:
        self._stage()
        self._copy("load_articles", ARTICLE_LOAD_COLUMNS, [
            [d.stored.id, d.identity, d.content_hash, to_timestamp(d.stored.article.published_at),
             d.stored.first_seen_at, d.stored.fetched_at, *article_values(d.stored.article),
             g.duplicate_of, g.story_id, g.parent_id, g.parent_score, LOADED_SEQ] for d, g in items])
        self._copy("load_raw_inputs", TABLES["raw_inputs"],
                   [(d.stored.id, *raw_values(d.record, self._level)) for d, _ in items])
        self._copy("load_search", self._search_columns,
                   [(d.stored.id, *self._search_values(d.search)) for d, _ in items])
        self._copy("load_article_entities", TABLES["article_entities"],
                   [row for d, _ in items for row in entity_rows(d.stored.id, d.stored.article,
                                                                 to_timestamp(d.stored.article.published_at))])

    def stage_links(self, links: Sequence[Link]) -> None:
        self._stage()
        self._copy("load_article_links", TABLES["article_links"],
                   [row for a, b, score in links for row in ((a, b, score), (b, a, score))])

    def stage_stories(self, summaries: Sequence[StorySummary]) -> None:
        from naba.store.sql.stories import _json

        self._stage()
        self._copy("load_stories", TABLES["stories"], [
            (s.id, s.title, s.articles, _json(s.outlets), s.first_article_id, s.first_source, s.first_at,
             to_timestamp(s.first_at), s.last_at, to_timestamp(s.last_at), _json(s.top_entities), _json(s.keywords))
            for s in summaries])
        self._copy("load_story_outlets", TABLES["story_outlets"],
                   [(outlet, s.id, to_timestamp(s.last_at)) for s in summaries for outlet in s.outlets])

    def swap(self, replace: bool = False) -> None:
        """Everything staged into the real tables, in one transaction, indexes rebuilt after."""
        self._stage()
        with self._db.transaction():
            if self._db.one("SELECT 1 AS v FROM articles LIMIT 1") is not None:
                if not replace:
                    raise StoreError("the target store already holds articles", where=self._db.where,
                                     hint="load into a new, empty database, or give --replace")
                for table in ("article_links", "story_outlets", "stories", self._search_table, "article_entities",
                              "raw_inputs", "articles"):
                    self._db.run(f"DELETE FROM {table}")
            indexes = self._secondary_indexes()
            for name, _ in indexes:
                self._db.run(f"DROP INDEX {name}")
            for table, columns in (*TABLES.items(), (self._search_table, self._search_columns)):
                source = "load_search" if table == self._search_table else f"load_{table}"
                listed = ", ".join(columns)
                self._db.run(f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {source}")
            for _, definition in indexes:
                self._db.run(definition)
            self._after_load()
        for table in (*TABLES, "search"):
            self._db.run(f"DROP TABLE IF EXISTS load_{table}")
        self._staged = False

    def _stage(self) -> None:
        """The staging tables, created once per load: the real tables' columns, no rows, no constraints."""
        if self._staged:
            return
        for table, columns in (*TABLES.items(), ("search", self._search_columns)):
            source = self._search_table if table == "search" else table
            self._db.run(f"DROP TABLE IF EXISTS load_{table}")
            self._db.run(self._empty_table.format(name=f"load_{table}", source=source, columns=", ".join(columns)))
        self._staged = True

    def _secondary_indexes(self) -> list[tuple[str, str]]:
        """(name, CREATE statement) of the indexes on the loaded tables that no constraint owns."""
        if self._db.dialect.name == "postgresql":
            rows = self._db.all(
                "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() "
                "AND tablename IN ('articles', 'raw_inputs', 'article_entities', 'article_links', 'stories', "
                "'story_outlets', 'article_search') AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint) ORDER BY indexname")
        else:
            rows = self._db.all(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
                "('articles', 'raw_inputs', 'article_entities', 'article_links', 'stories', 'story_outlets') "
                "ORDER BY name")
        return [(row["name"], row["sql"]) for row in rows]


def staged(load: SQLBulkLoad, batches: Iterable[tuple[str, Sequence[Any]]]) -> int:
    """Feed ("articles" | "links" | "stories", rows) batches to ``load``; how many articles."""
    articles = 0
    for kind, rows in batches:
        if kind == "articles":
            load.stage_articles(rows)
            articles += len(rows)
        elif kind == "links":
            load.stage_links(rows)
        else:
            load.stage_stories(rows)
    return articles
