"""Dates for readers: Arabic month names, Arabic-Indic digits, one time zone for every outlet.

    arabic_datetime("2026-11-29T07:30:00+00:00")  -> "٢٩ نوفمبر ٢٠٢٦، ١٠:٣٠"
    arabic_date("2026-11-29")                      -> "٢٩ نوفمبر ٢٠٢٦"

Times are shown in Mecca time (UTC+3, no daylight saving), the zone most of the outlets write in;
a naive time is read as UTC, as the store reads it when it orders articles, so what the page shows
and the order it shows it in agree.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from naba.dates import parse_iso

SITE_ZONE = timezone(timedelta(hours=3))
SITE_ZONE_NAME = "بتوقيت مكة المكرمة"
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
          "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر")
_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def arabic_digits(value: object) -> str:
    return str(value).translate(_DIGITS)


def local_time(iso: str | None) -> datetime | None:
    """An ISO 8601 string as a moment in the site's zone (naive read as UTC); None if it does not parse."""
    moment = parse_iso(iso)
    return None if moment is None else moment.astimezone(SITE_ZONE)


def arabic_date(value: str | date | None) -> str:
    day = _as_date(value)
    if day is None:
        return ""
    return arabic_digits(f"{day.day} {MONTHS[day.month - 1]} {day.year}")


def arabic_datetime(iso: str | None) -> str:
    moment = local_time(iso)
    if moment is None:
        return ""
    return arabic_digits(f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}، {moment:%H:%M}")


def arabic_time(iso: str | None) -> str:
    moment = local_time(iso)
    return "" if moment is None else arabic_digits(f"{moment:%H:%M}")


def machine_datetime(iso: str | None) -> str:
    """The value of a ``<time datetime>`` attribute: ISO 8601 with the site's offset."""
    moment = local_time(iso)
    return "" if moment is None else moment.isoformat(timespec="minutes")


def arabic_number(value: int) -> str:
    return arabic_digits(f"{value:,}".replace(",", "٬"))


def _as_date(value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    moment = local_time(value)
    return None if moment is None else moment.date()
