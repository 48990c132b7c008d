"""naba.text.clitics: the one place that splits و ف ب ل ك ال off a word, used by every stage."""

from __future__ import annotations

import pytest

from naba.text import article_form, clitic_free, glued, index, stripped, without_conjunction


@pytest.mark.parametrize("word, shown", [
    ("بمدارس", "مدارس"),  # ب + a word the language uses far more
    ("لرئاسة", "رئاسة"),
    ("وكتبت", "كتبت"),  # "and she wrote", not و + ك + التبت
    ("بإعداد", "إعداد"),
    ("والأدباء", "الأدباء"),  # what is glued before the article goes
    ("للاعبي", "لاعبي"),  # ل + لاعبي, not ل + ال + اعبي
    ("للقراءة", "القراءة"),  # ل + ال that lost its alef
    ("وليد", "وليد"),  # names that start with a clitic letter stay whole
    ("بسام", "بسام"),
    ("فيصل", "فيصل"),
    ("كمال", "كمال"),
    ("ولد", "ولد"),  # too short to strip
])
def test_clitic_free_reads_the_word_a_reader_sees(word: str, shown: str):
    assert clitic_free(index(word)) == index(shown)
    assert glued(index(word)) == (index(shown) != index(word))


@pytest.mark.parametrize("word, form", [
    ("للاعبي", "لاعبي"), ("للقراءة", "القراءه"), ("بالكتاب", "الكتاب"), ("الكتاب", "الكتاب"), ("كتاب", "كتاب"),
])
def test_article_form_reads_lam_lam_both_ways(word: str, form: str):
    assert article_form(index(word)) == index(form)


@pytest.mark.parametrize("word, bare", [("والكتب", "كتب"), ("بالكتب", "كتب"), ("للكتب", "كتب"), ("الكتب", "كتب"),
                                        ("الى", "الى")])
def test_stripped_drops_every_clitic_and_the_article(word: str, bare: str):
    assert stripped(index(word)) == index(bare)


@pytest.mark.parametrize(("key", "expected"), [
    ("وقال", "قال"), ("فقالت", "قالت"), ("والتي", "التي"),
    ("وفد", "وفد"),  # three letters must remain
    ("بحسب", "بحسب"), ("قال", "قال"),  # only a conjunction goes
])
def test_without_conjunction_drops_a_leading_wa_or_fa_only(key, expected):
    assert without_conjunction(key) == expected
