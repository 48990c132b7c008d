"""How ``attribution`` reads a text word by word: the pieces it is read in, each word's place and key, and
what is glued to a word (و، ل، ب) that opens an outlet's name. Hand-written (Arabic clitics).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from naba.pipeline.clean.credit_names import QUOTES_AND_PUNCTUATION
from naba.pipeline.clean.credit_words import credit_tables

MAX_PIECE = 20_000  # characters read at once (find_attribution)
# «الألمانية”.وتراجع»، «العالم،وفقا»: two words (a comma only between letters: «100,000» stays one)
_GLUED_END = re.compile(r"(?<=\w\w\w)[\"'»”″]?[.،؛:!?؟][\"'«“]?(?=\w\w\w)|(?<=[^\W\d_]{3})[,;](?=[^\W\d_]{3})")
_WORD = re.compile(r"\S+")
_DROPPED = str.maketrans("", "", "\"'«»“”„″ـ")


def pieces(text: str) -> Iterable[str]:
    """The text in paragraphs, a paragraph longer than MAX_PIECE in sentences, a sentence longer than that
    in runs of words: a credit never spans a paragraph or a sentence end (only one inside a sentence of
    more than MAX_PIECE characters may be cut in two)."""
    for paragraph in text.split("\n"):
        if len(paragraph) <= MAX_PIECE:
            yield paragraph
            continue
        for sentence in re.split(r"(?<=[.!?؟])\s+", paragraph):
            while len(sentence) > MAX_PIECE:
                cut = sentence.rfind(" ", 0, MAX_PIECE)
                cut = cut if cut > 0 else MAX_PIECE
                yield sentence[:cut]
                sentence = sentence[cut:]
            yield sentence


def word_key(word: str) -> str:
    """A word as names are matched: quotes and tatweel out (لـ"رويترز" → لرويترز), punctuation off its ends."""
    return word.translate(_DROPPED).strip(QUOTES_AND_PUNCTUATION)


def word_spans(folded: str) -> list[tuple[int, int]]:
    """Where each word is; a sentence end glued to the next word splits them («النادي.وذكرت»), the dots
    of an abbreviation do not («إي.إس.بي.إن»، «د.ب.أ»). The glued ends are found in one pass over the
    text (a match holds no space and looks only at letters around it, so it is the same as within
    each word), not one search per word: that was a quarter of reading the credits."""
    words = [word.span() for word in _WORD.finditer(folded)]
    cuts = [glued.end() for glued in _GLUED_END.finditer(folded)]
    if not cuts:
        return words
    spans: list[tuple[int, int]] = []
    next_cut = 0
    for start, end in words:
        while next_cut < len(cuts) and cuts[next_cut] < end:
            spans.append((start, cuts[next_cut]))
            start = cuts[next_cut]
            next_cut += 1
        spans.append((start, end))
    return spans


@functools.lru_cache(maxsize=65536)
def split_glued(key: str) -> tuple[str, str | None]:
    """(what is glued, the outlet's first word) of a word that opens an outlet's name, else ("", None):
    «وبحسب» no, «لوكالة» → (ل, وكالة), «للوكالة» → (ل, الوكالة): ل before ال drops its alif; «كصحيفة» → (ك, صحيفة)."""
    tables = credit_tables()
    for size in (0, 1, 2):
        # «كصحيفة لويمانيتيه التي قالت»: a paper given as an example
        if key[:size] in ("", "و", "ل", "ب", "ول", "وب", "ك", "وك") and tables.starts_outlet(key[size:]):
            return key[:size], key[size:]
    for glued in ("ل", "ول"):
        if key.startswith(glued + "ل") and tables.starts_outlet("ا" + key[len(glued):]):
            return glued, "ا" + key[len(glued):]
    return "", None
