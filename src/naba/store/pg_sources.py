"""The sources that `naba crawl` polls, and their health, in the PostgreSQL store.

The same SourceRegistry protocol and results as naba.store.sqlite_sources, on the store's connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import psycopg

from naba.errors import NotFound, StoreError
from naba.models import PollOutcome, Source

_DAY = 86400.0
_SELECT = """
    SELECT s.*,
           (SELECT count(*) FROM source_items i WHERE i.source_id = s.id) AS items_total,
           (SELECT count(*) FROM source_items i WHERE i.source_id = s.id AND i.seen_at >= %s) AS items_last_day
    FROM sources s
"""


def _source(row: dict) -> Source:
    return Source(**row)


class PostgresSources:
    """The SourceRegistry protocol on the store's connection (each change is one transaction)."""

    def __init__(self, conn: psycopg.Connection, transaction: Callable):
        self._conn = conn
        self._transaction = transaction

    def add(self, url: str, name: str | None, kind: str, every_seconds: int, created_at: str) -> Source:
        try:
            with self._transaction():
                row = self._conn.execute(
                    "INSERT INTO sources (url, name, kind, every_seconds, created_at) "
                    "VALUES (%s, %s, %s, %s, %s) RETURNING id", (url, name, kind, every_seconds, created_at)
                ).fetchone()
        except psycopg.errors.UniqueViolation as exc:
            raise StoreError("this source is already registered", where=url,
                             hint="see `naba sources list`") from exc
        return self.get(str(row["id"]))

    def list(self) -> list[Source]:
        return [_source(row) for row in self._conn.execute(_SELECT + " ORDER BY s.id", (time.time() - _DAY,))]

    def get(self, ref: str) -> Source:
        """A source by id or by URL; NotFound otherwise."""
        column = "s.id" if ref.isdigit() else "s.url"
        value = int(ref) if ref.isdigit() else ref
        row = self._conn.execute(_SELECT + f" WHERE {column} = %s", (time.time() - _DAY, value)).fetchone()
        if row is None:
            raise NotFound("no such source", where=ref, hint="see `naba sources list`")
        return _source(row)

    def remove(self, source_id: int) -> None:
        with self._transaction():
            self._conn.execute("DELETE FROM sources WHERE id = %s", (source_id,))

    def set_paused(self, source_id: int, paused: bool) -> None:
        with self._transaction():
            self._conn.execute("UPDATE sources SET paused = %s WHERE id = %s", (paused, source_id))

    def due(self, now: float) -> list[Source]:
        rows = self._conn.execute(
            _SELECT + " WHERE NOT s.paused AND s.next_poll_at <= %s ORDER BY s.next_poll_at, s.id",
            (now - _DAY, now))
        return [_source(row) for row in rows]

    def next_due_at(self) -> float | None:
        return self._conn.execute("SELECT min(next_poll_at) AS t FROM sources WHERE NOT paused").fetchone()["t"]

    def record_poll(self, source_id: int, outcome: PollOutcome) -> None:
        with self._transaction():
            if outcome.ok:
                self._conn.execute(
                    "UPDATE sources SET last_polled_at = %s, last_success_at = %s, next_poll_at = %s, "
                    "consecutive_failures = 0, etag = coalesce(%s, etag), "
                    "last_modified = coalesce(%s, last_modified) WHERE id = %s",
                    (outcome.polled_at, outcome.polled_at, outcome.next_poll_at, outcome.etag,
                     outcome.last_modified, source_id))
            else:
                self._conn.execute(
                    "UPDATE sources SET last_polled_at = %s, last_error_at = %s, last_error = %s, "
                    "next_poll_at = %s, consecutive_failures = consecutive_failures + 1 WHERE id = %s",
                    (outcome.polled_at, outcome.polled_at, outcome.error, outcome.next_poll_at, source_id))

    def link_items(self, source_id: int, article_ids: Iterable[int], seen_at: float) -> None:
        with self._transaction(), self._conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO source_items (source_id, article_id, seen_at) VALUES (%s, %s, %s) "
                "ON CONFLICT DO NOTHING", [(source_id, article_id, seen_at) for article_id in article_ids])
