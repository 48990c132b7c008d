"""Arabic text normalization: tiny one-step functions, and the profiles built from them.

Modelled on CAMeL Tools' ``utils/normalize.py``: each public ``fold_*`` / ``strip_*`` function does one
thing with a precompiled regex or a ``str.translate`` table. Two profiles combine them:

    display(text)   for people: presentation forms unfolded (NFKC of U+FB50-FDFF, U+FE70-FEFE only),
                    invisible bidi / zero-width controls removed, whitespace tidied. Diacritics, tatweel,
                    hamza and punctuation are kept.
    index(text)     for machines (store index, search queries, dedup): display + diacritics and tatweel
                    removed, letter variants folded, digits to ASCII, Latin case-folded, Arabic
                    punctuation to ASCII. ``match`` is the same profile. Idempotent.

Choices (hand-written Arabic rules, no library encodes them):
  * ؤ and ئ both fold to the bare hamza ء: the seat of a medial hamza is an orthographic convention
    that writers disagree on (مسئول / مسؤول), so only the hamza itself is kept. Folding ئ to ي instead
    would merge الرئيس with a non-word الرييس and still not match مسؤول.
  * أ إ آ ٱ (and ٲ ٳ ٵ) → ا, ى → ي, ة → ه: the usual IR folds; people write them interchangeably.
  * ZWNJ (U+200C) is kept by ``display``: it is part of Persian / Kurdish / Urdu spelling (می‌خواهم) and
    harmless in Arabic; ``index`` removes it so such a word is one token either way. ZWJ and the
    other zero-width and bidi controls carry no meaning for readers and break matching, so both drop them.
  * A hamza mark written as a separate combining character (U+0654 after a letter) is dropped like
    any other mark; precomposed letters are the norm (none in a day of SaudiNewsNet).

The profiles do not run the small functions one by one (a 4 KB article would pay for a dozen full
passes). Every step is character-wise, so the profiles precompute each affected character's final form
into one table and apply it in one regex pass over the rare characters plus ``str.replace`` for the
few frequent ones. tests/test_text_normalize.py pins that the fast path equals the composition.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

# --- character sets ---------------------------------------------------------------------------

_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))  # U+FEFF is a control, handled below
_INVISIBLE_CONTROLS = (
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u180e"  # Mongolian vowel separator (old zero-width space)
    "\u200b\u200d\u200e\u200f"  # ZWSP, ZWJ, LRM, RLM (ZWNJ U+200C kept, see module docstring)
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # BOM / zero-width no-break space
)
_ZWNJ = "\u200c"
# C0/C1 control characters other than tab and line breaks: never text, only damage.
_JUNK_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0x80, 0x85),
                                          *range(0x86, 0xA0)])
_ODD_SPACES = "\t\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ODD_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029"

_DIACRITICS_CLASS = (
    "\u0610-\u061a"  # Quranic honorifics and small high letters
    "\u064b-\u065f"  # tanwin, harakat, shadda, sukun, maddah, hamza marks, ...
    "\u0670"  # dagger (superscript) alef
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Quranic annotation marks
    "\u08ca-\u08e1\u08e3-\u08ff"  # Arabic Extended-A Quranic marks
)
_TATWEEL = "\u0640"

_ALEF_FOLDS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
               "\u0672": "\u0627", "\u0673": "\u0627", "\u0675": "\u0627"}
_HAMZA_SEAT_FOLDS = {"\u0624": "\u0621", "\u0626": "\u0621"}  # ؤ ئ → ء
_YEH_FOLDS = {"\u0649": "\u064a"}  # ى → ي
_TEH_MARBUTA_FOLDS = {"\u0629": "\u0647"}  # ة → ه
# Persian / Urdu letter shapes that turn up in Arabic text typed on those keyboards.
_PERSIAN_LETTER_FOLDS = {"\u06a9": "\u0643", "\u06cc": "\u064a", "\u06c0": "\u0647", "\u06be": "\u0647",
                         "\u06c1": "\u0647"}  # ک ی ۀ ھ ہ
_DIGIT_FOLDS = {**{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)},
                "\u066b": ".", "\u066c": ","}  # Arabic decimal and thousands separators
_PUNCTUATION_FOLDS = {"\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%", "\u06d4": "."}


def _translation(*mappings: dict[str, str], delete: str = "") -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in delete}
    for mapping in mappings:
        table.update({ord(k): v for k, v in mapping.items()})
    return table


def _class_of(chars: Iterable[str]) -> str:
    """A regex character class matching exactly ``chars``, written as compact code-point ranges."""
    points = sorted({ord(c) for c in chars})
    parts, start = [], None
    for i, point in enumerate(points):
        if start is None:
            start = point
        if i + 1 == len(points) or points[i + 1] != point + 1:
            parts.append(_escape(start) if start == point else f"{_escape(start)}-{_escape(point)}")
            start = None
    return "[" + "".join(parts) + "]"


def _escape(point: int) -> str:
    return f"\\U{point:08x}"


def _presentation_table() -> dict[int, str]:
    table = {}
    for low, high in _PRESENTATION_RANGES:
        for point in range(low, high + 1):
            char = chr(point)
            folded = unicodedata.normalize("NFKC", char)
            # Isolated-mark forms (U+FE70, U+FC5E, ...) decompose to space + mark; the space would
            # split the word the mark sat on, so keep only the mark.
            if folded.startswith(" ") and all(unicodedata.combining(c) for c in folded[1:]):
                folded = folded[1:]
            if folded != char:
                table[point] = folded
    return table


_PRESENTATION_TABLE = _presentation_table()
_PRESENTATION_RE = re.compile(_class_of(map(chr, _PRESENTATION_TABLE)))
_CONTROLS_RE = re.compile(_class_of(_INVISIBLE_CONTROLS + _JUNK_CONTROLS))
_DIACRITICS_RE = re.compile(f"[{_DIACRITICS_CLASS}]+")
_ODD_SPACE_RE = re.compile(_class_of(_ODD_SPACES))
_ODD_LINE_BREAK_RE = re.compile(_class_of(_ODD_LINE_BREAKS))

_ALEF_TABLE = _translation(_ALEF_FOLDS)
_HAMZA_SEAT_TABLE = _translation(_HAMZA_SEAT_FOLDS)
_YEH_TABLE = _translation(_YEH_FOLDS)
_TEH_MARBUTA_TABLE = _translation(_TEH_MARBUTA_FOLDS)
_PERSIAN_LETTER_TABLE = _translation(_PERSIAN_LETTER_FOLDS)
_DIGIT_TABLE = _translation(_DIGIT_FOLDS)
_PUNCTUATION_TABLE = _translation(_PUNCTUATION_FOLDS)


# --- one step each ----------------------------------------------------------------------------

def nfkc_presentation_forms(text: str) -> str:
    """Unfold Arabic presentation forms (ﻻ → لا, ﷲ → الله, ﺍ → ا); NFKC on those ranges only,
    because NFKC on everything would also rewrite characters people meant (e.g. ² → 2, ﴾ kept)."""
    if not _PRESENTATION_RE.search(text):
        return text
    return _PRESENTATION_RE.sub(lambda m: _PRESENTATION_TABLE[ord(m.group())], text)


def remove_invisible_controls(text: str) -> str:
    """Remove bidi marks, embeddings and isolates, zero-width characters (not ZWNJ), soft hyphens,
    BOMs and stray C0/C1 control characters."""
    return _CONTROLS_RE.sub("", text)


def remove_zwnj(text: str) -> str:
    return text.replace(_ZWNJ, "")


def tidy_whitespace(text: str) -> str:
    """Odd spaces and tabs → one space, line breaks → ``\\n``, trailing spaces dropped per line,
    three or more newlines → one blank line, ends stripped."""
    text = _ODD_LINE_BREAK_RE.sub("\n", _ODD_SPACE_RE.sub(" ", text))
    return _tidy_plain_whitespace(text)


def _tidy_plain_whitespace(text: str) -> str:
    """``tidy_whitespace`` for text whose only whitespace is space, \\n and \\r.

    ``str.replace`` loops rather than regexes: each is a C pass, several times faster than a regex
    scan, and runs of spaces or newlines are short, so the loops end after one or two passes.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    while "  " in text:
        text = text.replace("  ", " ")
    if " \n" in text:  # at most one space is left before a newline
        text = text.replace(" \n", "\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def strip_diacritics(text: str) -> str:
    """مُحَمَّدٌ → محمد: harakat, tanwin, shadda, sukun, dagger alef and Quranic marks."""
    return _DIACRITICS_RE.sub("", text)


def strip_tatweel(text: str) -> str:
    """الـــرئيس → الرئيس: tatweel (kashida) only stretches a word on the page."""
    return text.replace(_TATWEEL, "")


def fold_alef(text: str) -> str:
    """أ إ آ ٱ ٲ ٳ ٵ → ا."""
    return text.translate(_ALEF_TABLE)


def fold_hamza_seats(text: str) -> str:
    """ؤ ئ → ء, so that مسئول and مسؤول meet (see the module docstring)."""
    return text.translate(_HAMZA_SEAT_TABLE)


def fold_yeh(text: str) -> str:
    """ى (alef maqsura) → ي: مستشفى and مستشفي are the same word."""
    return text.translate(_YEH_TABLE)


def fold_teh_marbuta(text: str) -> str:
    """ة → ه."""
    return text.translate(_TEH_MARBUTA_TABLE)


def fold_persian_letters(text: str) -> str:
    """ک → ك, ی → ي, ۀ ھ ہ → ه."""
    return text.translate(_PERSIAN_LETTER_TABLE)


def fold_digits(text: str) -> str:
    """Arabic-Indic ٠-٩ and Persian ۰-۹ digits → 0-9; ٫ → '.', ٬ → ','."""
    return text.translate(_DIGIT_TABLE)


def map_arabic_punctuation(text: str) -> str:
    """، ؛ ؟ ٪ ۔ → , ; ? % . so that they act as punctuation to tokenizers."""
    return text.translate(_PUNCTUATION_TABLE)


def casefold(text: str) -> str:
    """Latin (and any other cased script) to case-folded form: MBC → mbc, Straße → strasse."""
    return text.casefold()


# --- profiles ---------------------------------------------------------------------------------

DISPLAY_STEPS: tuple[Callable[[str], str], ...] = (nfkc_presentation_forms, remove_invisible_controls,
                                                   tidy_whitespace)
# The display steps plus the index folds; whitespace is tidied once, last, because removing a mark
# that stood between two spaces makes a new run of spaces.
INDEX_STEPS: tuple[Callable[[str], str], ...] = (
    nfkc_presentation_forms, remove_invisible_controls, remove_zwnj, strip_diacritics, strip_tatweel, fold_alef,
    fold_hamza_seats, fold_yeh, fold_teh_marbuta, fold_persian_letters, fold_digits, map_arabic_punctuation,
    casefold, tidy_whitespace)


# Blocks holding every character whose case folding differs from itself (Latin, Greek, Cyrillic,
# Armenian, Georgian, Cherokee, Glagolitic, Coptic, Deseret, Adlam, ...). A test scans all of
# Unicode to keep this list complete; scanning here would cost every import ~15 ms.
_CASED_RANGES = ((0x0041, 0x058F), (0x10A0, 0x10FF), (0x13A0, 0x13FF), (0x1C80, 0x1CBF), (0x1E00, 0x1FFF),
                 (0x2100, 0x2183), (0x24B6, 0x24E9), (0x2C00, 0x2D2F), (0xA640, 0xA7FF), (0xAB70, 0xABBF),
                 (0xFB00, 0xFB17), (0xFF21, 0xFF3A), (0x10400, 0x104FF), (0x10570, 0x105BF),
                 (0x10C80, 0x10CFF), (0x118A0, 0x118DF), (0x16E40, 0x16E7F), (0x1E900, 0x1E95F))


def _candidates() -> set[str]:
    """Every character some step may change, except the odd spaces and line breaks."""
    chars = set(_INVISIBLE_CONTROLS + _JUNK_CONTROLS + _ZWNJ + _TATWEEL)
    chars.update(map(chr, _PRESENTATION_TABLE))
    chars.update(c for c in map(chr, range(0x0600, 0x0900)) if _DIACRITICS_RE.fullmatch(c))
    for mapping in (_ALEF_FOLDS, _HAMZA_SEAT_FOLDS, _YEH_FOLDS, _TEH_MARBUTA_FOLDS, _PERSIAN_LETTER_FOLDS,
                    _DIGIT_FOLDS, _PUNCTUATION_FOLDS):
        chars.update(mapping)
    for low, high in _CASED_RANGES:
        chars.update(map(chr, range(low, high + 1)))
    return chars


@functools.cache
def _profile_table(name: str) -> dict[int, str]:
    """Final form of every character the profile changes, as a ``str.translate`` table.

    Every step but ``tidy_whitespace`` is character-wise, so running the steps once over all
    candidates joined by newlines (which no step touches) gives each character's final form.
    """
    steps = DISPLAY_STEPS if name == "display" else INDEX_STEPS
    chars = sorted(_candidates())
    joined = "\n".join(chars)
    for step in steps:
        if step is not tidy_whitespace:
            joined = step(joined)
    table = {ord(c): " " for c in _ODD_SPACES} | {ord(c): "\n" for c in _ODD_LINE_BREAKS}
    table.update((ord(c), f) for c, f in zip(chars, joined.split("\n"), strict=True) if f != c)
    return table


# The frequent changes go through str.replace (a C loop per character kind); the rest through one
# regex pass whose matches (about ten per article) are looked up in the profile's table.
_FREQUENT_INDEX_CHARS = "\u0623\u0625\u0622\u0649\u0629\u0624\u0626\u060c\u061b\u061f"  # أ إ آ ى ة ؤ ئ ، ؛ ؟


def _rare_pattern(name: str, frequent: str = "") -> re.Pattern[str]:
    """One character per match, not runs: a bare character class lets the regex engine skip ahead
    with its fast class scan, which ``[...]+`` disables. The class lists BMP characters exactly and
    the supplementary planes as one range, because listing the few cased supplementary letters one
    by one turns the engine's bitmap test into a walk over hundreds of ranges (5x slower)."""
    table = _profile_table(name)
    rare = [chr(p) for p in table if p < 0x10000 and chr(p) not in frequent and chr(p) not in " \n"]
    astral = "\U00010000-\U0010ffff" if any(p >= 0x10000 for p in table) else ""
    return re.compile(_class_of(rare)[:-1] + astral + "]")


def _char_lookup(name: str) -> Callable[[re.Match[str]], str]:
    table = {chr(point): folded for point, folded in _profile_table(name).items()}
    return lambda m: table.get(m.group(), m.group())


_DISPLAY_RARE_RE = _rare_pattern("display")
_DISPLAY_CHAR = _char_lookup("display")
_INDEX_RARE_RE = _rare_pattern("index", _FREQUENT_INDEX_CHARS)
_INDEX_CHAR = _char_lookup("index")
_INDEX_FREQUENT = tuple((c, _profile_table("index")[ord(c)]) for c in _FREQUENT_INDEX_CHARS)


def fold_for_index(text: str) -> str:
    """Every character-wise step of ``index`` (all but whitespace tidying), in one pass.

    Tokenizers use this directly: whitespace tidying cannot change which tokens a text holds.
    """
    text = _INDEX_RARE_RE.sub(_INDEX_CHAR, text)
    for char, folded in _INDEX_FREQUENT:
        if char in text:
            text = text.replace(char, folded)
    return text


_RESIZING_RE = re.compile(_class_of(chr(p) for p, f in _profile_table("index").items() if len(f) != 1))


def fold_for_index_with_origins(text: str) -> tuple[str, Sequence[int]]:
    """``fold_for_index(text)`` and, for each of its characters, the offset in ``text`` of the
    character it came from (marks and controls fold to nothing, ligatures to several characters).

    Most text has no such character: then every character folds to one and the offsets are a
    ``range`` (``token_spans`` reads that as "no offset to map")."""
    if _RESIZING_RE.search(text) is None:
        return fold_for_index(text), range(len(text))
    # every fold is character-wise: the whole text folds as its pieces do, so fold it in one call
    # and only walk the characters that do not fold to exactly one
    origins: list[int] = []
    done = 0
    for resizing in _RESIZING_RE.finditer(text):
        at = resizing.start()
        origins.extend(range(done, at))
        origins.extend([at] * len(index_form_of_char(text[at])))
        done = at + 1
    origins.extend(range(done, len(text)))
    return fold_for_index(text), origins


def index_origin(text: str, at: int) -> int:
    """``fold_for_index_with_origins(text)[1][at]`` without building every offset: the offset in
    ``text`` of the character that folded character ``at`` came from (``at`` < the folded length)."""
    shift = 0  # folded offset minus original offset, up to the last resizing character passed
    for resizing in _RESIZING_RE.finditer(text):
        position = resizing.start()
        if at < position + shift:
            break
        width = len(index_form_of_char(text[position]))
        if at < position + shift + width:
            return position
        shift += width - 1
    return at - shift


_DELETED_RUN_RE = re.compile(_class_of(chr(p) for p, f in _profile_table("index").items() if not f) + "+")


def skip_deleted_by_index(text: str, at: int) -> int:
    """The first offset from ``at`` on whose character ``fold_for_index`` keeps (marks, tatweel
    and invisible controls are skipped)."""
    deleted = _DELETED_RUN_RE.match(text, at)
    return deleted.end() if deleted else at


def index_form_of_char(char: str) -> str:
    """What ``fold_for_index`` turns one character into (used to map offsets back)."""
    return _profile_table("index").get(ord(char), char)


def display(text: str) -> str:
    """Text for people: presentation forms unfolded, invisible controls removed, whitespace tidied."""
    return _tidy_plain_whitespace(_DISPLAY_RARE_RE.sub(_DISPLAY_CHAR, text))


def index(text: str) -> str:
    """Text for matching: ``display`` plus every fold in ``INDEX_STEPS``. Idempotent."""
    return _tidy_plain_whitespace(fold_for_index(text))


match = index
