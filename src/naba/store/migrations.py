"""Registered schema migrations for the SQLite store, each recorded in ``naba_migrations`` when applied.

A migration is never edited once released: change the schema by appending a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, NamedTuple


class Migration(NamedTuple):
    """One schema change; ``apply`` takes the backend's DB-API connection (sqlite3 or psycopg)."""

    version: int
    name: str
    apply: Callable[[Any], None]


_INITIAL_SCHEMA = """
        CREATE TABLE articles (
            id              INTEGER PRIMARY KEY,
            identity        TEXT NOT NULL UNIQUE,
            content_hash    TEXT NOT NULL,
            external_id     TEXT,
            url             TEXT,
            canonical_url   TEXT,
            source          TEXT,
            title           TEXT,
            body            TEXT NOT NULL,
            summary         TEXT,
            published_at    TEXT,
            published_ts    REAL,
            first_seen_at   TEXT NOT NULL,
            fetched_at      TEXT NOT NULL,
            author          TEXT,
            lang            TEXT NOT NULL,
            credited_source TEXT,
            tags            TEXT NOT NULL,
            categories      TEXT NOT NULL,
            page_tags       TEXT NOT NULL,
            page_read_also  TEXT,
            page_similar    TEXT NOT NULL,
            page_related_leaks TEXT NOT NULL
        );
        CREATE INDEX articles_canonical_url ON articles(canonical_url);
        CREATE INDEX articles_published_ts ON articles(published_ts);
        CREATE INDEX articles_source_published ON articles(source, published_ts);

        -- The raw input of every article, compressed (LZ4 frames; see rows.py), so `naba reprocess` can rebuild everything.
        CREATE TABLE raw_inputs (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            format     TEXT NOT NULL,
            origin     TEXT NOT NULL,
            hints      TEXT NOT NULL,
            payload    BLOB NOT NULL
        );

        -- naba.text tokens joined by spaces: they are already folded and split, so FTS5's plain
        -- "ascii" tokenizer (every non-ASCII character is a token character) only splits them on
        -- spaces, and costs a fifth less than unicode61 at ingest.
        CREATE VIRTUAL TABLE article_fts USING fts5(title, body, stems, tokenize = "ascii");
"""


def run_statements(script: str) -> Callable[[Any], None]:
    """Run a script statement by statement on any DB-API connection, so it stays inside the caller's
    transaction (sqlite3's ``executescript`` would commit first). Shared by both backends."""
    statements = [s.strip() for s in script.split(";\n") if s.strip()]

    def apply(conn: Any) -> None:
        for statement in statements:
            conn.execute(statement)

    return apply


_SOURCES = """
        ALTER TABLE articles ADD COLUMN feed_only TEXT;

        CREATE TABLE sources (
            id                   INTEGER PRIMARY KEY,
            url                  TEXT NOT NULL UNIQUE,
            name                 TEXT,
            kind                 TEXT NOT NULL,
            every_seconds        INTEGER NOT NULL,
            paused               INTEGER NOT NULL DEFAULT 0,
            etag                 TEXT,
            last_modified        TEXT,
            next_poll_at         REAL NOT NULL DEFAULT 0,
            last_polled_at       TEXT,
            last_success_at      TEXT,
            last_error_at        TEXT,
            last_error           TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            created_at           TEXT NOT NULL
        );

        -- Which source listed which article: one article seen in two feeds is linked to both.
        CREATE TABLE source_items (
            source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            seen_at    REAL NOT NULL,
            PRIMARY KEY (source_id, article_id)
        );
        CREATE INDEX source_items_seen ON source_items(source_id, seen_at);
"""

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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, raw inputs and full-text index", run_statements(_INITIAL_SCHEMA)),
    Migration(2, "sources to crawl, their health, and the articles they listed", run_statements(_SOURCES)),
    Migration(3, "tags, entities, duplicates, stories and links",
              run_statements(story_schema("INTEGER", "REAL", "INTEGER"))),
)


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS naba_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    return {row[0] for row in conn.execute("SELECT version FROM naba_migrations")}


def apply_pending(conn: sqlite3.Connection) -> list[Migration]:
    """Apply every registered migration not yet recorded, each in its own transaction.

    ``conn`` must be in autocommit mode (``isolation_level=None``): transactions are explicit.
    """
    done = applied_versions(conn)
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            migration.apply(conn)
            conn.execute(
                "INSERT INTO naba_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, datetime.now(timezone.utc).isoformat()),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(migration)
    return applied
