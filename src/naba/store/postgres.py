"""The PostgreSQL store: many ingest workers and web readers on one database, via psycopg 3.

Same Protocol and same results as the SQLite store; what differs is how writers share the database:

- ``articles.identity`` is UNIQUE, ids come from an identity column (never max + 1);
- a batch is one READ COMMITTED transaction: lock the batch's known identities (sorted, so two
  workers lock in the same order), insert the new ones with ``ON CONFLICT (identity) DO NOTHING``,
  and take a row lock on any that another worker inserted meanwhile, then decide unchanged/updated
  under the lock, exactly as SQLite does;
- a batch that hits a deadlock or a serialization failure is rolled back and retried, a bounded
  number of times.

Search: every query term is ``phraseto_tsquery('simple', ...)`` of its token (matched against the
``exact`` vector: title and body) or of its stem (matched against both vectors); terms are ANDed. The
vectors come from the same SearchDoc strings SQLite indexes (see pg_migrations), so the set of
matches is the same. The ranking is not bm25 but ts_rank of a small vector of the title (weighted
most) and the lede, so that ranking thousands of matches does not read thousands of full vectors.
"""

from __future__ import annotations

import contextlib
import json
import random
import time
from collections.abc import Iterator, Sequence

import psycopg
from psycopg import errors
from psycopg.rows import dict_row

from naba.dates import to_timestamp
from naba.errors import StoreError
from naba.models import MatchQuery, PreparedArticle, Record, SearchDoc, SearchHit, StoredArticle
from naba.settings import Settings
from naba.store.base import ArticleDump, Outcome, StoreStats, WriteResult
from naba.store.pg_migrations import apply_pending
from naba.store.groups import GroupTables, StoryMethods
from naba.store.pg_sources import PostgresSources
from naba.store.rows import (
    ARTICLE_COLUMNS, JSON_COLUMNS, article_values, raw_values, record_from_row, stored_from_row)

STORY_LOCK_KEY = 0x6E616262  # "nabb": the story stage's session advisory lock
MAX_ATTEMPTS = 6  # tries of one batch before a deadlock or serialization failure is raised
_RETRYABLE = (errors.SerializationFailure, errors.DeadlockDetected)

# ts_rank weights for {D, C, B, A}: stems (D) count least, body (B) more, a title (A) hit most.
RANK_WEIGHTS = "{0.125, 0, 0.25, 1.0}"
_TSQUERY = "phraseto_tsquery('simple', translate(%s, '.,', '  '))"

_HEAD_COLUMNS = ("id", "identity", "content_hash", "published_ts", "first_seen_at", "fetched_at")
_PLACEHOLDERS = ", ".join(["%s"] * len(_HEAD_COLUMNS) + [
    "%s::jsonb" if name in JSON_COLUMNS else "%s" for name in ARTICLE_COLUMNS])
_ARTICLE_INSERT = (
    f"INSERT INTO articles ({', '.join(_HEAD_COLUMNS + ARTICLE_COLUMNS)}) VALUES ({_PLACEHOLDERS})")
_ARTICLE_UPDATE = (
    "UPDATE articles SET identity = %s, content_hash = %s, published_ts = %s, fetched_at = %s, "
    + ", ".join(f"{name} = %s::jsonb" if name in JSON_COLUMNS else f"{name} = %s" for name in ARTICLE_COLUMNS)
    + " WHERE id = %s")
_RAW_UPSERT = (
    "INSERT INTO raw_inputs (article_id, format, origin, hints, payload) VALUES (%s, %s, %s, %s, %s) "
    "ON CONFLICT (article_id) DO UPDATE SET format = excluded.format, origin = excluded.origin, "
    "hints = excluded.hints, payload = excluded.payload")
_SEARCH_UPSERT = (
    "INSERT INTO article_search (article_id, title, body, stems) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, body = excluded.body, "
    "stems = excluded.stems")
# The columns stored_from_row reads, JSON ones as text (rows.py parses them).
_SELECT = ", ".join(["a.id", "a.first_seen_at", "a.fetched_at", "a.duplicate_of", "a.story_id"] + [
    f"a.{name}::text AS {name}" if name in JSON_COLUMNS else f"a.{name}" for name in ARTICLE_COLUMNS])

Known = dict[str, tuple[int, str, tuple[str, ...]]]  # identity -> (id, content hash, categories)


def connect(url: str) -> psycopg.Connection:
    """An autocommit connection (transactions are explicit) returning rows as dicts."""
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL: {exc}".strip(), where=_safe(url)) from exc
    try:  # lz4 packs the large values (bodies, vectors) several times faster than the default pglz
        conn.execute("SET default_toast_compression = lz4")
    except psycopg.Error:
        pass  # a server built without lz4
    encoding = conn.execute("SHOW server_encoding").fetchone()["server_encoding"]
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


