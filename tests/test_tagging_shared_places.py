"""A name a city and a country share (عمان: Amman and Oman), settled by the article
(``naba.pipeline.tagging.shared_places``). Sentences written after SaudiNewsNet and ANT articles."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging import tag_article

AMMAN, OMAN = "عمّان", "سلطنة عمان"


def canonicals(body: str) -> list[str]:
    return [e.canonical for e in tag_article(None, body).entities]


@pytest.mark.parametrize("sentence, meant, not_meant", [
    ("ضمت المجموعة الأولى المغرب والبحرين وعمان والعراق والإمارات والجزائر.", OMAN, AMMAN),
    ("يضم المجلس السعودية والإمارات والبحرين والكويت وعمان وقطر.", OMAN, AMMAN),
    ("زار المبعوث كلا من دمشق وعمان وبيروت في إطار هذه الخطة.", AMMAN, OMAN),
])
def test_in_a_list_it_is_what_its_neighbours_are(sentence: str, meant: str, not_meant: str):
    found = canonicals(sentence)
    assert meant in found and not_meant not in found


@pytest.mark.parametrize("sentence, meant, not_meant", [
    ("وصلت الطائرة قادمة من العاصمة الأردنية عمان مرورا بمطار قاعدة الرياض.", AMMAN, OMAN),  # Jordan named
    ("استقبل السلطان قابوس في مسقط وزير الخارجية. وقالت عمان إنها ترحب بالمبادرة.", OMAN, AMMAN),  # Oman's
    ("عمان، الأردن (CNN)-- أعلنت الحكومة استئناف حركة الشحن مع سوريا.", AMMAN, OMAN),  # a dateline
    ("شاركت في المعرض السعودية وعمان والأردن والكويت.", OMAN, AMMAN),  # a list, Jordan in it
])
def test_the_article_points_to_one(sentence: str, meant: str, not_meant: str):
    found = canonicals(sentence)
    assert meant in found and not_meant not in found


def test_nothing_settles_it_alone():
    found = canonicals("وصل الوزير إلى عمان في زيارة رسمية تستمر يومين.")
    assert AMMAN not in found and OMAN not in found
