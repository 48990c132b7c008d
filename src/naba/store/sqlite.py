"""The embedded SQLite store: WAL mode, registered migrations, FTS5 full-text search.

One writer per file (SQLite's rule); readers may open the same file at the same time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from naba.dates import to_timestamp
from naba.errors import StoreError
from naba.models import MatchQuery, PreparedArticle, Record, SearchDoc, SearchHit, StoredArticle
from naba.settings import Settings
from naba.store.base import ArticleDump, Outcome, StoreStats, WriteResult
from naba.store.migrations import apply_pending
from naba.store.groups import GroupTables, StoryMethods
from naba.store.rows import ARTICLE_COLUMNS, article_values, raw_values, record_from_row, stored_from_row
from naba.store.sqlite_sources import SQLiteSources

# bm25 weights of the FTS columns (title, body, stems): a title hit counts most, a stem-only hit least.
BM25_WEIGHTS = (4.0, 1.0, 0.5)
_MAX_PARAMS = 500  # stay far below SQLite's bound-parameter limit

_ARTICLE_INSERT = (
    "INSERT INTO articles (id, identity, content_hash, published_ts, first_seen_at, fetched_at, "
    + ", ".join(ARTICLE_COLUMNS) + ") VALUES (" + ", ".join("?" * (6 + len(ARTICLE_COLUMNS))) + ")"
)
_ARTICLE_UPDATE = (
    "UPDATE articles SET identity = ?, content_hash = ?, published_ts = ?, fetched_at = ?, "
    + ", ".join(f"{name} = ?" for name in ARTICLE_COLUMNS) + " WHERE id = ?"
)


class SQLiteStore(StoryMethods):
    """The Store protocol on one SQLite file."""

    def __init__(self, path: str | Path, settings: Settings | None = None):
        self.path = str(path)
        self.url = f"sqlite:///{self.path}"
        self.settings = settings or Settings()
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA busy_timeout = 10000")
            # 64 MiB of page cache (the default is 2 MiB): FTS5 segment merges reread what they just
            # wrote; measured ~10% off bulk writes, and warm searches stay in memory
            self._conn.execute("PRAGMA cache_size = -65536")
            apply_pending(self._conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open a naba store: {exc}", where=self.path) from exc
        self.sources = SQLiteSources(self._conn, self._transaction)
        self.groups = GroupTables(self._conn, self._transaction, "a.*", "?")

    # -- writing ---------------------------------------------------------------------------

    def write(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        with self._transaction():
            known = self._known_identities([p.identity for p in batch])
            next_id = self._conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
            pending: dict[int, PreparedArticle] = {}  # new articles, inserted together at the end
            results = []
            for prepared in batch:
                existing = known.get(prepared.identity)
                if existing is None:
                    article_id, outcome = next_id, Outcome.STORED
                    next_id += 1
                    pending[article_id] = prepared
                else:
                    article_id, content_hash, categories = existing
                    if content_hash == prepared.content_hash:
                        outcome = Outcome.UNCHANGED
                        prepared = self._merge_categories(article_id, categories, prepared, pending)
                    else:
                        outcome = Outcome.UPDATED
                        if article_id in pending:  # a second version of an article this batch adds
                            pending[article_id] = prepared
                        else:
                            self._update(article_id, prepared, seen_at)
                known[prepared.identity] = (article_id, prepared.content_hash, prepared.article.categories)
                results.append(WriteResult(article_id, outcome))
            self._insert_many(pending, seen_at)
            return results

    def replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        with self._transaction():
            row = self._conn.execute(
                "SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"no article {article_id} to replace", where=self.path)
            if row["content_hash"] == prepared.content_hash:
                return WriteResult(article_id, Outcome.UNCHANGED)
            clash = self._conn.execute(
                "SELECT id FROM articles WHERE identity = ? AND id != ?",
                (prepared.identity, article_id)).fetchone()
            if clash is not None:
                raise StoreError(
                    f"reprocessed article {article_id} now has the identity of article {clash['id']}",
                    where=prepared.record.origin)
            self._update(article_id, prepared, seen_at)
            return WriteResult(article_id, Outcome.UPDATED)

    def _known_identities(self, identities: list[str]) -> dict[str, tuple[int, str, tuple[str, ...]]]:
        known = {}
        unique = list(dict.fromkeys(identities))
        for start in range(0, len(unique), _MAX_PARAMS):
            chunk = unique[start:start + _MAX_PARAMS]
            rows = self._conn.execute(
                f"SELECT id, identity, content_hash, categories FROM articles "
                f"WHERE identity IN ({','.join('?' * len(chunk))})", chunk)
            for row in rows:
                known[row["identity"]] = (row["id"], row["content_hash"], tuple(json.loads(row["categories"])))
        return known

    def _insert_many(self, pending: dict[int, PreparedArticle], seen_at: str) -> None:
        """One executemany per table: the per-statement overhead matters at thousands of articles/s."""
        self._conn.executemany(_ARTICLE_INSERT, [
            [article_id, p.identity, p.content_hash, to_timestamp(p.article.published_at), seen_at, seen_at,
             *article_values(p.article)] for article_id, p in pending.items()])
        self._conn.executemany(
            "INSERT INTO raw_inputs (article_id, format, origin, hints, payload) VALUES (?, ?, ?, ?, ?)",
            [self._raw_values(article_id, p.record) for article_id, p in pending.items()])
        self._conn.executemany(
            "INSERT INTO article_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
            [(article_id, p.search.title, p.search.body, p.search.stems) for article_id, p in pending.items()])
        self.groups.write_entities([(article_id, p.article) for article_id, p in pending.items()], replacing=False)

    def _update(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> None:
        article = prepared.article
        self._conn.execute(_ARTICLE_UPDATE, [
            prepared.identity, prepared.content_hash, to_timestamp(article.published_at), seen_at,
            *article_values(article), article_id])
        self._conn.execute(
            "INSERT OR REPLACE INTO raw_inputs (article_id, format, origin, hints, payload) "
            "VALUES (?, ?, ?, ?, ?)", self._raw_values(article_id, prepared.record))
        self._conn.execute("DELETE FROM article_fts WHERE rowid = ?", (article_id,))
        self._conn.execute(
            "INSERT INTO article_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
            (article_id, prepared.search.title, prepared.search.body, prepared.search.stems))
        self.groups.write_entities([(article_id, article)], replacing=True)

    def _merge_categories(self, article_id: int, old: tuple[str, ...], prepared: PreparedArticle,
                          pending: dict[int, PreparedArticle]) -> PreparedArticle:
        """An article filed under a second category stays one article, listed under both."""
        merged = tuple(dict.fromkeys(old + prepared.article.categories))
        if merged == old:
            return prepared
        prepared = dataclasses.replace(prepared, article=dataclasses.replace(prepared.article, categories=merged))
        if article_id in pending:
            pending[article_id] = prepared
        else:
            self._conn.execute("UPDATE articles SET categories = ? WHERE id = ?",
                               (json.dumps(list(merged), ensure_ascii=False), article_id))
        return prepared

    def _raw_values(self, article_id: int, record: Record) -> tuple:
        return (article_id, *raw_values(record, self.settings.raw_compression_level))

    # -- reading ---------------------------------------------------------------------------

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else stored_from_row(row)

    def get_by_url(self, canonical_url: str) -> StoredArticle | None:
        row = self._conn.execute(
            "SELECT * FROM articles WHERE canonical_url = ? ORDER BY id LIMIT 1", (canonical_url,)).fetchone()
        return None if row is None else stored_from_row(row)

    def known_urls(self, canonical_urls: Sequence[str]) -> dict[str, int]:
        known = {}
        unique = list(dict.fromkeys(canonical_urls))
        for start in range(0, len(unique), _MAX_PARAMS):
            chunk = unique[start:start + _MAX_PARAMS]
            rows = self._conn.execute(
                f"SELECT canonical_url, id FROM articles WHERE canonical_url IN ({','.join('?' * len(chunk))})",
                chunk)
            known.update((url, article_id) for url, article_id in rows)
        return known

    def search(self, query: MatchQuery) -> list[SearchHit]:
        where, params = self._search_filter(query)
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        rows = self._conn.execute(
            f"SELECT a.*, bm25(article_fts, {weights}) AS rank FROM article_fts "
            f"JOIN articles a ON a.id = article_fts.rowid WHERE {where} "
            f"ORDER BY rank, a.id LIMIT ? OFFSET ?", [*params, query.limit, query.offset])
        return [SearchHit(stored_from_row(row), -row["rank"]) for row in rows]

    def count_matches(self, query: MatchQuery) -> int:
        where, params = self._search_filter(query)
        return self._conn.execute(
            f"SELECT count(*) FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
            f"WHERE {where}", params).fetchone()[0]

    def _search_filter(self, query: MatchQuery) -> tuple[str, list]:
        clauses, params = ["article_fts MATCH ?"], [fts_expression(query)]
        if query.source is not None:
            clauses.append("a.source = ?")
            params.append(query.source)
        if query.since_ts is not None:
            clauses.append("a.published_ts >= ?")
            params.append(query.since_ts)
        if query.until_ts is not None:
            clauses.append("a.published_ts < ?")
            params.append(query.until_ts)
        return " AND ".join(clauses), params

    def iter_articles(self, since_ts: float | None = None) -> Iterator[StoredArticle]:
        sql, params = "SELECT * FROM articles", []
        if since_ts is not None:
            sql, params = sql + " WHERE published_ts >= ?", [since_ts]
        last_id = 0
        while True:  # keyset pages, so a long export never holds one huge cursor open
            page = self._conn.execute(
                f"{sql} {'AND' if params else 'WHERE'} id > ? ORDER BY id LIMIT 1000",
                [*params, last_id]).fetchall()
            if not page:
                return
            for row in page:
                yield stored_from_row(row)
            last_id = page[-1]["id"]

    def iter_raw(self) -> Iterator[tuple[int, Record]]:
        last_id = 0
        while True:
            page = self._conn.execute(
                "SELECT * FROM raw_inputs WHERE article_id > ? ORDER BY article_id LIMIT 1000",
                (last_id,)).fetchall()
            if not page:
                return
            for row in page:
                yield row["article_id"], record_from_row(row)
            last_id = page[-1]["article_id"]

    def stats(self) -> StoreStats:
        def counts(sql: str) -> dict[str, int]:
            return {str(key): n for key, n in self._conn.execute(sql)}

        sizes: dict[str, int] = {}
        for name, size in self._conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            group = "article_fts" if name.startswith("article_fts") else name
            sizes[group] = sizes.get(group, 0) + size
        return StoreStats(
            articles=self._conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            per_source=counts("SELECT coalesce(source, '?'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"),
            per_day=counts("SELECT coalesce(substr(published_at, 1, 10), 'unknown'), count(*) "
                           "FROM articles GROUP BY 1 ORDER BY 1"),
            per_lang=counts("SELECT lang, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"),
            sizes=sizes,
        )

    # -- copying between stores -------------------------------------------------------------

    def iter_dump(self) -> Iterator[ArticleDump]:
        last_id = 0
        while True:
            page = self._conn.execute(
                "SELECT a.*, r.format, r.origin, r.hints, r.payload, f.title AS s_title, f.body AS s_body, "
                "f.stems AS s_stems FROM articles a JOIN raw_inputs r ON r.article_id = a.id "
                "JOIN article_fts f ON f.rowid = a.id WHERE a.id > ? ORDER BY a.id LIMIT 500",
                (last_id,)).fetchall()
            if not page:
                return
            for row in page:
                yield ArticleDump(stored_from_row(row), row["identity"], row["content_hash"],
                                  SearchDoc(row["s_title"], row["s_body"], row["s_stems"]), record_from_row(row))
            last_id = page[-1]["id"]

    def load_dump(self, dumps: Sequence[ArticleDump]) -> None:
        level = self.settings.raw_compression_level
        with self._transaction():
            for dump in dumps:
                stored, article_id = dump.stored, dump.stored.id
                self._conn.execute(_ARTICLE_INSERT, [
                    article_id, dump.identity, dump.content_hash, to_timestamp(stored.article.published_at),
                    stored.first_seen_at, stored.fetched_at, *article_values(stored.article)])
                self._conn.execute(
                    "INSERT INTO raw_inputs (article_id, format, origin, hints, payload) VALUES (?, ?, ?, ?, ?)",
                    (article_id, *raw_values(dump.record, level)))
                self._conn.execute(
                    "INSERT INTO article_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
                    (article_id, dump.search.title, dump.search.body, dump.search.stems))
                self.groups.write_entities([(article_id, stored.article)], replacing=False)

    @contextlib.contextmanager
    def story_lock(self) -> Iterator[None]:
        """An exclusive lock on a file beside the database (SQLite has no advisory locks)."""
        with open(f"{self.path}.stories.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        self._conn.close()

    # -- plumbing --------------------------------------------------------------------------

    def _transaction(self):
        return _Transaction(self._conn)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error so a failed batch leaves nothing half-written."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self._conn.execute("ROLLBACK" if exc_type else "COMMIT")


def fts_expression(query: MatchQuery) -> str:
    """An FTS5 MATCH expression: every term in title/body as written, or its stem in any column
    (the stems column holds only the stems that differ from their token; see naba.pipeline.searchdoc).

    Tokens come from naba.text and hold no quotes; they are quoted anyway so that FTS5 never
    reads a word such as "not" as an operator.
    """
    parts = []
    for term in query.terms:
        if term.phrase:
            parts.append('{title body}: "' + " ".join(term.phrase) + '"')
        else:
            parts.append(f'({{title body}}: "{term.token}" OR "{term.stem}")')
    return " AND ".join(parts)
