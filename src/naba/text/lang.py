"""Language of a text: "ar", "en" or "und", from the share of Arabic-script and Latin letters.

Hand-written rather than a detection library: these are the only two languages naba serves, the
script alone separates them reliably, and counting costs a few microseconds per article where
libraries cost milliseconds and load models. A Latin-script text in another language (French, ...)
comes out "en": acceptable until a third language is served.

The counting works on UTF-8 bytes because ``bytes.translate`` deletes a byte class in one C pass,
many times faster than any regex over ``str``: every character of the Arabic block U+0600-U+06FF
starts with byte D8-DB, and an ASCII letter is one byte.
"""

from __future__ import annotations

import string

SAMPLE_CHARS = 2000  # the opening of an article decides; counting the rest changes nothing
MIN_LETTERS = 12  # fewer letters than a short headline: too little to call
MIN_SHARE = 0.6  # the script must hold this share of the letters counted

_ALL_BYTES = frozenset(range(256))
_NOT_ARABIC_LEAD = bytes(sorted(_ALL_BYTES - set(range(0xD8, 0xDC))))
_NOT_ASCII_LETTER = bytes(sorted(_ALL_BYTES - set(string.ascii_letters.encode())))


def detect_lang(text: str) -> str:
    """"ar" or "en" when one script holds at least 60% of the (Arabic + Latin) letters and there
    are at least 12 of them; "und" otherwise (empty, short, digits only, or evenly mixed).

    Arabic counts every character of the Arabic block (with its marks, digits and punctuation,
    which only ever sit among Arabic letters); Latin counts ASCII letters.
    """
    sample = text[:SAMPLE_CHARS].encode("utf-8", "ignore")
    arabic = len(sample.translate(None, _NOT_ARABIC_LEAD))
    latin = len(sample.translate(None, _NOT_ASCII_LETTER))
    letters = arabic + latin
    if letters < MIN_LETTERS:
        return "und"
    if arabic >= MIN_SHARE * letters:
        return "ar"
    if latin >= MIN_SHARE * letters:
        return "en"
    return "und"
