"""Articles on either backend: the write/replace/merge decision written once, and the reads.

A batch is one transaction. Its known identities are read (and, on PostgreSQL, row-locked in identity
order, so two writers lock in the same order); the new ones get ids in batch order and are inserted
with ``ON CONFLICT (identity) DO NOTHING``; one that another writer inserted meanwhile is then locked
and treated as known. Each article is then stored, unchanged (its categories merged: filing is not
content), or updated (its id and first-seen time kept). A transaction that hits a deadlock or a
serialization failure is rolled back and retried (``Database.retrying``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any, Protocol

from naba.dates import to_timestamp
from naba.errors import StoreError
from naba.models import MatchQuery, PreparedArticle, Record, SearchDoc, SearchHit, SearchPool, StoredArticle
from naba.settings import Settings
from naba.store.contracts import CandidateRow, Keyset, Outcome, StoreStats, WriteResult
from naba.store.dialect import Database, Row
from naba.store.rows import ARTICLE_COLUMNS, article_values, entity_rows, raw_values, record_from_row, stored_from_row

_HEAD = ("id", "identity", "content_hash", "published_ts", "first_seen_at", "fetched_at")
Known = dict[str, tuple[int, str, tuple[str, ...]]]  # identity -> (id, content hash, categories)


class TextIndexWriter(Protocol):
    """The backend's full-text index, as the article writer feeds it."""

    def write(self, docs: Sequence[tuple[int, SearchDoc]], replacing: bool) -> None: ...


def search_filters(query: MatchQuery, id_column: str) -> tuple[list[str], list[object], bool]:
    """A search's conditions beyond its terms (first id, outlet, time span) and their parameters, the
    same on both backends; whether one needs the join to ``articles a``."""
    clauses: list[str] = []
    params: list[object] = []
    if query.min_id is not None:
        clauses.append(f"{id_column} >= ?")
        params.append(query.min_id)
    filters = [(sql, value) for sql, value in (
        ("a.source = ?", query.source), ("a.published_ts >= ?", query.since_ts),
        ("a.published_ts < ?", query.until_ts)) if value is not None]
    for sql, value in filters:
        clauses.append(sql)
        params.append(value)
    return clauses, params, bool(filters)


class NewestAndRanked(Protocol):
    def newest_ids(self, query: MatchQuery, n: int) -> list[int]: ...

    def query(self, query: MatchQuery) -> list[SearchHit]: ...


def pool_in_two_reads(index: NewestAndRanked, query: MatchQuery, size: int) -> SearchPool:
    """``SearchIndex.pool`` from the newest ids, then the page ranked from the pool's oldest id on."""
    newest = index.newest_ids(query, size + 1)
    if not newest:
        return SearchPool([], 0, None, None)
    floor = newest[:size][-1]
    if len(newest) > size:
        query = replace(query, min_id=floor)
    return SearchPool(index.query(query), len(newest), newest[0], floor)


def article_select(db: Database) -> str:
    """The columns ``stored_from_row`` reads, of an articles row aliased ``a``."""
    return ", ".join(["a.id", "a.first_seen_at", "a.fetched_at", "a.duplicate_of", "a.story_id"]
                     + [db.dialect.json_select(name) for name in ARTICLE_COLUMNS])


