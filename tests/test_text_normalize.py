"""naba.text.normalize: the one-step folds, the display and index profiles, and their invariants."""

from __future__ import annotations

import functools
import json
import re
import sys
import zipfile

import pytest

from conftest import shared_path
from naba.text import normalize
from naba.text.normalize import DISPLAY_STEPS, INDEX_STEPS, display, index, match


def compose(steps, text: str) -> str:
    return functools.reduce(lambda acc, step: step(acc), steps, text)


@functools.cache
def saudi_articles(count: int = 400) -> tuple[str, ...]:
    path = shared_path("data", "saudinewsnet", "2015-07-21.zip")
    with zipfile.ZipFile(path) as archive:
        records = json.loads(archive.read(archive.namelist()[0]))
    return tuple(f"{r['title']}\n\n{r['content']}" for r in records[:count])


def seed_page() -> str:
    return shared_path("seeds", "000_2aaa80a09399a346.txt").read_text(encoding="utf-8")


# Every code point but the surrogates, as one string: the folds are character-wise, so this checks
# each character's fate in one call.
ALL_CHARS = "".join(chr(p) for p in [*range(0xD800), *range(0xE000, 0x30000), *range(0xE0000, 0xE0080)])


@pytest.mark.parametrize(("raw", "expected"), [
    ("مُحَمَّدٌ", "محمد"),  # harakat, shadda, tanwin
    ("الـــرئيس", "الرءيس"),  # tatweel; ئ → ء
    ("الرئيس", "الرءيس"),
    ("مسئول", "مسءول"),
    ("مسؤول", "مسءول"),
    ("المسئولين", "المسءولين"),  # the seed's spelling
    ("مستشفى", "مستشفي"),
    ("مستشفي", "مستشفي"),
    ("مدرسة", "مدرسه"),
    ("إقرأ أيضاً", "اقرا ايضا"),
    ("آسيا وٱلأرض", "اسيا والارض"),
    ("ﻻ", "لا"),  # lam-alef presentation form
    ("ﻷن", "لان"),
    ("ﷲ", "الله"),
    ("ﺑﻮﺗﻴﻦ", "بوتين"),  # presentation forms letter by letter
    ("ﷺ", "صلي الله عليه وسلم"),
    ("الرحمٰن", "الرحمن"),  # dagger alef
    ("بوتين\u200f: نعم", "بوتين: نعم"),  # RLM
    ("ب\u200dو\u200bت\u2066ين\u2069", "بوتين"),  # ZWJ, ZWSP, bidi isolates
    ("\ufeffبوتين\u00ad", "بوتين"),  # BOM, soft hyphen
    ("می\u200cخواهم", "ميخواهم"),  # ZWNJ dropped; Persian yeh folded
    ("کتاب", "كتاب"),
    ("عام ٢٠٢٣", "عام 2023"),
    ("۱۴۰۲", "1402"),
    ("٣٫٥ و١٬٢٠٠", "3.5 و1,200"),
    ("نعم، لا؛ لماذا؟", "نعم, لا; لماذا?"),
    ("MBC News", "mbc news"),
    ("Straße", "strasse"),
    ("  بوتين \t\u00a0 يرد \n\n\n\n زيلينسكي  ", "بوتين يرد\n\n زيلينسكي"),
])
def test_index_examples(raw, expected):
    assert index(raw) == expected
    assert match(raw) == expected


@pytest.mark.parametrize("variants", [
    ("زيلينسكي", "زيلنسكي", "زيلينيسكي"),  # transliterations: the tagger's business, not normalization's
    ("أوزبكستان", "أوزباكستان"),
    ("علم", "عالم"),
    ("الرئيس", "الرييس"),  # ئ must not become ي
])
def test_index_keeps_distinct_words_distinct(variants):
    assert len({index(word) for word in variants}) == len(variants)


@pytest.mark.parametrize("variants", [
    ("مسئول", "مسؤول", "مسءول"),
    ("مستشفى", "مستشفي"),
    ("الأمم المتحدة", "الامم المتحده", "الأُمَمُ الـمُتَّحِدَة"),
    ("إقرأ أيضاً", "اقرأ ايضا", "إقرا أيضا"),
    ("٢٠٢٣", "۲۰۲۳", "2023"),
    ("لا", "ﻻ", "ﻼ"),
])
def test_index_merges_spelling_variants(variants):
    assert len({index(word) for word in variants}) == 1


