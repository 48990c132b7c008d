"""Which module holds each command, so that `naba` imports only the one a command line names.

Importing every command module would import everything naba is (the pipeline, the stories, the web
contract): over a second and a half before `naba --help` printed a line. The root group therefore knows
its commands by name only (``COMMANDS``: the module, and the one-line help that ``naba --help``
lists), imports a command's module when that command is run or asked for its own help, and lists the
others from this table without importing them. ``tests/test_cli_startup.py`` checks that each line
here is its command's own first line of help, and that importing ``naba.cli`` imports no heavy part.

Each command module builds its commands on its own ``cli = typer.Typer()`` (a group such as ``db``
is a Typer added to it under its name); the loader turns that into a click group once and takes the
named command from it.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Entry:
    module: str  # the module whose ``cli`` Typer holds the command
    help: str  # its first line of help, as `naba --help` lists it


_ARTICLES, _INGEST, _SOURCES, _STORIES = "naba.cli.articles", "naba.cli.ingest", "naba.cli.sources", "naba.cli.stories"

# In the order `naba --help` lists them.
COMMANDS: dict[str, Entry] = {
    "ingest": Entry(_INGEST, "Read articles from files (JSON, JSONL, zip, tar, ANT XML, text pages, HTML) into "
                             "the store."),
    "reprocess": Entry(_INGEST, "Re-run the pipeline over the stored raw inputs (after an improvement to naba)."),
    "refresh": Entry(_INGEST, "Compute the similar and read-also lists the story stage marked stale (after db "
                              "load, or --no-lists)."),
    "search": Entry(_ARTICLES, "Full-text search in Arabic or English, with highlighted snippets."),
    "show": Entry(_ARTICLES, "Show one stored article."),
    "stats": Entry(_ARTICLES, "Counts per outlet, per day and per language, index sizes, and the health of "
                              "crawled sources."),
    "export": Entry(_ARTICLES, "Write every article, in the documented export contract, on stdout (or to "
                               "--output)."),
    "demo": Entry(_INGEST, "Load the bundled sample corpus and show what naba does with it."),
    "serve": Entry("naba.cli.serve", "Serve the web site (Arabic, right-to-left) and the JSON API under /api/."),
    "fetch": Entry(_SOURCES, "Fetch single article pages and store them."),
    "crawl": Entry(_SOURCES, "Poll every due source once and store what is new; Ctrl+C stops at once, keeping "
                             "what was fetched."),
    "watch": Entry(_SOURCES, "Keep polling on schedule until stopped; SIGINT/SIGTERM stop it cleanly between "
                             "batches."),
    "stories": Entry(_STORIES, "Stories, latest update first: the title, how many articles and outlets, who "
                               "reported first."),
    "story": Entry(_STORIES, "One story: its articles by outlet and time, the first reporter, attribution and "
                             "entities."),
    "related": Entry(_STORIES, "An article's similar articles (one per story) and read-also picks, each with its "
                               "score and why."),
    "entity": Entry(_STORIES, "An entity's canonical form, the spellings seen, its latest articles and stories."),
    "compare": Entry(_STORIES, "How similar two stored articles are (0 to 1), whether they tell one story, and "
                               "why."),
    "backfill": Entry("naba.cli.backfill", "Backfill an archive with naba's own pipeline and story rules: Parquet by "
                                           "month, for naba db load."),
    "db": Entry("naba.cli.db", "Database maintenance: migrations, and moving a store between backends."),
    "eval": Entry("naba.cli.evaluate", "Run an evaluation and print its table (needs the data folder)."),
    "sources": Entry(_SOURCES, "The feeds and sitemaps that `naba crawl` polls."),
}


@functools.cache
def module_group(module: str) -> Any:
    """The click group of a command module's ``cli`` Typer, built once (typer's click: its own copy)."""
    import typer.main

    return typer.main.get_group(importlib.import_module(module).cli)


def load(name: str, ctx: Any) -> Any:
    """The command ``name`` (a click command or group), its module imported now; None if no such command."""
    entry = COMMANDS.get(name)
    return None if entry is None else module_group(entry.module).get_command(ctx, name)
