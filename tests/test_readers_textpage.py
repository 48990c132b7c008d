"""Plain-text pages: the whole text is the body; only a clear headline line becomes a title."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from naba.errors import RecordError
from naba.models import Record
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.sources.readers.textpage import split_title

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def test_seed_page_has_no_title_and_keeps_its_trailing_blocks():
    path = shared_path("seeds", "000_2aaa80a09399a346.txt")
    (record,) = iter_records([str(path)], Settings(), {"source": "alwafd"})
    assert (record.format, record.hints) == ("textpage", (("source", "alwafd"),))
    article = parse_record(record)
    assert article.title is None  # its first line is a full sentence
    assert article.body.startswith("قال الرئيس الروسي فلاديمير بوتين")
    assert "المصدر: بوابة الوفد" in article.body and "مقالات مشابهة" in article.body
    assert article.source == "alwafd"


def test_headline_line_becomes_the_title():
    (record,) = iter_records([str(FIXTURES / "page_with_title.txt")], Settings())
    article = parse_record(record)
    assert article.title == "وزارة الصحة تطلق حملة للتطعيم"
    assert article.body.startswith("أطلقت وزارة الصحة") and article.body.endswith("المحافظات.")


@pytest.mark.parametrize("text, title", [
    ("عنوان قصير\n\nنص المقال.", "عنوان قصير"),
    ("جملة كاملة تنتهي بنقطة.\n\nنص المقال.", None),
    ("هل يعود السلام؟\n\nنص المقال.", None),
    ("عنوان بلا سطر فارغ\nنص المقال.", None),
    (" ".join(["كلمة"] * 16) + "\n\nنص المقال.", None),
    ("عنوان وحيد\n\n", None),
])
def test_split_title(text, title):
    found, body = split_title(text)
    assert found == title
    assert body == (text if title is None else text.split("\n\n", 1)[1])


def test_windows_newlines_are_fixed_before_the_title_test():
    record = Record("textpage", "عنوان\r\n\r\nنص المقال.\r\n".encode("cp1256"), "p.txt")
    article = parse_record(record)
    assert (article.title, article.body) == ("عنوان", "نص المقال.")


def test_empty_page_is_a_record_error():
    with pytest.raises(RecordError, match="no text"):
        parse_record(Record("textpage", b" \n\n ", "empty.txt"))
