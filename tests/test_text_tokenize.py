"""naba.text.tokenize: index-form tokens, and spans into the original text that agree with them."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from conftest import shared_path
from naba.text import LazySpans, index, token_spans, tokens
from naba.text.normalize import fold_for_index_with_origins, index_origin


@pytest.mark.parametrize(("text", "expected"), [
    ("قال الرئيس الروسي فلاديمير بوتين اليوم", ["قال", "الرءيس", "الروسي", "فلاديمير", "بوتين", "اليوم"]),
    ("إقرأ أيضاً:", ["اقرا", "ايضا"]),
    ("مُحَمَّدٌ والـــرئيس", ["محمد", "والرءيس"]),  # diacritics and tatweel gone; و not split off
    ("عام 2023 أو ٢٠٢٣ أو ۲۰۲۳", ["عام", "2023", "او", "2023", "او", "2023"]),
    ("نمو 3.5% و1,200 مليون و٣٫٥", ["نمو", "3.5", "و", "1,200", "مليون", "و", "3.5"]),
    ("في 2023، ارتفع", ["في", "2023", "ارتفع"]),  # Arabic comma after a number is not a separator
    ("عام2015م", ["عام", "2015", "م"]),  # letters and digits part
    ("#عاصي_الحلاني يغني", ["عاصي", "الحلاني", "يغني"]),
    ("قناة MBC و The Guardian", ["قناه", "mbc", "و", "the", "guardian"]),
    ("«بوتين»: (نعم)، لا؛ لماذا؟!", ["بوتين", "نعم", "لا", "لماذا"]),
    ("ﻻ تفاوض ﷲ", ["لا", "تفاوض", "الله"]),
    ("بو\u200fتين\u200d زيلينسكي", ["بوتين", "زيلينسكي"]),
    ("covid-19 and g20", ["covid", "19", "and", "g", "20"]),
    ("", []),
    (" ،.؟ ", []),
])
def test_tokens(text, expected):
    assert tokens(text) == expected


# Real sentences (the seed page and SaudiNewsNet) dressed with what readers meet on the web.
SENTENCES = [
    "قال الرئيس الروسي فلاديمير بوتين اليوم الثلاثاء إن الولايات المتحدة أرادت التفاوض مع روسيا.",
    "وجّه زعيم كوريا الشمالية كيم جونغ أون، المسئولين في بيونج يانج إلى تعزيز الترسانة النووية",
    "بوتين يرفض التفاوض مع زيلينيسكي.. رئيس غير شرعي.. والأخير يرد",
    "وَشَدَّدَتْ رُوسِيَا عَلَى أَنَّ نِظَامَ الرِّقَابَةِ يَجِبُ أَنْ يَشْمَلَ التَّرْسَانَاتِ النَّوَوِيَّةَ",
    "الـــرئيـــس يـصـل إلـى الـريـاض",
    "ﻻ ﺗﻔﺎﻭﺽ ﻣﻊ ﺯﻳﻠﻴﻨﺴﻜﻲ ﷲ ﷺ",
    "\u200fالمصدر:\u200f \u202bبوابة الوفد\u202c \ufeff",
    "خطة عام ٢٠٢٥ وما بعده، بنسبة ٣٫٥٪ و١٬٢٠٠ صاروخ",
    "#عاصي_الحلاني #السعودية تحتفل #KSA_2030",
    "Saudi Press Agency (SPA) said on Monday, 21 July 2015, that 1,200.5 tonnes...",
    "ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ",
    "می\u200cخواهم کتاب ی",
    "مُحَمَّدٌ، و\u0654 ـ ً x\u0301y İstanbul ﬁle Straße",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_token_spans_yield_exactly_the_tokens(text):
    spans = token_spans(text)
    assert [token for _, _, token in spans] == tokens(text)
    for start, end, token in spans:
        assert 0 <= start < end <= len(text)
        assert token in tokens(text[start:end])  # the span holds what made the token


@pytest.mark.parametrize(("text", "token", "covered"), [
    ("قال مُحَمَّدٌ، أمس", "محمد", "مُحَمَّدٌ"),  # marks inside and after the word belong to it
    ("الـــرئيس يصل", "الرءيس", "الـــرئيس"),
    ("مع ﺯﻳﻠﻴﻨﺴﻜﻲ اليوم", "زيلينسكي", "ﺯﻳﻠﻴﻨﺴﻜﻲ"),
    ("قناة MBC اليوم", "mbc", "MBC"),
    ("عام ٢٠٢٣ المقبل", "2023", "٢٠٢٣"),
    ("#عاصي_الحلاني", "الحلاني", "الحلاني"),
])
def test_token_spans_point_into_the_original_text(text, token, covered):
    [(start, end)] = [(s, e) for s, e, t in token_spans(text) if t == token]
    assert text[start:end] == covered


def test_token_spans_agree_with_tokens_on_every_arabic_character():
    # Each character of the Arabic blocks and presentation forms, inside a word and between words.
    chars = [chr(p) for p in [*range(0x0600, 0x0900), *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]]
    text = " ".join(f"ب{c}ت {c} 1{c}2" for c in chars)
    assert [t for _, _, t in token_spans(text)] == tokens(text)


def test_token_spans_agree_with_tokens_on_real_articles():
    path = shared_path("data", "saudinewsnet", "2015-07-22.zip")
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    for record in records[:300]:
        text = f"{record['title']}\n{record['content']}"
        assert [t for _, _, t in token_spans(text)] == tokens(text)


def test_tokens_are_index_normal():
    text = " ".join(SENTENCES)
    assert all(index(token) == token for token in tokens(text))


def _every_arabic_character_text():
    chars = [chr(p) for p in [*range(0x0600, 0x0900), *range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]]
    return " ".join(f"ب{c}ت {c} 1{c}2" for c in chars)


@pytest.mark.parametrize("text", [*SENTENCES, "أيضاً مُحَمَّدٌ الـــرئيس ﻻ", ""])
def test_lazy_spans_read_what_token_spans_give(text):
    lazy = LazySpans(text)
    assert [(*lazy.span(i), lazy.token(i)) for i in range(len(lazy))] == token_spans(text)


def test_lazy_spans_agree_with_token_spans_on_every_arabic_character():
    text = _every_arabic_character_text()
    lazy = LazySpans(text)
    assert [(*lazy.span(i), lazy.token(i)) for i in range(len(lazy))] == token_spans(text)


@pytest.mark.parametrize("pattern", ["رءيس", "ا", "بوتين|تين", "2023", "zz"])
def test_lazy_spans_find_the_tokens_a_pattern_occurs_in(pattern):
    text = " ".join(SENTENCES) + " الرئيس الرئيسي بوتين 2023"
    compiled = re.compile(pattern)
    lazy = LazySpans(text)
    expected = [i for i, (_, _, token) in enumerate(token_spans(text)) if compiled.search(token)]
    assert lazy.holding(compiled) == expected


def test_index_origin_is_the_offset_the_folded_character_came_from():
    for text in [*SENTENCES, "ﻻ أيضاًً ﷲ مُحَمَّدٌ", _every_arabic_character_text()]:
        folded, origins = fold_for_index_with_origins(text)
        assert [index_origin(text, at) for at in range(len(folded))] == list(origins)
