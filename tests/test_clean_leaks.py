"""Leaked headlines: the seed's run-together pair, the page's own headlines, and real lines that are not leaks.

The negative cases are real paragraphs from SaudiNewsNet and ANT that have a headline's shape
(sub-headings, captions, run-on prose); the detector flagged none of the 62,555 articles of those
two corpora (the seed-style leak does not occur there).
"""

from __future__ import annotations

import pytest

from naba.pipeline.clean.leaks import extract_leaks

PROSE_BEFORE = "قال الرئيس الروسي فلاديمير بوتين إن الولايات المتحدة أرادت التفاوض، لكن لا توجد رغبة كبيرة."
PROSE_AFTER = 'وأضاف بوتين في إفادة صحفية: "يبدو لي أنهم يريدون التفاوض في مجال الأسلحة الاستراتيجية".'
SEED_LEAK = "بوتين: نراقب عن كثب التصريحات الغربية بشأن ضرب عمق أراضينا بوتين يهنىء نظيره الأذربيجاني بعيد استقلال بلاده"
SEED_HEADLINES = [
    "بوتين: نراقب عن كثب التصريحات الغربية بشأن ضرب عمق أراضينا",
    "بوتين يهنىء نظيره الأذربيجاني بعيد استقلال بلاده",
]


def test_seed_pair_is_split_into_two_headlines():
    kept, leaks = extract_leaks([PROSE_BEFORE, SEED_LEAK, PROSE_AFTER])
    assert kept == [PROSE_BEFORE, PROSE_AFTER]
    assert leaks == SEED_HEADLINES


@pytest.mark.parametrize(
    ("paragraph", "known", "expected"),
    [
        # a single headline the page lists in its similar block, spelled differently
        ("زعيم كوريا الشمالية يصدر اوامر خطيرة بشأن انتاج الاسلحة النووية",
         ["زعيم كوريا الشمالية يصدر أوامر خطيرة بشأن إنتاج الأسلحة النووية"],
         ["زعيم كوريا الشمالية يصدر اوامر خطيرة بشأن انتاج الاسلحة النووية"]),
        # a known headline followed by an unknown one: cut at the known one's end
        ("رويترز: صور تظهر تشييد الصين منشأة كبيرة للأبحاث النووية خامنئي يدعو إلى اليقظة عند التفاوض",
         ["رويترز: صور تظهر تشييد الصين منشأة كبيرة للأبحاث النووية"],
         ["رويترز: صور تظهر تشييد الصين منشأة كبيرة للأبحاث النووية", "خامنئي يدعو إلى اليقظة عند التفاوض"]),
    ],
)
def test_known_headlines_are_evidence(paragraph, known, expected):
    kept, leaks = extract_leaks([PROSE_BEFORE, paragraph, PROSE_AFTER], known)
    assert (kept, leaks) == ([PROSE_BEFORE, PROSE_AFTER], expected)


@pytest.mark.parametrize(
    "paragraph",
    [
        # sub-headings and captions (SaudiNewsNet, ANT)
        "الأرمن في العراق إبان الحكم العثماني",
        "الأحمدي: طول القامة مشكلة الأخضر",
        "روسيا تقرر طرد 23 دبلوماسيا بريطانيا",
        "بومبيو: كيم جونغ أون مستعد لوضع خريطة طريق لنوع السلاح النووي",
        "القبض على العشرات من الأطفال المغرر بهم وتسليمهم للصليب الأحمر",
        # run-on prose whose leading word comes back (flagged before the particle rule)
        "من جهة ثانية أقيم على مسرح متنزه رغدان مهرجان لطفل تخلله العديد من الأناشيد الجميلة التي شاركت فيها فرقة كراميش",
        "من جهة ثانية دعت وزارة الخدمة المدنية 2199 مواطنا ومواطنة من المتقدمين على الوظائف المشمولة بلائحة الوظائف الصحية",
        # a full stop inside: prose, however it ends
        "وتنتج شركة جلاكسوسميثكلاين عقار روزجليتازون وتنتج شركة تاكيدا عقار بيوجليتازون. وكان قد فرض حظر على استخدام",
        # a repeated subject inside a sentence with a comma
        "بوتين قال إن روسيا مستعدة، وبوتين يرى أن الغرب يماطل في المفاوضات النووية",
    ],
)
def test_real_headline_shaped_paragraphs_are_kept(paragraph):
    paragraphs = [PROSE_BEFORE, paragraph, PROSE_AFTER]
    assert extract_leaks(paragraphs) == (paragraphs, [])


