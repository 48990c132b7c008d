"""The sources that `naba crawl` polls, and their health, in the SQLite store."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable

from naba.errors import NotFound, StoreError
from naba.models import PollOutcome, Source

_DAY = 86400.0
_SELECT = """
    SELECT s.*,
           (SELECT count(*) FROM source_items i WHERE i.source_id = s.id) AS items_total,
           (SELECT count(*) FROM source_items i WHERE i.source_id = s.id AND i.seen_at >= ?) AS items_last_day
    FROM sources s
"""


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"], url=row["url"], name=row["name"], kind=row["kind"], every_seconds=row["every_seconds"],
        paused=bool(row["paused"]), etag=row["etag"], last_modified=row["last_modified"],
        next_poll_at=row["next_poll_at"], last_polled_at=row["last_polled_at"],
        last_success_at=row["last_success_at"], last_error_at=row["last_error_at"],
        last_error=row["last_error"], consecutive_failures=row["consecutive_failures"],
        created_at=row["created_at"], items_total=row["items_total"], items_last_day=row["items_last_day"],
    )


class SQLiteSources:
    """The SourceRegistry protocol on the store's connection (the store owns transactions)."""

    def __init__(self, conn: sqlite3.Connection, transaction):
        self._conn = conn
        self._transaction = transaction

    def add(self, url: str, name: str | None, kind: str, every_seconds: int, created_at: str) -> Source:
        try:
            with self._transaction():
                cursor = self._conn.execute(
                    "INSERT INTO sources (url, name, kind, every_seconds, created_at) VALUES (?, ?, ?, ?, ?)",
                    (url, name, kind, every_seconds, created_at))
        except sqlite3.IntegrityError as exc:
            raise StoreError("this source is already registered", where=url,
                             hint="see `naba sources list`") from exc
        return self.get(str(cursor.lastrowid))

    def list(self) -> list[Source]:
        rows = self._conn.execute(_SELECT + " ORDER BY s.id", (time.time() - _DAY,))
        return [_source(row) for row in rows]

    def get(self, ref: str) -> Source:
        """A source by id or by URL; NotFound otherwise."""
        column = "s.id" if ref.isdigit() else "s.url"
        row = self._conn.execute(_SELECT + f" WHERE {column} = ?", (time.time() - _DAY, ref)).fetchone()
        if row is None:
            raise NotFound("no such source", where=ref, hint="see `naba sources list`")
        return _source(row)

    def remove(self, source_id: int) -> None:
        with self._transaction():
            self._conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))

    def set_paused(self, source_id: int, paused: bool) -> None:
        with self._transaction():
            self._conn.execute("UPDATE sources SET paused = ? WHERE id = ?", (int(paused), source_id))

    def due(self, now: float) -> list[Source]:
        rows = self._conn.execute(
            _SELECT + " WHERE s.paused = 0 AND s.next_poll_at <= ? ORDER BY s.next_poll_at, s.id",
            (now - _DAY, now))
        return [_source(row) for row in rows]

    def next_due_at(self) -> float | None:
        row = self._conn.execute("SELECT min(next_poll_at) FROM sources WHERE paused = 0").fetchone()
        return row[0]

    def record_poll(self, source_id: int, outcome: PollOutcome) -> None:
        with self._transaction():
            if outcome.ok:
                self._conn.execute(
                    "UPDATE sources SET last_polled_at = ?, last_success_at = ?, next_poll_at = ?, "
                    "consecutive_failures = 0, etag = coalesce(?, etag), "
                    "last_modified = coalesce(?, last_modified) WHERE id = ?",
                    (outcome.polled_at, outcome.polled_at, outcome.next_poll_at, outcome.etag,
                     outcome.last_modified, source_id))
            else:
                self._conn.execute(
                    "UPDATE sources SET last_polled_at = ?, last_error_at = ?, last_error = ?, "
                    "next_poll_at = ?, consecutive_failures = consecutive_failures + 1 WHERE id = ?",
                    (outcome.polled_at, outcome.polled_at, outcome.error, outcome.next_poll_at, source_id))

    def link_items(self, source_id: int, article_ids: Iterable[int], seen_at: float) -> None:
        with self._transaction():
            self._conn.executemany(
                "INSERT OR IGNORE INTO source_items (source_id, article_id, seen_at) VALUES (?, ?, ?)",
                [(source_id, article_id, seen_at) for article_id in article_ids])
