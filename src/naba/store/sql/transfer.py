"""Everything a store holds, read and written as it is: for moving a store to another backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from naba.models import Grouping, SearchDoc, StorySummary
from naba.store.contracts import ArticleDump, Link
from naba.store.dialect import Database, Row
from naba.store.rows import record_from_row, stored_from_row
from naba.store.sql.articles import SQLArticles
from naba.store.sql.stories import STORY_COLUMNS, SQLStories, grouping_from_row, summary_from_row

DUMP_PAGE = 500


class SQLTransfer:
    def __init__(self, db: Database, articles: SQLArticles, stories: SQLStories,
                 search_docs: Callable[[Sequence[int]], dict[int, SearchDoc]], after_load: Callable[[], None]):
        self._db = db
        self._articles = articles
        self._stories = stories
        self._search_docs = search_docs  # the backend's index, read back
        self._after_load = after_load  # e.g. move an id sequence past the ids written by hand

    def dump(self) -> Iterator[ArticleDump]:
        sql = (f"SELECT {self._articles.select}, a.identity, a.content_hash, r.format, r.origin, r.hints, r.payload "
               f"FROM articles a JOIN raw_inputs r ON r.article_id = a.id WHERE a.id > ? ORDER BY a.id "
               f"LIMIT {DUMP_PAGE}")
        page: list[Row] = []
        for row in self._db.pages(sql):
            page.append(row)
            if len(page) == DUMP_PAGE:
                yield from self._dumps(page)
                page = []
        yield from self._dumps(page)

    def _dumps(self, rows: list[Row]) -> Iterator[ArticleDump]:
        docs = self._search_docs([row["id"] for row in rows])
        for row in rows:
            yield ArticleDump(stored_from_row(row), row["identity"], row["content_hash"], docs[row["id"]],
                              record_from_row(row))

    def load(self, dumps: Sequence[ArticleDump]) -> None:
        if not dumps:
            return
        with self._db.transaction():
            self._articles.load([(d.stored, d.identity, d.content_hash, d.search, d.record) for d in dumps])
            self._after_load()

    def groupings(self) -> Iterator[Grouping]:
        rows = self._db.pages("SELECT id, duplicate_of, story_id, story_parent, story_score FROM articles "
                              "WHERE story_id IS NOT NULL AND id > ? ORDER BY id LIMIT 1000")
        return (grouping_from_row(row) for row in rows)

    def links(self) -> Iterator[Link]:
        rows = self._db.all("SELECT article_id, other_id, score FROM article_links WHERE article_id < other_id "
                            "ORDER BY article_id, other_id")
        return iter([(row["article_id"], row["other_id"], row["score"]) for row in rows])

    def summaries(self) -> Iterator[StorySummary]:
        rows = self._db.pages(f"SELECT {STORY_COLUMNS} FROM stories WHERE id > ? ORDER BY id LIMIT 1000")
        return (summary_from_row(row) for row in rows)

    def load_stories(self, groupings: Sequence[Grouping], links: Sequence[Link],
                     summaries: Sequence[StorySummary]) -> None:
        with self._db.transaction():
            self._stories.write_decisions(groupings, links)
            for summary in summaries:
                self._stories.write_summary(summary)
