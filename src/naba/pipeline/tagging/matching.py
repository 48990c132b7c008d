"""Find known names in a token stream: greedy, longest first, never across punctuation.

A name matches at token i when one of the token's clitic-free readings (وللأردن → الاردن) starts
it and the following tokens equal the rest of the name exactly. Only the first token may carry
clitics: that is where Arabic glues them. The tables (``Lexicon.names``, ``Lexicon.titles``) are
keyed by every clitic-bearing form already, so a token that starts nothing costs one dict lookup.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Generic, NamedTuple, TypeVar

from naba.pipeline.tagging.stream import Stream
from naba.text import bare_forms, with_clitics

T = TypeVar("T")
SHORT_FIRST_WORD = 2  # letters of a name's first word that takes clitics only before the name's other words
# name size → {the name's tokens after the first: value}, longest size first
Sizes = tuple[tuple[int, dict[tuple[str, ...], T]], ...]
# token → ((clitic-free reading, Sizes), ...), readings in bare_forms order
Starts = tuple[tuple[str, Sizes[T]], ...]


def keyed_with_clitics(table: Mapping[str, Iterable[tuple[tuple[str, ...], T]]]) -> dict[str, Starts[T]]:
    """A first-word table (first word → (name tokens, value) pairs) keyed by every clitic-bearing
    form of each first word (بوتين → بوتين, وبوتين, لبوتين, ...), names grouped by size."""
    sizes = {first: _by_size(names) for first, names in table.items()}
    readings: dict[str, set[str]] = {}
    for first in table:
        for token in with_clitics(first):
            readings.setdefault(token, set()).add(first)
    starts = {token: tuple((form, sizes[form]) for form in bare_forms(token) if form in forms)
              for token, forms in readings.items()}
    for first in table:
        if len(first) == SHORT_FIRST_WORD:
            _add_short_first(starts, first, tuple((size, rests) for size, rests in sizes[first] if size > 1))
    return starts


def _add_short_first(starts: dict[str, Starts[T]], first: str, longer: Sizes[T]) -> None:
    """A two-letter first word takes clitics too when more words follow (وتل أبيب، وشي جين بينغ،
    وأم القيوين): ``bare_forms`` keeps three letters after a clitic, so a single word (وقم) stays
    whole, and the words after the first make the reading safe. Listed after the token's own
    readings, so the longest name still wins (وأم القيوين over وام, WAM)."""
    if not longer:
        return
    for token in (c + p + first for c in ("", "و", "ف") for p in ("", "ب", "ل")):  # not ك: كاي بي إم جي
        if token != first and first in bare_forms(token, min_rest=SHORT_FIRST_WORD):
            starts[token] = (*starts.get(token, ()), (first, longer))


def _by_size(names: Iterable[tuple[tuple[str, ...], T]]) -> Sizes[T]:
    grouped: dict[int, dict[tuple[str, ...], T]] = {}
    for tokens, value in names:
        grouped.setdefault(len(tokens), {}).setdefault(tokens[1:], value)  # the first listed wins
    return tuple(sorted(grouped.items(), reverse=True))


class Match(NamedTuple, Generic[T]):  # a NamedTuple: built in C, several per article
    start: int
    end: int  # exclusive
    value: T
    form: str  # the first token's clitic-free reading that matched (الاردن for للاردن)


def longest_at(stream: Stream, i: int, starts: Starts[T]) -> Match[T] | None:
    """The longest name in ``starts`` (the table's entry for token ``i``) that matches at ``i``:
    one tuple and one dict lookup per candidate size."""
    keys, breaks = stream.keys, stream.breaks
    best_size, best_form, best_value = 0, "", None
    for form, sizes in starts:
        for size, rests in sizes:
            if size <= best_size:
                break
            end = i + size
            if size == 1:
                value = rests.get(())
            elif end > len(keys) or 1 in breaks[i + 1:end]:
                continue
            else:
                value = rests.get(tuple(keys[i + 1:end]))
            if value is not None:
                best_size, best_form, best_value = size, form, value
                break
    if not best_size:
        return None
    return Match(i, i + best_size, best_value, best_form)  # type: ignore[arg-type]


def scan(stream: Stream, table: Mapping[str, Starts[T]], taken: bytearray) -> Iterator[Match[T]]:
    """Every non-overlapping longest match over tokens not yet ``taken``, left to right; marks them."""
    keys = stream.keys
    after = 0
    # the positions of tokens that start some name, found in C (most tokens start none)
    for i in itertools.compress(range(len(keys)), map(table.__contains__, keys)):
        if i < after or taken[i]:
            continue
        found = longest_at(stream, i, table[keys[i]])
        if found is None or any(taken[found.start:found.end]):
            continue
        taken[found.start:found.end] = b"\x01" * (found.end - found.start)
        after = found.end
        yield found


def untake(taken: bytearray, match: Match[T]) -> None:
    """Give a match's tokens back: another reader may name them."""
    taken[match.start:match.end] = bytes(match.end - match.start)


def drop_where(hits: list[Match[T]], taken: bytearray, dropped: Callable[[Match[T]], bool]) -> list[Match[T]]:
    """The hits ``dropped`` keeps, in order; each dropped one gives its tokens back at once (a later
    test sees them free)."""
    kept = []
    for hit in hits:
        if dropped(hit):
            untake(taken, hit)
        else:
            kept.append(hit)
    return kept
