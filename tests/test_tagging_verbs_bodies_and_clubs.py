"""Entity resolution with context (issue 12), the 2026-12-06 third session: a derived verb or its
verbal noun and a future verb are no names, a body's field after ل is part of its name, a
nationality after a sea names the sea, and a city that is also a club is the club in a sports report.
Each rule on sentences written for the test."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging import tag_article
from naba.pipeline.tagging.verbs import future_verb, perfect_verb


def canonicals(body: str, title: str | None = None) -> list[str]:
    return [e.canonical for e in tag_article(title, body, published="2015-08-01T00:00:00").entities]


@pytest.mark.parametrize("word", ["اختلس", "واعتصموا", "واتلاف", "اختلاس", "استقبال"])
def test_a_derived_verb_or_its_verbal_noun_reads_as_a_verb(word: str):
    assert perfect_verb(word)


@pytest.mark.parametrize("word", ["امستردام", "انشيلوتي", "اردوغان", "امين", "انور", "ادريس"])
def test_names_that_start_with_alif_are_not_verbs(word: str):
    assert not perfect_verb(word)


def test_the_future_verb_is_no_name_but_a_name_that_starts_like_one_is():
    assert future_verb("ستنقل") and future_verb("سيغادر")
    assert not future_verb("ستيفاني") and not future_verb("سيمون") and not future_verb("سيرجي")


def test_a_verb_in_the_headline_the_body_repeats_is_no_name():
    title = "موظف اختلس مليون ريال من صندوق الجمعية"
    body = ("أحالت الجهات المختصة موظفا اختلس مليون ريال من صندوق جمعية خيرية إلى المحكمة. وتبين أن الموظف "
            "اختلس المبلغ على دفعات خلال عامين.")
    assert not any("اختلس" in name for name in canonicals(body, title))


def test_a_bodys_field_after_lam_is_part_of_its_name():
    found = canonicals("أعلنت الهيئة الوطنية لمكافحة الفساد أمس إحالة ثلاثة موظفين إلى التحقيق.")
    assert "الهيئة الوطنية لمكافحة الفساد" in found
    found = canonicals("وقال رئيس الاتحاد المصري لكرة القدم إن المنتخب سيلعب وديتين.")
    assert "الاتحاد المصري لكرة القدم" in found


def test_lam_after_a_descriptive_word_or_before_a_man_is_the_sentence_going_on():
    found = canonicals("وقالت الشركة العملاقة لبناء المساكن إن المشروع يكتمل العام المقبل.")
    assert not any(name.startswith("الشركة العملاقة") for name in found)
    found = canonicals("ويتنافس خمسة مرشحين على رئاسة الاتحاد الدولي لخلافة السويسري جوزيف بلاتر.")
    assert not any("لخلافة" in name for name in found)


def test_a_nationality_after_a_sea_names_the_sea_not_the_country():
    found = canonicals("عثر على حطام الطائرة في جنوب المحيط الهندي على بعد آلاف الكيلومترات من أستراليا.")
    assert "الهند" not in found


SPORT = ("تعادل الهلال مع نجران في مباراة الدوري أمس، وسجل مهاجم الهلال هدف فريقه في الشوط الأول، "
         "فيما أدرك نجران التعادل من ركلة جزاء.")


def test_a_city_that_is_also_a_club_is_the_club_in_a_sports_report():
    found = canonicals(SPORT)
    assert "نادي نجران" in found and "نجران" not in found


def test_after_a_place_word_it_is_the_place_even_in_a_sports_report():
    found = canonicals(SPORT + " وأقيمت المباراة على ملعب الأمير هذلول في منطقة نجران.")
    assert "نجران" in found


def test_outside_sport_it_is_the_city():
    found = canonicals("افتتح أمير المنطقة مشروع الإسكان الجديد في نجران بحضور عدد من المسؤولين.")
    assert "نجران" in found and "نادي نجران" not in found


def test_a_club_that_shares_a_citys_name_still_tells_the_other_clubs_country():
    found = canonicals("لم تصل حوالات الرعاية إلى النصر والأهلي حتى الآن، فيما تسلمتها أندية الهلال ونجران "
                       "والوحدة قبل انطلاق الدوري، وقال مدرب الأهلي إن اللاعبين ينتظرون رواتبهم قبل المباراة.")
    assert {"الأهلي السعودي", "الهلال السعودي"} <= set(found)


def test_a_states_body_named_by_its_nationality_takes_no_field_after_lam():
    found = canonicals("وعهد بالملف إلى لجنة الحريات الفردية التي شكلتها الرئاسة التونسية لإصلاح القوانين.")
    assert "الرئاسة التونسية" in found and not any("لإصلاح" in name for name in found)
