"""Tokens in index form, and their spans in the original text.

A token is a run of letters (any script) or a number: digits with single ``.`` or ``,`` between them
(2023, 3.5, 1,200). Everything else separates tokens: punctuation, ``#`` and ``_`` (so
``#عاصي_الحلاني`` gives عاصي, الحلاني), and the boundary between letters and digits (عام2015 → عام,
2015). Arabic clitics (و، ب، ال، ...) are not split here; that is the stemmer's business.

``tokens`` is the bulk path: fold the whole text once, one ``findall``. ``token_spans`` is the
highlighting path: the same tokens with offsets into the original text. ``tokenize_article`` is the
pipeline's one pass over an article: the same tokens, with where clauses and sentences start, which
the tagger, the story profile and the search document all read (naba.engine.prepare).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field

from naba.text.normalize import fold_for_index, fold_for_index_with_origins, skip_deleted_by_index

# One leading class (a letter or digit), then a branch on what that first character was:
# digits with single separators between them, or more letters.
_TOKEN_RE = re.compile(r"[^\W_](?:(?<=\d)(?:[.,]?\d)*|(?<!\d)[^\W\d_]*)")


def tokens(text: str) -> list[str]:
    """Index-normalized tokens of ``text`` (it applies the index folds itself)."""
    # Whitespace tidying is skipped: it never changes which tokens a text holds.
    return _TOKEN_RE.findall(fold_for_index(text))


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for each token of ``tokens(text)``, offsets into ``text`` itself.

    A span covers the original characters that produced the token, including marks (diacritics,
    tatweel, invisible controls) inside it or right after it, so highlighting keeps them.
    """
    folded, origins = fold_for_index_with_origins(text)
    if isinstance(origins, range):  # every character folded to one: the offsets carry over
        return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(folded)]
    # a token's span runs on over the marks deleted right after it (none: the offset stays)
    return [(origins[m.start()], skip_deleted_by_index(text, origins[m.end() - 1] + 1), m.group())
            for m in _TOKEN_RE.finditer(folded)]


class LazySpans:
    """The tokens of ``token_spans(text)``, each token's text and offsets read only when asked.

    A search snippet reads the offsets of a few tokens of a region of ~100: building every span as a
    tuple cost more than the rest of the snippet. ``holding(pattern)`` finds the tokens a pattern
    occurs in with one scan of the folded text instead of a test per token.
    """

    __slots__ = ("_text", "_folded", "_origins", "_found")

    def __init__(self, text: str):
        self._text = text
        self._folded, self._origins = fold_for_index_with_origins(text)
        self._found = list(_TOKEN_RE.finditer(self._folded))

    def __len__(self) -> int:
        return len(self._found)

    def token(self, i: int) -> str:
        return self._found[i].group()

    def span(self, i: int) -> tuple[int, int]:
        """Token ``i``'s offsets into the text, as ``token_spans`` gives them."""
        found, origins = self._found[i], self._origins
        if isinstance(origins, range):
            return found.span()
        return origins[found.start()], skip_deleted_by_index(self._text, origins[found.end() - 1] + 1)

    def holding(self, pattern: re.Pattern[str]) -> list[int]:
        """The tokens (in order, once each) that ``pattern``, a run of letters or digits, occurs in."""
        holding: list[int] = []
        for hit in pattern.finditer(self._folded):
            i = bisect.bisect_right(self._found, hit.start(), key=_START) - 1
            if i >= 0 and self._found[i].end() > hit.start() and (not holding or holding[-1] != i):
                holding.append(i)
        return holding


_START = operator.methodcaller("start")


