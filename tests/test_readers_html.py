"""HTML pages: decoded with Arabic-aware detection, then trafilatura for text and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from naba.errors import RecordError
from naba.models import Record
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.sources.readers.html import declared_charset

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
PAGES = ["article_cp1256.html", "article_wrong_charset.html"]
BARE_PAGE = """<html><head><title>خبر</title></head><body><article>
<p>أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، تشمل قروضا ميسرة وتدريبا.</p>
<p>وقال وزير الزراعة إن الخطة ستبدأ الشهر المقبل وتستمر ثلاث سنوات بتمويل من الموازنة العامة.</p>
</article></body></html>"""


@pytest.mark.parametrize("name", PAGES)
def test_fixture_pages_read_the_same_whatever_their_charset(name):
    (record,) = iter_records([str(FIXTURES / name)], Settings())
    assert record.format == "html"
    article = parse_record(record)
    assert article.title == "افتتاح مكتبة عامة جديدة في وسط المدينة"
    assert article.body.startswith("افتتحت البلدية صباح اليوم الأحد")
    assert article.body.count("\n\n") == 3 and "كتّاب" in article.body
    assert "الرئيسية" not in article.body and "محفوظة" not in article.body  # navigation, footer
    assert (article.url, article.published, article.author, article.source, article.lang) == (
        "https://example.com/news/2024/05/library-opening", "2024-05-12T09:30:00+03:00",
        "سارة الأحمد", "صحيفة المدينة", "ar")
    assert article.summary == "افتتحت البلدية مكتبة عامة جديدة تضم أكثر من خمسين ألف كتاب."
    assert article.tags == ("ثقافة", "مكتبات", "البلدية")


def test_hints_source_wins_and_url_fills_in():
    hints = (("source", "alwafd"), ("url", "https://alwafd.test/n/1"))
    article = parse_record(Record("html", BARE_PAGE.encode("cp1256"), "fetched", hints))
    assert (article.source, article.url) == ("alwafd", "https://alwafd.test/n/1")
    assert article.body.startswith("أعلنت الحكومة اليوم")


def test_a_charset_hint_from_the_http_header_is_only_a_hint():
    record = Record("html", BARE_PAGE.encode("iso-8859-6"), "fetched", (("charset", "windows-1256"),))
    assert "وزير الزراعة" in parse_record(record).body


def test_page_without_article_text_is_a_record_error():
    page = b"<html><head><title>x</title></head><body><div><img src='a.png'></div></body></html>"
    with pytest.raises(RecordError, match="no article text") as caught:
        parse_record(Record("html", page, "site.zip!empty.html"))
    assert caught.value.where == "site.zip!empty.html"


@pytest.mark.parametrize("head, charset", [
    (b'<meta charset="windows-1256">', "windows-1256"),
    (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-6'>", "ISO-8859-6"),
    (b"<meta charset=utf-8 />", "utf-8"),
    (b"<title>no charset</title>", None),
])
def test_declared_charset(head, charset):
    assert declared_charset(b"<html><head>" + head + b"</head></html>") == charset


def _page(name: str):
    (record,) = iter_records([str(FIXTURES / name)], Settings())
    return parse_record(record)


LEDE_AR = ("أقر مجلس الوزراء اليوم الأحد خطة عاجلة بقيمة ملياري دينار لدعم المزارعين المتضررين من موجة "
           "الجفاف التي تضرب البلاد منذ ثلاثة أشهر.")
LEDE_EN = ("The city's container port reopened on Tuesday morning after dock workers ended a three-day strike over "
           "pay and night-shift safety, the port authority said.")


@pytest.mark.parametrize("name, lede, second", [
    ("lede_apart.html", LEDE_AR, "وقال وزير الزراعة في مؤتمر صحفي"),
    ("lede_apart_cut.html", LEDE_EN, "The union said its members"),  # description cut short with "..."
])
def test_a_lede_set_apart_from_the_body_is_kept_as_its_first_paragraph(name, lede, second):
    paragraphs = _page(name).body.split("\n\n")
    assert paragraphs[0] == lede
    assert paragraphs[1].startswith(second)
    assert sum(lede in p for p in paragraphs) == 1


def test_a_description_that_repeats_another_block_adds_nothing():
    body = _page("lede_description_elsewhere.html").body
    assert body.startswith("افتتحت وزارة الثقافة اليوم متحفا")
    assert "مهرجان الساحل" not in body and body.count("\n\n") == 2


def test_a_lede_already_in_the_body_is_not_repeated():
    html = (FIXTURES / "lede_apart.html").read_text(encoding="utf-8")
    inline = html.replace('<div class="article-content">', f'<div class="article-content"><p>{LEDE_AR}</p>')
    inline = inline.replace(f'<h2 class="lead">{LEDE_AR}</h2>', "")
    body = parse_record(Record("html", inline.encode(), "inline.html")).body
    assert body.split("\n\n")[0] == LEDE_AR and body.count(LEDE_AR) == 1
