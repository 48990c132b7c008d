"""The sameness model on texts written for the tests: copies, edited copies, templates, other news."""

from __future__ import annotations

import itertools
import json
import pickle

from naba.dates import parse_date, to_timestamp
from naba.pipeline.tagging import tag_article
from naba.sample import sample_dir
from naba.stories.placement import KEEP
from naba.stories.sameness import COPY, SAME, Profile, evidence, feature_values, judge, judge_at_least, profile_of_text

CABINET = ("مجلس الوزراء يقر نظام النقل العام الجديد",
           "أقر مجلس الوزراء في جلسته الأسبوعية اليوم الاثنين نظام النقل العام الجديد الذي يهدف إلى تنظيم "
           "خدمات الحافلات والقطارات داخل المدن. وقال وزير الإعلام في بيان عقب الجلسة إن النظام يلزم المشغلين "
           "بمعايير سلامة جديدة ويتيح للقطاع الخاص الاستثمار في خطوط جديدة.\n"
           "وأضاف الوزير أن المجلس وافق كذلك على تعديل لائحة الرسوم البلدية، وعلى اتفاقية تعاون مع الأردن "
           "في مجال الطاقة المتجددة. وأوضح أن تطبيق النظام يبدأ بعد تسعين يوما من نشره في الجريدة الرسمية.\n"
           "ويأتي القرار بعد دراسة استمرت عامين شاركت فيها هيئة النقل ووزارة الشؤون البلدية والقروية.")
EDITED = ("النقل العام: نظام جديد يلزم المشغلين بمعايير سلامة",
          "وافق مجلس الوزراء على نظام جديد للنقل العام، يلزم مشغلي الحافلات والقطارات داخل المدن بمعايير سلامة "
          "جديدة ويفتح الباب أمام استثمار القطاع الخاص في خطوط جديدة، بحسب ما أعلنه وزير الإعلام بعد الجلسة.\n"
          "ويبدأ تطبيق النظام بعد تسعين يوما من نشره في الجريدة الرسمية، ويأتي بعد دراسة استمرت عامين شاركت "
          "فيها هيئة النقل ووزارة الشؤون البلدية والقروية.\n"
          "ووافق المجلس كذلك على تعديل لائحة الرسوم البلدية وعلى اتفاقية تعاون مع الأردن في الطاقة المتجددة.")
OTHER = ("ارتفاع أسعار الذهب مع تراجع الدولار",
         "ارتفعت أسعار الذهب في التعاملات الآسيوية اليوم مع تراجع الدولار الأمريكي أمام سلة من العملات، وسط "
         "ترقب المستثمرين لبيانات التضخم في الولايات المتحدة.\nوصعد الذهب في المعاملات الفورية إلى أعلى "
         "مستوى في أسبوعين، فيما استقرت الفضة والبلاتين.")
CABLE = ("القيادة تهنئ رئيس {country} بذكرى الاستقلال",
         "بعث خادم الحرمين الشريفين برقية تهنئة لرئيس جمهورية {country} بمناسبة ذكرى استقلال بلاده، أعرب فيها "
         "عن أطيب التهاني وأصدق التمنيات بالصحة والسعادة له، ولشعب {country} الشقيق المزيد من التقدم والازدهار.")


def _profile(title: str, body: str, source: str = "") -> Profile:
    tags = tag_article(title, body)
    return profile_of_text(title, body, tuple(e.canonical for e in tags.entities), source)


def _judge(a: Profile, b: Profile, gap: float | None = 2.0):  # type: ignore[no-untyped-def]
    return judge(evidence(a, b, gap), a, b)


def test_a_republished_text_is_a_copy_and_the_same_event():
    a, b = _profile(*CABINET, "outlet-a"), _profile("عاجل: " + CABINET[0], CABINET[1], "outlet-b")
    judged = _judge(a, b)
    assert judged.copy and judged.same_event and judged.copy_probability > 0.9


def test_an_edited_copy_with_a_rewritten_lead_and_reordered_paragraphs_is_a_copy():
    judged = _judge(_profile(*CABINET, "outlet-a"), _profile(*EDITED, "outlet-b"))
    assert judged.evidence.trace_max > 0.5  # its sentences trace back to the other's
    assert judged.copy and judged.same_event


def test_other_news_is_neither():
    judged = _judge(_profile(*CABINET, "outlet-a"), _profile(*OTHER, "outlet-b"))
    assert not judged.copy and not judged.same_event and judged.similarity < 0.2


