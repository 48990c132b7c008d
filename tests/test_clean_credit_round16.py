"""Credit forms read in the sixteenth labelled round (issue 17): a news agency in parentheses described as
semi-official before its news word, an outlet a speaker comments to, and names after a media word that
are no outlet's (rating agencies after a dual, a noun with its pronoun after «موقع»)."""

from __future__ import annotations

import pytest

from credit_rules import ruled
from naba.pipeline.clean.attribution import find_attribution


@pytest.mark.parametrize("text,expected", [
    # an unknown agency's name in parentheses, described, then its news word
    ("وذكرت وكالة (الميزان) شبه الرسمية للأنباء أن الشرطة اعتقلت ستة أشخاص.", ("وكالة الميزان",)),
    ('وذكرت وكالة "الميزان" الرسمية للأنباء أن الشرطة اعتقلت ستة أشخاص.', ("وكالة الميزان",)),
    # a known one, by its short name: ILNA, not IRNA one letter away
    ("وذكرت وكالة (إيلنا) شبه الرسمية للأنباء أن الشرطة اعتقلت ستة أشخاص.", ("وكالة أنباء العمال الإيرانية",)),
])
def test_round16_credits(text, expected):
    assert find_attribution(text) == expected


def test_round16_an_outlet_commented_to_is_told():
    # who comments is named in apposition between the verb and the outlet; the rules, not the ranker, credit it
    text = "وعلق مدير خدمة التراث الإقليمي ، كارلوس مارتينيز ألافا، لوكالة فرانس برس قائلا إن الترميم تم دون احتراف."
    assert ruled(text) == ("وكالة الأنباء الفرنسية",)


@pytest.mark.parametrize("text", [
    # rating agencies after a dual: what they say is no news credit
    "وينتظر المحللون ما تقوله وكالتا موديز وفيتش. وتعطي وكالة موديز البرازيل تقييما بدرجة Baa2.",
    # «موقع» as "position", its noun with a pronoun
    "واختلفت حمولات المراكب من الروبيان بحسب موقع اتجاهها فكان الصيد في الشمال أكثر.",
])
def test_round16_no_outlet_named(text):
    assert find_attribution(text) == ()