@pytest.mark.parametrize(("raw", "expected"), [
    ("مُحَمَّدٌ", "مُحَمَّدٌ"),  # diacritics kept
    ("الـــرئيس", "الـــرئيس"),  # tatweel kept
    ("إقرأ أيضاً:", "إقرأ أيضاً:"),  # hamza and punctuation kept
    ("نعم، لا؛ لماذا؟", "نعم، لا؛ لماذا؟"),
    ("ﻻ تفاوض", "لا تفاوض"),
    ("ﷲ أكبر", "الله أكبر"),
    ("ﹰ", "\u064b"),  # isolated tanwin form: the mark, not space + mark
    ("بوتين\u200f:\u200e نعم", "بوتين: نعم"),
    ("می\u200cخواهم", "می\u200cخواهم"),  # ZWNJ kept for display
    ("\u202bنص\u202c", "نص"),
    ("a\x00b\x07c", "abc"),
    ("سطر  أول   \r\nسطر\tثان\u00a0\u00a0هنا  \n\n\n\nفقرة", "سطر أول\nسطر ثان هنا\n\nفقرة"),
    ("سطر\u2028سطر", "سطر\nسطر"),
    ("   ", ""),
    ("", ""),
])
def test_display_examples(raw, expected):
    assert display(raw) == expected


@pytest.mark.parametrize(("step", "raw", "expected"), [
    (normalize.strip_diacritics, "مُحَمَّدٌ الرحمٰن", "محمد الرحمن"),
    (normalize.strip_tatweel, "الـــرئيس", "الرئيس"),
    (normalize.fold_alef, "أإآٱا", "ااااا"),
    (normalize.fold_hamza_seats, "مسؤول مسئول شيء", "مسءول مسءول شيء"),
    (normalize.fold_yeh, "على مستشفى", "علي مستشفي"),
    (normalize.fold_teh_marbuta, "المدينة", "المدينه"),
    (normalize.fold_persian_letters, "کی", "كي"),
    (normalize.fold_digits, "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"),
    (normalize.map_arabic_punctuation, "،؛؟", ",;?"),
    (normalize.casefold, "ABC Ñ", "abc ñ"),
    (normalize.nfkc_presentation_forms, "ﻻ ² ﴾", "لا ² ﴾"),  # only the Arabic presentation ranges
    (normalize.remove_invisible_controls, "a\u200fb\u200cc", "ab\u200cc"),
    (normalize.remove_zwnj, "a\u200cb", "ab"),
    (normalize.tidy_whitespace, " a \u2003 b \n", "a b"),
])
def test_one_step_functions(step, raw, expected):
    assert step(raw) == expected


def test_fast_profiles_equal_the_composition_of_steps_for_every_character():
    # Characters separated by letters so that whitespace tidying sees each one in the same context.
    probe = "x".join(ALL_CHARS)
    assert display(probe) == compose(DISPLAY_STEPS, probe)
    assert index(probe) == compose(INDEX_STEPS, probe)


def test_fast_profiles_equal_the_composition_of_steps_on_real_articles():
    for article in saudi_articles():
        assert display(article) == compose(DISPLAY_STEPS, article)
        assert index(article) == compose(INDEX_STEPS, article)


def test_cased_ranges_hold_every_character_case_folding_changes():
    ranges = normalize._CASED_RANGES
    every = (chr(p) for p in range(sys.maxunicode + 1) if not 0xD800 <= p < 0xE000)
    missed = [hex(ord(c)) for c in every if c.casefold() != c
              and not any(low <= ord(c) <= high for low, high in ranges)]
    assert missed == []


@pytest.mark.parametrize("profile", [display, index])
def test_profiles_are_idempotent_on_every_character(profile):
    once = profile("x".join(ALL_CHARS))
    assert profile(once) == once


def test_index_is_idempotent_on_real_articles_and_the_seed_page():
    for text in (*saudi_articles(), seed_page()):
        once = index(text)
        assert index(once) == once
        assert display(display(text)) == display(text)


def test_display_keeps_the_seed_page_readable():
    page = seed_page()
    shown = display(page)
    assert "إقرأ أيضاً:" in shown and "زيلينيسكي" in shown and "المسئولين" in shown
    assert "\n\n\n" not in shown and " \n" not in shown
    folded = index(page)
    assert "اقرا ايضا:" in folded and "المسءولين" in folded
    assert {"زيلينسكي", "زيلنسكي", "زيلينيسكي"} <= set(re.findall(r"\w+", folded))
