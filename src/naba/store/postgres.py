"""The PostgreSQL store: many ingest workers and web readers on one database, via psycopg 3.

The same parts and the same results as the SQLite store (``naba.store.sql``); what differs lives here:

- ids come from an identity column's sequence (never max + 1), and a batch's known rows are locked
  ``FOR UPDATE`` in identity order, so concurrent writers decide unchanged/updated under the lock; a
  deadlock or a serialization failure rolls the batch back and retries it (``Database.retrying``);
- the story stage holds a session advisory lock, and migrations run under another;
- search: every query term is ``phraseto_tsquery('simple', ...)`` of its token (matched against the
  ``exact`` vector: title and body) or of its stem (matched against both vectors); terms are ANDed. The
  vectors come from the same SearchDoc strings SQLite indexes (see postgres_schema), so the set of
  matches is the same. The ranking is not bm25 but ts_rank of a small vector of the title (weighted
  most) and the lede, so that ranking thousands of matches does not read thousands of full vectors.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import psycopg
from psycopg import errors
from psycopg.rows import DictRow, dict_row

from naba.errors import StoreError
from naba.models import MatchQuery, QueryTerm, SearchDoc, SearchHit, SearchPool
from naba.settings import Settings
from naba.store.dialect import Database, Dialect
from naba.store.postgres_schema import ADVISORY_LOCK_KEY, MIGRATIONS
from naba.store.rows import JSON_COLUMNS, stored_from_row
from naba.store.schema import apply_pending, require_current
from naba.store.sql import SQLStore
from naba.store.sql.articles import article_select, pool_in_two_reads, search_filters
from naba.store.sql.bulk import SQLBulkLoad

STORY_LOCK_KEY = 0x6E616262  # "nabb": the story stage's session advisory lock

# ts_rank weights for {D, C, B, A}: stems (D) count least, body (B) more, a title (A) hit most.
RANK_WEIGHTS = "{0.125, 0, 0.25, 1.0}"
_TSQUERY = "phraseto_tsquery('simple', translate(?, '.,', '  '))"


def _next_ids(conn: psycopg.Connection[DictRow], n: int) -> list[int]:
    return [row["id"] for row in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id FROM generate_series(1, %s) ORDER BY 1",
        (n,))]


POSTGRES = Dialect(name="postgresql", placeholder="%s", json_columns=JSON_COLUMNS, for_update=" FOR UPDATE",
                   integrity_errors=(errors.UniqueViolation,),
                   retryable_errors=(errors.SerializationFailure, errors.DeadlockDetected),
                   driver_error=psycopg.Error, begin=lambda conn: conn.transaction(), next_ids=_next_ids)


def connect(url: str) -> psycopg.Connection[DictRow]:
    """An autocommit connection (transactions are explicit) returning rows as dicts."""
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL: {exc}".strip(), where=_safe(url)) from exc
    try:  # lz4 packs the large values (bodies, vectors) several times faster than the default pglz
        conn.execute("SET default_toast_compression = lz4")
    except psycopg.Error:
        pass  # a server built without lz4
    shown = conn.execute("SHOW server_encoding").fetchone()
    encoding = shown["server_encoding"] if shown else "?"
    if encoding != "UTF8":
        conn.close()
        raise StoreError(f"the database encoding is {encoding}, not UTF8", where=_safe(url),
                         hint="create it with ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' TEMPLATE template0")
    return conn


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"


def open_postgres(url: str, settings: Settings | None = None, read_only: bool = False) -> SQLStore:
    """The store in one PostgreSQL database (which must exist: naba creates its tables); ``read_only``
    (for serving) never migrates and runs every transaction read-only."""
    db = Database(connect(url), POSTGRES, _safe(url), read_only=read_only)
    try:
        if read_only:
            require_current(db, MIGRATIONS)
            db.run("SET default_transaction_read_only = on")
        else:
            apply_pending(db, MIGRATIONS, lambda: _advisory_lock(db, ADVISORY_LOCK_KEY))
    except psycopg.Error as exc:
        db.close()
        raise StoreError(f"cannot migrate the naba schema: {exc}", where=db.where) from exc
    except StoreError:
        db.close()
        raise
    settings = settings or Settings()
    return SQLStore(db, TsvectorIndex(db), settings,
                    story_lock=lambda: _advisory_lock(db, STORY_LOCK_KEY),
                    reader=lambda: open_postgres(url, settings, read_only=True),
                    table_sizes=lambda: _table_sizes(db), after_load=lambda: _sync_id_sequence(db),
                    bulk=lambda: _bulk_load(db, settings))


def _bulk_load(db: Database, settings: Settings) -> SQLBulkLoad:
    """Staging in TEMP tables filled with COPY ... FROM STDIN (the fastest way in)."""
    def copy(table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        if not rows:
            return
        with db.conn.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as stream:
            for row in rows:
                stream.write_row(row)

    return SQLBulkLoad(db, copy, ("article_search", ("article_id", "title", "body", "stems")), _search_values,
                       settings.raw_compression_level, after_load=lambda: _sync_id_sequence(db),
                       empty_table="CREATE TEMP TABLE {name} AS SELECT {columns} FROM {source} WITH NO DATA")


def upgrade_postgres(url: str) -> list[tuple[int, str]]:
    """Apply the pending migrations; (version, name) of those applied."""
    db = Database(connect(url), POSTGRES, _safe(url))
    try:
        applied = apply_pending(db, MIGRATIONS, lambda: _advisory_lock(db, ADVISORY_LOCK_KEY))
        return [(m.version, m.name) for m in applied]
    finally:
        db.close()


@contextmanager
def _advisory_lock(db: Database, key: int) -> Iterator[None]:
    db.run("SELECT pg_advisory_lock(?)", [key])
    try:
        yield
    finally:
        db.run("SELECT pg_advisory_unlock(?)", [key])


def _sync_id_sequence(db: Database) -> None:
    """Keep the id sequence ahead of ids written by hand (a copy keeps the source's ids)."""
    db.run("SELECT setval(pg_get_serial_sequence('articles', 'id'), greatest((SELECT max(id) FROM articles), 1))")


def _table_sizes(db: Database) -> dict[str, int]:
    return {row["name"]: row["bytes"] for row in db.all(
        "SELECT name, pg_total_relation_size(name::regclass) AS bytes "
        "FROM unnest(ARRAY['articles', 'raw_inputs', 'article_search']) AS name")}


class TsvectorIndex:
    """The SearchDoc strings in ``article_search``, with generated tsvectors and GIN indexes."""

    def __init__(self, db: Database):
        self._db = db
        self._select = article_select(db)

    def write(self, docs: Sequence[tuple[int, SearchDoc]], replacing: bool) -> None:
        self._db.many(
            "INSERT INTO article_search (article_id, title, body, stems) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, body = excluded.body, "
            "stems = excluded.stems", [(i, *_search_values(doc)) for i, doc in docs])

    def docs(self, article_ids: Sequence[int]) -> dict[int, SearchDoc]:
        rows = self._db.chunked("SELECT article_id AS id, title, body, stems FROM article_search "
                                "WHERE article_id IN ({})", list(article_ids))
        return {row["id"]: SearchDoc(row["title"], row["body"], row["stems"]) for row in rows}

    def query(self, query: MatchQuery) -> list[SearchHit]:
        if not query.terms:
            return []
        ranked, params = self._ranked(query)
        # rank inside article_search, then fetch only the page's articles
        rows = self._planned(f"SELECT {self._select}, m.rank FROM ({ranked}) m JOIN articles a "
                             f"ON a.id = m.article_id ORDER BY m.rank DESC, a.id", params)
        return [SearchHit(stored_from_row(row), row["rank"]) for row in rows]

    def ranked_ids(self, query: MatchQuery) -> list[int]:
        if not query.terms:
            return []
        ranked, params = self._ranked(query)
        return [row["article_id"] for row in self._planned(ranked, params)]

    def _ranked(self, query: MatchQuery) -> tuple[str, list[object]]:
        """One page of matching ids with their rank (higher is better), ranked inside article_search."""
        where, params, join = _search_filter(query)
        rank, rank_params = _rank_expression(query)
        return (f"SELECT s.article_id, {rank} AS rank FROM article_search s {join} WHERE {where} "
                f"ORDER BY rank DESC, s.article_id LIMIT ? OFFSET ?",
                [*rank_params, *params, query.limit, query.offset])

    def count(self, query: MatchQuery) -> int:
        if not query.terms:
            return 0
        where, params, join = _search_filter(query)
        return int(self._planned(f"SELECT count(*) AS n FROM article_search s {join} WHERE {where}", params)[0]["n"])

    def pool(self, query: MatchQuery, size: int) -> SearchPool:
        return pool_in_two_reads(self, query, size)

    def newest_ids(self, query: MatchQuery, n: int) -> list[int]:
        if not query.terms:
            return []
        where, params, join = _search_filter(query)
        rows = self._planned(f"SELECT s.article_id AS id FROM article_search s {join} WHERE {where} "
                             f"ORDER BY s.article_id DESC LIMIT ?", [*params, n])
        return [row["id"] for row in rows]

    def oldest_id(self, query: MatchQuery) -> int | None:
        if not query.terms:
            return None
        where, params, join = _search_filter(query)
        rows = self._planned(f"SELECT s.article_id AS id FROM article_search s {join} WHERE {where} "
                             f"ORDER BY s.article_id LIMIT 1", params)
        return int(rows[0]["id"]) if rows else None

    def _planned(self, sql: str, params: list[object]) -> list[DictRow]:
        """A search query, planned with sequential scans off: the planner prices ``@@`` on a TOASTed
        tsvector far below its real cost and would read every article's vector for a common word,
        where the GIN indexes answer in a fraction of the time."""
        with self._db.conn.transaction():
            self._db.run("SET LOCAL enable_seqscan = off")
            return self._db.all(sql, params)


def _search_filter(query: MatchQuery) -> tuple[str, list[object], str]:
    """The WHERE clause, its parameters, and the join to ``articles`` when a filter needs it.

    Every term matches: its token in title/body, or its stem anywhere (the stems column holds only
    the stems that differ from their token; see naba.pipeline.searchdoc); a phrase in title/body.
    """
    clauses: list[str] = []
    params: list[object] = []
    for term in query.terms:
        clauses.append(_term_clause(term, params))
    more, more_params, joined = search_filters(query, "s.article_id")
    join = "JOIN articles a ON a.id = s.article_id" if joined else ""
    return " AND ".join(clauses + more), params + more_params, join


def _term_clause(term: QueryTerm, params: list[object]) -> str:
    """One term's condition (its parameters appended); a name in any spelling is the OR of its
    spellings (``QueryTerm.any_of``)."""
    if term.any_of:
        return "(" + " OR ".join(_term_clause(spelling, params) for spelling in term.spellings_to_match()) + ")"
    if term.phrase:
        params.append(" ".join(term.phrase))
        return f"s.exact @@ {_TSQUERY}"
    params.extend((term.token, term.stem, term.stem))
    return f"(s.exact @@ ({_TSQUERY} || {_TSQUERY}) OR s.stems_vec @@ {_TSQUERY})"


def _rank_expression(query: MatchQuery) -> tuple[str, list[str]]:
    """ts_rank of the ranking vector (title, lede, lede stems) against any term's token, phrase or stem
    (for a name in any spelling, every spelling it is matched by)."""
    terms = [s for t in query.terms for s in (t.spellings_to_match() or (t,))]
    words = [" ".join(t.phrase) if t.phrase else t.token for t in terms]
    words += [t.stem for t in terms if not t.phrase]
    return f"ts_rank('{RANK_WEIGHTS}', s.rank_vec, {' || '.join([_TSQUERY] * len(words))})", words


def _search_values(search: SearchDoc) -> tuple[str, str, str]:
    search = fit_tsvector_limit(search)
    return (search.title, search.body, search.stems)


_TSVECTOR_MAX = 1_048_575  # bytes: PostgreSQL refuses a larger tsvector, and the batch with it
_TSVECTOR_BUDGET = 900_000  # what we fill, leaving room for the header and our estimate's error
_SPLIT = str.maketrans(".,", "  ")


def fit_tsvector_limit(search: SearchDoc) -> SearchDoc:
    """The SearchDoc, its body and stems cut at a word if their vectors would pass the tsvector limit.

    Only documents of several hundred thousand distinct words come near it (a 10 MB page can); they
    are then found by their first ~50,000 distinct words on PostgreSQL, by all of them on SQLite.
    Text under about 600 kB cannot reach the limit (every word would have to be distinct), so it is
    never looked at.
    """
    if len(search.title) + len(search.body) + len(search.stems) < 300_000:  # < ~600 kB of UTF-8
        return search
    title_bytes = _vector_bytes(search.title.translate(_SPLIT).split(), _TSVECTOR_BUDGET)[0]
    body = _prefix_within(search.body, _TSVECTOR_BUDGET - title_bytes)
    stems = _prefix_within(search.stems, _TSVECTOR_BUDGET)
    return SearchDoc(search.title, body, stems)


def _prefix_within(text: str, budget: int) -> str:
    words = text.translate(_SPLIT).split()
    fitting = _vector_bytes(words, budget)[1]
    return text if fitting == len(words) else " ".join(words[:fitting])


def _vector_bytes(words: list[str], budget: int) -> tuple[int, int]:
    """An upper bound of the tsvector size of ``words``, and how many of them fit in ``budget`` bytes:
    per distinct lexeme its bytes and a 4-byte entry (+1 alignment), per occurrence a 2-byte position
    (at most 256 per lexeme)."""
    seen: dict[str, int] = {}
    size = 0
    for count, word in enumerate(words):
        n = seen.get(word, 0)
        added = (len(word.encode()) + 5 + 2 if n == 0 else 0) + (2 if n < 256 else 0)
        if size + added > budget:
            return size, count
        size += added
        seen[word] = n + 1
    return size, len(words)
