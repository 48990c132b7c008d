"""Bytes to text: BOM, then strict UTF-8, then the most Arabic-plausible of the other charsets.

Arabic pages outside UTF-8 come in windows-1256 or ISO-8859-6, and their declared charset
(HTTP header, ``<meta charset>``) is often wrong. So a declared charset is only one candidate:
every candidate that decodes strictly is scored by the share of Arabic letters it produces, and
the best one wins. Mojibake from the wrong Arabic code page scores lower because it turns common
letters into Latin accents (ISO-8859-6 read as windows-1256) or into harakat (the other way).
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from naba.errors import EncodingError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
SAMPLE_CHARS = 20_000  # scoring a sample is enough and keeps big pages cheap
DETECT_BYTES = 64 * 1024
MAX_BAD_SHARE = 0.01  # control/private/unassigned characters: real text has next to none
MIN_ARABIC_SHARE = 0.3  # below this a candidate is not "Arabic", whatever it scores
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})


def decode(data: bytes, where: str, declared: str | None = None) -> str:
    """Decode ``data`` to text; ``declared`` is a hint (e.g. from a header), not the truth."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"bytes do not match their {codec} byte-order mark ({exc.reason})",
                                    where=where) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _best_candidate(data, _candidates(data, declared))
    if text is None:
        raise EncodingError("cannot decode: not UTF-8 and no charset gives plausible text"
                            + (f" (declared {declared!r} fails too)" if declared else ""), where=where)
    return text


def _candidates(data: bytes, declared: str | None) -> list[str]:
    """Codec names to try, most trusted first, without duplicates."""
    names = [declared] if declared else []
    names += [match.encoding for match in from_bytes(data[:DETECT_BYTES])]
    names += ARABIC_CODEPAGES
    seen: dict[str, None] = {}
    for name in names:
        try:
            seen.setdefault(codecs.lookup(name.strip().strip("\"'")).name, None)
        except LookupError:
            continue  # an unknown declared charset is just not a candidate
    return list(seen)


def _best_candidate(data: bytes, codec_names: list[str]) -> str | None:
    """The decoded text with the highest Arabic share; else the first plausible one."""
    first_plausible: str | None = None
    best_text, best_share = None, MIN_ARABIC_SHARE
    for name in codec_names:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        share = _arabic_share(text[:SAMPLE_CHARS])
        if share is None:
            continue
        first_plausible = first_plausible if first_plausible is not None else text
        if share > best_share:
            best_text, best_share = text, share
    return best_text if best_text is not None else first_plausible


def _arabic_share(sample: str) -> float | None:
    """Arabic letters over letters and marks; None when the text is implausible (controls)."""
    letters = marks = arabic = bad = 0
    for char in sample:
        category = unicodedata.category(char)
        if category in _BAD_CATEGORIES and char not in _ALLOWED_CONTROLS:
            bad += 1
        elif category == "Mn":
            marks += 1
        elif char.isalpha():
            letters += 1
            if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f":
                arabic += 1
    if bad > len(sample) * MAX_BAD_SHARE or "\ufffd" in sample:  # U+FFFD: a decoder gave up
        return None
    return arabic / (letters + marks) if letters + marks else 0.0