@pytest.mark.parametrize(
    "paragraphs",
    [
        [SEED_LEAK, PROSE_AFTER],  # the first paragraph is the article's own opening
        [PROSE_BEFORE, SEED_LEAK],  # last: not sandwiched between prose
        [PROSE_BEFORE, SEED_LEAK, "عنوان فرعي بلا نقطة"],  # next paragraph is not prose
    ],
)
def test_position_matters_without_known_headlines(paragraphs):
    assert extract_leaks(paragraphs) == (paragraphs, [])


def test_empty_input():
    assert extract_leaks([]) == ([], [])


def test_known_headline_needs_to_be_most_of_the_paragraph():
    known = ["زعيم كوريا الشمالية يصدر أوامر خطيرة بشأن إنتاج الأسلحة النووية"]
    quoting = (
        "ونشرت الصحيفة أمس تقريرا بعنوان زعيم كوريا الشمالية يصدر أوامر خطيرة بشأن إنتاج الأسلحة النووية،"
        " وتناولت فيه ردود الفعل في العواصم الغربية والآسيوية على القرار وتداعياته المحتملة على المنطقة."
    )
    paragraphs = [PROSE_BEFORE, quoting, PROSE_AFTER]
    assert extract_leaks(paragraphs, known) == (paragraphs, [])


def test_known_headline_with_a_comma_or_question_mark_is_still_a_leak():
    headline = "خامنئي يدعو إلى اليقظة عند التفاوض، هل يشير إلى الولايات المتحدة؟"
    kept, leaks = extract_leaks([PROSE_BEFORE, headline, PROSE_AFTER], [headline])
    assert (kept, leaks) == ([PROSE_BEFORE, PROSE_AFTER], [headline])


def test_known_headline_in_a_headline_shaped_line_cuts_a_pair_with_different_subjects():
    pair = "بوتين يأمر بتعزيز الدفاع الجوي في المناطق الغربية زيلينسكي يطالب أوروبا بمزيد من منظومات الدفاع الجوي"
    known = ["زيلينسكي يطالب أوروبا بمزيد من منظومات الدفاع الجوي"]
    kept, leaks = extract_leaks([PROSE_BEFORE, pair, PROSE_AFTER], known)
    assert kept == [PROSE_BEFORE, PROSE_AFTER]
    assert leaks == ["بوتين يأمر بتعزيز الدفاع الجوي في المناطق الغربية", known[0]]


OPEC_PAIR = "أسعار الذهب اليوم في ختام التعاملات الدولار يتراجع أمام العملات الرئيسية بعد بيانات التضخم الأمريكية"


def test_subject_verb_cut_only_on_pages_that_list_related_headlines():
    paragraphs = [PROSE_BEFORE, OPEC_PAIR, PROSE_AFTER]
    # ungated, this rule flagged 60 real paragraphs in SaudiNewsNet + ANT, none of them a leak
    assert extract_leaks(paragraphs) == (paragraphs, [])
    kept, leaks = extract_leaks(paragraphs, ["الذهب يرتفع إلى مستوى قياسي جديد مع تراجع الدولار"])
    assert kept == [PROSE_BEFORE, PROSE_AFTER]
    assert leaks == [
        "أسعار الذهب اليوم في ختام التعاملات",
        "الدولار يتراجع أمام العملات الرئيسية بعد بيانات التضخم الأمريكية",
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        # real sub-headings the subject-verb rule cut wrongly before the rules it now obeys
        "وترسل جميع المستندات المطلوبة إلكترونياً فقط وعلى شكل ملف واحد بصيغة PDF ومرتبة حسب تسلسل ذكرها",
        "تحديد سقف مالي أعلى حسب ترتيب الفرق والنقل التلفزيوني يدعم الخزائن",
        "تزايد صغار السن المتورطين في الإرهاب يستلزم إستراتيجية وطنية عاجلة للوقاية",
    ],
)
def test_subject_verb_rule_guards(paragraph):
    paragraphs = [PROSE_BEFORE, paragraph, PROSE_AFTER]
    assert extract_leaks(paragraphs, ["عنوان مقال آخر من القائمة المشابهة"]) == (paragraphs, [])
