"""Outlets the press credits often, known by one entry each: their spellings are one outlet in a credit
list and one entity, and a longer outlet's name is not read as a shorter one inside it."""

from __future__ import annotations

import pytest

from naba.pipeline.clean.attribution import find_attribution
from naba.pipeline.tagging import tag_article


@pytest.mark.parametrize("text,expected", [
    # three spellings of The Sun, two of the Mirror: one outlet each
    ("وذكرت صحيفة ذا صن أن اللاعب سيرحل. وقالت صحيفة الصن إن العرض رفض. وأضافت صحيفة الميرور أن الصفقة "
     "انتهت، بحسب صحيفة ديلي ميرور.", ("ذا صن", "ديلي ميرور")),
    # a bare name the gazetteer now knows (no media word before it)
    ("وبحسب الإيكونوميست فإن الاقتصاد سيتباطأ.", ("الإيكونوميست",)),
    # MSNBC is not NBC; TRT is not RT
    ("وقال السناتور لشبكة \"ام اس ان بي سي\" إن القرار خاطئ.", ("إم إس إن بي سي",)),
    ("وذكرت مؤسسة الإذاعة والتلفزيون التركية (تي آر تي) أن مقاتلات قصفت المواقع.", ("تي آر تي",)),
    # the New Straits Times (Malaysia), not the Straits Times (Singapore)
    ("وقالت صحيفة نيو ستريتس تايمز إن الحكومة ستعلن القرار.", ("نيو ستريتس تايمز",)),
])
def test_credits_name_one_outlet_once(text, expected):
    assert find_attribution(text) == expected


def test_a_state_broadcaster_is_an_entity_of_its_own():
    tags = tag_article("دمشق", "وأفاد التلفزيون السوري بأن الجيش سيطر على البلدة.")
    assert "التلفزيون السوري" in [e.canonical for e in tags.entities]


def test_a_sister_paper_is_not_read_as_the_other():
    tags = tag_article("لندن", "وكشفت صحيفة صنداي تلغراف أن الوزير سيستقيل.")
    names = [e.canonical for e in tags.entities]
    assert "صنداي تلغراف" in names and "ديلي تلغراف" not in names
