"""naba.stories.copies: exact and near duplicates, and the templated notices that must stay apart."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from naba.errors import UsageError
from naba.stories.copies import DuplicateIndex, Match
from naba.text import tokens

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "naba" / "sample"

WIRE = [
    ("الرياض (واس) - أعلنت وزارة النقل اليوم الأحد بدء تشغيل المرحلة الأولى من مشروع القطار السريع بين"
    " مدينتي الرياض وبريدة، بطاقة استيعابية تصل إلى عشرين ألف راكب يوميا."),
    ("وقال وكيل الوزارة للشؤون الفنية في مؤتمر صحفي إن المشروع نفذ خلال ثلاث سنوات بتكلفة بلغت نحو أربعة"
    " مليارات ريال، مشيرا إلى أن الرحلة ستستغرق ساعتين فقط بدلا من أربع ساعات بالسيارة."),
    ("وأوضح أن المرحلة الثانية ستربط بريدة بمدينة حائل، ومن المتوقع أن تكتمل قبل نهاية العام المقبل، ضمن"
    " خطة شاملة لتطوير شبكة السكك الحديدية في المملكة وربط المناطق الشمالية بالعاصمة."),
    ("وأضاف أن الوزارة ستطرح تذاكر مخفضة للطلاب وكبار السن خلال الأشهر الثلاثة الأولى من التشغيل، داعيا"
    " المواطنين إلى الحجز المبكر عبر التطبيق الرسمي للخطوط الحديدية."),
    ("وأشار إلى أن القطارات الجديدة مزودة بأنظمة أمان متقدمة وخدمة إنترنت لاسلكي مجانية، وأن محطات"
    " الانتظار جهزت بمرافق لذوي الإعاقة ومواقف واسعة للسيارات."),
]
ORIGINAL = "\n".join(WIRE)
EDITED = (ORIGINAL.replace("الرياض (واس) - ", "").replace("اليوم الأحد", "الأحد")
          .replace("نحو أربعة", "قرابة 4").replace("ثلاث سنوات", "3 سنوات").replace("المقبل", "القادم")
          .replace("المبكر", "") + "\nوفقا لما أوردته وكالة الأنباء السعودية.")
REWRITTEN = (
    "بدأت أولى رحلات القطار السريع بين الرياض وبريدة صباح الأحد وسط إقبال كبير من المسافرين الذين"
    " امتلأت بهم المحطة منذ الساعات الأولى. وقال راكب إنه وصل إلى بريدة في أقل من ساعتين، فيما اشتكى"
    " آخرون من صعوبة الحجز عبر التطبيق. وتخطط الوزارة لمد الخط إلى حائل، بحسب مسؤولين، في حين لم يعلن"
    " بعد عن أسعار التذاكر بعد انتهاء فترة التخفيض المخصصة للطلاب وكبار السن."
)


def cable(country: str, adjective: str) -> str:
    return (
        f"بعث خادم الحرمين الشريفين برقية تهنئة لرئيس {country}، بمناسبة ذكرى استقلال بلاده. وأعرب في"
        f" البرقية عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب {country}"
        f" {adjective} المزيد من التقدم والازدهار. كما بعث ولي العهد برقية تهنئة مماثلة لرئيس {country}،"
        " متمنيا له موفور الصحة والعافية ولشعب بلاده الصديق اطراد التقدم والازدهار."
    )


def execution(name: str) -> str:
    return (
        "أصدرت وزارة الداخلية اليوم بيانا بشأن تنفيذ حكم القتل قصاصا في أحد الجناة، جاء فيه أن المدعو"
        f" {name} سعودي الجنسية أقدم على قتل مواطن بإطلاق النار عليه إثر خلاف بينهما، وبفضل من الله تمكنت"
        f" الجهات الأمنية من القبض على الجاني المذكور، وأسفر التحقيق معه عن توجيه الاتهام إليه بارتكاب"
        f" جريمته، وبإحالته إلى المحكمة العامة صدر بحقه صك شرعي يقضي بثبوت ما نسب إليه والحكم عليه بالقتل"
        f" قصاصا، وقد تم تنفيذ حكم القتل قصاصا بالجاني {name} اليوم. ووزارة الداخلية إذ تعلن ذلك لتؤكد"
        " للجميع حرص حكومة خادم الحرمين الشريفين على استتباب الأمن وتحقيق العدل وتنفيذ أحكام الله."
    )


def obituary(name: str, job: str, age: int) -> str:
    return (
        f"نعت وزارة الثقافة {job} {name}، الذي وافته المنية صباح اليوم عن عمر ناهز {age} عاما بعد صراع"
        " مع المرض. وقالت الوزارة في بيان إن الراحل أثرى الحياة الثقافية بأعماله على مدار أكثر من نصف"
        " قرن، وترك إرثا سيظل حاضرا في ذاكرة الأجيال، متقدمة بخالص العزاء إلى أسرته وتلاميذه ومحبيه."
        " وتقام صلاة الجنازة عقب صلاة الظهر غدا، على أن يقام العزاء مساء اليوم نفسه."
    )


PAIRS = [
    # (case, first, second, duplicate?)
    ("verbatim copy, credit line appended", ORIGINAL, ORIGINAL + "\nالمصدر: وكالة الأنباء السعودية", True),
    ("trimmed copy: first two paragraphs", ORIGINAL, "\n".join(WIRE[:2]) + "\nنقلا عن واس", True),
    ("lightly edited copy", ORIGINAL, EDITED, True),
    ("same event rewritten", ORIGINAL, REWRITTEN, False),
    ("congratulation cables, two countries", cable("تونس", "الشقيق"), cable("بوليفيا", "الصديق"), False),
    ("congratulation cables, country only", cable("تونس", "الصديق"), cable("بوليفيا", "الصديق"), False),
    ("execution notices, two convicts",
     execution("ساير بن لافي الرشيدي"), execution("طلال بن أحمد الحمود"), False),
    ("obituaries, two people", obituary("محمد عبد الرحيم الشاذلي", "الفنان التشكيلي", 78),
     obituary("سليم يوسف العطار", "الشاعر", 81), False),
    ("spelling variant of a nationality", execution("ساير بن لافي الرشيدي") + " الأميركية",
     execution("ساير بن لافي الرشيدي") + " الأمريكية", True),
    ("same cable republished", cable("تونس", "الشقيق"), "القيادة تهنئ\n" + cable("تونس", "الشقيق"), True),
]


@pytest.mark.parametrize(("first", "second", "duplicate"), [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_pairs(first, second, duplicate):
    index = DuplicateIndex()
    assert index.add("a", first, 1) is None
    assert index.add("b", second, 2) == ("a" if duplicate else None)


def test_containment_needs_the_same_opening():
    index = DuplicateIndex(num_perm=64, bands=64)  # one row per band: every shared minimum is a candidate
    item = "\n".join(WIRE[1:3])
    index.add("compilation", REWRITTEN + "\n" + cable("تونس", "الشقيق") + "\n" + item, 1)
    assert index.add("item", item, 2) is None  # contained, but from the middle of the compilation
    assert index.add("trimmed", REWRITTEN, 3) == "compilation"  # contained and opens as it does


def test_the_earliest_copy_is_the_target_whatever_the_arrival_order():
    index = DuplicateIndex()
    assert index.add("late", ORIGINAL, 30) is None
    assert index.add("later", EDITED, 40) == "late"
    assert index.add("early", "\n".join(WIRE[:3]), 10) is None  # earlier than the group it joins
    assert index.duplicate_of("late") == "early"
    assert index.duplicate_of("later") == "early"
    assert index.duplicate_of("early") is None


def test_ties_on_timestamp_go_to_the_smaller_key():
    index = DuplicateIndex()
    assert index.add("b", ORIGINAL, 5) is None
    assert index.add("a", ORIGINAL, 5) is None
    assert index.duplicate_of("b") == "a"


def test_query_reports_without_storing():
    index = DuplicateIndex()
    index.add("a", ORIGINAL, 1)
    index.add("r", REWRITTEN, 2)
    [match] = index.query(EDITED)
    assert isinstance(match, Match) and match.key == "a"
    assert 0.5 <= match.jaccard < 1.0 and match.containment >= match.jaccard
    assert len(index) == 2 and index.query(cable("تونس", "الشقيق")) == []


def test_remove_hands_the_group_to_the_next_earliest():
    index = DuplicateIndex()
    index.add("a", ORIGINAL, 1)
    index.add("b", EDITED, 2)
    index.add("c", ORIGINAL + "\nالمصدر: واس", 3)
    index.remove("a")
    assert "a" not in index
    assert index.duplicate_of("b") is None and index.duplicate_of("c") == "b"
    assert [m.key for m in index.query(ORIGINAL)] == ["b", "c"]
    with pytest.raises(KeyError):
        index.remove("a")


@pytest.mark.parametrize("kwargs", [{"num_perm": 1}, {"bands": 7}, {"shingle": 0}, {"jaccard": 0},
                                    {"containment": 1.5}, {"guard_tokens": -1}])
def test_constructor_rejects_bad_parameters(kwargs):
    with pytest.raises(UsageError) as caught:
        DuplicateIndex(**kwargs)
    assert next(iter(kwargs)) in str(caught.value)


def test_a_key_is_added_once():
    index = DuplicateIndex()
    index.add("a", ORIGINAL, 1)
    with pytest.raises(UsageError):
        index.add("a", EDITED, 2)


def test_minhash_estimates_jaccard():
    index = DuplicateIndex(num_perm=256, bands=64)
    a, b = index.shingles(tokens(ORIGINAL)), index.shingles(tokens(EDITED))
    inter = np.intersect1d(a, b).size
    exact = inter / (a.size + b.size - inter)
    estimate = float(np.mean(index.signature(a) == index.signature(b)))
    assert abs(estimate - exact) < 0.1


def test_empty_and_tiny_texts_are_never_duplicates_of_anything():
    index = DuplicateIndex()
    assert index.add("e1", "", 1) is None
    assert index.add("e2", "", 2) is None
    assert index.add("w", "عاجل", 3) is None


def _sample():
    articles = {}
    for line in (SAMPLE / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            articles[record["id"]] = record
    truth = json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))
    index = DuplicateIndex()
    when = {key: truth["articles"].get(key, {}).get("published_local", "") for key in articles}
    for key in sorted(articles, key=lambda k: (when[k], k)):
        index.add(key, articles[key]["content"], when[key])
    return index, truth


def test_sample_corpus_duplicate_groups_are_found():
    index, truth = _sample()
    for detail in truth["duplicate_group_details"]:
        first = detail.get("original") or min(detail["members"], key=lambda k: (
            truth["articles"][k]["published_local"], k))
        for member in detail["members"]:
            assert (index.duplicate_of(member) or member) == first, (member, detail["kind"])


def test_sample_corpus_has_no_other_duplicates():
    index, truth = _sample()
    grouped = {key for group in truth["duplicate_groups"] for key in group}
    merged = {key for key in index._entries if index.duplicate_of(key) is not None}
    assert merged <= grouped
    for pair in truth["not_duplicates"]:
        a, b = pair["pair"]
        assert (index.duplicate_of(a) or a) != (index.duplicate_of(b) or b), pair["why"]
