"""The embedded SQLite store: WAL mode, the shared SQL parts, FTS5 full-text search over naba's tokens.

What differs from PostgreSQL lives here: the connection and its pragmas, ``BEGIN IMMEDIATE`` write
transactions (one writer per file, SQLite's rule; readers go on beside it), ids as max + 1, the FTS5
index, a file lock for the story stage, and table sizes from ``dbstat``.
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from naba.errors import StoreError
from naba.models import MatchQuery, QueryTerm, SearchDoc, SearchHit, SearchPool
from naba.settings import Settings
from naba.store.dialect import Database, Dialect
from naba.store.rows import stored_from_row
from naba.store.schema import apply_pending, require_current
from naba.store.sql import SQLStore
from naba.store.sql.articles import article_select, search_filters
from naba.store.sql.bulk import SQLBulkLoad
from naba.store.sqlite_schema import MIGRATIONS

# bm25 weights of the FTS columns (title, body, stems): a title hit counts most, a stem-only hit least.
BM25_WEIGHTS = (4.0, 1.0, 0.5)


@contextmanager
def _begin_immediate(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _next_ids(conn: sqlite3.Connection, n: int) -> list[int]:
    """Inside BEGIN IMMEDIATE no other writer can take them."""
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
    return list(range(first, first + n))


SQLITE = Dialect(name="sqlite", placeholder="?", json_columns=frozenset(), for_update="",
                 integrity_errors=(sqlite3.IntegrityError,), retryable_errors=(), driver_error=sqlite3.Error,
                 begin=_begin_immediate, next_ids=_next_ids)


READER_MMAP_BYTES = 1 << 31


def connect(path: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        # 64 MiB of page cache (the default is 2 MiB): FTS5 segment merges reread what they just
        # wrote; measured ~10% off bulk writes, and warm searches stay in memory
        conn.execute("PRAGMA cache_size = -65536")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open a naba store: {exc}", where=path) from exc
    return conn


def open_sqlite(path: str | Path, settings: Settings | None = None, read_only: bool = False) -> SQLStore:
    """The store in one SQLite file, created and migrated if needed; ``read_only`` (for serving) never
    migrates or writes, and needs a store a writer has brought up to date."""
    path = str(path)
    if read_only and not Path(path).is_file():
        raise StoreError("no store here", where=path, hint="create one with `naba ingest` or `naba demo`")
    db = Database(connect(path), SQLITE, path, read_only=read_only)
    try:
        if read_only:
            require_current(db, MIGRATIONS)
            db.run("PRAGMA query_only = ON")
            # Read through the OS's page cache, shared by every reader, instead of copying pages into
            # each connection's own cache (the web opens one per thread): ~9% off a cold search's CPU.
            # SQLite caps it at its compile-time limit (2 GB by default); writers keep plain reads.
            db.run(f"PRAGMA mmap_size = {READER_MMAP_BYTES}")
        else:
            apply_pending(db, MIGRATIONS)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"cannot open a naba store: {exc}", where=path) from exc
    except StoreError:
        db.close()
        raise
    settings = settings or Settings()
    return SQLStore(db, FTS5Index(db), settings, story_lock=lambda: _file_lock(f"{path}.stories.lock"),
                    reader=lambda: open_sqlite(path, settings, read_only=True),
                    table_sizes=lambda: _table_sizes(db), bulk=lambda: _bulk_load(db, settings))


def _bulk_load(db: Database, settings: Settings) -> SQLBulkLoad:
    """Staging in TEMP tables filled by batched inserts; the FTS5 table is the search index."""
    def copy(table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        if rows:
            with db.transaction():
                db.many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)

    return SQLBulkLoad(db, copy, ("article_fts", ("rowid", "title", "body", "stems")),
                       lambda doc: (doc.title, doc.body, doc.stems), settings.raw_compression_level,
                       after_load=lambda: None,
                       empty_table="CREATE TEMP TABLE {name} AS SELECT {columns} FROM {source} WHERE 0")


def upgrade_sqlite(path: str) -> list[tuple[int, str]]:
    """Apply the pending migrations; (version, name) of those applied."""
    db = Database(connect(path), SQLITE, path)
    try:
        return [(m.version, m.name) for m in apply_pending(db, MIGRATIONS)]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot upgrade a naba store: {exc}", where=path) from exc
    finally:
        db.close()


@contextmanager
def _file_lock(path: str) -> Iterator[None]:
    """An exclusive lock on a file beside the database (SQLite has no advisory locks)."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _table_sizes(db: Database) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for row in db.all("SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name"):
        group = "article_fts" if row["name"].startswith("article_fts") else row["name"]
        sizes[group] = sizes.get(group, 0) + row["bytes"]
    return sizes


