"""Preparing records in worker processes while the calling process reads and writes.

The pipeline's per-article work (cleaning, tokenizing, stemming, hashing) is pure and CPU-bound,
so on a machine with more than one core it runs in a process pool; reading the input and writing
the store stay in the calling process (SQLite wants one writer). Results come back in input order,
so a parallel ingest stores the same articles under the same ids as a serial one, and at most
``2 × workers`` chunks are in flight, so memory stays bounded on inputs of any size.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from naba.models import PreparedArticle, Record, Rejection

CHUNK = 128  # records per task: large enough that pickling overhead is small


def prepare_in_parallel(
    records: Iterable[Record],
    prepare_chunk: Callable[[list[Record]], list[PreparedArticle | Rejection]],
    workers: int,
) -> Iterator[PreparedArticle | Rejection]:
    """``prepare_chunk`` applied to chunks of ``records`` in ``workers`` processes, results in order."""
    context = multiprocessing.get_context("fork")  # workers inherit the imported pipeline
    records_iter = iter(records)
    chunks = iter(lambda: list(itertools.islice(records_iter, CHUNK)), [])
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        in_flight: deque[Future[list[PreparedArticle | Rejection]]] = deque()
        for chunk in chunks:
            in_flight.append(pool.submit(prepare_chunk, chunk))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
