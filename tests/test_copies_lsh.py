"""naba.stories.copies.lsh: BandIndex, the band tables alone."""

from __future__ import annotations

import pytest

from naba.errors import UsageError
from naba.stories.copies import BandIndex


def bands(*keys: str) -> tuple[bytes, ...]:
    return tuple(key.encode() for key in keys)


def test_a_bandindex_needs_a_table():
    with pytest.raises(UsageError) as caught:
        BandIndex(0)
    assert "tables=0" in str(caught.value)


def test_query_finds_the_keys_that_share_a_band_in_the_same_table():
    index: BandIndex[int] = BandIndex(3)
    index.insert(1, bands("a", "b", "c"))
    index.insert(2, bands("x", "b", "y"))
    index.insert(3, bands("p", "q", "r"))
    assert index.query(bands("a", "-", "-")) == {1}
    assert index.query(bands("-", "b", "-")) == {1, 2}
    assert index.query(bands("a", "-", "r")) == {1, 3}
    assert index.query(bands("b", "a", "c")) == {1}  # "b" and "a" sit in other tables
    assert index.query(bands("-", "-", "-")) == set()


def test_remove_takes_the_key_out_and_keeps_the_others():
    index: BandIndex[int] = BandIndex(2)
    index.insert(1, bands("a", "b"))
    index.insert(2, bands("a", "c"))
    index.remove(1, bands("a", "b"))
    assert index.query(bands("a", "b")) == {2}
    index.remove(2, bands("a", "c"))
    assert index.query(bands("a", "c")) == set()


def test_a_bucket_is_one_key_until_a_second_arrives():
    """The memory trick: a set per bucket cost ~12 kB an article, and most band keys are unique."""
    index: BandIndex[str] = BandIndex(1)
    index.insert("k1", bands("a"))
    assert index._tables[0][b"a"] == "k1"
    index.insert("k2", bands("a"))
    assert index._tables[0][b"a"] == {"k1", "k2"}
    index.remove("k1", bands("a"))
    assert index._tables[0][b"a"] == "k2"
    index.remove("k2", bands("a"))
    assert b"a" not in index._tables[0]


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
