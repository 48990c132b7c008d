"""LSH band tables: which stored keys share at least one band key with a query.

One table per band (``Sketcher.tables`` of them): a text's i-th band key is looked up in table i
only, so equal bytes in different bands never collide. The tables answer which keys are worth
verifying; they know nothing of texts, thresholds or groups (the sameness model decides).

Memory: most band keys are unique to one text, and a set per bucket cost ~12 kB an article
(measured on 62k articles). So a bucket holds the key itself until a second key shares the band,
and becomes a set only then (and a key again when it is down to one).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

from naba.errors import UsageError
from naba.stories.copies._checks import check

K = TypeVar("K", bound=Hashable)


class BandIndex(Generic[K]):
    """``tables`` band tables mapping a band key to the keys inserted with it.

    A key is not itself a ``set`` (a bucket holding a set is a bucket of several keys).
    """

    def __init__(self, tables: int) -> None:
        check(tables >= 1, "BandIndex", "tables", tables, "must be at least 1 (one table per band)")
        self._tables: list[dict[bytes, K | set[K]]] = [{} for _ in range(tables)]

    @property
    def tables(self) -> int:
        return len(self._tables)

    def insert(self, key: K, bands: Sequence[bytes]) -> None:
        """Add ``key`` under each of its band keys (one per table)."""
        self._check_bands(bands)
        for table, band in zip(self._tables, bands, strict=True):
            bucket = table.get(band)
            if bucket is None:
                table[band] = key
            elif isinstance(bucket, set):
                bucket.add(key)
            else:
                table[band] = {bucket, key}

    def query(self, bands: Sequence[bytes]) -> set[K]:
        """The keys that share at least one band key with ``bands``: the candidates."""
        self._check_bands(bands)
        seen: set[K] = set()
        for table, band in zip(self._tables, bands, strict=True):
            bucket = table.get(band)
            if isinstance(bucket, set):
                seen.update(bucket)
            elif bucket is not None:
                seen.add(bucket)
        return seen

    def remove(self, key: K, bands: Sequence[bytes]) -> None:
        """Take ``key`` out of the buckets of ``bands``, the band keys it was inserted with.

        All or nothing: a KeyError, and no change, if some bucket does not hold ``key``.
        """
        self._check_bands(bands)
        for table, band in zip(self._tables, bands, strict=True):
            bucket = table.get(band)
            if not (key in bucket if isinstance(bucket, set) else bucket == key):
                raise KeyError(key)
        for table, band in zip(self._tables, bands, strict=True):
            bucket = table[band]
            if not isinstance(bucket, set):
                del table[band]
                continue
            bucket.discard(key)
            if len(bucket) == 1:
                table[band] = next(iter(bucket))

    def _check_bands(self, bands: Sequence[bytes]) -> None:
        if len(bands) != len(self._tables):
            raise UsageError(f"BandIndex: {len(bands)} band keys for {len(self._tables)} tables",
                             hint="sketch with the parameters the index was made with")
