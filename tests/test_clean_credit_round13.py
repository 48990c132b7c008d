"""Credit forms of press round-ups read in the thirteenth labelled round (issue 17): the outlet told past
an apposition, a review's verb with its preposition's pronoun, a paper's leaning before its verb, a piece
opening its sentence, two papers after a dual unquoted, a sign-off line, a paper named short again."""

from __future__ import annotations

import pytest

from credit_rules import ruled
from naba.pipeline.clean.attribution import candidates, find_attribution


@pytest.mark.parametrize("text,expected", [
    # the outlet told, past an apposition set off by commas that describes who spoke
    ("قالت سارة منصور، زميلة القاضي السابقة في جامعة بعيدة عن هنا، لصحيفة الميزان إنه كذب.",
     ("صحيفة الميزان",)),
    # warning it, or a statement given to it
    ("وحذر الخبير لصحيفة الميزان من أن الهجوم وشيك.", ("صحيفة الميزان",)),
    ('واستنكر التصريح الذي أدلى به لمحطة "الميزان" أمس.', ("محطة الميزان",)),
    # a review's verb with its preposition's pronoun, «كذلك» between
    ("هذا الإعلان أشادت به صحيفة «الميزان» على صفحتها الأولى.", ("صحيفة الميزان",)),
    ("وتعهد الرئيس اهتمت به كذلك صحيفة «الميزان».", ("صحيفة الميزان",)),
    # a paper's leaning and whom it leans to, between its name and its verb
    ("لكن صحيفة «الميزان» المؤيدة للحكومة قالت إن جماعة يسارية تبنت الهجوم.", ("صحيفة الميزان",)),
    # a sentence opening with the paper's editorial
    ("وتتعمق الخلافات. افتتاحية صحيفة «الميزان» تحمل المسؤولية لجهات تعطل المصالحة.", ("صحيفة الميزان",)),
    # a press review's present question
    ("في نتائج الانتخابات تتساءل صحيفة «الميزان» على الغلاف: ماذا بعد؟", ("صحيفة الميزان",)),
    # two papers after a dual media word, unquoted, the second one known
    ("وذكرت صحيفتا الميزان وحرييت أن الاجتماع استمر ساعة.", ("صحيفة الميزان", "صحيفة حريت")),
    # a paper the gazetteer lacked, whose name ends in «اليوم»
    ('أما صحيفة الإمارات اليوم فقد عنونت "فرنسا صبرت".', ("صحيفة الإمارات اليوم",)),
])
def test_round13_credit_forms(text, expected):
    assert ruled(text) == expected


def test_a_piece_the_story_is_about_is_no_credit():
    # the piece mid-sentence, the object of what happened: left to the ranker, as before
    assert ruled("وأثار مقال صحيفة «الميزان» غضب الناشطين.") == ()


def test_a_sign_off_line_of_outlets():
    # taken as it stands, as a credit in parentheses (not left to the ranker); the publisher left out
    assert candidates("وختم هجومه على الحكومة.\nفرانس24/ أ ف ب", outlet="france24")[1] \
        == ["وكالة الأنباء الفرنسية"]
    assert find_attribution("الرقم : أ / 267") == ()  # a form's number: not every part is an outlet


def test_a_paper_named_short_again_is_one_outlet():
    text = 'كشفت صحيفة "لا غازيتا ديللو سبورت" عن اتصال. وأكدت صحيفة "لا غازيتا" أن المدرب اتصل.'
    assert find_attribution(text) == ("لا غازيتا ديلو سبورت",)
    # but one word is no short name: «صحيفة الشرق» is not «الشرق الأوسط»
    assert len(find_attribution('ذكرت صحيفة "الشرق الأوسط" أن الوفد وصل. وقالت صحيفة "الشرق" إن')) == 2


def test_the_uae_today_is_no_paper():
    assert find_attribution("وصل الوزير إلى الإمارات اليوم وقال لرويترز إن الزيارة مهمة.") == ("رويترز",)
