"""Words that look like names and are not: a common noun one skeleton away from a place, a given name
one vowel away from a star's, a noun with its pronoun, a verb after a title (naba.pipeline.tagging)."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging import tag_article
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.spelling import skeleton
from naba.text import tokens


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
    ("مستشفى تمير العام يعايد موظفيه", "عايد مدير المستشفى موظفيه، وقال إن المستشفى يعايد موظفيه كل عام.",
     "موظفيه"),
])
def test_a_noun_with_its_pronoun_is_no_name(title, body, not_a_name):
    assert not any(not_a_name in name for name in _canonicals(title, body))


@pytest.mark.parametrize("body, verb", [
    ("جدير بالذكر أن الفريق خاض أولى مبارياته الودية أمس.", "خاض"),
    ("وأضاف أن الوزير كرر التأكيد على التزام بلاده بالاتفاق.", "كرر"),
])
def test_a_past_verb_after_a_title_is_no_name(body, verb):
    assert verb not in _canonicals("خبر", body)
