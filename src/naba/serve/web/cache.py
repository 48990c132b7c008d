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

    Two threads missing the same key may both compute it; the later one wins. That is cheaper than
    holding a lock while computing, and harmless for read-only values. None is not a value.
    """

    def __init__(self, seconds: float, clock: Callable[[], float], max_items: int = 1024):
        if seconds <= 0 or max_items < 1:
            raise ValueError("a cache needs seconds > 0 and max_items >= 1")
        self.seconds = seconds
        self.max_items = max_items
        self._clock = clock
        self._values: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, compute: Callable[[], V]) -> V:
        value = self.lookup(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

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
