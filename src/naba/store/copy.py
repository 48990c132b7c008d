"""Moving a store to another backend (``naba db copy``) and bringing a schema up to date (``naba db upgrade``).

A copy keeps everything as it is: ids, first-seen and fetch times, identities, content hashes, the
SearchDoc each article was indexed with, its raw input (so ``naba reprocess`` still works on
the target), and the story stage's decisions and links (the target's story summaries are rebuilt
from them). Nothing is re-run through the pipeline: the store never imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from naba.errors import StoreError
from naba.store.base import ArticleDump, Store

COPY_BATCH = 500


class AppliedMigration(NamedTuple):
    version: int
    name: str


def copy_store(source: Store, target: Store, progress: Callable[[int], None] | None = None,
               batch_size: int = COPY_BATCH) -> int:
    """Copy every article of ``source`` into the empty store ``target``; returns how many.

    Each batch is one transaction on the target, so an interrupted copy leaves whole batches; copy
    again into a fresh target. ``progress`` is called with the running count after each batch.
    """
    if next(iter(target.iter_articles()), None) is not None:
        raise StoreError("the target store already holds articles", where=target.url,
                         hint="copy into a new, empty database")
    copied = 0
    batch: list[ArticleDump] = []
    for dump in source.iter_dump():
        batch.append(dump)
        if len(batch) >= batch_size:
            copied += _flush(target, batch, progress, copied)
    if batch:
        copied += _flush(target, batch, progress, copied)
    _copy_groupings(source, target, batch_size)
    return copied


def _copy_groupings(source: Store, target: Store, batch_size: int) -> None:
    groupings = []
    for grouping in source.iter_groupings():
        groupings.append(grouping)
        if len(groupings) >= batch_size:
            target.apply_groupings(groupings)
            groupings = []
    target.apply_groupings(groupings, list(source.iter_links()))


def _flush(target: Store, batch: list[ArticleDump], progress: Callable[[int], None] | None, done: int) -> int:
    target.load_dump(batch)
    count = len(batch)
    batch.clear()
    if progress:
        progress(done + count)
    return count


def upgrade(url: str) -> list[AppliedMigration]:
    """Apply the pending schema migrations of the store at ``url``; returns those applied (oldest first)."""
    from naba.store import is_postgres_url

    if is_postgres_url(url):
        from naba.store.pg_migrations import apply_pending as apply_pg
        from naba.store.postgres import connect

        conn = connect(url)
        try:
            applied = apply_pg(conn)
        finally:
            conn.close()
    else:
        applied = _upgrade_sqlite(url.removeprefix("sqlite:///"))
    return [AppliedMigration(m.version, m.name) for m in applied]


def _upgrade_sqlite(path: str) -> list:
    import sqlite3

    from naba.store.migrations import apply_pending

    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            return apply_pending(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot upgrade a naba store: {exc}", where=path) from exc
