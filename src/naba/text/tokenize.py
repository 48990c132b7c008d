"""Tokens in index form, and their spans in the original text.

A token is a run of letters (any script) or a number: digits with single ``.`` or ``,`` between them
(2023, 3.5, 1,200). Everything else separates tokens: punctuation, ``#`` and ``_`` (so
``#عاصي_الحلاني`` gives عاصي, الحلاني), and the boundary between letters and digits (عام2015 → عام,
2015). Arabic clitics (و، ب، ال، ...) are not split here; that is the stemmer's business.

``tokens`` is the bulk path: fold the whole text once, one ``findall``. ``token_spans`` is the
highlighting path: the same tokens with offsets into the original text.
"""

from __future__ import annotations

import re

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
    spans = []
    for m in _TOKEN_RE.finditer(folded):
        start, end = origins[m.start()], origins[m.end() - 1] + 1
        if m.end() == len(origins) or origins[m.end()] != end:  # something was deleted after it
            end = skip_deleted_by_index(text, end)
        spans.append((start, end, m.group()))
    return spans
