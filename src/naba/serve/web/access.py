"""How request threads reach the store: one store behind a lock, or one store per worker thread.

Route handlers are plain ``def`` functions, run by Starlette in a pool of worker threads. A SQLite
connection must not be used by two threads at once, and a psycopg connection serves one query at a
time, so either every request takes turns on one store (``lock``) or each worker thread opens its
own (``per-thread``; SQLite's WAL lets readers run side by side, and sqlite3 releases the GIL while
a query runs). ``bench/web.py`` measures both; ``per-thread`` is the default.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from naba.store import Store, open_store

MODES = ("per-thread", "lock")


def open_for_reading(url: str) -> Store:
    """Serving only reads: a read-only store never migrates, so a worker thread opens one cheaply."""
    return open_store(url, read_only=True)


class StoreAccess:
    def __init__(self, url: str, mode: str = "per-thread", opener: Callable[[str], Store] = open_for_reading):
        if mode not in MODES:
            raise ValueError(f"store access mode must be one of {MODES}, not {mode!r}")
        self.url = url
        self.mode = mode
        self._opener = opener
        self._lock = threading.Lock()
        self._local = threading.local()
        self._opened: list[Store] = []
        self._shared = self._open()  # open once at startup: a bad URL fails the start, not a request

    def _open(self) -> Store:
        store = self._opener(self.url)
        with self._lock:
            self._opened.append(store)
        return store

    @contextmanager
    def __call__(self) -> Iterator[Store]:
        """The store for the calling thread, for the length of one request's reads."""
        if self.mode == "lock":
            with self._lock:
                yield self._shared
            return
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self._open()
        yield store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            store.close()