def test_one_template_filled_in_with_two_countries_is_neither_a_copy_nor_one_event():
    tunisia = _profile(CABLE[0].format(country="تونس"), CABLE[1].format(country="تونس"), "outlet-a")
    maldives = _profile(CABLE[0].format(country="المالديف"), CABLE[1].format(country="المالديف"), "outlet-b")
    judged = _judge(tunisia, maldives)
    assert judged.evidence.templated
    assert not judged.copy and not judged.same_event
    same_country = _profile(CABLE[0].format(country="تونس"), CABLE[1].format(country="تونس"), "outlet-b")
    assert _judge(tunisia, same_country).copy  # the same cable, republished, is a copy


CLOSE = ("مؤشر سوق الأسهم يغلق متراجعا {points} نقطة",
         "أغلق مؤشر سوق الأسهم الرئيسي جلسة اليوم متراجعا بمقدار {points} نقطة أو ما نسبته {share} في المئة، "
         "ليغلق عند مستوى {level} نقطة، وسط تداولات بلغت قيمتها {value} مليار ريال. وتراجعت أسهم {sector} "
         "بقيادة شركات البتروكيماويات، فيما ارتفعت أسهم قطاع التجزئة. وبلغ عدد الأسهم المتداولة {shares} مليون "
         "سهم، وارتفعت أسعار أسهم {up} شركة وتراجعت أسعار {down} شركة.")


def _close(points: str, share: str, level: str, value: str, shares: str, up: str, down: str) -> Profile:
    title, body = CLOSE
    fields = {"points": points, "share": share, "level": level, "value": value, "shares": shares, "up": up,
              "down": down, "sector": "القطاع المصرفي"}
    return _profile(title.format(**fields), body.format(**fields))


def test_the_next_days_figures_are_another_event_but_a_copy_the_next_day_is_not():
    monday = _close("71", "0.76", "9301", "5.2", "180", "40", "120")
    tuesday = _close("221", "2.38", "9080", "6.8", "215", "22", "141")
    same_day = _judge(monday, tuesday, gap=2.0)
    next_day = _judge(monday, tuesday, gap=24.0)
    assert not next_day.evidence.templated and next_day.evidence.other_day
    assert not next_day.same_event and not next_day.copy
    assert not same_day.evidence.other_day  # hours apart: figures may be an update of one report
    republished = _judge(monday, _close("71", "0.76", "9301", "5.2", "180", "40", "120"), gap=24.0)
    assert republished.copy and republished.same_event and not republished.evidence.other_day


WEATHER = ("الأرصاد: طقس شديد الحرارة على شرق ووسط المملكة",
           "توقعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس {day} طقسا شديد الحرارة على شرق "
           "ووسط المملكة ومعتدلا على المرتفعات، مع فرصة لتكون السحب الركامية الممطرة على مرتفعات {regions}، "
           "وتدني الرؤية الأفقية بسبب الأتربة المثارة على أجزاء من المنطقة الشرقية. وتوقعت أن تكون حركة الرياح "
           "السطحية شمالية غربية على البحر الأحمر بسرعة 20 إلى 40 كم في الساعة، وارتفاع الموج من متر إلى متر ونصف.")


def _bulletin(day: str, regions: str = "جازان وعسير والباحة") -> Profile:
    return _profile(WEATHER[0], WEATHER[1].format(day=day, regions=regions))


def test_two_days_bulletins_are_other_news_but_a_bulletin_republished_the_next_day_is_a_copy():
    thursday, friday = _bulletin("لهذا اليوم الخميس"), _bulletin("لهذا اليوم الجمعة", "عسير والباحة ومكة")
    assert _judge(thursday, friday, gap=20.0).evidence.other_day  # the weekdays they are for differ
    assert not _judge(thursday, friday, gap=20.0).same_event
    today, tomorrow = _bulletin("لهذا اليوم"), _bulletin("لهذا اليوم", "عسير والباحة ومكة")
    assert _judge(today, tomorrow, gap=22.0).evidence.other_day  # each "of this day", a day apart
    assert not _judge(today, tomorrow, gap=6.0).evidence.other_day  # hours apart: it may be one day
    republished = _judge(thursday, _bulletin("أمس الخميس"), gap=20.0)
    assert not republished.evidence.other_day and republished.copy  # it keeps its day


VISIT = ("{title}",
         "{verb} الأمير فيصل بن سعد وزير الدولة اليوم {place} في زيارة رسمية تلبية لدعوة من رئيس الوزراء الأردني. "
         "وكان في {party} سموه رئيس الديوان ووزير الخارجية وعدد من المسؤولين في الحكومة الأردنية.\n"
         "كما كان في {party} سفير المملكة لدى الأردن والملحق العسكري وعدد من منسوبي السفارة في عمان.\n"
         "ويضم الوفد الرسمي المرافق لسموه وزير الشؤون الاجتماعية ووزير الثقافة والإعلام ومستشار الديوان الملكي.")


