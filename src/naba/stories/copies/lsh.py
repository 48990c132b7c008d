"""LSH band tables: which stored keys share at least one band key with a query.

One table per band (``Sketcher.tables`` of them): a text's band keys come as one uint32 array, a row
per table (``TextSketch.bands``), and its i-th row is looked up in table i only, so equal rows in
different bands never collide. The tables answer which keys are worth verifying; they know nothing
of texts, thresholds or groups (the sameness model decides).

Memory: most band keys are unique to one text. A dict per table, a bytes key and a bucket per band,
cost ~5.7 kB an article (64 tables; measured on 5k articles of SaudiNewsNet + ANT), and the profile's
tuple of 64 bytes keys 3.7 kB more. So the index keeps, per band key, a 64-bit fingerprint (a hash of
the table and the row) and the slot of its text, in two numpy arrays sorted by fingerprint: 16 bytes
a band key, ~1 kB an article; the rows themselves are the text's own array, held by reference. A
lookup is a binary search, and a fingerprint match is checked against the stored row, so a
fingerprint collision never makes a candidate: the answer is exactly the keys with an equal row.
New keys wait in a dict (~150 bytes a band key) until it holds ``merge_at`` band keys (~1,000
articles), and are then inserted into the sorted arrays in one pass (a copy of the arrays: ~20 ms
at 60k articles).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

import numpy as np

from naba.errors import UsageError
from naba.stories.copies._checks import check

K = TypeVar("K", bound=Hashable)
_FINAL = np.uint64(31)


class BandIndex(Generic[K]):
    """``tables`` band tables mapping a band key (a row of uint32) to the keys inserted with it."""

    def __init__(self, tables: int, merge_at: int = 1 << 16) -> None:
        check(tables >= 1, "BandIndex", "tables", tables, "must be at least 1 (one table per band)")
        check(merge_at >= 1, "BandIndex", "merge_at", merge_at, "must be at least 1")
        self._tables = tables
        self._merge_at = merge_at
        self._slot: dict[K, int] = {}  # key -> its slot
        self._keys: list[K] = []  # slot -> key (kept after a removal: an int or a short string)
        self._rows: list[np.ndarray | None] = []  # slot -> the key's band rows (None: removed)
        self._alive = np.zeros(0, dtype=bool)  # slot -> not removed (sized to the slots at the last merge)
        self._fp = np.zeros(0, dtype=np.uint64)  # fingerprints of the merged band keys, sorted
        self._at = np.zeros(0, dtype=np.int64)  # the slot of each
        self._recent: dict[int, list[int]] = {}  # fingerprint -> slots, not merged yet
        self._waiting = 0  # band keys in ``_recent``
        rng = np.random.default_rng(0)  # fingerprints never leave the process: any fixed odd multipliers do
        self._mix = rng.integers(0, 2**63, 64, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._salt = rng.integers(0, 2**63, tables, dtype=np.uint64)

    @property
    def tables(self) -> int:
        return self._tables

    def __len__(self) -> int:
        return len(self._slot)

    def insert(self, key: K, bands: np.ndarray) -> None:
        """Add ``key`` under each of its band keys (row i in table i); a key inserted again is replaced."""
        fingerprints = self._fingerprints(bands)
        if key in self._slot:
            self.remove(key, self._rows[self._slot[key]])  # type: ignore[arg-type]
        slot = len(self._keys)
        self._slot[key] = slot
        self._keys.append(key)
        self._rows.append(bands)
        for fingerprint in fingerprints.tolist():
            self._recent.setdefault(fingerprint, []).append(slot)
        self._waiting += self._tables
        if self._waiting >= self._merge_at:
            self._merge()

    def query(self, bands: np.ndarray) -> set[K]:
        """The keys that share at least one band key with ``bands``: the candidates."""
        fingerprints = self._fingerprints(bands)
        lo = np.searchsorted(self._fp, fingerprints, side="left")
        hi = np.searchsorted(self._fp, fingerprints, side="right")
        found: set[K] = set()
        for table in np.flatnonzero(hi > lo).tolist():
            self._verified(self._at[lo[table]:hi[table]].tolist(), table, bands, found)
        for table, fingerprint in enumerate(fingerprints.tolist()):
            self._verified(self._recent.get(fingerprint, ()), table, bands, found)
        return found

    def remove(self, key: K, bands: np.ndarray) -> None:
        """Take ``key`` out; ``bands`` must be the band keys it was inserted with.

        All or nothing: a KeyError, and no change, if ``key`` is not in the index with these band keys.
        """
        fingerprints = self._fingerprints(bands)
        slot = self._slot.get(key)
        rows = None if slot is None else self._rows[slot]
        if slot is None or rows is None or not np.array_equal(rows, bands):
            raise KeyError(key)
        for fingerprint in fingerprints.tolist():
            waiting = self._recent.get(fingerprint)
            if waiting is not None and slot in waiting:
                waiting.remove(slot)
                self._waiting -= 1
                if not waiting:
                    del self._recent[fingerprint]
        del self._slot[key]
        self._rows[slot] = None
        if slot < self._alive.size:
            self._alive[slot] = False

    def _verified(self, slots: Iterable[int], table: int, bands: np.ndarray, found: set[K]) -> None:
        """Add the keys of ``slots`` whose row ``table`` equals the query's: a fingerprint may collide."""
        for slot in slots:
            rows = self._rows[slot]
            if rows is not None and np.array_equal(rows[table], bands[table]):
                found.add(self._keys[slot])

    def _fingerprints(self, bands: np.ndarray) -> np.ndarray:
        """One 64-bit hash per band key, of its table and its row (multiply-add, then a xor-shift)."""
        if bands.ndim != 2 or bands.shape[0] != self._tables:
            raise UsageError(f"BandIndex: {bands.shape[0] if bands.ndim else 0} band keys for {self._tables} tables",
                             hint="sketch with the parameters the index was made with")
        if bands.shape[1] > self._mix.size:
            raise UsageError(f"BandIndex: band keys of {bands.shape[1]} values, at most {self._mix.size}")
        acc = self._salt.copy()
        for j in range(bands.shape[1]):
            acc += bands[:, j].astype(np.uint64) * self._mix[j]
        acc ^= acc >> _FINAL
        return acc

    def _merge(self) -> None:
        """Move the waiting band keys into the sorted arrays, dropping those of removed keys."""
        self._alive = np.array([rows is not None for rows in self._rows], dtype=bool)
        live = self._alive[self._at]
        fp, at = (self._fp, self._at) if live.all() else (self._fp[live], self._at[live])
        new_fp = np.fromiter((f for f, slots in self._recent.items() for _ in slots), dtype=np.uint64)
        new_at = np.fromiter((s for slots in self._recent.values() for s in slots), dtype=np.int64)
        order = np.argsort(new_fp, kind="stable")
        where = np.searchsorted(fp, new_fp[order])
        self._fp, self._at = np.insert(fp, where, new_fp[order]), np.insert(at, where, new_at[order])
        self._recent, self._waiting = {}, 0
