"""Registered schema migrations, one runner for both backends; the DDL both backends share.

A migration is never edited once released: change the schema by appending a new one. Each is applied
in its own write transaction and recorded in ``naba_migrations``; the set of applied versions is read
again inside that transaction, so two processes opening a fresh store at once apply each migration
once (PostgreSQL also holds an advisory lock for the whole run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, datetime
from typing import Any, NamedTuple

from naba.errors import StoreError
from naba.store.dialect import Database


class Migration(NamedTuple):
    """One schema change; ``apply`` takes the backend's DB-API connection (sqlite3 or psycopg)."""

    version: int
    name: str
    apply: Callable[[Any], None]


def run_statements(script: str) -> Callable[[Any], None]:
    """Run a script statement by statement on any DB-API connection, so it stays inside the caller's
    transaction (sqlite3's ``executescript`` would commit first). Shared by both backends."""
    statements = [s.strip() for s in script.split(";\n") if s.strip()]

    def apply(conn: Any) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


def story_schema(integer: str, real: str, blob_id: str) -> str:
    """Tags, entities, duplicates, stories and similar-article links; one text for both backends,
    which differ only in their type names. JSON lists are kept as text."""
    return f"""
        ALTER TABLE articles ADD COLUMN keywords TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE articles ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE articles ADD COLUMN attribution TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE articles ADD COLUMN duplicate_of {integer};
        ALTER TABLE articles ADD COLUMN story_id {integer};
        ALTER TABLE articles ADD COLUMN story_parent {integer};
        ALTER TABLE articles ADD COLUMN story_score {real};
        -- which write of the story stage last changed the row: a process catches up on the others' work
        ALTER TABLE articles ADD COLUMN group_seq {integer};
        CREATE INDEX articles_group_seq ON articles(group_seq);
        CREATE INDEX articles_story ON articles(story_id, published_ts);
        CREATE INDEX articles_story_parent ON articles(story_parent);

        -- One row per (canonical entity, article): entity pages and "read also" candidates.
        CREATE TABLE article_entities (
            canonical    TEXT NOT NULL,
            article_id   {blob_id} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name         TEXT NOT NULL,
            kind         TEXT NOT NULL,
            rank         INTEGER NOT NULL,
            published_ts {real},
            PRIMARY KEY (canonical, article_id)
        );
        CREATE INDEX article_entities_recent ON article_entities(canonical, published_ts);
        CREATE INDEX article_entities_article ON article_entities(article_id);

        -- Pairs the story stage compared and found related (both directions), for "similar articles".
        CREATE TABLE article_links (
            article_id {blob_id} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            other_id   {blob_id} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            score      {real} NOT NULL,
            PRIMARY KEY (article_id, other_id)
        );

        -- A summary row per story, refreshed whenever one of its articles is (re)grouped.
        CREATE TABLE stories (
            id               {blob_id} PRIMARY KEY,
            title            TEXT NOT NULL,
            articles         INTEGER NOT NULL,
            outlets          TEXT NOT NULL,
            first_article_id {blob_id} NOT NULL,
            first_source     TEXT,
            first_at         TEXT,
            first_ts         {real},
            last_at          TEXT,
            last_ts          {real},
            top_entities     TEXT NOT NULL,
            keywords         TEXT NOT NULL
        );
        CREATE INDEX stories_latest ON stories(last_ts, id);
        CREATE TABLE story_outlets (
            source   TEXT NOT NULL,
            story_id {blob_id} NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            last_ts  {real},
            PRIMARY KEY (source, story_id)
        );
"""


def related_schema(real: str, blob_id: str) -> str:
    """Each article's precomputed related lists (``naba.store.sql.related``), one row per article."""
    return f"""
        CREATE TABLE related_lists (
            article_id  {blob_id} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            similar_items   TEXT NOT NULL,  -- "similar" is a reserved word in PostgreSQL (SIMILAR TO)
            read_also_items TEXT NOT NULL,
            computed_ts     {real} NOT NULL
        );
"""


def related_stale_schema(real: str, blob_id: str) -> str:
    """The articles whose related lists the story stage marked to compute again (their story or a close
    neighbour changed): the stored lists stay shown until `naba refresh` replaces them."""
    return f"""
        CREATE TABLE related_stale (
            article_id {blob_id} PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            marked_ts  {real} NOT NULL
        );
"""


def story_edges_schema(real: str, blob_id: str) -> str:
    """The pairs the story stage judged related when it placed an article (both directions), so that a
    later process reads them instead of judging its context again; a row (id, id) marks an article
    whose judgements are all here (an article placed before this table, or by the backfill, has none
    and is judged again when it is loaded)."""
    return f"""
        CREATE TABLE story_edges (
            article_id {blob_id} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            other_id   {blob_id} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            copy       INTEGER NOT NULL,
            same       {real} NOT NULL,
            similarity {real} NOT NULL,
            PRIMARY KEY (article_id, other_id)
        );
"""


def pending(db: Database, migrations: Sequence[Migration]) -> list[Migration]:
    """The migrations not yet applied, read without writing (a read-only store asks this)."""
    try:
        done = {row["version"] for row in db.all("SELECT version FROM naba_migrations")}
    except db.dialect.driver_error:  # no such table: a store nothing was ever written to
        done = set()
    return [m for m in migrations if m.version not in done]


def apply_pending(db: Database, migrations: Sequence[Migration],
                  run_lock: Callable[[], AbstractContextManager[Any]] = nullcontext) -> list[Migration]:
    """Apply every registered migration not yet recorded, each in its own transaction. An up-to-date
    store (the usual case) is only read."""
    if not pending(db, migrations):
        return []
    applied = []
    with run_lock():
        with db.transaction():
            db.run("CREATE TABLE IF NOT EXISTS naba_migrations "
                   "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        for migration in pending(db, migrations):
            with db.transaction():
                if db.one("SELECT 1 AS v FROM naba_migrations WHERE version = ?", [migration.version]):
                    continue  # another process applied it since we looked
                migration.apply(db.conn)
                db.run("INSERT INTO naba_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                       [migration.version, migration.name, datetime.now(UTC).isoformat()])
            applied.append(migration)
    return applied


def require_current(db: Database, migrations: Sequence[Migration]) -> None:
    """For a read-only store: every migration must have been applied by a writer."""
    missing = pending(db, migrations)
    if missing:
        raise StoreError(f"the store's schema is behind ({len(missing)} migration(s) pending)", where=db.where,
                         hint="run `naba db upgrade` (or any writing command) first")