class PostgresStore(StoryMethods):
    """The Store protocol on one PostgreSQL database, over one connection.

    Like SQLiteStore, one object serves one thread at a time (its transactions are the connection's);
    open one per worker or thread. The database takes any number of them at once.
    """

    def __init__(self, url: str, settings: Settings | None = None):
        self.url = _safe(url)
        self.settings = settings or Settings()
        self._conn = connect(url)
        try:
            apply_pending(self._conn)
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot migrate the naba schema: {exc}", where=self.url) from exc
        self.sources = PostgresSources(self._conn, self._conn.transaction)
        self.groups = GroupTables(self._conn, self._conn.transaction, _SELECT, "%s")

    # -- writing ---------------------------------------------------------------------------

    def write(self, batch: Sequence[PreparedArticle], seen_at: str) -> list[WriteResult]:
        if not batch:
            return []
        return self._retrying(lambda: self._write_batch(batch, seen_at))

    def replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        return self._retrying(lambda: self._replace(article_id, prepared, seen_at))

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
            else:
                self._update(article_id, prepared, seen_at)
                known[prepared.identity] = (article_id, prepared.content_hash, prepared.article.categories)
                results.append(WriteResult(article_id, Outcome.UPDATED))
        return results

    def _lock_known(self, identities: list[str]) -> Known:
        """Row-lock the stored articles among ``identities``, in identity order (no lock cycles)."""
        rows = self._conn.execute(
            "SELECT id, identity, content_hash, categories::text AS categories FROM articles "
            "WHERE identity = ANY(%s) ORDER BY identity FOR UPDATE", (identities,))
        return {row["identity"]: (row["id"], row["content_hash"], _categories(row["categories"]))
                for row in rows}

    def _insert_new(self, fresh: list[PreparedArticle], seen_at: str, known: Known) -> dict[str, int]:
        """Insert articles whose identity was not stored; returns identity -> id of those inserted.

        Ids are drawn in batch order (as SQLite numbers them); rows go in identity order. One that
        another worker inserted since ``_lock_known`` is skipped, locked, and added to ``known``.
        """
        if not fresh:
            return {}
        ids = [row["id"] for row in self._conn.execute(
            "SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id "
            "FROM generate_series(1, %s) ORDER BY 1", (len(fresh),))]
        planned = sorted(zip(ids, fresh), key=lambda pair: pair[1].identity)
        with self._conn.cursor() as cur:
            cur.executemany(_ARTICLE_INSERT + " ON CONFLICT (identity) DO NOTHING RETURNING id", [
                self._article_row(article_id, p, seen_at, seen_at) for article_id, p in planned],
                returning=True)
            done = []
            while True:
                done.append(cur.fetchone() is not None)
                if not cur.nextset():
                    break
        stored = [(article_id, p) for (article_id, p), ok in zip(planned, done) if ok]
        clashed = [p.identity for (_, p), ok in zip(planned, done) if not ok]
        self._write_companions(stored)
        if clashed:
            known.update(self._lock_known(clashed))
        inserted = {}
        for article_id, p in stored:
            inserted[p.identity] = article_id
            known[p.identity] = (article_id, p.content_hash, p.article.categories)
        return inserted

    def _write_companions(self, rows: list[tuple[int, PreparedArticle]]) -> None:
        """The raw input and the SearchDoc of each (id, article)."""
        level = self.settings.raw_compression_level
        with self._conn.cursor() as cur:
            cur.executemany(_RAW_UPSERT, [(i, *raw_values(p.record, level)) for i, p in rows])
            cur.executemany(_SEARCH_UPSERT, [(i, *_search_values(p.search)) for i, p in rows])
        self.groups.write_entities([(i, p.article) for i, p in rows], replacing=True)

    def _update(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> None:
        article = prepared.article
        self._conn.execute(_ARTICLE_UPDATE, [
            prepared.identity, prepared.content_hash, to_timestamp(article.published_at), seen_at,
            *article_values(article), article_id])
        self._write_companions([(article_id, prepared)])

    def _replace(self, article_id: int, prepared: PreparedArticle, seen_at: str) -> WriteResult:
        row = self._conn.execute(
            "SELECT content_hash FROM articles WHERE id = %s FOR UPDATE", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id} to replace", where=self.url)
        if row["content_hash"] == prepared.content_hash:
            return WriteResult(article_id, Outcome.UNCHANGED)
        clash = self._conn.execute(
            "SELECT id FROM articles WHERE identity = %s AND id != %s",
            (prepared.identity, article_id)).fetchone()
        if clash is not None:
            raise StoreError(
                f"reprocessed article {article_id} now has the identity of article {clash['id']}",
                where=prepared.record.origin)
        self._update(article_id, prepared, seen_at)
        return WriteResult(article_id, Outcome.UPDATED)

    def _merge_categories(self, article_id: int, old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
        """An article filed under a second category stays one article, listed under both."""
        merged = tuple(dict.fromkeys(old + new))
        if merged != old:
            self._conn.execute("UPDATE articles SET categories = %s::jsonb WHERE id = %s",
                               (_json_list(merged), article_id))
        return merged

    def _article_row(self, article_id: int, prepared: PreparedArticle, first_seen: str, fetched: str) -> list:
        article = prepared.article
        return [article_id, prepared.identity, prepared.content_hash, to_timestamp(article.published_at),
                first_seen, fetched, *article_values(article)]

    def _retrying(self, work):
        """Run ``work`` in one transaction; on a deadlock or serialization failure, roll back and retry."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with self._conn.transaction():
                    return work()
            except _RETRYABLE:
                if attempt == MAX_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0, 0.02 * 2 ** attempt))  # jitter, so the rivals drift apart
        raise AssertionError("unreachable")

    # -- reading ---------------------------------------------------------------------------

    def get(self, article_id: int) -> StoredArticle | None:
        row = self._conn.execute(f"SELECT {_SELECT} FROM articles a WHERE a.id = %s", (article_id,)).fetchone()
        return None if row is None else stored_from_row(row)

    def get_by_url(self, canonical_url: str) -> StoredArticle | None:
        row = self._conn.execute(
            f"SELECT {_SELECT} FROM articles a WHERE a.canonical_url = %s ORDER BY a.id LIMIT 1",
            (canonical_url,)).fetchone()
        return None if row is None else stored_from_row(row)

    def known_urls(self, canonical_urls: Sequence[str]) -> dict[str, int]:
        rows = self._conn.execute(
            "SELECT canonical_url, id FROM articles WHERE canonical_url = ANY(%s) ORDER BY id",
            (list(dict.fromkeys(canonical_urls)),))
        return {row["canonical_url"]: row["id"] for row in rows}

    def search(self, query: MatchQuery) -> list[SearchHit]:
        if not query.terms:
            return []
        where, params, join = _search_filter(query)
        rank, rank_params = _rank_expression(query)
        # rank inside article_search, then fetch only the page's articles
        sql = (f"SELECT {_SELECT}, m.rank FROM (SELECT s.article_id, {rank} AS rank FROM article_search s "
               f"{join} WHERE {where} ORDER BY rank DESC, s.article_id LIMIT %s OFFSET %s) m "
               f"JOIN articles a ON a.id = m.article_id ORDER BY m.rank DESC, a.id")
        rows = self._query(sql, [*rank_params, *params, query.limit, query.offset])
        return [SearchHit(stored_from_row(row), row["rank"]) for row in rows]

    def count_matches(self, query: MatchQuery) -> int:
        if not query.terms:
            return 0
        where, params, join = _search_filter(query)
        return self._query(f"SELECT count(*) AS n FROM article_search s {join} WHERE {where}", params)[0]["n"]

    def _query(self, sql: str, params: list) -> list[dict]:
        """A search query, planned with sequential scans off: the planner prices ``@@`` on a TOASTed
        tsvector far below its real cost and would read every article's vector for a common word,
        where the GIN indexes answer in a fraction of the time."""
        with self._conn.transaction():
            self._conn.execute("SET LOCAL enable_seqscan = off")
            return self._conn.execute(sql, params).fetchall()

    def iter_articles(self, since_ts: float | None = None) -> Iterator[StoredArticle]:
        since = "" if since_ts is None else "a.published_ts >= %s AND "
        for row in self._pages(f"SELECT {_SELECT} FROM articles a WHERE {since}a.id > %s "
                               f"ORDER BY a.id LIMIT 1000", [] if since_ts is None else [since_ts]):
            yield stored_from_row(row)

    def iter_raw(self) -> Iterator[tuple[int, Record]]:
        for row in self._pages("SELECT article_id AS id, format, origin, hints, payload FROM raw_inputs "
                               "WHERE article_id > %s ORDER BY article_id LIMIT 1000", []):
            yield row["id"], record_from_row(row)

    def iter_dump(self) -> Iterator[ArticleDump]:
        sql = (f"SELECT {_SELECT}, a.identity, a.content_hash, r.format, r.origin, r.hints, r.payload, "
               f"s.title AS s_title, s.body AS s_body, s.stems AS s_stems FROM articles a "
               f"JOIN raw_inputs r ON r.article_id = a.id JOIN article_search s ON s.article_id = a.id "
               f"WHERE a.id > %s ORDER BY a.id LIMIT 500")
        for row in self._pages(sql, []):
            yield ArticleDump(stored_from_row(row), row["identity"], row["content_hash"],
                              SearchDoc(row["s_title"], row["s_body"], row["s_stems"]), record_from_row(row))

    def _pages(self, sql: str, params: list) -> Iterator[dict]:
        """Keyset pages of ``sql`` (its last placeholder is the id to start after, rows have ``id``)."""
        last_id = 0
        while True:
            page = self._conn.execute(sql, [*params, last_id]).fetchall()
            if not page:
                return
            yield from page
            last_id = page[-1]["id"]

    def load_dump(self, dumps: Sequence[ArticleDump]) -> None:
        if not dumps:
            return
        with self._conn.transaction(), self._conn.cursor() as cur:
            cur.executemany(_ARTICLE_INSERT, [
                self._article_row(d.stored.id, _as_prepared(d), d.stored.first_seen_at, d.stored.fetched_at)
                for d in dumps])
            self._write_companions([(d.stored.id, _as_prepared(d)) for d in dumps])
            # keep the id sequence ahead of the ids written by hand
            cur.execute("SELECT setval(pg_get_serial_sequence('articles', 'id'), "
                        "greatest((SELECT max(id) FROM articles), 1))")

    def stats(self) -> StoreStats:
        def counts(sql: str) -> dict[str, int]:
            return {str(row["key"]): row["n"] for row in self._conn.execute(sql)}

        sizes = {row["name"]: row["bytes"] for row in self._conn.execute(
            "SELECT name, pg_total_relation_size(name::regclass) AS bytes "
            "FROM unnest(ARRAY['articles', 'raw_inputs', 'article_search']) AS name")}
        return StoreStats(
            articles=self._conn.execute("SELECT count(*) AS n FROM articles").fetchone()["n"],
            per_source=counts("SELECT coalesce(source, '?') AS key, count(*) AS n FROM articles "
                              "GROUP BY 1 ORDER BY 2 DESC"),
            per_day=counts("SELECT coalesce(substr(published_at, 1, 10), 'unknown') AS key, count(*) AS n "
                           "FROM articles GROUP BY 1 ORDER BY 1"),
            per_lang=counts("SELECT lang AS key, count(*) AS n FROM articles GROUP BY 1 ORDER BY 2 DESC"),
            sizes=sizes,
        )

    @contextlib.contextmanager
    def story_lock(self) -> Iterator[None]:
        self._conn.execute("SELECT pg_advisory_lock(%s)", (STORY_LOCK_KEY,))
        try:
            yield
        finally:
            self._conn.execute("SELECT pg_advisory_unlock(%s)", (STORY_LOCK_KEY,))

    def close(self) -> None:
        self._conn.close()


def _search_filter(query: MatchQuery) -> tuple[str, list, str]:
    """The WHERE clause, its parameters, and the join to ``articles`` when a filter needs it.

    Every term matches: its token in title/body, or its stem anywhere (the stems column holds only
    the stems that differ from their token; see naba.pipeline.searchdoc); a phrase in title/body.
    """
    clauses, params = [], []
    for term in query.terms:
        if term.phrase:
            clauses.append(f"s.exact @@ {_TSQUERY}")
            params.append(" ".join(term.phrase))
        else:
            clauses.append(f"(s.exact @@ ({_TSQUERY} || {_TSQUERY}) OR s.stems_vec @@ {_TSQUERY})")
            params.extend((term.token, term.stem, term.stem))
    filters = [(sql, value) for sql, value in (
        ("a.source = %s", query.source), ("a.published_ts >= %s", query.since_ts),
        ("a.published_ts < %s", query.until_ts)) if value is not None]
    for sql, value in filters:
        clauses.append(sql)
        params.append(value)
    join = "JOIN articles a ON a.id = s.article_id" if filters else ""
    return " AND ".join(clauses), params, join


def _rank_expression(query: MatchQuery) -> tuple[str, list]:
    """ts_rank of the ranking vector (title, lede, lede stems) against any term's token, phrase or stem."""
    words = [" ".join(t.phrase) if t.phrase else t.token for t in query.terms]
    words += [t.stem for t in query.terms if not t.phrase]
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


def _as_prepared(dump: ArticleDump) -> PreparedArticle:
    return PreparedArticle(dump.stored.article, dump.identity, dump.content_hash, dump.search, dump.record)


def _categories(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)
