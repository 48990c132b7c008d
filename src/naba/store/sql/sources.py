"""The sources that `naba crawl` polls, and their health, on either backend (one SQL text for both)."""

from __future__ import annotations

import builtins
import time
from collections.abc import Iterable
from dataclasses import fields

from naba.errors import NotFound, StoreError
from naba.models import PollOutcome, Source
from naba.store.dialect import Database, Row

_DAY = 86400.0
_SELECT = """
    SELECT s.*,
           (SELECT count(*) FROM source_items i WHERE i.source_id = s.id) AS items_total,
           (SELECT count(*) FROM source_items i WHERE i.source_id = s.id AND i.seen_at >= ?) AS items_last_day
    FROM sources s
"""
_FIELDS = tuple(f.name for f in fields(Source))


def _source(row: Row) -> Source:
    values = {name: row[name] for name in _FIELDS}
    values["paused"] = bool(values["paused"])  # SQLite keeps booleans as 0/1
    return Source(**values)


class SQLSources:
    """The SourceRegistry contract; each change is one transaction."""

    def __init__(self, db: Database):
        self._db = db

    def add(self, url: str, name: str | None, kind: str, every_seconds: int, created_at: str) -> Source:
        try:
            with self._db.transaction():
                row = self._db.one("INSERT INTO sources (url, name, kind, every_seconds, created_at) "
                                   "VALUES (?, ?, ?, ?, ?) RETURNING id", [url, name, kind, every_seconds, created_at])
        except self._db.dialect.integrity_errors as exc:
            raise StoreError("this source is already registered", where=url, hint="see `naba sources list`") from exc
        assert row is not None  # RETURNING of a row just inserted
        return self.get(str(row["id"]))

    def list(self) -> builtins.list[Source]:
        return [_source(row) for row in self._db.all(_SELECT + " ORDER BY s.id", [time.time() - _DAY])]

    def get(self, ref: str) -> Source:
        """A source by id or by URL; NotFound otherwise."""
        column, value = ("s.id", int(ref)) if ref.isdigit() else ("s.url", ref)
        row = self._db.one(_SELECT + f" WHERE {column} = ?", [time.time() - _DAY, value])
        if row is None:
            raise NotFound("no such source", where=ref, hint="see `naba sources list`")
        return _source(row)

    def remove(self, source_id: int) -> None:
        with self._db.transaction():
            self._db.run("DELETE FROM sources WHERE id = ?", [source_id])

    def set_paused(self, source_id: int, paused: bool) -> None:
        with self._db.transaction():
            self._db.run("UPDATE sources SET paused = ? WHERE id = ?", [paused, source_id])

    def due(self, now: float) -> builtins.list[Source]:
        rows = self._db.all(_SELECT + " WHERE NOT s.paused AND s.next_poll_at <= ? ORDER BY s.next_poll_at, s.id",
                            [now - _DAY, now])
        return [_source(row) for row in rows]

    def next_due_at(self) -> float | None:
        value = self._db.value("SELECT min(next_poll_at) AS v FROM sources WHERE NOT paused")
        return None if value is None else float(value)

    def record_poll(self, source_id: int, outcome: PollOutcome) -> None:
        with self._db.transaction():
            if outcome.ok:
                self._db.run(
                    "UPDATE sources SET last_polled_at = ?, last_success_at = ?, next_poll_at = ?, "
                    "consecutive_failures = 0, etag = coalesce(?, etag), "
                    "last_modified = coalesce(?, last_modified) WHERE id = ?",
                    [outcome.polled_at, outcome.polled_at, outcome.next_poll_at, outcome.etag,
                     outcome.last_modified, source_id])
            else:
                self._db.run(
                    "UPDATE sources SET last_polled_at = ?, last_error_at = ?, last_error = ?, "
                    "next_poll_at = ?, consecutive_failures = consecutive_failures + 1 WHERE id = ?",
                    [outcome.polled_at, outcome.polled_at, outcome.error, outcome.next_poll_at, source_id])

    def record_item_error(self, source_id: int, at: str, error: str) -> None:
        with self._db.transaction():
            self._db.run("UPDATE sources SET last_error_at = ?, last_error = ? WHERE id = ?", [at, error, source_id])

    def link_items(self, source_id: int, article_ids: Iterable[int], seen_at: float) -> None:
        with self._db.transaction():
            self._db.many("INSERT INTO source_items (source_id, article_id, seen_at) VALUES (?, ?, ?) "
                          "ON CONFLICT DO NOTHING", [(source_id, article_id, seen_at) for article_id in article_ids])
