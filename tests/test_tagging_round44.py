"""Rules and entries read off the train names samples' remaining errors (fresh40-43): a nationality
adjective right after a given name is a family name, a place opening an outlet's quoted name is part of
that name, and the Asian Champions League's Iranian, Emirati, Qatari and Uzbek clubs are clubs, not
their cities. Sentences written after the SaudiNewsNet and ANT articles where each was seen."""

from __future__ import annotations

from naba.pipeline.tagging import tag_article


def entities(title: str | None, body: str) -> dict[str, str]:
    return {e.canonical: e.kind for e in tag_article(title, body).entities}


def test_a_nationality_after_a_given_name_is_a_family_name():
    found = entities("رحيل ناقد", "بعد سقوط النظام بقي محمد الجزائري يعاني حتى اضطر إلى الهجرة. وله مؤلفات كثيرة.")
    assert "الجزائر" not in found
    assert "الجزائر" in entities(None, "بعد سقوط النظام الجزائري تغيرت أمور كثيرة في البلاد.")
    # only a common Arab given name: سيب is Sepp Blatter's, and «ولاية سيب العمانية» is in Oman
    assert "سلطنة عمان" in entities("الهلال يخسر", "أقيمت المباراة على ملعب السيب في ولاية سيب العمانية.")


def test_a_place_opening_an_outlets_quoted_name_is_part_of_it():
    quoted = 'وقالت مكلور لصحيفة "فيلادلفيا إنكوايرر" الأمريكية إنها شعرت بالإحباط.'
    assert "فيلادلفيا" not in entities("مكلور تتحدث", quoted)
    assert "فيلادلفيا" in entities("مكلور تتحدث", quoted + " وتعيش مكلور في فيلادلفيا منذ سنوات.")
    assert "نيويورك" not in entities(None, "ونشر موقع «نيويورك ماغازين» تقريرا عن الانتخابات.")


def test_asian_clubs_are_clubs_not_their_cities():
    found = entities("دوري أبطال آسيا", "تعادل الهلال السعودي مع استقلال طهران الإيراني، وفاز فريق الجزيرة "
                     "الإماراتي على تراكتور سازي في دوري أبطال آسيا لكرة القدم.")
    assert {"استقلال طهران", "الجزيرة الإماراتي", "تراكتور سازي"} <= set(found)
    assert found["استقلال طهران"] == "org"
    assert not {"طهران", "طهران الإيراني", "الإمارات"} & set(found)
