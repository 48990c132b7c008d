"""The engine: the one place that wires sources → pipeline → store → story stage. No SQL, no text rules.

    prepare.py   one record through the per-article pipeline (pure; safe in workers and threads)
    parallel.py  that work in worker processes, results in input order
    runs.py      ingest files, store prepared articles in batches, reprocess; each batch then grouped
    crawler.py   poll the followed sources, fetch new pages, store them the same way
"""

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

__all__ = ["ProgressCallback", "group_leftovers", "group_written", "ingest", "ingest_records", "prepare",
           "prepare_checked", "reprocess", "store_prepared"]