def _visit(title: str, verb: str, place: str, party: str) -> Profile:
    return _profile(VISIT[0].format(title=title), VISIT[1].format(verb=verb, place=place, party=party))


def test_a_visits_arrival_and_its_departure_are_neither_a_copy_nor_one_event():
    arrival = _visit("وزير الدولة يصل إلى الأردن", "وصل", "إلى المملكة الأردنية الهاشمية", "استقبال")
    departure = _visit("وزير الدولة يغادر الأردن", "غادر", "المملكة الأردنية الهاشمية", "وداع")
    assert (arrival.act, departure.act) == ("arrival", "departure")
    judged = _judge(arrival, departure, gap=30.0)
    assert judged.evidence.other_act and judged.ruled_out and "journey" in (judged.ruling or "")
    assert not judged.copy and not judged.same_event
    republished = _judge(arrival, _visit("وصول وزير الدولة إلى الأردن", "وصل", "إلى المملكة الأردنية الهاشمية",
                                         "استقبال"), gap=3.0)
    assert not republished.evidence.other_act and republished.copy  # one end, retitled: a copy


def test_a_title_telling_both_ends_of_a_journey_has_no_act():
    both = _visit("وزير الدولة يصل إلى عمان ويغادر غدا", "وصل", "إلى المملكة الأردنية الهاشمية", "استقبال")
    assert both.act == ""
    treacherous = _visit("أمير المنطقة يزور المصابين في عمل إرهابي غادر", "زار", "المستشفى", "استقبال")
    assert treacherous.act == ""  # غادر, "treacherous", after an attack


def test_the_evidence_is_the_same_whichever_article_comes_first():
    a, b = _profile(*CABINET, "outlet-a"), _profile(*EDITED, "outlet-b")
    assert feature_values(evidence(a, b, 3.0)) == feature_values(evidence(b, a, 3.0))


def test_a_longer_gap_lowers_the_same_event_probability_not_the_similarity():
    a, b = _profile(*CABINET, "outlet-a"), _profile(*EDITED, "outlet-b")
    near, far = _judge(a, b, 1.0), _judge(a, b, 24.0 * 20)
    assert far.same_probability < near.same_probability and far.similarity == near.similarity


def test_reasons_say_what_decided_largest_first():
    judged = _judge(_profile(*CABINET, "outlet-a"), _profile(*EDITED, "outlet-b"))
    reasons = judged.reasons()
    assert reasons and [abs(c) for _, c in reasons] == sorted((abs(c) for _, c in reasons), reverse=True)
    assert {name for name, _ in reasons} <= set(SAME.weights)
    assert {name for name, _ in judged.reasons(COPY)} <= set(COPY.weights)


def test_a_profile_crosses_process_boundaries_unchanged():
    a, b = _profile(*CABINET, "outlet-a"), _profile(*EDITED, "outlet-b")
    a2, b2 = pickle.loads(pickle.dumps(a)), pickle.loads(pickle.dumps(b))
    assert feature_values(evidence(a2, b2, 3.0)) == feature_values(evidence(a, b, 3.0))


def test_empty_texts_are_never_the_same_as_anything():
    empty = profile_of_text("", "")
    judged = _judge(empty, _profile(*CABINET))
    assert not judged.copy and not judged.same_event and judged.similarity == 0.0


def test_a_bounded_judgement_answers_as_the_full_one_and_bounds_its_probabilities():
    """Every pair of the sample corpus (5,000 pairs): where the costly evidence is skipped, no copy and not
    the same event, as the full judgement says, with probabilities at least the full ones."""
    rows = [json.loads(line) for line in (sample_dir() / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = [(_profile(r["title"], r["content"], r["source"]), to_timestamp(parse_date(r["date"])) or 0.0) for r in rows]
    bounded = 0
    for (a, at), (b, bt) in itertools.combinations(texts, 2):
        gap = abs(at - bt) / 3600.0
        full = _judge(a, b, gap)
        for floor in (KEEP, SAME.threshold):
            quick = judge_at_least(a, b, gap, floor)
            assert quick.similarity == full.similarity
            if quick.bounded:
                bounded += 1
                assert not quick.copy and not quick.same_event and full.same_probability < floor
                assert quick.copy_probability >= full.copy_probability and not full.copy
                assert quick.same_probability >= full.same_probability
            else:
                assert (quick.copy, quick.same_event, quick.same_probability) == \
                       (full.copy, full.same_event, full.same_probability)
    assert bounded > len(texts) ** 2 // 2  # most pairs are far apart: the bound is what saves the time
