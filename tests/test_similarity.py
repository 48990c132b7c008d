"""Pairwise story similarity: hand-written Arabic pairs with the verdicts a reader would give, and the
hot path (profiles, compare_profiles) pinned to the same answers."""

from __future__ import annotations

import math
import pickle

import pytest

from naba.gazetteer import load_gazetteer
from naba.models import Article
from naba.stories.similarity import (
    ArticleView,
    Options,
    Weights,
    compare,
    compare_profiles,
    count_document_frequencies,
    entity_counts,
    matcher,
    profile,
    read_frequencies,
    time_penalty,
    write_frequencies,
)
from naba.stories.similarity import idf as idf_module
from naba.stories.similarity.entities import _lookup
from naba.text import stem, tokens

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


def dated(view: ArticleView, published_at: str | None) -> ArticleView:
    return ArticleView(view.title, view.body, published_at)


# --- verdicts -------------------------------------------------------------------------------------

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


def test_the_time_rules_change_the_verdict_not_the_similarity():
    later = dated(ZELENSKY_KYIV_REWRITE, "2024-03-12T11:30:00+00:00")  # a week on
    now, then = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE), compare(ZELENSKY_KYIV, later)
    assert then.similarity == now.similarity
    assert now.same_story and not then.same_story
    assert then.parts["story"] < now.parts["story"]
    relaxed = Options(time_weight=0.0, max_gap_hours=24 * 30)
    assert compare(ZELENSKY_KYIV, later, relaxed).same_story


def test_the_threshold_decides():
    story = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE).similarity  # 3.5 hours apart: no time penalty
    assert compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE, Options(threshold=story)).same_story
    assert not compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE, Options(threshold=story + 1e-9)).same_story


@pytest.mark.parametrize("bad", [{"time_weight": -0.1}, {"time_weight": 1.5}, {"max_gap_hours": -1.0}])
def test_options_are_checked(bad):
    with pytest.raises(ValueError, match=next(iter(bad))):
        Options(**bad)


# --- entities -------------------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", ["زيلينسكي", "زيلنسكي", "فولوديمير زيلينسكي", "وزيلينسكي", "لزيلنسكي"])
def test_spelling_variants_and_clitics_are_one_entity(spelling):
    assert list(entity_counts(tokens(f"قال {spelling} اليوم"))) == ["person:volodymyr-zelensky"]


def test_variant_spellings_are_a_shared_entity():
    c = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE)
    assert "فولوديمير زيلينسكي" in c.shared_entities
    assert "كييف" in c.shared_entities
    assert c.time_gap_hours == pytest.approx(3.5)
    assert c.parts["entities"] > 0
    assert c.parts["terms"] + c.parts["entities"] == pytest.approx(c.similarity, abs=1e-4)


def test_entity_keys_can_be_turned_off():
    no_entities = Weights(entity=0.0)
    c = compare_profiles(profile(ZELENSKY_KYIV, no_entities), profile(ZELENSKY_KYIV_REWRITE, no_entities))
    assert c.parts["entities"] == 0.0 and c.shared_entities == ()


def test_a_full_name_is_one_mention_of_two_words():
    (m,) = matcher().mentions(tokens("قال فولوديمير زيلينسكي اليوم"))
    assert (m.id, m.weight, m.start, m.end) == ("person:volodymyr-zelensky", 1.0, 1, 3)


@pytest.mark.parametrize("view", ALL)
def test_the_phrase_filter_finds_what_trying_every_phrase_finds(view):
    """The matcher only tries a phrase where a name starts; trying every n-gram must find the same."""
    gaz = load_gazetteer()
    toks = tokens(f"{view.title} {view.body}")
    expected, i = [], 0
    while i < len(toks):
        for n in range(min(gaz.max_words, len(toks) - i), 0, -1):
            if hit := _lookup(tuple(toks[i:i + n]), gaz):
                expected.append((hit[0], hit[1], i, i + n))
                i += n
                break
        else:
            i += 1
    assert [(m.id, m.weight, m.start, m.end) for m in matcher().mentions(toks)] == expected
    assert expected  # every fixture names someone or somewhere


# --- the vector -----------------------------------------------------------------------------------

def test_a_title_word_counts_title_times_a_body_word():
    p = profile(ArticleView("زلزال", "فيضان"), Weights(title=4.0, lead_scale=0.0, entity=0.0))
    assert p.vector == pytest.approx({stem("زلزال"): 4 / math.sqrt(17), stem("فيضان"): 1 / math.sqrt(17)})


def test_early_body_words_weigh_more_than_late_ones():
    body = "فيضان " + "كلمة " * 400 + "زلزال"
    p = profile(ArticleView("", body), Weights(lead_scale=200.0, entity=0.0))
    assert p.vector[stem("فيضان")] == pytest.approx(3 * p.vector[stem("زلزال")], rel=0.01)  # 1 / (1 + 401/200)


