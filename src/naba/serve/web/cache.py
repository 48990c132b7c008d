"""A small thread-safe cache for the web's read-only values: a time limit and a size limit.

    stats: TimedCache[str, StoreStats] = TimedCache(300, time.monotonic)
    stats.get("stats", lambda: store.articles.stats())   # computed at most every five minutes
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class TimedCache(Generic[K, V]):
    """Values recomputed at most every ``seconds``, the ``max_items`` most recently used kept.

    One thread computes a missing or expired value at a time: others missing it wait for it, or,
    when an older value is there, are given the older value meanwhile. (Letting every thread compute
    it was cheap for a page and ruinous for the store's counts: at start-up, 40 threads each scanned
    a 1 GB store for the same second-long count, and cold searches waited behind them.)
    None is not a value.
    """

    def __init__(self, seconds: float, clock: Callable[[], float], max_items: int = 1024):
        if seconds <= 0 or max_items < 1:
            raise ValueError("a cache needs seconds > 0 and max_items >= 1")
        self.seconds = seconds
        self.max_items = max_items
        self._clock = clock
        self._values: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._computing: dict[K, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        while True:
            with self._lock:
                hit = self._values.get(key)
                if hit is not None and self._clock() - hit[0] < self.seconds:
                    self._values.move_to_end(key)
                    return hit[1]
                running = self._computing.get(key)
                if running is None:
                    running = self._computing[key] = threading.Event()
                    break  # this thread computes it
                if hit is not None:
                    return hit[1]  # the older value, while another thread computes the new one
            running.wait()  # then read what it computed (or, if it failed, compute it here)
        try:
            value = compute()
            self.put(key, value)
            return value
        finally:
            with self._lock:
                del self._computing[key]
            running.set()

    def lookup(self, key: K) -> V | None:
        """The cached value, or None if there is none or it is too old (so values must not be None)."""
        with self._lock:
            hit = self._values.get(key)
            if hit is None or self._clock() - hit[0] >= self.seconds:
                return None
            self._values.move_to_end(key)
            return hit[1]

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._values[key] = (self._clock(), value)
            self._values.move_to_end(key)
            while len(self._values) > self.max_items:
                self._values.popitem(last=False)
