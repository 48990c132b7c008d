"""encoding.decode: the same Arabic text whatever the code page and whatever the page claims."""

from __future__ import annotations

import random

import pytest

from naba.errors import EncodingError
from naba.sources.readers.encoding import decode

ARABIC = ("قال الرئيس الروسي فلاديمير بوتين اليوم الثلاثاء إن الولايات المتحدة أرادت التفاوض "
          "مع روسيا في مجال الأسلحة الاستراتيجية، لكن حتى الآن لا توجد رغبة كبيرة. وأضاف في إفادة "
          'صحفية: "يبدو لي أنهم يريدون التفاوض، ولكن لسبب ما لا نرى رغبة كبيرة في القيام بذلك".')
ENCODINGS = ["utf-8", "windows-1256", "iso-8859-6"]
DECLARED = [None, "utf-8", "windows-1256", "cp1256", "ISO-8859-6", "windows-1252", "latin-1",
            "koi8-r", "no-such-charset", '"windows-1256"']


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("declared", DECLARED)
def test_same_text_whatever_the_declared_charset(encoding, declared):
    assert decode(ARABIC.encode(encoding), "page.html", declared) == ARABIC


@pytest.mark.parametrize("data, expected", [
    (b"\xef\xbb\xbf" + "نص عربي".encode(), "نص عربي"),
    ("نص عربي".encode("utf-16"), "نص عربي"),
    ("نص عربي".encode("utf-32"), "نص عربي"),
    (b"plain ascii", "plain ascii"),
])
def test_byte_order_marks_and_ascii(data, expected):
    assert decode(data, "x.txt") == expected


def test_latin_text_is_not_forced_into_arabic():
    text = "Le président a déclaré à la presse: « Ça va très bien », où est-ce? À bientôt."
    assert decode(text.encode("latin-1"), "fr.html", "iso-8859-1") == text
    assert decode(text.encode("latin-1"), "fr.html") == text


def test_undecodable_bytes_raise_encoding_error_naming_the_file():
    rng = random.Random(7)
    garbage = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(EncodingError) as caught:
        decode(garbage, "dump.bin!page.txt", "utf-8")
    assert caught.value.where == "dump.bin!page.txt"
    assert "\n" not in str(caught.value) and "dump.bin!page.txt" in str(caught.value)


def test_a_broken_byte_order_mark_is_an_encoding_error():
    with pytest.raises(EncodingError, match="byte-order mark"):
        decode(b"\xef\xbb\xbf\xff\xfe\xfd", "bad.txt")
