"""The one home of Arabic text rules: every stage folds, tokenizes, stems and filters through here.

    display(text)      text for people (presentation forms, invisible controls, whitespace)
    index(text)        text for matching; ``match`` is the same profile
    tokens(text)       index-form tokens; ``token_spans`` adds offsets into the original text
                       (``LazySpans``: the same, read per token on demand)
    tokenize_article(title, body)   the pipeline's one pass: tokens, clause and sentence starts, surfaces
    STOPWORDS          index-form stopwords; ``is_stopword(token)``
    stem / stems       search-column stems of index-form tokens
    detect_lang(text)  "ar", "en" or "und"
    bare_forms, with_clitics, article_form, without_clitics, clitic_free, glued, stripped,
    without_conjunction
                       leading clitics (و ف ب ل ك ال), the one place that splits them (``clitics``)
    derived_title(body), opening(text, n)   text cut at a word (naba.text.cut)
    dateline_end(body), without_dateline(body)   where a report was filed, set apart (naba.text.dateline)

The one-step functions (``strip_diacritics``, ``fold_alef``, ...) are exported for callers that need
exactly one fold. This package imports nothing else of naba.
"""

from __future__ import annotations

from naba.text.clitics import (
    ARTICLE,
    article_form,
    bare_forms,
    clitic_free,
    glued,
    stripped,
    with_clitics,
    without_clitics,
    without_conjunction,
)
from naba.text.cut import WORK_CHARS, derived_title, opening
from naba.text.dateline import dateline_end, without_dateline
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
from naba.text.tokenize import LazySpans, TokenizedText, token_spans, tokenize_article, tokens

__all__ = [
    "ARTICLE", "LazySpans", "STOPWORDS", "WORK_CHARS", "article_form", "bare_forms", "casefold", "clitic_free",
    "dateline_end", "derived_title",
    "detect_lang", "display", "fold_alef", "fold_digits", "fold_for_index", "fold_hamza_seats",
    "fold_persian_letters", "fold_teh_marbuta", "fold_yeh", "glued", "index", "is_stopword",
    "map_arabic_punctuation", "match", "nfkc_presentation_forms", "opening", "remove_invisible_controls",
    "remove_zwnj", "stem", "stems", "stopword_set", "strip_diacritics", "strip_tatweel", "stripped",
    "TokenizedText", "tidy_whitespace", "token_spans", "tokenize_article", "tokens", "with_clitics",
    "without_clitics", "without_conjunction", "without_dateline",
]


def __getattr__(name: str) -> frozenset[str]:
    # STOPWORDS is built on first access, not at import (see naba.text.stopwords).
    if name == "STOPWORDS":
        return stopword_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
