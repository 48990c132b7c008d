"""Bytes to text: BOM, then UTF-8 (strict, or nearly), then the most Arabic-plausible other charset.

Arabic pages outside UTF-8 come in windows-1256 or ISO-8859-6, and their declared charset
(HTTP header, ``<meta charset>``) is often wrong. So a declared charset is only one candidate:
every candidate that decodes strictly is scored by the share of Arabic letters it produces, and
the best one wins. Mojibake from the wrong Arabic code page scores lower because it turns common
letters into Latin accents (ISO-8859-6 read as windows-1256) or into harakat (the other way).

Two traps of UTF-8 pages (hand-written rules: no library detects Arabic mojibake; ftfy's encoding
fixes cover Latin code pages, not windows-1256):

- A stray byte. A UTF-8 page with one invalid byte fails strict decoding, and windows-1256, which
  decodes any bytes, turns its UTF-8 into letters that look Arabic to the scorer (``ط®ط¨ط±`` for
  ``خبر``). UTF-8 is self-checking: Arabic in windows-1256 almost never forms valid multi-byte
  sequences, so bytes that are valid UTF-8 but for a handful of stray bytes are UTF-8. They are
  decoded as such, each stray byte replaced with U+FFFD (the damage stays visible).
- Double encoding. Text that was UTF-8 read as windows-1256 (or windows-1252) and saved again as
  UTF-8 decodes cleanly into mojibake. Its mark is the lead byte of every Arabic letter (D8-DB:
  ط ظ ع غ in windows-1256, Ø Ù Ú Û in windows-1252) followed by a continuation byte's character.
  Such text is refused (EncodingError), never stored.
"""

from __future__ import annotations

import codecs
import re
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
MAX_STRAY_BYTES = 8  # "a handful": more invalid sequences than this and the bytes are not nearly UTF-8
# valid multi-byte characters needed per stray byte: declared UTF-8 is trusted sooner than a guess
MULTIBYTE_PER_STRAY = {True: 10, False: 50}
_UTF8_REPLACED = b"\xef\xbf\xbd"  # a U+FFFD that was in the bytes already


def _mojibake_pattern() -> re.Pattern[str]:
    """A lead byte of a UTF-8 Arabic letter, then a continuation byte, as a Western code page shows them."""
    leads, continuations = set(), set()
    for codec in ("cp1256", "cp1252"):
        leads |= set(bytes(range(0xD8, 0xDC)).decode(codec))
        continuations |= set(bytes(range(0x80, 0xC0)).decode(codec, errors="ignore"))
    # spaces, joiners and Arabic punctuation (، ؛ ؟) follow real letters too; mojibake has plenty of other pairs
    continuations -= set("\u00a0\u200c\u200d\u00ad\u060c\u061b\u061f")
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}][{re.escape(''.join(sorted(continuations)))}]")


_MOJIBAKE_PAIR = _mojibake_pattern()
_MOJIBAKE_LEADS = re.compile("[طظعغØÙÚÛ]")
MIN_MOJIBAKE_PAIRS = 3
MOJIBAKE_SHARE = 0.5  # of those lead letters followed by a continuation's character; real text: a few %


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
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _nearly_utf8(data, _is_utf8(declared)) or _best_candidate(data, _candidates(data, declared))
    if text is None:
        raise EncodingError("cannot decode: not UTF-8 and no charset gives plausible text"
                            + (f" (declared {declared!r} fails too)" if declared else ""), where=where)
    sample = double_encoded(text)
    if sample is not None:
        raise EncodingError(f"text looks double-encoded (UTF-8 read as windows-1256 or -1252, e.g. {sample!r}); "
                            "not stored", where=where, hint="the page must be re-saved from its original text")
    return text


def _is_utf8(declared: str | None) -> bool:
    try:
        return declared is not None and codecs.lookup(declared.strip().strip("\"'")).name == "utf-8"
    except LookupError:
        return False


def _nearly_utf8(data: bytes, declared_utf8: bool) -> str | None:
    """The bytes as UTF-8 with their few stray bytes replaced, when they are UTF-8 but for those."""
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count(_UTF8_REPLACED)
    multibyte = sum(1 for char in text if char > "\x7f") - text.count("\ufffd")
    if stray > MAX_STRAY_BYTES or multibyte < stray * MULTIBYTE_PER_STRAY[declared_utf8]:
        return None
    return text


def double_encoded(text: str) -> str | None:
    """A sample of the mojibake when ``text`` looks like UTF-8 Arabic read in a Western code page, else None."""
    sample = text[:SAMPLE_CHARS]
    pairs = _MOJIBAKE_PAIR.findall(sample)
    if len(pairs) < MIN_MOJIBAKE_PAIRS or len(pairs) < MOJIBAKE_SHARE * len(_MOJIBAKE_LEADS.findall(sample)):
        return None
    match = re.search(f"(?:{_MOJIBAKE_PAIR.pattern}){{2,}}", sample) or _MOJIBAKE_PAIR.search(sample)
    return match.group(0)[:24] if match else None


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

