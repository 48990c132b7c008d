"""A UTF-8 page with a stray byte stays UTF-8; text that is UTF-8 read as windows-1256 is refused, never
stored (issue 15, item 7).

Before: one invalid byte in a page declared ``charset=utf-8`` sent it to windows-1256, which decodes any
bytes, and the page was stored with a title like ``ط®ط¨ط± ط¨طھط±ظ…ظٹط²`` (exit 0, no warning).
"""

from __future__ import annotations

import json

import pytest

from naba import engine
from naba.errors import EncodingError
from naba.sample import sample_paths
from naba.settings import Settings
from naba.sources.readers.encoding import MAX_STRAY_BYTES, decode, double_encoded

TITLE = "خبر بترميز صحيح"
BODY = ("قال الرئيس الروسي فلاديمير بوتين اليوم الثلاثاء إن الولايات المتحدة أرادت التفاوض مع روسيا في مجال "
        "الأسلحة الاستراتيجية، لكن حتى الآن لا توجد رغبة كبيرة. وأضاف في إفادة صحفية أن الطرفين سيلتقيان "
        "قريبا في جنيف لبحث المعاهدة، وأن المصنع، كما قال، سيبقى مفتوحا.")


def page(title: str = TITLE, body: str = BODY, charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{body}</p>" for _ in range(3)) + "</article></body></html>")


def with_stray_bytes(data: bytes, count: int) -> bytes:
    """``data`` with ``count`` invalid bytes (0xFF) put between characters, spread over its length."""
    cuts = [i for i in range(1, len(data)) if data[i] < 0x80 or data[i] >= 0xC0][:: max(1, len(data) // 40)][:count]
    out, last = bytearray(), 0
    for cut in cuts:
        out += data[last:cut] + b"\xff"
        last = cut
    return bytes(out + data[last:])


@pytest.mark.parametrize("declared", ["utf-8", "UTF8", None])
@pytest.mark.parametrize("stray", [1, MAX_STRAY_BYTES])
def test_a_utf8_page_with_a_handful_of_stray_bytes_is_decoded_as_utf8(declared, stray):
    text = page(charset=declared)
    decoded = decode(with_stray_bytes(text.encode(), stray), "page.html", declared)
    assert decoded.replace("\ufffd", "") == text and decoded.count("\ufffd") == stray
    assert double_encoded(decoded) is None


def test_one_stray_byte_in_a_short_declared_utf8_title_is_still_utf8():
    assert decode(TITLE.encode()[:6] + b"\xff" + TITLE.encode()[6:], "t.txt", "utf-8") == (
        TITLE[:3] + "\ufffd" + TITLE[3:])


@pytest.mark.parametrize("codec, sample", [("cp1256", "ط®ط¨ط±"), ("cp1252", "Ø®Ø¨Ø±")])
def test_double_encoded_text_is_refused_with_a_clear_reason(codec, sample):
    mojibake = page().encode("utf-8").decode(codec, errors="replace")  # UTF-8 read as a Western code page
    with pytest.raises(EncodingError) as caught:
        decode(mojibake.encode("utf-8"), "saved.html", "utf-8")  # ... and saved again as UTF-8
    assert caught.value.where == "saved.html"
    assert str(caught.value).startswith("saved.html: text looks double-encoded (UTF-8 read as windows-1256 or -1252")
    assert sample in caught.value.message and "not stored" in caught.value.message


def test_utf8_too_broken_to_trust_falls_to_a_code_page_and_its_mojibake_is_refused():
    broken = with_stray_bytes(page().encode(), MAX_STRAY_BYTES * 4)
    with pytest.raises(EncodingError, match="double-encoded"):
        decode(broken, "broken.html", "utf-8")


def test_real_arabic_is_never_taken_for_mojibake():
    """Word-final ط ظ ع غ before an Arabic comma or question mark is real Arabic, and the sample corpus is."""
    assert double_encoded("المصنع، المصنع؟ الضبط، الحفظ؛ البلاغ، " * 20) is None
    for path in sample_paths():
        with open(path, "rb") as handle:
            raw = handle.read()
        texts = [json.dumps(json.loads(line), ensure_ascii=False) for line in raw.decode().splitlines()] \
            if path.endswith(".jsonl") else [decode(raw, path)]
        assert all(double_encoded(text) is None for text in texts), path


def test_ingest_stores_the_stray_byte_page_as_utf8_and_refuses_the_double_encoded_one(store, tmp_path):
    good = tmp_path / "stray.html"
    good.write_bytes(with_stray_bytes(page().encode(), 1))
    bad = tmp_path / "mojibake.html"
    bad.write_bytes(page(title="خبر ثان", body=BODY.replace("بوتين", "لافروف")).encode().decode("cp1256").encode())
    report = engine.ingest(store, [str(good), str(bad)], Settings())
    [stored] = list(store.articles.scan())
    assert stored.article.title == TITLE and "ط®" not in stored.article.body
    assert report.stored == 1 and [r.where for r in report.rejected] == [str(bad)]
    assert "double-encoded" in report.rejected[0].reason
