"""Dates as sources write them: ISO, RFC 2822, Arabic month names in both series, Arabic-Indic digits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from naba.dates import parse_date, parse_user_date, to_timestamp
from naba.errors import UsageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO 8601
        ("2018-02-18", "2018-02-18T00:00:00"),
        ("2018-02-18T21:35:43", "2018-02-18T21:35:43"),
        ("2018-02-18T21:35:43Z", "2018-02-18T21:35:43+00:00"),
        ("2018-02-18T21:35:43+04:00", "2018-02-18T21:35:43+04:00"),
        ("2018-02-18T21:35:43+0400", "2018-02-18T21:35:43+04:00"),
        ("2018-02-18T21:35:43.250-05:00", "2018-02-18T21:35:43.250000-05:00"),
        ("2015-07-21 02:51:32", "2015-07-21T02:51:32"),  # SaudiNewsNet date_extracted
        ("  2015-07-21 02:51  ", "2015-07-21T02:51:00"),
        # RFC 822 / 2822 (ANT TIME)
        ("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18T21:35:43+04:00"),
        ("Sun, 18 Feb 2018 21:35:43 GMT", "2018-02-18T21:35:43+00:00"),
        ("Sun, 18 Feb 2018 21:35:43 EST", "2018-02-18T21:35:43-05:00"),
        ("18 Feb 2018 21:35:43 -0000", "2018-02-18T21:35:43"),  # -0000: zone unknown, kept naive
        # Arabic month names, Egyptian/Gulf series
        ("18 فبراير 2018", "2018-02-18T00:00:00"),
        ("١٥ فبراير ٢٠١٨", "2018-02-15T00:00:00"),
        ("الأحد 18 فبراير 2018 - الساعة 9:35 م", "2018-02-18T21:35:00"),
        ("الخميس، 15 إبريل 2021 10:30 ص", "2021-04-15T10:30:00"),
        ("15 أبريل 2021", "2021-04-15T00:00:00"),
        ("15 ابريل 2021", "2021-04-15T00:00:00"),
        ("١٥ يونيه ٢٠١٨ الساعة ١١:٠٠ م", "2018-06-15T23:00:00"),
        ("3 يوليه 2018", "2018-07-03T00:00:00"),
        ("18/02/2018 12:15 ص", "2018-02-18T00:15:00"),
        ("18/02/2018 12:15 م", "2018-02-18T12:15:00"),
        ("الساعة 10:30 ص - 1 مايو 2019", "2019-05-01T10:30:00"),
        ("18 من فبراير، 2018", "2018-02-18T00:00:00"),
        ("18 فبراير 2018م", "2018-02-18T00:00:00"),  # م after a year: ميلادي, not PM
        ("13:00 م 18 فبراير 2018", "2018-02-18T13:00:00"),
        # Levantine/Iraqi series and combined forms
        ("15 أيار 2019", "2019-05-15T00:00:00"),
        ("15 آب 2019", "2019-08-15T00:00:00"),
        ("5 تشرين الثاني 2018", "2018-11-05T00:00:00"),
        ("5 تشرين الأول 2018", "2018-10-05T00:00:00"),
        ("1 كانون الثاني 2019", "2019-01-01T00:00:00"),
        ("6 كانون الأول/ديسمبر 2018", "2018-12-06T00:00:00"),
        ("6 ديسمبر/كانون الأول 2018", "2018-12-06T00:00:00"),
        ("السبت 2 حزيران 2018 الساعة 14:20", "2018-06-02T14:20:00"),
        ("5 تشرين الثاني 2018 13:05 GMT+3", "2018-11-05T13:05:00+03:00"),
        ("10 آذار 2018 08:00 +02:00", "2018-03-10T08:00:00+02:00"),
        # numeric and English
        ("18/02/2018", "2018-02-18T00:00:00"),
        ("18-2-2018", "2018-02-18T00:00:00"),
        ("18.02.2018 09:05", "2018-02-18T09:05:00"),
        ("02/18/2018", "2018-02-18T00:00:00"),  # 18 cannot be a month
        ("2018/02/18", "2018-02-18T00:00:00"),
        ("February 18, 2018", "2018-02-18T00:00:00"),
        ("18 February 2018 9:05 pm", "2018-02-18T21:05:00"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        None, "", "   ", "2023", "© 2015", "جميع الحقوق محفوظة 2015", "Copyright 2015 Al Arabiya",
        "حقوق النشر 18 فبراير 2018", "hello", "غدا", "منذ ساعتين", "31 فبراير 2018", "30/02/2018",
        "Sun, 31 Feb 2018 21:35:43 +0400", "2018-13-01", "2018-02-30T10:00:00", "18 فبراير", "فبراير 2018",
        "25 رمضان 1439", "18 فبراير 1066", "13/13/2018", "x" * 500,
    ],
)
def test_not_a_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2018-02-18T21:35:43+04:00", datetime(2018, 2, 18, 17, 35, 43, tzinfo=UTC).timestamp()),
        ("2018-02-18T21:35:43", datetime(2018, 2, 18, 21, 35, 43, tzinfo=UTC).timestamp()),
        ("1970-01-01T00:00:00", 0.0),
        (None, None),
        ("not a date", None),
    ],
)
def test_to_timestamp(iso, expected):
    assert to_timestamp(iso) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-02-18", datetime(2018, 2, 18)),
        ("2018-02-18T21:35", datetime(2018, 2, 18, 21, 35)),
        ("2018-02-18T21:35+03:00", datetime(2018, 2, 18, 21, 35, tzinfo=timezone(timedelta(hours=3)))),
        ("18 فبراير 2018", datetime(2018, 2, 18)),
    ],
)
def test_parse_user_date(text, expected):
    assert parse_user_date(text) == expected


@pytest.mark.parametrize("text", ["yesterday", "2018-02-30", "2018"])
def test_parse_user_date_refuses_with_a_hint(text):
    with pytest.raises(UsageError) as caught:
        parse_user_date(text)
    assert text in str(caught.value)
    assert "YYYY-MM-DD" in caught.value.hint
