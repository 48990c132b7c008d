"""naba.stories.copies.groups: CopyGroups, which key is the earliest copy of each group."""

from __future__ import annotations

import pytest

from naba.errors import UsageError
from naba.stories.copies import CopyGroups, Match


def strong(key: str) -> Match[str]:
    return Match(key, 0.9, 0.95)


def contained(key: str, containment: float = 0.8) -> Match[str]:
    return Match(key, 0.2, containment)


def groups_of(groups: CopyGroups[str], keys: str) -> dict[str, str]:
    return {key: groups.duplicate_of(key) or key for key in keys}


def test_jaccard_is_validated():
    with pytest.raises(UsageError) as caught:
        CopyGroups(0.0)
    assert "jaccard=0.0" in str(caught.value)


def test_a_copy_points_at_the_earliest_of_its_group():
    groups: CopyGroups[str] = CopyGroups(0.45)
    assert groups.add("a", 1, []) is None
    assert groups.add("b", 2, [strong("a")]) == "a"
    assert groups.add("c", 3, [strong("b")]) == "a"  # b's group, named by its earliest copy
    assert groups.duplicate_of("a") is None and groups.copies_of("a") == {"b", "c"}
    assert groups.copies_of("b") == set() and len(groups) == 3 and "c" in groups


def test_ties_on_the_timestamp_go_to_the_smaller_key_as_a_string():
    groups: CopyGroups[int] = CopyGroups(0.45)
    groups.add(9, 5, [])
    assert groups.add(10, 5, [Match(9, 1.0, 1.0)]) is None  # "10" < "9"
    assert groups.duplicate_of(9) == 10


def test_jaccard_matches_merge_groups():
    groups: CopyGroups[str] = CopyGroups(0.45)
    groups.add("a", 1, [])
    groups.add("a2", 3, [strong("a")])
    groups.add("b", 2, [])
    groups.add("b2", 4, [strong("b")])
    assert groups.add("c", 5, [strong("a2"), strong("b")]) == "a"
    keys = ["a", "a2", "b", "b2", "c"]
    assert groups_of(groups, keys) == dict.fromkeys(keys, "a")
    assert groups.copies_of("a") == {"a2", "b", "b2", "c"} and groups.copies_of("b") == set()


def test_a_containment_match_joins_one_group_and_merges_nothing():
    groups: CopyGroups[str] = CopyGroups(0.45)
    groups.add("a", 1, [])
    groups.add("b", 2, [])
    assert groups.add("c", 3, [contained("a", 0.75), contained("b", 0.9)]) == "b"  # the best containment
    assert groups.duplicate_of("a") is None and groups.copies_of("a") == set()
    assert groups.add("d", 4, [contained("a"), strong("b")]) == "b"  # a Jaccard match outranks containment
    assert groups.copies_of("b") == {"c", "d"}


def test_a_late_earlier_copy_becomes_the_target():
    groups: CopyGroups[str] = CopyGroups(0.45)
    groups.add("late", 30, [])
    groups.add("later", 40, [strong("late")])
    assert groups.add("early", 10, [strong("later")]) is None
    assert groups.duplicate_of("late") == "early" and groups.duplicate_of("later") == "early"
    assert groups.copies_of("early") == {"late", "later"} and groups.copies_of("late") == set()


def test_remove_hands_the_group_to_the_next_earliest():
    groups: CopyGroups[str] = CopyGroups(0.45)
    groups.add("a", 1, [])
    groups.add("c", 3, [strong("a")])
    groups.add("b", 2, [strong("a")])
    groups.remove("a")
    assert "a" not in groups and groups.duplicate_of("b") is None and groups.duplicate_of("c") == "b"
    assert groups.copies_of("b") == {"c"}
    groups.remove("c")
    assert groups.copies_of("b") == set()
    with pytest.raises(KeyError):
        groups.remove("a")


def test_unknown_and_repeated_keys_are_refused():
    groups: CopyGroups[str] = CopyGroups(0.45)
    groups.add("a", 1, [])
    with pytest.raises(KeyError):
        groups.duplicate_of("z")
    with pytest.raises(UsageError):
        groups.add("a", 2, [])
    assert groups.order("a") == (1, "a")
