"""How request threads reach the store: one store behind a lock, or one store per worker thread.

Route handlers are plain ``def`` functions, run by Starlette in a pool of worker threads. A SQLite
connection must not be used by two threads at once, and a psycopg connection serves one query at a
time, so either every request takes turns on one store (``lock``) or each worker thread opens its
own (``per-thread``; SQLite's WAL lets readers run side by side, and sqlite3 releases the GIL while
a query runs). ``bench/web.py`` measures both; ``per-thread`` is the default.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
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


class TimedCache:
    """Values recomputed at most every ``seconds``, the ``max_items`` most recently used kept.

    Two threads missing the same key may both compute it; the later one wins. That is cheaper than
    holding a lock while computing, and harmless for read-only values. None is not a value.
    """

    def __init__(self, seconds: float, clock: Callable[[], float], max_items: int = 1024):
        if seconds <= 0 or max_items < 1:
            raise ValueError("a cache needs seconds > 0 and max_items >= 1")
        self.seconds = seconds
        self.max_items = max_items
        self._clock = clock
        self._values: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], object]) -> object:
        value = self.lookup(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def lookup(self, key: Hashable) -> object | None:
        """The cached value, or None if there is none or it is too old (so values must not be None)."""
        with self._lock:
            hit = self._values.get(key)
            if hit is None or self._clock() - hit[0] >= self.seconds:
                return None
            self._values.move_to_end(key)
            return hit[1]

    def put(self, key: Hashable, value: object) -> None:
        with self._lock:
            self._values[key] = (self._clock(), value)
            self._values.move_to_end(key)
            while len(self._values) > self.max_items:
                self._values.popitem(last=False)
