"""The SQLite store's schema migrations (the runner is ``naba.store.schema``).

A migration is never edited once released: change the schema by appending a new one.
"""

from __future__ import annotations

from naba.store.schema import (
    Migration,
    related_schema,
    related_stale_schema,
    run_statements,
    story_edges_schema,
    story_schema,
)

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

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, raw inputs and full-text index", run_statements(_INITIAL_SCHEMA)),
    Migration(2, "sources to crawl, their health, and the articles they listed", run_statements(_SOURCES)),
    Migration(3, "tags, entities, duplicates, stories and links",
              run_statements(story_schema("INTEGER", "REAL", "INTEGER"))),
    Migration(4, "each article's precomputed similar and read-also lists",
              run_statements(related_schema("REAL", "INTEGER"))),
    Migration(5, "the articles whose related lists are to be computed again",
              run_statements(related_stale_schema("REAL", "INTEGER"))),
    Migration(6, "the pairs the story stage judged, read back instead of judged again",
              run_statements(story_edges_schema("REAL", "INTEGER"))),
)


