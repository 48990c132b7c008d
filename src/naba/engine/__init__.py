"""The engine: the one place that wires sources → pipeline → store → story stage. No SQL, no text rules.

    prepare.py   one record through the per-article pipeline (pure; safe in workers and threads)
    parallel.py  that work in worker processes, results in input order
    runs.py      ingest files, store prepared articles in batches, reprocess; each batch then grouped
    lists.py     the related lists the story stage marked stale, computed after it (workers when asked)
    crawler.py   poll the followed sources, fetch new pages, store them the same way
    pages.py     single article pages by URL (`naba fetch`), stored the same way
"""

from naba.engine.lists import ListsReport, refresh_lists
from naba.engine.prepare import prepare, prepare_checked
from naba.engine.runs import (
    ProgressCallback,
    group_leftovers,
    group_written,
    ingest,
    ingest_records,
    reprocess,
    store_prepared,
)

__all__ = ["ListsReport", "ProgressCallback", "group_leftovers", "group_written", "ingest", "ingest_records",
           "prepare", "prepare_checked", "refresh_lists", "reprocess", "store_prepared"]
