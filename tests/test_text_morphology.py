"""naba.text.morphology: inflected common words that look like names, and real names that look like them."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging.lexicon import lexicon
from naba.text import index
from naba.text.morphology import inflected, noun_number


@pytest.mark.parametrize("word, rule", [
    ("سينصب", "future"), ("سيغادر", "future"), ("ستبحث", "future"), ("سنختار", "future"),
    ("تبرئتهما", "pronoun"), ("خارجيتها", "pronoun"), ("زيارتنا", "pronoun"),
    ("خططوا", "plural verb"), ("سافروا", "plural verb"), ("انتخبوا", "plural verb"),
    ("إخراس", "masdar"), ("ترويعا", "masdar"), ("تقليصا", "masdar"),
    ("مديرا", "accusative"), ("لاعبا", "accusative"), ("رئيسا", "accusative"),
    ("طائرتين", "dual"), ("مدنيتين", "dual"), ("جائزتين", "dual"), ("ساعتان", "dual"),
    ("متأخرات", "plural"), ("مجهولات", "plural"),
    ("اجتاحت", "past verb"), ("استندت", "past verb"), ("سننهي", "future"),
    ("تتهاونوا", "imperfect plural"),
])
def test_an_inflected_common_word_is_read_as_one(word: str, rule: str):
    assert inflected(index(word), lexicon().given, lexicon().zipf) == rule


# names (of people, places, a party) that look like these: a future س, a final ا, a masdar's shape
@pytest.mark.parametrize("word", [
    "أسامة", "إسماعيل", "تيريزا", "سيرينا", "ستيفن", "سيول", "سيرجي", "ستالين", "سيدني", "ستريك",
    "نيكولا", "سيلفا", "فرانسوا", "كورتوا", "جوشوا", "إسحاق", "إحسان", "إردان", "إعزاز", "مولا", "سانا",
    "بوتين", "فرحات", "بركات", "عرفات",  # a dual's or a plural's look: their singular is rare or barely commoner
    "جودت", "أوميت", "درون", "كونو", "إدين", "توران", "بوغبا",  # a past verb's look
])
def test_a_name_that_looks_inflected_is_not(word: str):
    assert inflected(index(word), lexicon().given, lexicon().zipf) is None


@pytest.mark.parametrize("word, number", [
    ("جنديين", True), ("مسلحان", True), ("قطارين", True),
    ("عدنان", False), ("زيدان", False), ("لبنان", False), ("بوتين", False),  # عدن، زيد never take the article
])
def test_a_common_nouns_dual_is_read_as_one(word: str, number: bool):
    assert noun_number(index(word), lexicon().zipf) is number
