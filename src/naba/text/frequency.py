"""How common a word is in Arabic at large, from the word list inside the ``wordfreq`` package.

A fixed, corpus-independent weight: a story's key words must weigh the same whichever articles
arrived first, so the weight cannot come from the store's own counts (they change as it grows); the
tagger reads it too. wordfreq spells words its own way, so its list is re-keyed by naba's index form
once per process (about 1 s; nothing is downloaded: the list ships in the package).

    zipf(token)    wordfreq's Zipf scale, log10 of occurrences per billion words: 7.5 for في, about
                   5.8 for السعوديه; a word rarer than MIN_ZIPF_KEPT (or unlisted) reads UNSEEN_ZIPF
    rarity(token)  9 - zipf: -log10 of the word's share of running text
    usual_spelling(word)  the spelling Arabic text uses most for a word written with a bare alef, a
                   ه, ي or ى, or with marks and tatweel (ساره → سارة، اوروبا → أوروبا، الدخيّل → الدخيل):
                   one form for the names the tagger learns from articles that spell them apart
"""

from __future__ import annotations

import functools
import re

from naba.text.normalize import index, strip_diacritics, strip_tatweel

MIN_ZIPF_KEPT = 2.0  # rarer words are left out of the table (~200k words kept)
UNSEEN_ZIPF = 1.5
RESPELL_MARGIN = 0.7  # a written form this much rarer (Zipf) than the usual one is respelt
RESPELL_BELOW = 4.5  # ... unless it is this common itself: علي is a name, not على misspelt
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
_MEANT = frozenset("أإآؤئءة")  # letters a writer chose: only a bare alef, ه, ي or ى is respelt


@functools.cache
def zipf_table() -> dict[str, float]:
    """Index form → Zipf frequency (the highest of the forms that fold together).

    Read with ``wordfreq.read_cBpack``, not ``get_frequency_dict``: the latter keeps all 620k
    Arabic words cached for the life of the process (~150 MB); this keeps the ~200k used.
    """
    table: dict[str, float] = {}
    for _, key, zipf_value in _listed():
        if zipf_value > table.get(key, 0.0):
            table[key] = zipf_value
    return table


@functools.cache
def _spellings() -> dict[str, tuple[tuple[str, float], ...]]:
    """Index form → its written forms in wordfreq's list with their Zipf, commonest first; only the
    index forms written more than one way, or one way other than the index form itself."""
    forms: dict[str, list[tuple[str, float]]] = {}
    for written, key, zipf_value in _listed():
        if _ARABIC_WORD.fullmatch(written):
            forms.setdefault(key, []).append((written, zipf_value))
    return {key: tuple(written) for key, written in forms.items() if len(written) > 1 or written[0][0] != key}


def _listed() -> list[tuple[str, str, float]]:
    """wordfreq's Arabic words no rarer than MIN_ZIPF_KEPT, commonest first: (as written, index form,
    Zipf). Not kept: each table above reads it once (about 0.2 s)."""
    import wordfreq  # deferred: reading the Arabic list takes a while

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("best")["ar"])
    last = round((9 - MIN_ZIPF_KEPT) * 100)  # bucket i holds words of Zipf 9 - i / 100
    kept = [(word, 9 - i / 100) for i, bucket in enumerate(buckets[:last + 1]) for word in bucket]
    del buckets
    folded = index("\n".join(w.replace("\n", " ") for w, _ in kept)).split("\n")
    if len(folded) != len(kept):  # a word folded to nothing shifted the lines: one at a time
        folded = [index(w) for w, _ in kept]
    return [(word, key, zipf_value) for (word, zipf_value), key in zip(kept, folded, strict=True)]


@functools.lru_cache(maxsize=1 << 14)
def usual_spelling(word: str) -> str:
    """``word`` without marks and tatweel, in the spelling Arabic text uses most for it when the one
    written is far rarer (``RESPELL_MARGIN``) and not common itself (``RESPELL_BELOW``), and differs
    from it only where it wrote a bare alef, ه, ي or ى; a word wordfreq does not list, or one of
    another script, stays as written."""
    bare = strip_tatweel(strip_diacritics(word))
    if not _ARABIC_WORD.fullmatch(bare):
        return bare
    key = index(bare)
    forms = _spellings().get(key)
    if forms is None:  # listed, if at all, only as its index form (سيرغي for سيرغى)
        forms = ((key, zipf_table()[key]),) if key in zipf_table() else ()
    if not forms or forms[0][0] == bare:
        return bare
    written = next((z for form, z in forms if form == bare), 0.0)
    usual, usual_zipf = forms[0]
    # a written hamza or ة is meant: إدوار is no أدوار ("roles"), قلمة no قلمه ("his pen")
    if len(usual) != len(bare) or any(c in _MEANT and c != u for c, u in zip(bare, usual, strict=True)):
        return bare
    return usual if written < RESPELL_BELOW and usual_zipf - written >= RESPELL_MARGIN else bare


# Stems news Arabic spells two ways, both common (so ``usual_spelling`` keeps either): one entity page
# for الجيش الأمريكي and الجيش الأميركي.
_TWO_WAYS = (("أميرك", "أمريك"), ("اميرك", "امريك"), ("ديموقراط", "ديمقراط"), ("تليفزيون", "تلفزيون"))


def one_spelling(text: str) -> str:
    """``text`` with each stem of ``_TWO_WAYS`` in its one spelling."""
    for variant, usual in _TWO_WAYS:
        text = text.replace(variant, usual)
    return text


def zipf(token: str) -> float:
    return zipf_table().get(token, UNSEEN_ZIPF)


def rarity(token: str) -> float:
    """-log10 of the index-form token's share of Arabic running text."""
    return 9.0 - zipf_table().get(token, UNSEEN_ZIPF)
