"""Pairwise story similarity: hand-written Arabic pairs with the verdicts a reader would give."""

from __future__ import annotations

import pytest

from naba.models import Article
from naba.similarity import ArticleView, compare, entity_counts, time_penalty
from naba.text import tokens

ZELENSKY_KYIV = ArticleView(
    "زيلينسكي: مقتل 12 شخصا في قصف روسي على كييف",
    "قال الرئيس الأوكراني فولوديمير زيلينسكي إن 12 شخصا قتلوا وأصيب 40 آخرون في قصف صاروخي روسي استهدف "
    "مبنى سكنيا في العاصمة كييف فجر الثلاثاء، ودعا الحلفاء الغربيين إلى تزويد بلاده بمزيد من أنظمة الدفاع "
    "الجوي. وأضاف أن فرق الإنقاذ ما زالت تبحث عن ناجين تحت الأنقاض.",
    "2024-03-05T08:00:00+00:00")
ZELENSKY_KYIV_REWRITE = ArticleView(
    "12 قتيلا بضربة صاروخية روسية على مبنى سكني في كييف",
    "أعلن زيلنسكي مقتل 12 شخصا وإصابة 40 بجروح جراء ضربة صاروخية روسية على مبنى سكني في كييف، وطالب "
    "الدول الغربية بإرسال أنظمة دفاع جوي إضافية، فيما تواصل فرق الإنقاذ البحث تحت الأنقاض عن ناجين.",
    "2024-03-05T11:30:00+00:00")
ZELENSKY_LATER = ArticleView(
    "زيلينسكي يدعو إلى تسريع إرسال الدفاعات الجوية",
    "دعا الرئيس الأوكراني فولوديمير زيلينسكي الحلفاء الغربيين إلى تسريع تزويد أوكرانيا بأنظمة الدفاع الجوي، "
    "وقال في خطابه المسائي إن القصف الروسي على كييف والمدن الأوكرانية يتطلب ردا سريعا من الغرب.",
    "2024-03-19T20:00:00+00:00")
RIYADH_RAIN = ArticleView(
    "أمطار غزيرة تغلق طرقا في الرياض",
    "أغلقت السيول عددا من الطرق في الرياض بعد أمطار غزيرة هطلت مساء الأحد، ودعا الدفاع المدني السكان إلى "
    "البقاء في منازلهم وتجنب الأودية، فيما علقت المدارس الدراسة الحضورية يوم الاثنين.",
    "2024-03-05T09:00:00+00:00")
FOOTBALL = ArticleView(
    "الهلال يفوز على النصر في الدوري السعودي",
    "حقق الهلال فوزا ثمينا على النصر بهدفين مقابل هدف في المباراة التي جمعتهما مساء الجمعة ضمن منافسات "
    "الجولة العشرين من الدوري السعودي للمحترفين.",
    None)

ALL = [ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE, ZELENSKY_LATER, RIYADH_RAIN, FOOTBALL]


@pytest.mark.parametrize(("a", "b", "same_story", "low", "high"), [
    # same event, different outlet and wording, different spelling of the name
    (ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE, True, 0.5, 1.0),
    # same leader, same theme, two weeks later: a different story
    (ZELENSKY_KYIV, ZELENSKY_LATER, False, 0.0, 1.0),
    # unrelated
    (ZELENSKY_KYIV, RIYADH_RAIN, False, 0.0, 0.2),
    (ZELENSKY_KYIV, FOOTBALL, False, 0.0, 0.2),
    (RIYADH_RAIN, FOOTBALL, False, 0.0, 0.2),
], ids=["same-event", "same-leader-later", "unrelated-rain", "unrelated-football", "unrelated-local"])
def test_verdicts(a, b, same_story, low, high):
    c = compare(a, b)
    assert c.same_story is same_story, c
    assert low <= c.similarity <= high, c


def test_same_event_scores_above_same_leader_later_above_unrelated():
    same = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE).similarity
    later = compare(ZELENSKY_KYIV, ZELENSKY_LATER).similarity
    unrelated = compare(ZELENSKY_KYIV, RIYADH_RAIN).similarity
    assert same > later > unrelated


def test_same_leader_later_is_explained_by_the_gap():
    c = compare(ZELENSKY_KYIV, ZELENSKY_LATER)
    assert c.time_gap_hours == pytest.approx(14 * 24 + 12)
    assert c.parts["time"] > 0.5
    assert "فولوديمير زيلينسكي" in c.shared_entities


@pytest.mark.parametrize("spelling", ["زيلينسكي", "زيلنسكي", "فولوديمير زيلينسكي", "وزيلينسكي", "لزيلنسكي"])
def test_spelling_variants_and_clitics_are_one_entity(spelling):
    assert list(entity_counts(tokens(f"قال {spelling} اليوم"))) == ["person:volodymyr-zelensky"]


def test_variant_spellings_are_a_shared_entity():
    c = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE)
    assert "فولوديمير زيلينسكي" in c.shared_entities
    assert "كييف" in c.shared_entities
    assert c.time_gap_hours == pytest.approx(3.5)


@pytest.mark.parametrize("a", ALL)
@pytest.mark.parametrize("b", ALL)
def test_in_unit_interval_and_symmetric(a, b):
    ab, ba = compare(a, b), compare(b, a)
    assert 0.0 <= ab.similarity <= 1.0
    assert ab.similarity == pytest.approx(ba.similarity)
    assert ab.same_story == ba.same_story
    assert ab.parts == pytest.approx(ba.parts)
    assert set(ab.shared_entities) == set(ba.shared_entities)


@pytest.mark.parametrize("a", ALL)
def test_an_article_is_its_own_story(a):
    c = compare(a, a)
    assert c.same_story
    assert c.similarity > 0.8


@pytest.mark.parametrize(("gap", "expected"), [(None, 0.0), (0.0, 0.0), (24.0, 0.0), (30 * 24.0, 1.0),
                                               (90 * 24.0, 1.0)])
def test_time_penalty(gap, expected):
    assert time_penalty(gap) == pytest.approx(expected)


def test_time_penalty_grows_with_the_gap():
    values = [time_penalty(h * 24.0) for h in (2, 4, 8, 16)]
    assert values == sorted(values) and 0 < values[0] < values[-1] < 1


def test_unknown_or_unreadable_dates_are_neutral():
    undated = ArticleView(ZELENSKY_LATER.title, ZELENSKY_LATER.body, None)
    garbled = ArticleView(ZELENSKY_LATER.title, ZELENSKY_LATER.body, "last Tuesday")
    for other in (undated, garbled):
        c = compare(ZELENSKY_KYIV, other)
        assert c.time_gap_hours is None and c.parts["time"] == 0.0


def test_accepts_articles_and_empty_text():
    article = Article(body=ZELENSKY_KYIV.body, title=ZELENSKY_KYIV.title, published_at=ZELENSKY_KYIV.published_at)
    assert compare(article, ZELENSKY_KYIV).similarity == pytest.approx(compare(ZELENSKY_KYIV, ZELENSKY_KYIV).similarity)
    empty = compare(ArticleView("", ""), ZELENSKY_KYIV)
    assert 0.0 <= empty.similarity <= 1.0 and not empty.same_story


def test_json_shape():
    d = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE).as_dict()
    assert isinstance(d["similarity"], float) and isinstance(d["same_story"], bool)
    assert set(d) >= {"similarity", "same_story", "shared_entities", "shared_terms", "time_gap_hours", "parts"}
