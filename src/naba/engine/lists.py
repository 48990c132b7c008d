"""Computing the related lists the story stage marked stale, after it, in worker processes when asked.

The stage only marks the articles whose "similar" and "read also" lists its decisions changed
(``Store.related.pending``: marked, or never computed, as in a store a backfill loaded); this run
computes them ``CHUNK`` ids at a time (``naba.stories.related.compute_many``) and writes each chunk in
one transaction. Lists are read-only work on the store, so with ``workers`` > 1 each worker process
opens its own read-only connection (``Store.reader``) and the calling process writes what they return,
in id order. A mark made while a chunk was computed outlives that chunk's write (the store compares
times), so a run that overlaps another process's ingest never loses a refresh.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from naba.store import Store, StoredLists
from naba.stories.related import Judged, compute_many
from naba.stories.sameness import Profile

CHUNK = 200  # ids a task computes: neighbours in id order share candidates, so a worker's cache serves them

@dataclass(frozen=True, slots=True)
class ListsReport:
    computed: int
    seconds: float


def refresh_lists(store: Store, workers: int = 1, profiles: Mapping[int, Profile] | None = None) -> ListsReport:
    """Compute and store every pending article's lists; ``profiles`` (the story stage's memory, by id)
    are used rather than computed again."""
    start, computed = time.monotonic(), 0
    chunks = _pending_chunks(store)
    results = _in_workers(store, chunks, workers, profiles) if workers > 1 else _here(store, chunks, profiles)
    for started, lists in results:
        store.related.write(lists, started)
        computed += len(lists)
    return ListsReport(computed, time.monotonic() - start)


def _pending_chunks(store: Store) -> Iterator[list[int]]:
    after = 0
    while ids := store.related.pending(after_id=after, limit=CHUNK):
        yield ids
        after = ids[-1]


def _here(store: Store, chunks: Iterator[list[int]],
          profiles: Mapping[int, Profile] | None) -> Iterator[tuple[float, list[tuple[int, StoredLists]]]]:
    judged = Judged(store, profiles)
    for ids in chunks:
        yield _computed(judged, ids)


# -- worker processes ---------------------------------------------------------------------------------

_worker: Judged | None = None  # each worker's own read-only store, with its cache of judged articles


def _in_workers(store: Store, chunks: Iterator[list[int]], workers: int,
                profiles: Mapping[int, Profile] | None) -> Iterator[tuple[float, list[tuple[int, StoredLists]]]]:
    """Chunks computed in ``workers`` processes, results in order, at most two chunks a worker in flight."""
    context = multiprocessing.get_context("fork")  # workers inherit the imported code and the stage's profiles
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_open_worker,
                             initargs=(store, profiles)) as pool:
        in_flight: deque[Future[tuple[float, list[tuple[int, StoredLists]]]]] = deque()
        for ids in chunks:
            in_flight.append(pool.submit(_compute_chunk, ids))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


def _open_worker(store: Store, profiles: Mapping[int, Profile] | None) -> None:
    global _worker
    _worker = Judged(store.reader(), profiles)  # the parent's connection is never used here


def _compute_chunk(ids: list[int]) -> tuple[float, list[tuple[int, StoredLists]]]:
    assert _worker is not None, "the pool's initializer opens the worker's store"
    return _computed(_worker, ids)


def _computed(judged: Judged, ids: list[int]) -> tuple[float, list[tuple[int, StoredLists]]]:
    """When the computation began (a stale mark made after it outlives its write), and the lists."""
    started = time.time()
    return started, compute_many(judged.store, ids, judged)
