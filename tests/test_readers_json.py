"""JSON and JSON Lines: one Record per object, common field names mapped, bad items rejected alone."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import shared_path
from naba.errors import RecordError
from naba.models import Record, Rejection
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.sources.readers.jsonfile import parse

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SETTINGS = Settings()


def _items(*paths, hints=None):
    return list(iter_records([str(path) for path in paths], SETTINGS, hints or {}))


def _record(obj, hints=()):
    return Record("json", json.dumps(obj, ensure_ascii=False).encode(), "t.json#0", hints)


def test_json_array_gives_one_record_per_object_indexed():
    items = _items(FIXTURES / "articles.json")
    assert [item.origin for item in items] == [f"{FIXTURES / 'articles.json'}#{i}" for i in range(3)]
    assert all(isinstance(item, Record) and item.format == "json" for item in items)
    assert json.loads(items[0].payload)["source"] == "sabq"


def test_record_with_no_text_is_a_record_error_naming_file_and_index():
    items = _items(FIXTURES / "articles.json")
    with pytest.raises(RecordError) as caught:
        parse_record(items[1])
    assert str(caught.value).startswith(f"{FIXTURES / 'articles.json'}#1: record has no text")
    assert parse_record(items[2]).title == "مؤتمر دولي للطاقة"  # the records around it still parse


def test_jsonl_bad_line_and_non_object_are_rejected_alone():
    items = _items(FIXTURES / "articles.jsonl")
    where = str(FIXTURES / "articles.jsonl")
    assert [(type(item).__name__, getattr(item, "origin", None) or item.where) for item in items] == [
        ("Record", f"{where}:1"), ("Rejection", f"{where}:2"), ("Record", f"{where}:3"),
        ("Rejection", f"{where}:5"),
    ]
    assert "not valid JSON" in items[1].reason
    assert "not a JSON object" in items[3].reason


def test_jsonl_fields_mapped():
    first, _, third, _ = _items(FIXTURES / "articles.jsonl")
    article = parse_record(first)
    assert (article.external_id, article.url, article.source, article.published, article.lang) == (
        "101", "https://example.com/a/101", "وكالة الأنباء", "2024-03-01T08:00:00Z", "ar")
    assert article.author == "أحمد علي، منى حسن"
    assert article.tags == ("اقتصاد", "ذهب", "أسواق")
    other = parse_record(third)
    assert (other.body, other.url, other.source, other.published, other.summary, other.tags) == (
        "افتتح وزير النقل جسرا جديدا يربط ضفتي النهر.", "https://example.com/a/103", "صحيفة النهار",
        "2024-03-02", "جسر بطول كيلومترين.", ("نقل", "بنية تحتية"))


@pytest.mark.parametrize("obj, field, expected", [
    ({"text": "نص", "link": "https://x.test/1"}, "url", "https://x.test/1"),
    ({"body": "نص", "outlet": "الأهرام"}, "source", "الأهرام"),
    ({"content": "نص", "source_url": "ahram.org.eg"}, "source", "ahram.org.eg"),
    ({"content": "نص", "publish_date": "2020-01-02"}, "published", "2020-01-02"),
    ({"content": "نص", "date_extracted": "2015-07-21 02:51:32"}, "published", "2015-07-21 02:51:32"),
    ({"content": "نص", "author": ["أ", " ", "ب"]}, "author", "أ، ب"),
    ({"content": "نص", "meta_keywords": ["سياسة", "سياسة", "اقتصاد"]}, "tags", ("سياسة", "اقتصاد")),
    ({"content": "نص", "keywords": "سياسة،اقتصاد , رياضة"}, "tags", ("سياسة", "اقتصاد", "رياضة")),
    ({"content": "نص", "id": 7}, "external_id", "7"),
    ({"content": "نص", "abstract": "ملخص"}, "summary", "ملخص"),
    ({"content": "نص", "language": "ar"}, "lang", "ar"),
    ({"content": ["فقرة أولى", "فقرة ثانية"]}, "body", "فقرة أولى\n\nفقرة ثانية"),
    ({"content": "", "text": "نص بديل"}, "body", "نص بديل"),
])
def test_field_names_mapped(obj, field, expected):
    assert getattr(parse(_record(obj)), field) == expected


def test_source_hint_wins_over_the_record():
    article = parse(_record({"content": "نص", "source": "sabq"}, hints=(("source", "alwafd"),)))
    assert article.source == "alwafd"


@pytest.mark.parametrize("obj", [{"title": "عنوان فقط"}, {"content": "   "}, {"content": 5}])
def test_no_text_raises_record_error(obj):
    with pytest.raises(RecordError, match="no text"):
        parse(_record(obj))


def test_json_file_that_does_not_parse_is_one_rejection_and_the_rest_goes_on(tmp_path):
    broken = tmp_path / "a_broken.json"
    broken.write_text('[{"content": "نص"', encoding="utf-8")
    items = _items(broken, FIXTURES / "articles.json")
    assert isinstance(items[0], Rejection) and items[0].where == str(broken)
    assert "not valid JSON" in items[0].reason and "\n" not in str(items[0])
    assert sum(isinstance(item, Record) for item in items) == 3


def test_single_object_file_has_no_index(tmp_path):
    single = tmp_path / "one.json"
    single.write_text('{"content": "نص واحد"}', encoding="utf-8")
    (item,) = _items(single)
    assert item.origin == str(single) and parse_record(item).body == "نص واحد"


def test_saudinewsnet_zip_read_in_place():
    path = shared_path("data", "saudinewsnet", "2015-07-21.zip")
    items = _items(path)
    with zipfile.ZipFile(path) as archive:
        expected = len(json.loads(archive.read("2015-07-21.json")))
    assert len(items) == expected == 2972
    assert all(isinstance(item, Record) for item in items)
    assert items[0].origin == f"{path}!2015-07-21.json#0"
    article = parse_record(items[0])
    assert (article.source, article.published, article.author) == (
        "aawsat", "2015-07-21 02:51:32", "لندن: رنيم حنوش")
    assert article.url.startswith("http://aawsat.com/home/article/410826/")
    assert article.title.startswith("بريطانيا: أربعة محاور") and article.body.startswith("حدد رئيس الوزراء")


DEEP = b"[" * 1100 + b"]" * 1100  # about 2 KB: past Python's recursion limit when parsed


def test_deeply_nested_json_lines_are_rejected_alone(tmp_path):
    good = [json.dumps({"title": f"خبر {i}", "content": f"نص الخبر رقم {i}"}, ensure_ascii=False).encode()
            for i in range(2)]
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b"\n".join([good[0], DEEP, b'{"content": ' + DEEP + b"}", good[1]]) + b"\n")
    items = _items(path)
    assert [type(item).__name__ for item in items] == ["Record", "Rejection", "Rejection", "Record"]
    assert [item.where for item in items if isinstance(item, Rejection)] == [f"{path}:2", f"{path}:3"]
    assert all("nested too deeply" in item.reason for item in items if isinstance(item, Rejection))


def test_a_deeply_nested_json_document_is_one_rejection(tmp_path):
    path = tmp_path / "deep.json"
    path.write_bytes(DEEP)
    [rejection] = _items(path)
    assert isinstance(rejection, Rejection) and rejection.where == str(path)
    assert "nested too deeply" in rejection.reason
