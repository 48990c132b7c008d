"""Trailing blocks: headers in any spelling and order, lists in any bullet style, and no false cuts."""

from __future__ import annotations

import pytest

from naba.models import ReadAlso
from naba.pipeline.clean.blocks import PageBlocks, split_trailing_blocks

ARTICLE = (
    "قال الرئيس الروسي فلاديمير بوتين إن الولايات المتحدة أرادت التفاوض مع روسيا، لكن لا توجد رغبة كبيرة.\n\n"
    "وشددت روسيا على أن نظام الرقابة على الأسلحة النووية يجب أن يشمل الترسانات النووية للدول الأخرى."
)
HEADLINE = "زعيم كوريا الشمالية يصدر أوامر خطيرة بشأن إنتاج الأسلحة النووية"
LEDE = "وجّه زعيم كوريا الشمالية كيم جونغ أون المسئولين إلى تعزيز الترسانة النووية لبلاده هذا العام."
SIMILAR = ("بوتين: المحادثات مع أوكرانيا ممكنة باستثناء زيلنسكي", "رويترز: صور تظهر تشييد الصين منشأة كبيرة")


@pytest.mark.parametrize("header", ["إقرأ أيضاً:", "اقرأ أيضا", "اقرأ أيضًا:", "اقرأ ايضاً :", "إقـرأ أيضـاً"])
def test_read_also_header_in_any_spelling(header):
    body, blocks = split_trailing_blocks(f"{ARTICLE}\n\n{header}\n\n{HEADLINE}\n\n{LEDE}")
    assert body == ARTICLE
    assert blocks.page_read_also == ReadAlso(HEADLINE, LEDE)


def test_read_also_without_lede():
    body, blocks = split_trailing_blocks(f"{ARTICLE}\n\nاقرأ أيضا:\n{HEADLINE}")
    assert (body, blocks.page_read_also) == (ARTICLE, ReadAlso(HEADLINE, None))


@pytest.mark.parametrize(
    ("header", "lines"),
    [
        ("مقالات مشابهة", [f"  • {h}" for h in SIMILAR]),
        ("أخبار ذات صلة", [f"- {h}" for h in SIMILAR]),
        ("مقالات ذات صلة:", [f"* {h}" for h in SIMILAR]),
        ("موضوعات متعلقة", [f"{n}. {h}" for n, h in enumerate(SIMILAR, 1)]),
        ("أخبار ذات صلة", [f"{n}) {h}" for n, h in zip("١٢", SIMILAR, strict=False)]),
        ("مقالات ذات صلة", list(SIMILAR)),
        ("مقالات مشابهة", [SIMILAR[0], "", SIMILAR[1]]),
    ],
)
def test_similar_list_any_bullets(header, lines):
    body, blocks = split_trailing_blocks(ARTICLE + "\n\n" + header + "\n\n" + "\n".join(lines))
    assert body == ARTICLE
    assert blocks.page_similar == SIMILAR


def test_similar_list_keeps_duplicates_and_order():
    lines = "\n".join(f"• {h}" for h in (SIMILAR[1], SIMILAR[0], SIMILAR[1]))
    _, blocks = split_trailing_blocks(f"{ARTICLE}\n\nمقالات مشابهة\n{lines}")
    assert blocks.page_similar == (SIMILAR[1], SIMILAR[0], SIMILAR[1])


@pytest.mark.parametrize(
    ("tags_line", "expected"),
    [
        ("كلمات دلالية: بوتين الولايات المتحدة", ("بوتين", "الولايات المتحدة")),  # body has the phrase
        ("كلمات دلالية: بوتين، روسيا، الأسلحة النووية", ("بوتين", "روسيا", "الأسلحة النووية")),
        ("كلمات دلالية: بوتين | الأمم المتحدة | روسيا", ("بوتين", "الأمم المتحدة", "روسيا")),
        ("الكلمات الدلالية: كوريا الشمالية بوتين", ("كوريا الشمالية", "بوتين")),  # known multiword name
        ("كلمات دلالية: المملكة العربية السعودية روسيا", ("المملكة العربية السعودية", "روسيا")),
        ("كلمات دلالية: روسيا أوكرانيا", ("روسيا", "أوكرانيا")),  # phrase not in body: one tag a word
        ("الوسوم: روسيا", ("روسيا",)),
    ],
)
def test_tags(tags_line, expected):
    body, blocks = split_trailing_blocks(f"{ARTICLE}\n\n{tags_line}")
    assert body == ARTICLE
    assert blocks.page_tags == expected


@pytest.mark.parametrize(
    "order",
    [
        ("source", "tags", "read_also", "similar"),
        ("similar", "read_also", "tags", "source"),
        ("tags", "similar", "source", "read_also"),
        ("read_also", "source", "similar", "tags"),
    ],
)
def test_blocks_in_any_order(order):
    parts = {
        "source": "المصدر: بوابة الوفد",
        "tags": "كلمات دلالية: بوتين الولايات المتحدة",
        "read_also": f"إقرأ أيضاً:\n\n{HEADLINE}\n\n{LEDE}",
        "similar": "مقالات مشابهة\n\n" + "\n".join(f"  • {h}" for h in SIMILAR),
    }
    body, blocks = split_trailing_blocks(ARTICLE + "\n\n" + "\n\n".join(parts[name] for name in order))
    assert body == ARTICLE
    assert blocks == PageBlocks(
        credited_source="بوابة الوفد",
        page_tags=("بوتين", "الولايات المتحدة"),
        page_read_also=ReadAlso(HEADLINE, LEDE),
        page_similar=SIMILAR,
    )


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE,
        "",
        "سطر واحد بلا فواصل",
        # "المصدر:" inside a paragraph is not a header
        "قال المسؤول في تصريح، المصدر: وزارة الخارجية، إن المحادثات مستمرة.\n\nوأضاف أن الوفد سيعود.",
        # a header-like line followed by more article is not the trailing region
        "المصدر: وكالة الأنباء السعودية\n\n" + ARTICLE,
        ARTICLE + "\n\nالمصدر: " + "وكالة " * 30 + "\n\nوأضاف أن الوفد سيعود إلى القاهرة الأسبوع المقبل.",
    ],
)
def test_no_blocks_leaves_text_unchanged(text):
    assert split_trailing_blocks(text) == (text, PageBlocks())


def test_read_also_followed_by_teaser_headlines_is_left_to_the_boilerplate_stage():
    # BBC Arabic (ANT) lists several headlines under "اقرأ أيضاً:" inside the article
    text = f"{ARTICLE}\nاقرأ أيضاً:\n{SIMILAR[0]}\n{SIMILAR[1]}\nوأضاف أن الوفد سيعود إلى القاهرة."
    assert split_trailing_blocks(text) == (text, PageBlocks())


@pytest.mark.parametrize(
    ("credit", "source"),
    [("المصدر: بوابة الوفد", "بوابة الوفد"), ("المصدر : وكالات", "وكالات"), ("*نقلاً عن البيان الإماراتية", "البيان الإماراتية")],
)
def test_source_credit(credit, source):
    body, blocks = split_trailing_blocks(f"{ARTICLE}\n{credit}")
    assert (body, blocks.credited_source) == (ARTICLE, source)