class FTS5Index:
    """naba.text tokens joined by spaces in an FTS5 table (title, body, stems), ranked by bm25."""

    def __init__(self, db: Database):
        self._db = db
        self._select = article_select(db)

    def write(self, docs: Sequence[tuple[int, SearchDoc]], replacing: bool) -> None:
        if replacing and docs:
            self._db.chunked("DELETE FROM article_fts WHERE rowid IN ({})", [i for i, _ in docs], fetch=False)
        self._db.many("INSERT INTO article_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
                      [(i, doc.title, doc.body, doc.stems) for i, doc in docs])

    def docs(self, article_ids: Sequence[int]) -> dict[int, SearchDoc]:
        rows = self._db.chunked("SELECT rowid AS id, title, body, stems FROM article_fts WHERE rowid IN ({})",
                                list(article_ids))
        return {row["id"]: SearchDoc(row["title"], row["body"], row["stems"]) for row in rows}

    def query(self, query: MatchQuery) -> list[SearchHit]:
        """Ranked inside the index, then only the page's articles are read: joined before the sort,
        every match's row (its body too) was read to rank it (~4x slower for a common word)."""
        ranked, params = self._ranked(query)
        rows = self._db.all(f"SELECT {self._select}, m.rank FROM ({ranked}) m JOIN articles a ON a.id = m.id "
                            f"ORDER BY m.rank, a.id", params)
        return [SearchHit(stored_from_row(row), -row["rank"]) for row in rows]

    def ranked_ids(self, query: MatchQuery) -> list[int]:
        ranked, params = self._ranked(query)
        return [row["id"] for row in self._db.all(ranked, params)]

    def _ranked(self, query: MatchQuery) -> tuple[str, list[object]]:
        """One page of matching ids with their bm25 rank (lower is better), ranked inside the index."""
        where, params, join = _search_filter(query)
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        return (f"SELECT article_fts.rowid AS id, bm25(article_fts, {weights}) AS rank FROM article_fts {join} "
                f"WHERE {where} ORDER BY rank, article_fts.rowid LIMIT ? OFFSET ?",
                [*params, query.limit, query.offset])

    def count(self, query: MatchQuery) -> int:
        where, params, join = _search_filter(query)
        return int(self._db.value(f"SELECT count(*) AS v FROM article_fts {join} WHERE {where}", params))

    def pool(self, query: MatchQuery, size: int) -> SearchPool:
        """One read: the newest ``size`` + 1 matches with their bm25 rank, counted, and the page ranked
        among the newest ``size`` (reading the newest ids, then ranking from the oldest of them, read
        the index twice: ~1 ms more of a cold search's ~2.5 ms in the store)."""
        where, params, join = _search_filter(query)
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        rows = self._db.all(
            f"WITH newest AS MATERIALIZED (SELECT article_fts.rowid AS id, bm25(article_fts, {weights}) AS rank "
            f"FROM article_fts {join} WHERE {where} ORDER BY article_fts.rowid DESC LIMIT ?), "
            "counted AS (SELECT count(*) AS matched, max(id) AS top, min(id) AS low FROM newest), "
            "ranked AS (SELECT id, rank FROM newest WHERE (SELECT matched FROM counted) <= ? "
            "OR id > (SELECT low FROM counted)), "
            "page AS (SELECT id, rank FROM ranked ORDER BY rank, id LIMIT ? OFFSET ?) "
            f"SELECT c.matched AS pool_matched, c.top AS pool_top, (SELECT min(id) FROM ranked) AS pool_floor, "
            f"p.rank AS pool_rank, {self._select} FROM counted c LEFT JOIN page p "
            "LEFT JOIN articles a ON a.id = p.id ORDER BY p.rank, a.id",
            [*params, size + 1, size, query.limit, query.offset])
        first = rows[0]  # the count's row is always there, with no article when the page is empty
        hits = [SearchHit(stored_from_row(row), -row["pool_rank"]) for row in rows if row["id"] is not None]
        return SearchPool(hits, first["pool_matched"], first["pool_top"], first["pool_floor"])

    def newest_ids(self, query: MatchQuery, n: int) -> list[int]:
        where, params, join = _search_filter(query)
        rows = self._db.all(f"SELECT article_fts.rowid AS id FROM article_fts {join} WHERE {where} "
                            f"ORDER BY article_fts.rowid DESC LIMIT ?", [*params, n])
        return [row["id"] for row in rows]

    def oldest_id(self, query: MatchQuery) -> int | None:
        where, params, join = _search_filter(query)
        row = self._db.one(f"SELECT article_fts.rowid AS id FROM article_fts {join} WHERE {where} "
                           f"ORDER BY article_fts.rowid LIMIT 1", params)
        return None if row is None else int(row["id"])


def _search_filter(query: MatchQuery) -> tuple[str, list[object], str]:
    """The WHERE clause, its parameters, and the join to ``articles`` when a filter needs it."""
    clauses, params, joined = search_filters(query, "article_fts.rowid")
    join = "JOIN articles a ON a.id = article_fts.rowid" if joined else ""
    return " AND ".join(["article_fts MATCH ?", *clauses]), [fts_expression(query), *params], join


def fts_expression(query: MatchQuery) -> str:
    """An FTS5 MATCH expression: every term in title/body as written, or its stem in any column
    (the stems column holds only the stems that differ from their token; see naba.pipeline.searchdoc).

    Tokens come from naba.text and hold no quotes; they are quoted anyway so that FTS5 never
    reads a word such as "not" as an operator.
    """
    return " AND ".join(_fts_term(term) for term in query.terms)


def _fts_term(term: QueryTerm) -> str:
    """One term; a name in any spelling is the OR of its spellings (``QueryTerm.any_of``)."""
    if term.any_of:
        return "(" + " OR ".join(_fts_term(spelling) for spelling in term.spellings_to_match()) + ")"
    if term.phrase:
        return '{title body}: "' + " ".join(term.phrase) + '"'
    return f'({{title body}}: "{term.token}" OR "{term.stem}")'
