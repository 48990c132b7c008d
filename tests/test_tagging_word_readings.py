"""Words that look like names and are not: a common noun one skeleton away from a place, a given name
one vowel away from a star's, a noun with its pronoun, a verb after a title (naba.pipeline.tagging)."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging import tag_article
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.spelling import skeleton
from naba.pipeline.tagging.words import words_of
from naba.text import index, tokens


def _canonicals(title: str, body: str) -> list[str]:
    return [e.canonical for e in tag_article(title, body).entities]


def _spelled_like(text: str) -> str | None:
    entry = lexicon().spelled_like(tokens(text))
    return entry.canonical if entry is not None else None


@pytest.mark.parametrize("word", ["الخريج", "المفارق", "الانبهار", "الميجر"])
def test_a_common_noun_is_no_respelt_place(word):
    # خريج "graduate", مفارق "crossroads": the language writes them without the article too
    assert _spelled_like(word) is None


@pytest.mark.parametrize("word, place", [("الدنمرك", "الدنمارك"), ("النروج", "النرويج"), ("الفيليبين", "الفلبين")])
def test_a_foreign_place_respelt_with_the_article_is_still_found(word, place):
    assert _spelled_like(word) == place


def test_a_one_word_name_and_its_feminine_are_two_words():
    # القطيفة "velvet", العراقة "heritage"
    assert skeleton(tokens("القطيفة")) != skeleton(tokens("القطيف"))
    assert _spelled_like("العراقة") is None


def test_a_longer_name_keeps_its_wrongly_gendered_adjective():
    # the last adjective's gender is often written wrong; the skeleton still joins the two
    assert _spelled_like("وزارة الدفاع الأمريكي") == "البنتاغون"


def test_a_given_name_is_no_respelling_of_another_mans():
    assert _spelled_like("كريستيان") is None  # not كريستيانو رونالدو
    assert _spelled_like("كريستيانو") == "كريستيانو رونالدو"


def test_an_ambiguous_surname_keeps_its_skeleton_from_another_entry():
    # ?إريكسن (the footballer) claims the skeleton that إريكسون (the company) would otherwise take
    assert _spelled_like("اريكسن") is None
    body = "وأهدر كريستيان إريكسن فرصة ثمينة، ثم سجل إريكسن هدف التعادل."
    assert "كريستيان إريكسن" in _canonicals("توتنهام يتعادل", body)
    assert "إريكسون" not in _canonicals("توتنهام يتعادل", body)


@pytest.mark.parametrize("title, body, not_a_name", [
    ("الرائد يشرع في تحضيراته", "شرع الفريق الأول بالرائد في تحضيراته بمعسكره في النمسا.", "تحضيراته"),
    ("الحارس يعلن اعتزاله", "أعلن حارس المرمى اعتزاله اللعب، وجاء اعتزاله بعد موسم صعب.", "اعتزاله"),
])
def test_a_noun_with_its_pronoun_is_no_name(title, body, not_a_name):
    assert not any(not_a_name in name for name in _canonicals(title, body))


@pytest.mark.parametrize("word", ["باغتصابها", "مشاركتهم", "عامليها"])
def test_a_pronoun_on_a_less_common_noun_is_read_as_one(word):
    # ب before a common word, a ة written ت, a construct plural (العاملين): not a name's word
    assert words_of([index(word)], lexicon())[0].suffixed


@pytest.mark.parametrize("body, verb", [
    ("جدير بالذكر أن الفريق خاض أولى مبارياته الودية أمس.", "خاض"),
    ("وأضاف أن الوزير كرر التأكيد على التزام بلاده بالاتفاق.", "كرر"),
])
def test_a_past_verb_after_a_title_is_no_name(body, verb):
    assert verb not in _canonicals("خبر", body)


@pytest.mark.parametrize("title, body", [
    ("الشباب", "حيث لم يعرف الفريق طعم الانتصارات في المراحل الأربع الماضية."),
    ("الاتحاد", "إن الجماهير لن ترضى بخروج الفريق خالي الوفاض. وقال السليمان إن الفريق جاهز."),
    ("الأهلي", "من الهجمة الوحيدة للفريق طوال شوطي المباراة."),
])
def test_a_noun_after_the_team_is_no_generals_name(title, body):
    # الفريق is a rank, and far more often "the team"
    assert not [e for e in tag_article(title, body).entities if e.kind == "person"]


def test_the_rank_still_names_a_general():
    assert "عبدالرحمن البنيان" in _canonicals("قوات", "وقال الفريق عبدالرحمن البنيان إن القوات جاهزة.")


@pytest.mark.parametrize("title, body, name, not_a_name", [
    ("ستيوارت", "وكان من بين المغردين السيناتور جون مكين والمذيعان الكوميديان إلين ديغينيريس.", "جون ماكين", "والمذيعان"),
    ("مصر", "وأتاح التعديل لوزير الزراعة واستصلاح الأراضي التنسيق مع وزير الموارد المائية.", None, "استصلاح"),
    ("اليونان", "كان وزير المالية الألماني فولفجانج شيوبله المنتمي إلى تحالف ميركل يرفض.", "فولفجانج شيوبله",
     "المنتمي"),
])
def test_a_name_stops_where_the_sentence_goes_on(title, body, name, not_a_name):
    people = [e.canonical for e in tag_article(title, body).entities if e.kind == "person"]
    assert name is None or name in people
    assert not any(not_a_name in person for person in people)


def test_a_family_of_abd_and_one_of_gods_names_is_two_words():
    assert "محمد العبد الجبار" in _canonicals("دراسة", "أما الدراسة الأخرى فكانت للدكتور محمد العبد الجبار، استشاري المخ.")


def test_a_team_members_name_after_the_team_is_still_a_name():
    body = "وأقر الاجتماع إيقاف مدرب الفريق بشير العاصمي لمدة عام، وقال العاصمي إنه سيستأنف."
    assert "بشير العاصمي" in _canonicals("عقوبات", body)


def test_a_servant_of_gods_name_after_the_rank_is_a_general():
    assert "عبدالرزاق الناظوري" in _canonicals("ليبيا", "وقال رئيس الأركان الفريق عبدالرزاق الناظوري إن الجيش سيواصل.")


def test_a_compound_given_name_is_not_the_famous_man():
    # صلاح الدين is a given name, a province, a street: never محمد صلاح
    people = _canonicals("مصر", "وأسندت وزارة البيئة إلى ياسمين صلاح الدين فؤاد خلفا لخالد فهمي.")
    assert "محمد صلاح" not in people


def test_a_kunya_family_after_a_famous_given_name_is_another_man():
    people = _canonicals("اليمن", "أما الصحفي صدام أبو عاصم، فقد علق على الخطاب ساخرا.")
    assert "صدام حسين" not in people and "صدام أبو عاصم" in people


def test_a_famous_name_followed_by_its_own_kunya_is_still_him():
    assert "محمود عباس" in _canonicals("فلسطين", "وقال الرئيس محمود عباس أبو مازن إن القيادة ترفض القرار.")


@pytest.mark.parametrize("body, city", [
    ("ينتمي الكاتب إلى الحقبة الناصرية والقومية العربية.", "الناصرية"),
    ("دخل مجال الأغنية عبر القصيدة النبطية منذ صغره.", "النبطية"),
])
def test_a_citys_name_agreeing_with_a_feminine_noun_is_its_adjective(body, city):
    # the Nasserist era, Nabati poetry: not the Iraqi or the Lebanese city
    assert city not in _canonicals("ثقافة", body)


def test_a_city_after_a_masculine_definite_word_stays_a_city():
    assert "اللاذقية" in _canonicals("سوريا", "الأهم اللاذقية كمرفأ على البحر.")
