"""One connection and the few ways the two backends' SQL differs, so shared SQL is written once.

Shared SQL (``naba.store.sql``) is written with ``?`` placeholders, ``ON CONFLICT`` clauses and
row-value comparisons, which SQLite (3.35+) and PostgreSQL both understand. What still differs is
named here, not branched on: the placeholder, how a JSON column is written and read (PostgreSQL keeps
some as ``jsonb``), row locks, which errors mean "already there" or "try again", and how a write
transaction starts.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar

from naba.errors import StoreError

T = TypeVar("T")
Row = Any  # sqlite3.Row or a psycopg dict row: both are read by column name
CHUNK = 500  # ids per IN (...) list: far below SQLite's bound-parameter limit
MAX_ATTEMPTS = 6  # tries of one transaction before a retryable error is raised


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str  # "sqlite" or "postgresql"
    placeholder: str  # what ``?`` becomes
    json_columns: frozenset[str]  # article columns kept as JSON documents rather than text
    for_update: str  # appended to a SELECT that must lock its rows until the transaction ends
    integrity_errors: tuple[type[Exception], ...]  # a unique key already taken
    retryable_errors: tuple[type[Exception], ...]  # a deadlock or serialization failure: run again
    driver_error: type[Exception]  # the base of every error the driver raises
    begin: Callable[[Any], AbstractContextManager[None]]  # a write transaction on a connection
    next_ids: Callable[[Any, int], list[int]]  # n new article ids, ascending, inside a write transaction

    def json_param(self, column: str) -> str:
        return "?::jsonb" if column in self.json_columns else "?"

    def json_select(self, column: str, alias: str = "a") -> str:
        """The column as text, under its own name."""
        if column in self.json_columns:
            return f"{alias}.{column}::text AS {column}"
        return f"{alias}.{column}"


class Database:
    """A connection in autocommit mode with explicit transactions, speaking the dialect's SQL."""

    def __init__(self, conn: Any, dialect: Dialect, where: str, read_only: bool = False):
        self.conn = conn
        self.dialect = dialect
        self.where = where  # for messages: a path, or a URL without its password
        self.read_only = read_only  # every write goes through transaction(), which then refuses

    def sql(self, text: str) -> str:
        return text if self.dialect.placeholder == "?" else text.replace("?", self.dialect.placeholder)

    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction, rolled back on any error so a failed batch leaves nothing half-written."""
        if self.read_only:
            raise StoreError("this store is open read-only", where=self.where,
                             hint="serving opens stores read-only; write with naba ingest, crawl or reprocess")
        return self.dialect.begin(self.conn)

    def retrying(self, work: Callable[[], T]) -> T:
        """``work`` in one transaction; on a deadlock or serialization failure, rolled back and run again."""
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with self.transaction():
                    return work()
            except self.dialect.retryable_errors:
                if attempt == MAX_ATTEMPTS:
                    raise
                time.sleep(random.uniform(0, 0.02 * 2 ** attempt))  # jitter, so the rivals drift apart
        raise AssertionError("unreachable")

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return list(self.conn.execute(self.sql(sql), params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self.conn.execute(self.sql(sql), params).fetchone()
        return row

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (the query must name it ``v``)."""
        row = self.one(sql, params)
        return None if row is None else row["v"]

    def run(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(self.sql(sql), params)

    def many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """One statement over many rows (sqlite3 and psycopg both batch it; psycopg pipelines it)."""
        if not rows:
            return
        if hasattr(self.conn, "executemany"):  # sqlite3
            self.conn.executemany(self.sql(sql), rows)
        else:  # psycopg: executemany lives on cursors
            with self.conn.cursor() as cur:
                cur.executemany(self.sql(sql), rows)

    def chunked(self, template: str, ids: Sequence[Any], fetch: bool = True) -> list[Row]:
        """``template`` (with one ``{}`` for a list of placeholders) run over ``ids`` in chunks."""
        rows: list[Row] = []
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start:start + CHUNK])
            sql = template.format(", ".join("?" * len(chunk)))
            if fetch:
                rows.extend(self.all(sql, chunk))
            else:
                self.run(sql, chunk)
        return rows

    def pages(self, sql: str, params: Sequence[Any] = (), key: str = "id") -> Iterator[Row]:
        """Keyset pages of ``sql``, whose last placeholder is the ``key`` to start after, so a long
        read never holds one huge cursor open."""
        last = 0
        while True:
            page = self.all(sql, [*params, last])
            if not page:
                return
            yield from page
            last = page[-1][key]

    def close(self) -> None:
        self.conn.close()
