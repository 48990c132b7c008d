"""naba.stories.copies.templates: TemplateGuard on token sequences, with an injected name_of."""

from __future__ import annotations

import random

import pytest

from naba.stories.copies import TemplateGuard, gazetteer_name_of
from naba.text import tokens

NAMES = {"تونس": "country:tun", "التونسي": "country:tun", "بوليفيا": "country:bol", "البوليفي": "country:bol",
         "الاميركيه": "country:usa", "الامريكيه": "country:usa"}


def cable(country: str, adjective: str, day: str = "الأحد") -> list[str]:
    return tokens(
        f"بعث خادم الحرمين الشريفين يوم {day} برقية تهنئة للرئيس {adjective}، بمناسبة ذكرى استقلال {country}."
        f" وأعرب في البرقية عن أصدق التهاني وأطيب التمنيات لحكومة وشعب {country} المزيد من التقدم والازدهار."
    )


@pytest.fixture
def guard() -> TemplateGuard:
    return TemplateGuard(NAMES.get)


def test_a_congratulation_cable_to_another_country_is_templated(guard):
    assert guard.templated(cable("تونس", "التونسي"), cable("بوليفيا", "البوليفي"))
    assert guard.templated(cable("بوليفيا", "البوليفي"), cable("تونس", "التونسي"))


def test_the_same_cable_edited_is_not_templated(guard):
    original = cable("تونس", "التونسي")
    assert not guard.templated(original, original)
    assert not guard.templated(original, tokens("القيادة تهنئ") + original + tokens("المصدر: واس"))
    assert not guard.templated(original, cable("تونس", "التونسي", day="الاثنين"))  # not a name or number


def test_two_spellings_of_one_name_are_not_a_substitution(guard):
    assert not guard.templated(cable("تونس", "الأميركية"), cable("تونس", "الأمريكية"))  # one gazetteer entry
    # next to بن both spellings are decisive, and differ: only the spelling rule keeps them one name
    assert not guard.templated(tokens("استقبل الأمير سعود بن عبد العزيز الوفد"),
                               tokens("استقبل الأمير سعود بن عبدالعزيز الوفد"))


def test_another_ordinal_is_another_instance_of_a_routine(guard):
    first = tokens("وصول طائرة الإغاثة السعودية الأولى إلى مطار عدن محملة بالمواد الغذائية")
    second = tokens("وصول طائرة الإغاثة السعودية الثانية إلى مطار عدن محملة بالمواد الغذائية")
    assert guard.templated(first, second)
    assert guard.templated(first, second, numbers=False)  # an ordinal is no updated figure
    # an ordinal for the same number in digits, or the day of a date, is no substitution
    assert not guard.templated(tokens("والمباراة في ال 8 من الشهر نفسه بجدة"),
                               tokens("والمباراة في الثامن من الشهر نفسه بجدة"))
    assert not guard.templated(tokens("يبدأ المعسكر في الثالث من سبتمبر بجدة"),
                               tokens("يبدأ المعسكر في الرابع من سبتمبر بجدة"))


def test_the_answer_does_not_depend_on_which_text_comes_first(guard):
    # difflib aligns repeated words differently either way round: random edits of a cable's words
    words = tokens("بعث خادم الحرمين برقية تهنئة للرئيس بمناسبة ذكرى استقلال وأعرب في البرقية عن التهاني لشعب") + \
        list(NAMES) + ["12", "15", "3", "و", "في"]
    rng = random.Random(1)
    for _ in range(3000):
        a = [rng.choice(words) for _ in range(rng.randint(5, 25))]
        b = list(a)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(b))
            b[at:at + rng.randint(0, 1)] = [rng.choice(words)] * rng.randint(0, 1)
        assert guard.templated(a, b) == guard.templated(b, a), (a, b)