class SQLArticles:
    def __init__(self, db: Database, index: TextIndexWriter, settings: Settings,
                 table_sizes: Callable[[], dict[str, int]]):
        self._db = db
        self._index = index
        self._level = settings.raw_compression_level
        self._table_sizes = table_sizes
        self.select = article_select(db)
        params = ["?"] * len(_HEAD) + [db.dialect.json_param(name) for name in ARTICLE_COLUMNS]
        self._insert = (f"INSERT INTO articles ({', '.join(_HEAD + ARTICLE_COLUMNS)}) "
                        f"VALUES ({', '.join(params)})")
        self._update = ("UPDATE articles SET identity = ?, content_hash = ?, published_ts = ?, fetched_at = ?, "
                        + ", ".join(f"{name} = {db.dialect.json_param(name)}" for name in ARTICLE_COLUMNS)
                        + " WHERE id = ?")

    # -- writing ---------------------------------------------------------------------------

    def write(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        if not batch:
            return []
        return self._db.retrying(lambda: self._write_batch(batch, seen_at))

    def replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        return self._db.retrying(lambda: self._replace(article_id, prepared, seen_at))

    def load(self, items: Sequence[tuple[StoredArticle, str, str, SearchDoc, Record]]) -> None:
        """(stored, identity, content hash, search doc, raw input) written as they are, ids and times kept;
        an id or identity already stored is an error. Inside the caller's transaction."""
        self._db.many(self._insert, [
            [stored.id, identity, content_hash, to_timestamp(stored.article.published_at), stored.first_seen_at,
             stored.fetched_at, *article_values(stored.article)]
            for stored, identity, content_hash, _, _ in items])
        self._companions([(stored.id, record, search, stored.article) for stored, _, _, search, record in items],
                         replacing=False)

    def _write_batch(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        known = self._lock_known(sorted({p.identity for p in batch}))
        first_new: dict[str, int] = {}  # identity -> position of its first occurrence in the batch
        for position, prepared in enumerate(batch):
            if prepared.identity not in known:
                first_new.setdefault(prepared.identity, position)
        inserted = self._insert_new([batch[i] for i in first_new.values()], seen_at, known)
        results = []
        for position, prepared in enumerate(batch):
            if prepared.identity in inserted and first_new[prepared.identity] == position:
                results.append(WriteResult(inserted[prepared.identity], Outcome.STORED))
                continue
            article_id, content_hash, categories = known[prepared.identity]
            if content_hash == prepared.content_hash:
                merged = self._merge_categories(article_id, categories, prepared.article.categories)
                known[prepared.identity] = (article_id, content_hash, merged)
                results.append(WriteResult(article_id, Outcome.UNCHANGED))
            else:  # a changed article, or a second version of one this batch adds
                self._update_row(article_id, prepared, seen_at)
                known[prepared.identity] = (article_id, prepared.content_hash, prepared.article.categories)
                results.append(WriteResult(article_id, Outcome.UPDATED))
        return results

    def _lock_known(self, identities: list[str]) -> Known:
        """The stored articles among ``identities`` (sorted), row-locked where the backend locks rows."""
        rows = self._db.chunked(
            f"SELECT a.id, a.identity, a.content_hash, {self._db.dialect.json_select('categories')} "
            f"FROM articles a WHERE a.identity IN ({{}}) ORDER BY a.identity{self._db.dialect.for_update}",
            identities)
        return {row["identity"]: (row["id"], row["content_hash"], tuple(json.loads(row["categories"])))
                for row in rows}

    def _insert_new(self, fresh: list[PreparedArticle], seen_at: str, known: Known) -> dict[str, int]:
        """Insert articles whose identity was not stored; identity -> id of those inserted.

        Ids are drawn in batch order; rows go in identity order. One that another writer inserted since
        ``_lock_known`` is skipped, locked, and added to ``known``.
        """
        if not fresh:
            return {}
        ids = self._db.dialect.next_ids(self._db.conn, len(fresh))
        planned = sorted(zip(ids, fresh, strict=True), key=lambda pair: pair[1].identity)
        self._db.many(self._insert + " ON CONFLICT (identity) DO NOTHING", [
            [article_id, p.identity, p.content_hash, to_timestamp(p.article.published_at), seen_at, seen_at,
             *article_values(p.article)] for article_id, p in planned])
        ours = {row["id"] for row in self._db.chunked("SELECT id FROM articles WHERE id IN ({})", ids)}
        stored = [(article_id, p) for article_id, p in planned if article_id in ours]
        clashed = [p.identity for article_id, p in planned if article_id not in ours]
        self._companions([(i, p.record, p.search, p.article) for i, p in stored], replacing=False)
        if clashed:
            known.update(self._lock_known(clashed))
        for article_id, p in stored:
            known[p.identity] = (article_id, p.content_hash, p.article.categories)
        return {p.identity: article_id for article_id, p in stored}

    def _replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        row = self._db.one(f"SELECT content_hash FROM articles WHERE id = ?{self._db.dialect.for_update}",
                           [article_id])
        if row is None:
            raise StoreError(f"no article {article_id} to replace", where=self._db.where)
        if row["content_hash"] == prepared.content_hash:
            return WriteResult(article_id, Outcome.UNCHANGED)
        clash = self._db.one("SELECT id FROM articles WHERE identity = ? AND id != ?",
                             [prepared.identity, article_id])
        if clash is not None:
            raise StoreError(f"reprocessed article {article_id} now has the identity of article {clash['id']}",
                             where=prepared.record.origin)
        self._update_row(article_id, prepared, seen_at)
        return WriteResult(article_id, Outcome.UPDATED)

    def _update_row(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> None:
        article = prepared.article
        self._db.run(self._update, [prepared.identity, prepared.content_hash, to_timestamp(article.published_at),
                                    seen_at, *article_values(article), article_id])
        self._companions([(article_id, prepared.record, prepared.search, article)], replacing=True)

    def _merge_categories(self, article_id: int, old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
        """An article filed under a second category stays one article, listed under both."""
        merged = tuple(dict.fromkeys(old + new))
        if merged != old:
            self._db.run(f"UPDATE articles SET categories = {self._db.dialect.json_param('categories')} WHERE id = ?",
                         [json.dumps(list(merged), ensure_ascii=False), article_id])
        return merged

    def _companions(self, rows: Sequence[tuple[int, Record, SearchDoc, Any]], replacing: bool) -> None:
        """Each (id, raw input, search doc, article)'s raw input, index entry and entity rows."""
        self._db.many(
            "INSERT INTO raw_inputs (article_id, format, origin, hints, payload) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET format = excluded.format, origin = excluded.origin, "
            "hints = excluded.hints, payload = excluded.payload",
            [(i, *raw_values(record, self._level)) for i, record, _, _ in rows])
        self._index.write([(i, search) for i, _, search, _ in rows], replacing)
        if replacing and rows:
            self._db.chunked("DELETE FROM article_entities WHERE article_id IN ({})", [r[0] for r in rows],
                             fetch=False)
        self._db.many(
            "INSERT INTO article_entities (canonical, article_id, name, kind, rank, published_ts) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [row for i, _, _, article in rows
             for row in entity_rows(i, article, to_timestamp(article.published_at))])

    # -- reading ---------------------------------------------------------------------------

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._db.one(f"SELECT {self.select} FROM articles a WHERE a.id = ?", [article_id])
        return None if row is None else stored_from_row(row)

    def get_by_url(self, canonical_url: str) -> StoredArticle | None:
        row = self._db.one(f"SELECT {self.select} FROM articles a WHERE a.canonical_url = ? ORDER BY a.id LIMIT 1",
                           [canonical_url])
        return None if row is None else stored_from_row(row)

    def get_many(self, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        rows = self._db.chunked(f"SELECT {self.select} FROM articles a WHERE a.id IN ({{}})", list(article_ids))
        return {row["id"]: stored_from_row(row) for row in rows}

    def known_urls(self, canonical_urls: Sequence[str]) -> dict[str, int]:
        rows = self._db.chunked("SELECT canonical_url, id FROM articles WHERE canonical_url IN ({}) ORDER BY id",
                                list(dict.fromkeys(canonical_urls)))
        return {row["canonical_url"]: row["id"] for row in rows}

    def newest(self, *, source: str | None = None, entity: str | None = None, story_id: int | None = None,
               since_ts: float | None = None, until_ts: float | None = None, before: Keyset | None = None,
               limit: int = 20) -> list[StoredArticle]:
        joins, clauses = "", []
        params: list[object] = []
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
        rows = self._db.all(f"SELECT {self.select} FROM articles a{joins}{where} "
                            f"ORDER BY {order} DESC, a.id DESC LIMIT ?", [*params, limit])
        return [stored_from_row(row) for row in rows]

    def scan(self, since_ts: float | None = None) -> Iterator[StoredArticle]:
        since = "" if since_ts is None else "a.published_ts >= ? AND "
        rows = self._db.pages(f"SELECT {self.select} FROM articles a WHERE {since}a.id > ? ORDER BY a.id LIMIT 1000",
                              [] if since_ts is None else [since_ts])
        return (stored_from_row(row) for row in rows)

    def raw_inputs(self) -> Iterator[tuple[int, Record]]:
        rows = self._db.pages("SELECT article_id AS id, format, origin, hints, payload FROM raw_inputs "
                              "WHERE article_id > ? ORDER BY article_id LIMIT 1000")
        return ((row["id"], record_from_row(row)) for row in rows)

    def ungrouped(self, after_id: int = 0, limit: int = 500) -> list[int]:
        rows = self._db.all("SELECT id FROM articles WHERE story_id IS NULL AND id > ? ORDER BY id LIMIT ?",
                            [after_id, limit])
        return [row["id"] for row in rows]

    def ranking_rows(self, article_ids: Sequence[int]) -> list[CandidateRow]:
        rows = self._db.chunked("SELECT id, source, title, published_ts, first_seen_at, story_id, duplicate_of, "
                                "keywords, entities FROM articles WHERE id IN ({})", list(article_ids))
        return [_candidate(row) for row in rows]

    def stats(self, sizes: bool = True) -> StoreStats:
        def counts(sql: str, params: Sequence[object] = ()) -> dict[str, int]:
            return {str(row["k"]): row["n"] for row in self._db.all(sql, params)}

        return StoreStats(
            articles=self._db.value("SELECT count(*) AS v FROM articles"),
            per_source=counts("SELECT coalesce(source, ?) AS k, count(*) AS n FROM articles GROUP BY 1 ORDER BY 2 DESC",
                              ["?"]),  # a literal "?" in the SQL would read as a placeholder
            per_day=counts("SELECT coalesce(substr(published_at, 1, 10), 'unknown') AS k, count(*) AS n "
                           "FROM articles GROUP BY 1 ORDER BY 1"),
            per_lang=counts("SELECT lang AS k, count(*) AS n FROM articles GROUP BY 1 ORDER BY 2 DESC"),
            sizes=self._table_sizes() if sizes else {},
        )


def _candidate(row: Row) -> CandidateRow:
    ts = row["published_ts"] or to_timestamp(row["first_seen_at"]) or 0.0
    return CandidateRow(row["id"], row["source"], row["title"], ts, row["story_id"], row["duplicate_of"],
                        tuple(json.loads(row["keywords"])), tuple(e[1] for e in json.loads(row["entities"])))