# The pipeline's pass: one ``findall`` over the folded text finds the tokens and, between them, the
# runs of punctuation that end a clause (a point or comma inside a number is the number's: 3.5, 1,200),
# each with the whitespace after it, which tells a sentence's end.
_PUNCTUATION = r".,;:!?()\[\]{}«»\"“”„/|\n\u2026"  # in folded text: ، ؛ ؟ ۔ are , ; ? . by then
_TOKEN_OR_BREAK_RE = re.compile(rf"[^\W\d_]+|\d(?:[.,]?\d)*|[{_PUNCTUATION}]+\s?")
_SENTENCE_PUNCTUATION = ".!?;"  # followed by whitespace, it ends a sentence (so does a line break)
# As written: the characters that fold to that punctuation. A point or comma between digits is
# merged back (``_clauses_as_written``), as the folded pass reads it.
_WRITTEN_BREAK_RE = re.compile(
    rf"[{_PUNCTUATION}\u060c\u061b\u061f\u06d4\u066b\u066c\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
_NUMBER_MARKS = frozenset(".,\u060c\u06d4\u066b\u066c")
# Surfaces: a pattern that keeps the marks and tatweel ``tokens`` folds away inside a word, not before it
# (checked against the token count)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_SURFACE_RE = re.compile(rf"\d(?:[.,\u060c\u06d4\u066b\u066c]?\d)*|[^\W\d_\u0640](?:[^\W\d_]|[{_MARKS}])*")


@dataclass(frozen=True, slots=True, eq=False)
class TokenizedText:
    """An article's title and body as one token list, tokenized once.

        tokens            ``tokens(title) + tokens(body)``
        title_end         tokens before it come from the title
        clause_starts     the token where each clause starts: punctuation or a line break stands
                          before it (empty clauses included, so a position may repeat)
        sentence_starts   the token where each body sentence starts (the first is ``title_end``): a
                          sentence ends at . ! ? ; ؛ ؟ followed by whitespace, or at a line break
        surface(i)        token ``i`` as the text wrote it (hamza, diacritics kept), read on demand
    """

    tokens: list[str]
    title_end: int
    clause_starts: list[int]
    sentence_starts: list[int]
    parts: tuple[str, str]  # title and body as written
    _part_clauses: tuple[int, int]  # how many of clause_starts belong to the title, and in all
    _clauses: dict[int, list[str]] = field(default_factory=dict)  # part → its clauses as written, when asked
    _written: dict[int, list[str]] = field(default_factory=dict)  # clause → its surfaces, when asked

    @property
    def title(self) -> list[str]:
        return self.tokens[:self.title_end]

    @property
    def body(self) -> list[str]:
        return self.tokens[self.title_end:]

    def surface(self, i: int) -> str:
        """Token ``i`` as written. The written text is cut into clauses once, when a surface is first
        asked for, and a clause is read when one of its tokens is."""
        clause = bisect.bisect_right(self.clause_starts, i) - 1
        written = self._written.get(clause)
        if written is None:
            written = self._written[clause] = self._read(clause)
        return written[i - self.clause_starts[clause]]

    def _read(self, clause: int) -> list[str]:
        part = 0 if clause < self._part_clauses[0] else 1
        first, end = (0, self._part_clauses[0]) if part == 0 else self._part_clauses
        clauses = self._clauses.get(part)
        if clauses is None:
            clauses = self._clauses[part] = _clauses_as_written(self.parts[part])
        following = self.clause_starts[clause + 1] if clause + 1 < end else (
            self.title_end if part == 0 else len(self.tokens))
        if len(clauses) == end - first:
            written = _SURFACE_RE.findall(clauses[clause - first])
            if len(written) == following - self.clause_starts[clause]:
                return written
        # the written text and the folded one were cut or read differently here (a control character
        # inside punctuation, say): read the part the exact, slower way
        part_start = 0 if part == 0 else self.title_end
        exact = [self.parts[part][s:e] for s, e, _ in token_spans(self.parts[part])]
        return exact[self.clause_starts[clause] - part_start:following - part_start]


def tokenize_article(title: str | None, body: str) -> TokenizedText:
    """``tokens(title) + tokens(body)`` with where clauses and body sentences start, in one pass each."""
    keys: list[str] = []
    starts: list[int] = []
    if title:
        _append(title, keys, starts)
    title_end, title_clauses = len(keys), len(starts)
    sentence_starts = [title_end]
    for start, ends_sentence in _append(body, keys, starts):
        if ends_sentence and sentence_starts[-1] < start < len(keys):
            sentence_starts.append(start)
    return TokenizedText(keys, title_end, starts, sentence_starts, (title or "", body), (title_clauses, len(starts)))


def _append(text: str, keys: list[str], starts: list[int]) -> list[tuple[int, bool]]:
    """Tokenize ``text`` onto ``keys`` and note where its clauses start; returns each break's position
    and whether it ends a sentence."""
    found = _TOKEN_OR_BREAK_RE.findall(fold_for_index(text))
    is_token = list(map(str.isalnum, map(operator.itemgetter(0), found)))  # both passes run in C
    offset = len(keys)
    keys += itertools.compress(found, is_token)
    breaks = [(at, found[at]) for at in itertools.compress(range(len(found)), map(operator.not_, is_token))]
    starts.append(offset)
    positions = []
    for number, (at, run) in enumerate(breaks):
        starts.append(offset + at - number)
        ends_sentence = "\n" in run or (run[-1].isspace() and run[-2] in _SENTENCE_PUNCTUATION)
        positions.append((offset + at - number, ends_sentence))
    return positions


def _clauses_as_written(text: str) -> list[str]:
    """``text`` cut at punctuation, as ``_append`` cut its folded form."""
    parts = _WRITTEN_BREAK_RE.split(text)
    if len(parts) == 1:
        return parts
    separators = _WRITTEN_BREAK_RE.findall(text)
    clauses = [parts[0]]
    for separator, part in zip(separators, parts[1:], strict=True):
        if (len(separator) == 1 and separator in _NUMBER_MARKS and clauses[-1][-1:].isdecimal()
                and part[:1].isdecimal()):
            clauses[-1] += separator + part  # 3.5: one number, one clause
        else:
            clauses.append(part)
    return clauses
