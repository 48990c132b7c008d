"""naba.stories.copies.lsh: BandIndex, the band tables alone."""

from __future__ import annotations

import numpy as np
import pytest

from naba.errors import UsageError
from naba.stories.copies import BandIndex


def bands(*keys: str) -> np.ndarray:
    """One band key (a row of two uint32) per table, from a short label."""
    return np.array([[ord(c) for c in key.ljust(2)] for key in keys], dtype=np.uint32)


def test_a_bandindex_needs_a_table():
    with pytest.raises(UsageError) as caught:
        BandIndex(0)
    assert "tables=0" in str(caught.value)


@pytest.mark.parametrize("merge_at", [1, 1000])  # merged into the sorted arrays at once, or waiting in the dict
def test_query_finds_the_keys_that_share_a_band_in_the_same_table(merge_at):
    index: BandIndex[int] = BandIndex(3, merge_at)
    index.insert(1, bands("a", "b", "c"))
    index.insert(2, bands("x", "b", "y"))
    index.insert(3, bands("p", "q", "r"))
    assert index.query(bands("a", "-", "-")) == {1}
    assert index.query(bands("-", "b", "-")) == {1, 2}
    assert index.query(bands("a", "-", "r")) == {1, 3}
    assert index.query(bands("b", "a", "c")) == {1}  # "b" and "a" sit in other tables
    assert index.query(bands("-", "-", "-")) == set()


@pytest.mark.parametrize("merge_at", [1, 3, 1000])
def test_remove_takes_the_key_out_and_keeps_the_others(merge_at):
    index: BandIndex[int] = BandIndex(2, merge_at)
    index.insert(1, bands("a", "b"))
    index.insert(2, bands("a", "c"))
    index.remove(1, bands("a", "b"))
    assert index.query(bands("a", "b")) == {2} and len(index) == 1
    index.insert(3, bands("d", "e"))  # a merge after a removal drops the removed key's entries
    index.remove(2, bands("a", "c"))
    assert index.query(bands("a", "c")) == set() and index.query(bands("d", "-")) == {3}


def test_many_keys_across_merges_answer_as_a_dict_of_buckets_does():
    """The sorted arrays and the waiting dict together give what the plain tables (a dict per table) give."""
    rng = np.random.default_rng(7)
    index: BandIndex[int] = BandIndex(4, merge_at=16)
    plain: list[dict[bytes, set[int]]] = [{} for _ in range(4)]
    rows = {}
    for key in range(400):
        rows[key] = rng.integers(0, 6, (4, 2)).astype(np.uint32)  # few distinct rows: many shared buckets
        index.insert(key, rows[key])
        for table, row in enumerate(rows[key]):
            plain[table].setdefault(row.tobytes(), set()).add(key)
        if key % 3 == 0:  # some go again
            gone = key // 2
            if gone in rows:
                index.remove(gone, rows[gone])
                for table, row in enumerate(rows.pop(gone)):
                    plain[table][row.tobytes()].discard(gone)
    for key, query in rows.items():
        expected = set().union(*(plain[t].get(row.tobytes(), set()) for t, row in enumerate(query)))
        assert index.query(query) == expected and key in expected
    assert len(index) == len(rows)


def test_a_fingerprint_collision_is_no_candidate():
    """A lookup matches on a 64-bit fingerprint and then checks the stored row itself."""
    index: BandIndex[int] = BandIndex(1, merge_at=1)
    index.insert(1, bands("a"))
    index._fp[:] = index._fingerprints(bands("z"))  # force "z" onto "a"'s fingerprint
    assert index.query(bands("z")) == set() and index.query(bands("a")) == set()
    index._fp[:] = index._fingerprints(bands("a"))
    assert index.query(bands("a")) == {1}


def test_removing_what_was_not_inserted_fails_and_changes_nothing():
    index: BandIndex[int] = BandIndex(2)
    index.insert(1, bands("a", "b"))
    index.insert(2, bands("c", "d"))
    with pytest.raises(KeyError):
        index.remove(2, bands("c", "b"))  # its first band matches, its second is key 1's
    with pytest.raises(KeyError):
        index.remove(3, bands("a", "b"))
    assert index.query(bands("a", "b")) == {1} and index.query(bands("c", "d")) == {2}


@pytest.mark.parametrize("verb", ["insert", "query", "remove"])
def test_band_keys_must_match_the_tables(verb):
    index: BandIndex[int] = BandIndex(2)
    index.insert(1, bands("a", "b"))
    args = (bands("a", "b", "c"),) if verb == "query" else (1, bands("a", "b", "c"))
    with pytest.raises(UsageError) as caught:
        getattr(index, verb)(*args)
    assert "3 band keys for 2 tables" in str(caught.value)
    assert index.query(bands("a", "b")) == {1}