def test_stopwords_and_one_letter_tokens_are_not_keys():
    p = profile(ArticleView("", "في من إلى على و ب زلزال"), Weights(entity=0.0))
    assert list(p.vector) == [stem("زلزال")]


@pytest.mark.parametrize("bad", ["title", "lead_scale", "entity", "idf_power"])
def test_weights_are_checked(bad):
    with pytest.raises(ValueError, match=bad):
        Weights(**{bad: -1.0})


# --- the hot path ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a", ALL)
@pytest.mark.parametrize("b", ALL)
def test_in_unit_interval_and_symmetric(a, b):
    ab, ba = compare(a, b), compare(b, a)
    assert 0.0 <= ab.similarity <= 1.0
    assert ab.similarity == ba.similarity  # exactly: the shared products are summed with math.fsum
    assert ab.same_story == ba.same_story
    assert ab.parts == ba.parts
    assert set(ab.shared_entities) == set(ba.shared_entities)
    assert ab.shared_terms == ba.shared_terms


def test_profiles_survive_pickling_and_give_the_same_comparison():
    pa, pb = (pickle.loads(pickle.dumps(profile(v))) for v in (ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE))
    fresh, direct = compare_profiles(pa, pb), compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE)
    assert fresh.as_dict() == direct.as_dict()
    assert pa.published == pytest.approx(1709625600.0)


@pytest.mark.parametrize("a", ALL)
def test_an_article_is_its_own_story(a):
    c = compare(a, a)
    assert c.same_story
    assert c.similarity == pytest.approx(1.0)


@pytest.mark.parametrize(("gap", "expected"), [(None, 0.0), (0.0, 0.0), (24.0, 0.0), (30 * 24.0, 1.0),
                                               (90 * 24.0, 1.0)])
def test_time_penalty(gap, expected):
    assert time_penalty(gap) == pytest.approx(expected)


def test_time_penalty_grows_with_the_gap():
    values = [time_penalty(h * 24.0) for h in (2, 4, 8, 16)]
    assert values == sorted(values) and 0 < values[0] < values[-1] < 1


def test_unknown_or_unreadable_dates_are_neutral():
    for other in (dated(ZELENSKY_LATER, None), dated(ZELENSKY_LATER, "last Tuesday")):
        c = compare(ZELENSKY_KYIV, other)
        assert c.time_gap_hours is None and c.parts["time"] == 0.0


def test_accepts_articles_and_empty_text():
    article = Article(body=ZELENSKY_KYIV.body, title=ZELENSKY_KYIV.title, published_at=ZELENSKY_KYIV.published_at)
    assert compare(article, ZELENSKY_KYIV).similarity == pytest.approx(compare(ZELENSKY_KYIV, ZELENSKY_KYIV).similarity)
    empty = compare(ArticleView("", ""), ZELENSKY_KYIV)
    assert empty.similarity == 0.0 and not empty.same_story and empty.shared_terms == ()


def test_json_shape():
    d = compare(ZELENSKY_KYIV, ZELENSKY_KYIV_REWRITE).as_dict()
    assert isinstance(d["similarity"], float) and isinstance(d["same_story"], bool)
    assert set(d) >= {"similarity", "same_story", "shared_entities", "shared_terms", "time_gap_hours", "parts"}
    assert "كييف" in d["shared_terms"] or "كييف" in d["shared_entities"]


# --- IDF tables -----------------------------------------------------------------------------------

def test_document_frequencies_count_exact_repeats_once():
    table, docs = count_document_frequencies(["زلزال قوي", "زلزال قوي", "زلزال جديد"])
    assert docs == 2
    assert table[stem("زلزال")] == 2 and table[stem("جديد")] == 1


@pytest.mark.parametrize("name", ["idf.tsv", "idf.tsv.gz"])
def test_frequencies_round_trip(tmp_path, name):
    frequencies = ({"زلزال": 5, "قوي": 2, "نادر": 1}, 9)
    assert write_frequencies(tmp_path / name, frequencies, minimum=2) == 2
    assert read_frequencies(tmp_path / name) == ({"زلزال": 5, "قوي": 2}, 9)


def test_the_idf_folder_comes_from_the_environment(tmp_path, monkeypatch):
    write_frequencies(tmp_path / "idf.tsv", ({stem("زلزال"): 99, stem("نادر"): 1}, 100))
    monkeypatch.setenv(idf_module.IDF_DIR_ENV, str(tmp_path))
    idf = idf_module.stem_idf()
    assert idf(stem("زلزال")) == pytest.approx(math.log(101 / 99.5))
    assert idf(stem("نادر")) == idf("never-seen") == pytest.approx(math.log(101 / 1.5))
    monkeypatch.setenv(idf_module.IDF_DIR_ENV, "")  # empty means unset: the sample corpus
    assert idf_module.stem_idf() is not idf