def test_numbers_are_decisive_except_in_a_date(guard):
    assert guard.templated(tokens("وتوفي 12 شخصا في حادث الطريق السريع"), tokens("وتوفي 15 شخصا في حادث الطريق السريع"))
    assert not guard.templated(tokens("صدر في 12 مارس عن الوزارة بيان"), tokens("صدر في 15 مارس عن الوزارة بيان"))
    assert not guard.templated(tokens("وتوفي ثلاثة أشخاص في الحادث"), tokens("وتوفي 3 أشخاص في الحادث"))


def test_a_name_in_the_nasab_form_is_decisive_without_a_gazetteer():
    guard = TemplateGuard(lambda token: None)
    assert guard.templated(tokens("نفذ حكم القتل في ساير بن لافي اليوم"), tokens("نفذ حكم القتل في طلال بن أحمد اليوم"))


def test_the_gazetteer_is_the_default_and_is_read_on_the_first_comparison():
    guard = TemplateGuard()
    assert guard._name_of is None  # building an index of long texts never pays for the gazetteer
    assert guard.templated(cable("تونس", "التونسي"), cable("بوليفيا", "البوليفي"))
    assert guard._name_of is not None
    name_of = gazetteer_name_of()
    assert name_of("تونس") == name_of("التونسي") != name_of("بوليفيا")


def test_one_figure_written_two_ways_is_no_substitution(guard):
    same = [("بحلول الساعة 0647 بتوقيت جرينتش", "بحلول الساعة 6 47 بتوقيت جرينتش"),
            ("من الساعة 12 30 ظهرا", "من الساعة 12,30 ظهرا"),
            ("رفعت الحكومة أسعار الوقود بنحو 4.00 في المئة", "رفعت الحكومة أسعار الوقود بنحو 4 في المئة"),
            ("بنسبة 21.57 في المئة للنشاط الزراعي", "بنسبة 57ر21 للنشاط الزراعي")]  # the Saudi decimal
    for a, b in same:
        assert not guard.templated(tokens(a), tokens(b)), (a, b)
    # another figure, however written, still is one
    assert guard.templated(tokens("بحلول الساعة 0647 بتوقيت جرينتش"), tokens("بحلول الساعة 6 48 بتوقيت جرينتش"))
    assert guard.templated(tokens("بنسبة 21.57 في المئة للنشاط"), tokens("بنسبة 57ر22 للنشاط"))


def test_a_conjunction_or_a_respelled_word_is_no_substitution():
    guard = TemplateGuard({"الفيدرالي": "org:fed", "التحقيقات الفدرالي": "org:fbi", "الامريكي": "country:usa"}.get)
    assert not guard.templated(tokens("استقبل الأمير فيصل بن تركي بن سعود ومنصور بن بدر بن سعود الوفد"),
                               tokens("استقبل الأمير فيصل بن تركي بن سعود وصاحب السمو الأمير منصور بن بدر بن سعود الوفد"))
    assert not guard.templated(tokens("داهم عناصر من مكتب التحقيقات الفدرالي إف بي آي مكتب المحامي"),
                               tokens("داهم عناصر من مكتب التحقيقات الفيدرالي الأمريكي إف بي آي مكتب المحامي"))
    # another man after بن, with or without the conjunction, still is a substitution
    assert guard.templated(tokens("استقبل سعود ومنصور بن بدر الوفد"), tokens("استقبل سعود وخالد بن بدر الوفد"))


def test_what_a_texts_tokens_name_is_read_once_whatever_it_is_compared_with():
    looked_up: list[str] = []

    def name_of(token: str) -> str | None:
        looked_up.append(token)
        return NAMES.get(token)

    guard = TemplateGuard(name_of)
    tunisia, bolivia = cable("تونس", "التونسي"), cable("بوليفيا", "البوليفي")
    assert guard.templated(tunisia, bolivia)
    first = len(looked_up)
    assert guard.templated(bolivia, tunisia) and guard.templated(tunisia, bolivia, numbers=True)
    assert len(looked_up) == first  # the story stage compares one text with dozens: names read once
