"""The one home of Arabic text rules: every stage folds, tokenizes, stems and filters through here.

    display(text)      text for people (presentation forms, invisible controls, whitespace)
    index(text)        text for matching; ``match`` is the same profile
    tokens(text)       index-form tokens; ``token_spans`` adds offsets into the original text
    STOPWORDS          index-form stopwords; ``is_stopword(token)``
    stem / stems       search-column stems of index-form tokens
    detect_lang(text)  "ar", "en" or "und"
    derived_title(body), opening(text, n)   text cut at a word (naba.text.cut)

The one-step functions (``strip_diacritics``, ``fold_alef``, ...) are exported for callers that need
exactly one fold. This package imports nothing else of naba.
"""

from __future__ import annotations

from naba.text.cut import WORK_CHARS, derived_title, opening
from naba.text.lang import detect_lang
from naba.text.normalize import (
    casefold,
    display,
    fold_alef,
    fold_digits,
    fold_for_index,
    fold_hamza_seats,
    fold_persian_letters,
    fold_teh_marbuta,
    fold_yeh,
    index,
    map_arabic_punctuation,
    match,
    nfkc_presentation_forms,
    remove_invisible_controls,
    remove_zwnj,
    strip_diacritics,
    strip_tatweel,
    tidy_whitespace,
)
from naba.text.stem import stem, stems
from naba.text.stopwords import is_stopword, stopword_set
from naba.text.tokenize import token_spans, tokens

__all__ = [
    "STOPWORDS", "WORK_CHARS", "casefold", "derived_title", "detect_lang", "display", "fold_alef", "fold_digits",
    "fold_for_index", "fold_hamza_seats", "fold_persian_letters", "fold_teh_marbuta", "fold_yeh", "index",
    "is_stopword", "map_arabic_punctuation", "match", "nfkc_presentation_forms", "opening",
    "remove_invisible_controls", "remove_zwnj", "stem", "stems", "stopword_set", "strip_diacritics",
    "strip_tatweel", "tidy_whitespace", "token_spans", "tokens",
]


def __getattr__(name: str) -> frozenset[str]:
    # STOPWORDS is built on first access, not at import (see naba.text.stopwords).
    if name == "STOPWORDS":
        return stopword_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
