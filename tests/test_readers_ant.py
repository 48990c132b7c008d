"""ANT corpus: <DOC> blocks cut without an XML parser, hashtags read as tags, copied abstracts dropped."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from conftest import shared_path
from naba.errors import RecordError
from naba.models import Record
from naba.settings import Settings
from naba.sources.readers import iter_records, parse_record
from naba.sources.readers.ant import parse

FIXTURE = Path(__file__).parent / "fixtures" / "readers" / "two_docs.txt"


def _doc(text: str, abstract: str = "", title: str = "عنوان") -> Record:
    chunk = (f"<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>{title}</TITLE>\n<ABSTRACT>\n{abstract}\n</ABSTRACT>\n"
             f"<TEXT>\n{text}\n</TEXT>\n</DOC>")
    return Record("ant", chunk.encode(), "x.txt")


def test_two_docs_give_two_records():
    items = list(iter_records([str(FIXTURE)], Settings()))
    assert [item.origin for item in items] == [f"{FIXTURE}#0", f"{FIXTURE}#1"]
    assert all(item.format == "ant" and item.payload.startswith(b"<DOC>") for item in items)
    assert items[1].payload.endswith(b"</DOC>")


def test_fields_hashtags_and_copied_abstract():
    first, second = (parse_record(item) for item in iter_records([str(FIXTURE)], Settings()))
    assert first.title == "عاصي الحلاني يحيي حفلا في بيروت"
    assert first.tags == ("عاصي الحلاني", "إليسا")
    assert "#" not in first.body.replace("page.html#details", "")  # a URL fragment is not a tag
    assert "page.html#details" in first.body
    assert 'ألبومه الجديد "حكاية"' in first.body  # entities unescaped
    assert first.summary is None  # the abstract is a cut-short copy of the text's opening
    assert (first.external_id, first.source, first.categories, first.published, first.author) == (
        "AL-culture-901-20180301", "alarabia", ("culture",), "Thu, 01 Mar 2018 20:15:00 +0400",
        "بيروت - فريق التحرير")
    assert first.url == "http://www.example.net/ar/culture/2018/03/01/concert.html"
    assert second.summary == "معرض يجمع خمسمئة دار نشر عربية وأجنبية."  # a real abstract is kept
    assert second.author is None and second.tags == ()


@pytest.mark.parametrize("abstract, kept", [
    ("خبر أول في  النص", False),             # same words, other spacing
    ("خبر أول في الن", False),               # cut in the middle of a word
    ("خبر أول في النص...", False),            # cut with an ellipsis
    ("خبر أول في النص…", False),
    ("ملخص كتبه المحرر", True),
    ("خبر ثان في النص", True),
])
def test_abstract_dropped_only_when_it_opens_the_text(abstract, kept):
    article = parse(_doc("خبر أول في النص الكامل\nفقرة ثانية.", abstract))
    assert article.summary == (abstract if kept else None)


@pytest.mark.parametrize("text, body, tags", [
    ("فاز #ريال_مدريد، أمس", "فاز ريال مدريد، أمس", ("ريال مدريد",)),
    ("المركز #1 عالميا", "المركز #1 عالميا", ()),
    ("رابط site.com/page#top هنا", "رابط site.com/page#top هنا", ()),
    ("C# و abc#def", "C# و abc#def", ()),
    ("نص &amp;#وسم", "نص &#وسم", ()),
    ("الروائي السوري#فيصل_خرتش، الف", "الروائي السوري فيصل خرتش، الف", ("فيصل خرتش",)),
    ("بـ#مصر و#تويتر", "بـمصر وتويتر", ("مصر", "تويتر")),
    ("#السعودية و#مصر ثم #السعودية", "السعودية ومصر ثم السعودية", ("السعودية", "مصر")),
])
def test_hashtags(text, body, tags):
    article = parse(_doc(text))
    assert (article.body, article.tags) == (body, tags)


def test_doc_without_text_is_a_record_error():
    with pytest.raises(RecordError, match="no <TEXT>") as caught:
        parse(_doc("   "))
    assert caught.value.where == "x.txt"


def test_tarball_is_read_as_a_stream():
    path = shared_path("data", "ant", "ant-v2.1.tar.xz")
    items = list(itertools.islice(iter_records([str(path)], Settings()), 300))
    assert len(items) == 300 and all(isinstance(item, Record) and item.format == "ant" for item in items)
    assert items[0].origin == f"{path}!Alarabia/culture/AL-culture-1-20180218.txt"
    article = parse_record(items[0])
    assert article.title == 'هكذا تحالفت أحلام وإليسا ضد عاصي وحماقي بـ"ذا فويس"'
    assert (article.published, article.categories, article.source) == (
        "Sun, 18 Feb 2018 21:35:43 +0400", ("culture",), "alarabia")
    assert article.url.startswith("http://www.alarabiya.net/ar/culture-and-art/2018/02/18/")
    assert article.tags[:3] == ("عاصي الحلاني", "إليسا", "أحلام")
    assert article.summary is None and article.body.startswith("يبدو أن الصراع بين المدربين")
