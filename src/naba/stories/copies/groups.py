"""Copy groups: which stored key is the earliest copy of each group of duplicates.

Which copy is the original
--------------------------
"Earliest" is the order of (timestamp, str(key)): ties on the timestamp go to the smaller key as a
string. ``add`` returns the earliest copy of the group the new key joins; every member of a group
points at that one key (its *target*), so ``duplicate_of`` is one lookup.

- A key whose Jaccard matches (``jaccard`` or more) fall in several groups merges them: copies of
  one wire text reach each other through edits.
- A key that matches only by containment joins the group of its best match (highest containment)
  and merges nothing: a compilation quoting two notices would otherwise chain the two together.
- When a copy arrives that is earlier than the group it matches (feeds are not in order), it
  becomes the group's target: ``add`` returns None and ``duplicate_of`` of the others now answers
  with the new key.
- ``remove`` of a target hands its group to the earliest remaining member.

The groups know nothing of texts: the index verifies the matches and hands them over.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from naba.errors import UsageError
from naba.stories.copies._checks import check

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Match(Generic[K]):
    """A stored text that a query text duplicates, with the exact shingle-set overlaps."""

    key: K
    jaccard: float
    containment: float


class CopyGroups(Generic[K]):
    """Keys with their timestamps, each an original or a duplicate pointing at its group's earliest copy.

    A timestamp is anything the index's keys can be ordered by (a number, an ISO string, a tuple),
    of one kind within one ``CopyGroups``.
    """

    def __init__(self, jaccard: float) -> None:
        check(0.0 < jaccard <= 1.0, "CopyGroups", "jaccard", jaccard, "must be in (0, 1]")
        self.jaccard = jaccard
        self._time: dict[K, Any] = {}
        self._target: dict[K, K] = {}  # duplicate key -> earliest copy
        self._group: dict[K, set[K]] = defaultdict(set)  # earliest copy -> duplicates

    def add(self, key: K, timestamp: Any, matches: Sequence[Match[K]]) -> K | None:
        """Place ``key`` given its verified matches among the keys already here (module docstring);
        return the earliest copy it duplicates, or None when it is (now) the earliest itself."""
        if key in self._time:
            raise UsageError(f"CopyGroups: key {key!r} is already placed", hint="remove it first")
        self._time[key] = timestamp
        if not matches:
            return None
        strong = [m for m in matches if m.jaccard >= self.jaccard]
        joined = strong or [max(matches, key=lambda m: m.containment)]  # containment: one group only
        roots = {self._target.get(m.key, m.key) for m in joined} | {key}
        first = min(roots, key=self.order)
        for root in roots:
            self._point(root, first)
        return None if first == key else first

    def remove(self, key: K) -> None:
        """Forget ``key``; its duplicates then point at the earliest of them."""
        del self._time[key]  # KeyError names the key, as a dict does
        root = self._target.pop(key, None)
        if root is not None:
            self._group[root].discard(key)
        members = self._group.pop(key, set())
        if members:
            first = min(members, key=self.order)
            for member in members:
                self._target.pop(member, None)
            for member in members - {first}:
                self._point(member, first)

    def duplicate_of(self, key: K) -> K | None:
        """The earliest copy ``key`` duplicates, as known now (None for an original)."""
        if key not in self._time:
            raise KeyError(key)
        return self._target.get(key)

    def copies_of(self, key: K) -> set[K]:
        """The keys that point at ``key`` as their earliest copy (empty for a duplicate or a loner)."""
        return set(self._group.get(key, ()))

    def order(self, key: K) -> tuple[Any, str]:
        """What "earlier" means: (timestamp, str(key))."""
        return (self._time[key], str(key))

    def __len__(self) -> int:
        return len(self._time)

    def __contains__(self, key: object) -> bool:
        return key in self._time

    def _point(self, key: K, first: K) -> None:
        """Make ``key`` (an original or a duplicate) and its group point at ``first``."""
        moved = self._group.pop(key, set()) | ({key} if key != first else set())
        old = self._target.pop(key, None)
        if old is not None and old != first:
            self._group[old].discard(key)
        for member in moved - {first}:
            self._target[member] = first
            self._group[first].add(member)
        if first in self._target:  # first was a duplicate of someone later; it is the root now
            self._group[self._target.pop(first)].discard(first)
