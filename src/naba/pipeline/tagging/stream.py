"""An article as one stream of tokens: index form for matching, surface form for display.

    stream = Stream.of(title, body)
    stream.keys[i]       index-form token (naba.text.tokens)
    stream.surface(i)    the same token as the article wrote it (hamza, diacritics kept)
    stream.breaks[i]     1 when punctuation or a line break stands before token i, so no name or
                         phrase runs across it
    stream.title_end     tokens before it come from the title

Speed: the text is cut at punctuation with one regex split and the clauses, joined by a sentinel
token, go through one ``naba.text.tokens`` call (one call per clause would cost three times as
much). Surfaces are only needed for the dozen tags shown, so a clause's surfaces are read when first
asked for, with one ``findall`` of a pattern that accepts the marks ``tokens`` folds away; when the
two disagree on the count (an invisible control inside a word, say), the clause falls back to
``naba.text.token_spans``, which is exact but slower.

Clitics (وبوتين، للأردن، بالكتاب) are ``naba.text.clitics``' business, the one place every stage
splits them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from naba.text import token_spans, tokens, without_clitics

# Punctuation ends a clause (a decimal point too: numbers are never names or phrases).
_CLAUSE_RE = re.compile(r"[.,;:!?()\[\]{}«»\"“”„/|\n\u060c\u061b\u061f\u06d4\u2026]+")
_SENTINEL_TOKEN = "qqclausebreakqq"  # a Latin token no article holds, kept whole by tokens()
_SENTINEL = f" {_SENTINEL_TOKEN} "
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_SURFACE_RE = re.compile(rf"\d(?:[.,]?\d)*|(?:[^\W\d_]|[{_MARKS}])+")


@dataclass(frozen=True, slots=True)
class Stream:
    keys: list[str]
    breaks: bytearray
    title_end: int
    _clauses: list[str]  # the text cut at punctuation, title's clauses first
    _clause_starts: list[int]  # token position where each clause starts
    _written: dict[int, list[str]] = field(default_factory=dict)  # clause → its surfaces, when asked

    @classmethod
    def of(cls, title: str | None, body: str) -> Stream:
        keys: list[str] = []
        breaks = bytearray()
        clauses: list[str] = []
        starts: list[int] = []
        if title:
            _append(title, keys, breaks, clauses, starts)
        title_end = len(keys)
        _append(body, keys, breaks, clauses, starts)
        return cls(keys, breaks, title_end, clauses, starts)

    def __len__(self) -> int:
        return len(self.keys)

    def surface(self, i: int) -> str:
        """Token ``i`` as the article wrote it."""
        clause = bisect.bisect_right(self._clause_starts, i) - 1
        written = self._written.get(clause)
        if written is None:
            written = self._written[clause] = _surfaces(self._clauses[clause], self._size(clause))
        return written[i - self._clause_starts[clause]]

    def written(self, start: int, end: int, form: str | None = None) -> str:
        """Tokens ``start:end`` as written, the first cut down to its reading ``form`` (clitics dropped)."""
        first = self.surface(start)
        if form is not None:
            first = without_clitics(first, self.keys[start], form)
        return " ".join([first, *(self.surface(i) for i in range(start + 1, end))])

    def _size(self, clause: int) -> int:
        following = self._clause_starts[clause + 1] if clause + 1 < len(self._clause_starts) else len(self.keys)
        return following - self._clause_starts[clause]


def _append(text: str, keys: list[str], breaks: bytearray, clauses: list[str], starts: list[int]) -> None:
    """Tokenize ``text`` in one ``tokens`` call, clauses joined by a sentinel token that marks the breaks."""
    parts = _CLAUSE_RE.split(text)
    found = tokens(_SENTINEL.join(parts))
    offset = len(keys)
    is_break = _SENTINEL_TOKEN.__eq__  # both passes below run in C
    clause_breaks = list(itertools.compress(range(len(found)), map(is_break, found)))
    keys += itertools.filterfalse(is_break, found) if clause_breaks else found
    breaks.extend(bytes(len(keys) - offset))
    starts.append(offset)
    for number, at in enumerate(clause_breaks):
        starts.append(offset + at - number)
    for start in starts[len(clauses):]:
        if start < len(breaks):
            breaks[start] = 1
    clauses += parts


def _surfaces(clause: str, size: int) -> list[str]:
    written = _SURFACE_RE.findall(clause)
    if len(written) != size:  # the fast pattern and naba.text.tokens disagree here: ask the exact one
        written = [clause[start:end] for start, end, _ in token_spans(clause)]
    return written
