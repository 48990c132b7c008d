"""A full Arab name read from its shape: a given name, بن and the fathers' names, then the family
(``naba.pipeline.tagging.families``), however far from a title and said once. Sentences written after
SaudiNewsNet articles."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging import tag_article


def people(body: str) -> list[str]:
    return [e.canonical for e in tag_article(None, body).entities if e.kind == "person"]


@pytest.mark.parametrize("sentence, person", [
    ("وأوضح المتحدث الرسمي لهيئة الهلال الأحمر بمنطقة القصيم محمد بن عبد الله الجعيثن أنه نتج عن البلاغات"
     " إصابات.", "محمد بن عبدالله الجعيثن"),
    ("وذكر المدير التنفيذي لمهرجان التمور هزاع بن سيف الثبيتي أن المهرجان ينطلق هذا العام.",
     "هزاع بن سيف الثبيتي"),
    ("وأوضح رئيس البلدية المهندس محارب بن منصور المطيري أن البلدية قامت بتوسعة الممشى.",
     "محارب بن منصور المطيري"),
    ("وقال عبد الله بن محمد بن سعد الغامدي إن العمل سينتهي قريبا.", "عبدالله بن محمد بن سعد الغامدي"),
    ("وقال تركي بن مفلح بن مرعي آل هادي إن العمل سينتهي قريبا.", "تركي بن مفلح بن مرعي آل هادي"),
    ("قال محمد بن عبدالله الجعيثن", "محمد بن عبدالله الجعيثن"),  # the family is the text's last word
])
def test_a_nasab_closed_by_a_family_is_a_person(sentence: str, person: str):
    assert person in people(sentence)


@pytest.mark.parametrize("sentence", [
    "وقال كمال بن يونس الخبير التونسي إن الأسعار سترتفع.",  # an expert, not a family
    "وقال محمد بن سعيد السعودي إن الأسعار سترتفع.",  # a nationality
    "وقال طارق بن زياد الشهير إن الأسعار سترتفع.",  # a description
    "وأوقفت الشرطة محمد بن عبد الله الملقب بالذئب بعد مطاردة.",  # a participle: "nicknamed"
])
def test_a_nasab_followed_by_a_description_takes_no_family(sentence: str):
    assert not any(name.endswith(("الخبير", "السعودي", "الشهير", "الملقب")) for name in people(sentence))


def test_a_house_after_the_nasab_is_the_family_not_the_president():
    assert people("وقال تركي بن مفلح بن مرعي آل هادي إن العمل سينتهي قريبا.") == ["تركي بن مفلح بن مرعي آل هادي"]
