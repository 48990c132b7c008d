"""Publication dates as sources write them, read into ISO 8601.

    parse_date("Sun, 18 Feb 2018 21:35:43 +0400")         -> "2018-02-18T21:35:43+04:00"
    parse_date("الأحد ١٨ فبراير ٢٠١٨ - الساعة 9:35 م")      -> "2018-02-18T21:35:00"
    parse_date("6 كانون الأول/ديسمبر 2018")                -> "2018-12-06T00:00:00"
    parse_date("© 2015") / parse_date("2023")             -> None (a year alone is not a date)

The offset is kept when the text gives one and never invented when it does not (the result is then
naive). A date without a time reads as midnight. ISO 8601 and RFC 2822 go to the standard library;
the Arabic forms are hand-written regexes: dateparser reads them too, but it is two orders of
magnitude slower per call and guesses (it will take "2023" or "م 12" for a date), while a wrong
date is worse than none. Hijri dates are not read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime

from naba.errors import UsageError
from naba.text import index
from naba.text.lazy_pattern import lazy_compile

_DIGITS = str.maketrans({chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)})
_MAX_DATE_CHARS = 120
_YEARS = range(1900, 2101)

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانون الثاني", "جانفي", "january", "jan"),
    2: ("فبراير", "شباط", "فيفري", "february", "feb"),
    3: ("مارس", "آذار", "march", "mar"),
    4: ("أبريل", "إبريل", "نيسان", "أفريل", "april", "apr"),
    5: ("مايو", "أيار", "ماي", "may"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "june", "jun"),
    7: ("يوليو", "يوليه", "تموز", "جويلية", "july", "jul"),
    8: ("أغسطس", "آب", "أوت", "august", "aug"),
    9: ("سبتمبر", "أيلول", "september", "sept", "sep"),
    10: ("أكتوبر", "تشرين الأول", "october", "oct"),
    11: ("نوفمبر", "تشرين الثاني", "november", "nov"),
    12: ("ديسمبر", "كانون الأول", "december", "dec"),
}
# Looked up by the index form (hamza, ى/ي, ة/ه, diacritics and case folded) of the matched name.
_MONTH_BY_NAME = {index(name): month for month, names in _MONTHS.items() for name in names}

_MARKS = "[\u064b-\u0652\u0670\u0640]*"
_ALEF = "[اأإآٱ]"


def _name_pattern(name: str) -> str:
    """The spelling variants of one month name (Arabic-specific, written by hand)."""
    out = []
    for char in name:
        if char in "اأإآ":
            out.append(_ALEF + _MARKS)
        elif char in "يى":
            out.append("[يى]" + _MARKS)
        elif char in "ةه":
            out.append("[ةه]" + _MARKS)
        elif char == " ":
            out.append(r"\s+")
        else:
            out.append(re.escape(char) + _MARKS)
    return "".join(out)


_MONTH_NAMES = sorted((n for names in _MONTHS.values() for n in names), key=len, reverse=True)
_MONTH = "(?:" + "|".join(_name_pattern(n) for n in _MONTH_NAMES) + r")\.?"
_B, _E = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # not inside a word

# "18 فبراير 2018", "6 كانون الأول/ديسمبر 2018", "18 من فبراير، 2018", "18 Feb 2018"
_DAY_MONTH_YEAR = lazy_compile(
    rf"(?<!\d)(?P<day>[0-9]{{1,2}})\s*(?:من\s+)?{_B}(?P<month>{_MONTH}){_E}"
    rf"(?:\s*[/\\(-]\s*{_MONTH}\)?)?\s*[,،]?\s*(?P<year>[0-9]{{4}})(?!\d)",
    re.IGNORECASE,
)
# "February 18, 2018"
_MONTH_DAY_YEAR = lazy_compile(
    rf"{_B}(?P<month>{_MONTH}){_E}\s*(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s*[,،]?\s*(?P<year>[0-9]{{4}})(?!\d)",
    re.IGNORECASE,
)
# "18/02/2018", "18-2-2018", "18.02.2018" (day first, as Arabic sites write it) and "2018/02/18"
_NUMERIC_DMY = re.compile(r"(?<![0-9])(?P<day>[0-9]{1,2})([/.-])(?P<month>[0-9]{1,2})\2(?P<year>[0-9]{4})(?![0-9])")
_NUMERIC_YMD = re.compile(r"(?<![0-9])(?P<year>[0-9]{4})([/.])(?P<month>[0-9]{1,2})\2(?P<day>[0-9]{1,2})(?![0-9])")
_TIME = re.compile(
    r"(?<![0-9:])(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?(?![0-9])"
    r"(?:\s*(?P<half>ص|م|صباحا|صباحاً|مساء|مساءً|a\.?m\.?|p\.?m\.?)(?![^\W\d_]))?"
    r"(?:\s*(?P<zone>GMT|UTC|Z)?\s*(?P<offset>[+-][0-9]{1,2}(?::?[0-9]{2})?)?)",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)?"
    r"\s*(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?",
    re.IGNORECASE,
)
_RFC_2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?[0-9]{1,2}\s+[A-Za-z]{3}\s+[0-9]{2,4}\s+[0-9]{1,2}:[0-9]{2}")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|حقوق", re.IGNORECASE)


def parse_date(text: str | None) -> str | None:
    """ISO 8601 for a date string in any of the supported forms, None when it is not a date."""
    if not text:
        return None
    text = text.strip().translate(_DIGITS)
    if not text or len(text) > _MAX_DATE_CHARS or _COPYRIGHT.search(text):
        return None
    moment = _parse_iso(text) or _parse_rfc_2822(text) or _parse_written(text)
    if moment is None or moment.year not in _YEARS:
        return None
    return moment.isoformat()


def _parse_iso(text: str) -> datetime | None:
    if not _ISO.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text.upper() else text)
    except ValueError:
        return None


def _parse_rfc_2822(text: str) -> datetime | None:
    if not _RFC_2822.match(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_written(text: str) -> datetime | None:
    """A day, month and year anywhere in the text, and a time if one is given."""
    match = (_DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text)
             or _NUMERIC_YMD.search(text) or _NUMERIC_DMY.search(text))
    if match is None:
        return None
    day, month, year = int(match["day"]), _month_number(match["month"]), int(match["year"])
    if month is None:
        return None
    if match.re is _NUMERIC_DMY and month > 12 >= day:
        day, month = month, day  # "02/18/2018": a month above 12 can only be the American order
    remainder = text[:match.start()] + " " + text[match.end():]
    try:
        return datetime(year, month, day, *_time_of(remainder))
    except (ValueError, TypeError):
        return None


def _month_number(name: str) -> int | None:
    if name.isdigit():
        return int(name)
    return _MONTH_BY_NAME.get(index(" ".join(name.rstrip(".").split())))


def _time_of(text: str) -> tuple[int, int, int, int, tzinfo | None]:
    """(hour, minute, second, microsecond, tzinfo) of the first time in ``text``, midnight if none."""
    match = _TIME.search(text)
    if match is None:
        return (0, 0, 0, 0, None)
    hour, minute = int(match["hour"]), int(match["minute"])
    second = int(match["second"] or 0)
    half = (match["half"] or "").lower().replace(".", "")
    if hour > 12:
        half = ""  # "13:00 م": already a 24-hour clock, the marker is redundant
    if half.startswith(("م", "p")) and hour < 12:
        hour += 12
    elif half.startswith(("ص", "a")) and hour == 12:
        hour = 0
    return (hour, minute, second, 0, _zone(match["zone"], match["offset"]))


def _zone(name: str | None, offset: str | None) -> timezone | None:
    if offset:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
        if hours > 14 or minutes > 59:
            raise ValueError("offset out of range")
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    return UTC if name else None


def parse_iso(iso: str | None) -> datetime | None:
    """An ISO 8601 string as an aware moment (naive read as UTC); None when absent or unreadable."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def to_timestamp(iso: str | None) -> float | None:
    """POSIX seconds for an ISO 8601 string (naive read as UTC), for sorting and filtering."""
    moment = parse_iso(iso)
    return None if moment is None else moment.timestamp()


def parse_user_date(text: str) -> datetime:
    """A ``--since``/``--until`` value: any form ``parse_date`` reads; UsageError otherwise."""
    iso = parse_date(text)
    if iso is None:
        raise UsageError(
            f"cannot read {text!r} as a date",
            hint="use YYYY-MM-DD, e.g. 2018-02-18, or 2018-02-18T21:35",
        )
    return datetime.fromisoformat(iso)
