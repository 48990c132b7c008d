"""People the corpora name often, known to the gazetteer (``gazetteer/data/people_corpus.tsv``, made by
``bench/mine_people.py``): found wherever they are written, and never read inside another man's name."""

from __future__ import annotations

import pytest

from naba.gazetteer import load_gazetteer
from naba.pipeline.tagging import tag_article
from naba.pipeline.tagging.lexicon import lexicon


def _canonicals(title: str, body: str) -> list[str]:
    return [e.canonical for e in tag_article(title, body).entities]


def test_a_person_named_once_without_a_title_is_found():
    # a name said once in the body, with no title before it: the rules alone learn no one from that
    body = "ووصلت رحلة تقل 157 يمنيا إلى عدن، وأوضح رأفت الصباغ أن رحلات أخرى ستتبع."
    assert "رأفت الصباغ" in _canonicals("عودة العالقين", body)


def test_every_mined_person_has_an_english_name_and_no_date():
    # a year in a person's note dates them (``lexicon._since_table``): an article count must not read as one
    mined = [e for e in load_gazetteer().of_type("person") if "vetted by a labeller" in e.note]
    assert len(mined) > 700
    assert all(e.en for e in mined)
    assert not any(e.id in lexicon().since for e in mined)


@pytest.mark.parametrize("body,person,not_him", [
    # his son's given name before a known man's whole name: another man, written without بن
    ("وقال الرائد زيد محمد القحطاني إن الشرطة قبضت على المتهم.", "زيد محمد القحطاني", "محمد القحطاني"),
    ("وصرح الشيخ الدكتور مشعل جابر الأحمد الصباح مدير عام الهيئة بأن", "مشعل جابر الأحمد", "جابر الأحمد"),
])
def test_a_known_name_inside_another_mans_nasab_is_not_him(body, person, not_him):
    found = _canonicals("خبر", body)
    assert person in found and not_him not in found


def test_the_known_man_himself_is_still_him():
    assert _canonicals("خبر", "وقال محمد القحطاني إن الشرطة قبضت على المتهم.") == ["محمد القحطاني"]
    # two names side by side, joined by a conjunction: both people
    assert "خالد الفيصل" in _canonicals("خبر", "واستقبل الأمير سعود وخالد الفيصل الوفد.")


def test_an_ambiguous_surname_alone_is_the_person_the_article_names_in_full():
    body = "قالت المتحدثة سارة ساندرز إن الرئيس سيزور لندن. وأضافت ساندرز أن الزيارة مهمة."
    found = _canonicals("البيت الأبيض", body)
    assert "سارة ساندرز" in found and "بيرني ساندرز" not in found
    # a father's name in a nasab is no family name: the king named alone beside his son's full name
    found = _canonicals("الحكم", "أن يكون سلمان ثم محمد بن نايف ثم محمد بن سلمان على التوالي في ترتيب الحكم")
    assert "سلمان بن عبدالعزيز آل سعود" in found
    # a surname the gazetteer does not mark ambiguous stays its famous man's, beside his wife's full name
    found = _canonicals("زيارة", "قال أوباما إن زوجته ميشيل أوباما ستزور لندن.")
    assert "باراك أوباما" in found and "ميشيل أوباما" in found


def test_a_common_given_name_of_a_known_man_does_not_split_another_mans_name():
    # محمد opens a known man's name here; محمد المالكي is still one man, not محمد beside a Maliki
    body = ("واستقبل محمد بن عبدالعزيز السعد اللاعبين. وضمت القائمة فائز العنزي، مسفر العماري، "
            "محمد المالكي، ويشرف عليهم المدرب.")
    assert "محمد المالكي" in _canonicals("المنتخب", body)


@pytest.mark.parametrize("body,person", [
    # two Arab given names a long vowel apart are two names (سعود، سعيد)
    ("وقال الأمير عبدالعزيز بن سعود إن الوزارة ستعلن الخطة.", "عبدالعزيز بن سعيد"),
    # two family names with the article likewise (السعيدي، السعد)
    ("وقال محمد السعيدي إن الفريق جاهز.", "محمد السعد"),
])
def test_a_spelling_skeleton_does_not_join_two_arab_names(body, person):
    assert person not in _canonicals("خبر", body)


def test_a_spelling_skeleton_still_joins_two_transliterations():
    assert "إيلكاي غوندوغان" in _canonicals("مانشستر سيتي", "وقال إلكاي غندوغان إن الفريق جاهز.")
