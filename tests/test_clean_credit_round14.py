"""Credit forms of press round-ups and texts naming several outlets, read in the fourteenth and fifteenth
labelled rounds (issue 17): a paper's verbs of view and their object pronouns, what the reader reads in a
paper, a piece opening a sentence after و, two papers after a dual in the genitive, a paper opening a
clause after «فيما», a paper described by a relative clause before its verb, words said or written in a
paper, a news agency told past a relative clause."""

from __future__ import annotations

import pytest

from credit_rules import ruled
from naba.pipeline.clean.attribution import find_attribution


@pytest.mark.parametrize("text,expected", [
    # a review's verb with its object pronoun: what the paper wrote
    ("إيطاليا في نفق سياسي. هذا ما كتبته صحيفة الميزان الفرنسية.", ("صحيفة الميزان",)),
    # what the reader reads in the paper
    ('وحول الموضوع أثارت الصحف تجارة الحرب وهو ما نقرأه في صحيفة "الميزان"', ("صحيفة الميزان",)),
    ("الحكومة تتبعثر هو عنوان مقال تقرؤونه في صحيفة الميزان.", ("صحيفة الميزان",)),
    # verbs of a paper's view: expects, doubts, asks, praises, admits, shows, adds, attributes
    ('وفي إسبانيا، توقعت صحيفة "الميزان" حقبة جديدة في كرة القدم.', ("صحيفة الميزان",)),
    ("وعن الموضوع ذاته شككت صحيفة الميزان في التوصل إلى اتفاق.", ("صحيفة الميزان",)),
    ('الأسئلة ذاتها تطرحها صحيفة "الميزان" بقلم أحد كتابها.', ("صحيفة الميزان",)),
    ("بينما أثنت صحيفة «الميزان» على الجهد الذي بذله الفريق.", ("صحيفة الميزان",)),
    ("واعترفت قناة «الميزان» بأن الطائرات قصفت المدينة.", ("قناة الميزان",)),
    ('بينما عرضت صحيفة "الميزان" المشاهد الأكثر جدلية في المباراة.', ("صحيفة الميزان",)),
    ('وأضافت صحيفة «الميزان» قائلة: «الفريق نسي مشكلاته».', ("صحيفة الميزان",)),
    ("ونسبت شبكة «الميزان» لمصدر في لندن قوله إن الرجل عقيد.", ("شبكة الميزان",)),
    ('واكتفت صحيفة "الميزان" بالإشارة إلى الأرقام التي حققها المدرب.', ("صحيفة الميزان",)),
    # a piece of the paper opening the sentence after و
    ('وفي مقال بصحيفة "الميزان" في فبراير، قال الوزير إن الحرب قريبة.', ("صحيفة الميزان",)),
])
def test_round14_verbs_of_a_paper(text, expected):
    assert ruled(text) == expected


@pytest.mark.parametrize("credit,no_credit", [
    # what a paper wrote, with the verb's pronoun; not writing for a paper
    ("هذا ما كتبته صحيفة الميزان عن الحرب.", "وهذا آخر مقال كتبه لصحيفة الميزان قبل اختفائه."),
    # nor what a paper would write, in the present with a pronoun
    ("هذا ما كتبته صحيفة «الميزان» عن نشاطنا.", "يفرحنا خبر قصير تكتبه صحيفة «الميزان» عن نشاطنا."),
])
def test_round14_writing_for_a_paper_is_no_credit(credit, no_credit):
    assert (find_attribution(credit), find_attribution(no_credit)) == (("صحيفة الميزان",), ())


@pytest.mark.parametrize("text,expected", [
    # two papers after a dual in the genitive, each with its adjective
    ('وذكرت تحقيقات لصحيفتي "الميزان" البريطانية و"الرقيب" الأمريكية أن الشركة جمعت البيانات.',
     ("صحيفة الميزان", "صحيفة الرقيب")),
    # a paper opening a clause after «فيما», then its verb
    ("على الحكم أن يخجل من نفسه. فيما صحيفة توتو ميزان كتبت أن الخروج كان ظالما.", ("صحيفة توتو ميزان",)),
    # a paper, a relative clause set off by a comma, then its verb of saying and «إن»
    ('لكن صحيفة "الميزان" التي تصدر بالإنكليزية، قالت إن المحكمة أصدرت الحكم.', ("صحيفة الميزان",)),
])
def test_round14_papers_named_apart_from_their_verb(text, expected):
    assert ruled(text) == expected


def test_a_verb_after_a_relative_clause_with_its_own_subject_credits_nobody():
    assert ruled('لكن صحيفة "الميزان" التي تصدر في لندن، قالت إن التحقيق مستمر.') == ("صحيفة الميزان",)
    assert ruled('وأغلقت السلطات صحيفة "الميزان" التي تصدر في لندن، وقالت الشرطة إن التحقيق مستمر.') == ()


@pytest.mark.parametrize("text,expected", [
    # words said or written in a paper
    ('وحذر المستشار السابق لرئيسة الوزراء في صحيفة "الميزان" بأن المتمردين يزعزعون الحكومة.',
     ("صحيفة الميزان",)),
    ("وكتب الروائي الروسي في 24 فبراير 2017 في صحيفة الميزان عن تجربته في المعارضة.", ("صحيفة الميزان",)),
    ('وكتب الرئيس في مقال افتتاحي في الصحيفة الأسبوعية "الميزان" أن أوروبا تحتاج حكومة.', ("صحيفة الميزان",)),
    # a writer of the paper giving a view
    ("وبدوره رأى الكاتب في صحيفة الميزان أن الجهة التي قامت بالتفجير معروفة.", ("صحيفة الميزان",)),
    ("وشكك الكاتب في صحيفة «الميزان» المعارضة بإمكانية شن الحرب.", ("صحيفة الميزان",)),
])
def test_round14_said_or_written_in_a_paper(text, expected):
    assert ruled(text) == expected


@pytest.mark.parametrize("text", [
    # a place of work, a quote, an aside or an apposition between the verb and the paper
    "وقال مسؤول في صحيفة الميزان إن التوزيع تراجع.",
    'وقال: "تأثر بشخصين في جريدة الميزان أحدهما رسام".',
    "أنا شخصيا كتبت (قبل عشرين عاما في جريدة الميزان) عن محنة مواطن.",
    "يقول مايك بروك، الصحافي منذ فترة طويلة في جريدة الميزان، إن الصحف تتراجع.",
    # a place, not a site
    'وأفاد التقرير بأن نشاطا "مريبا" جرى في موقع بارشين العسكري.',
])
def test_round14_not_said_in_a_paper(text):
    # beside a text that credits the paper where the words were said
    said = "وقال الوزير في جريدة «الرقيب» إن الحرب قريبة."
    assert ruled(f"{said} {text}") == ("جريدة الرقيب",)


@pytest.mark.parametrize("text", [
    # a news agency told, past a relative clause describing who spoke
    'وقال ابنه الآخر الذي أصيب إصابة طفيفة لوكالة فرانس برس "اقتحموا البيت فجرا".',
    # or further back than another outlet would be
    "وقال بائع الصحف في منطقة سين-سان-دوني أنطوان راتييه (59 عاما) لوكالة فرانس برس إنه متوتر.",
])
def test_round14_agency_told_further_back(text):
    assert ruled(text) == ("وكالة الأنباء الفرنسية",)


def test_an_agency_photographer_is_not_an_agency_told():
    told = "وقال الوزير الذي وصل أمس لوكالة رويترز إن الحكومة ستنشر الصور."
    assert ruled(told) == ("رويترز",)
    assert ruled("وقال الوزير إن الحكومة ستنشر الصور التي التقطها المصور لوكالة رويترز.") == ()


@pytest.mark.parametrize("title,expected", [
    # an outlet opening the title before a colon is the story's credit line, quoted or not
    ('"رويترز": المقاومة تسيطر على القاعدة', ("رويترز",)),
    ("صحيفة لاتريبين: الفريق أعاد الخصم إلى مكانه", ("صحيفة لاتريبين",)),
])
def test_round14_outlet_opening_the_title(title, expected):
    assert find_attribution("وقال الوزير إن الاتفاق قريب.", title=title) == expected


@pytest.mark.parametrize("title", [
    # not when the rest refers back to it, nor a person, nor a sentence opening the title
    "الأناضول: إصابة مراسل الوكالة في غزة",
    "ترامب: لن نتراجع",
    "صحيفة كشفت الفضيحة: صور ثمن المعونات",
])
def test_round14_a_title_opening_names_no_credit(title):
    text = "وقال الوزير إن الاتفاق قريب."
    assert find_attribution(text, title="رويترز: المقاومة تسيطر على القاعدة") == ("رويترز",)
    assert find_attribution(text, title=title) == ()


@pytest.mark.parametrize("text,expected", [
    # a paper named bare and unquoted, shown to be one by what follows its name: a feminine adjective,
    # a piece it ran, «التي» and a verb of saying
    ("في الغد الأردنية يرى الكاتب أن الحكومة أمام مهمات استثنائية.", ("صحيفة الغد",)),
    ("نشرت الشرق الأوسط مقالا تحت عنوان: ترامب باغت إيران.", ("صحيفة الشرق الأوسط",)),
    ("والمستشارة ربطت الهجرة بمستقبل أوروبا تقول الحياة التي نقلت تصريحات المستشارة.", ("صحيفة الحياة",)),
    # «أما» a site whose name could be a place's, then its comment after ف
    ("أما موقع الميزان فقد وصف مبادرة الروس بأنها اندفاعة.", ("موقع الميزان",)),
    # a channel named by its language and its number
    ("أما القناة العبرية الثانية، فقد رأت أن نشر الفيديو حرب نفسية.", ("القناة العبرية الثانية",)),
    # an interview on a channel; an outlet told as the object of a verb of telling
    ('وفي لقاء تليفزيوني على قناة "الميزان"، قال المتحدث إن القبض تم.', ("قناة الميزان",)),
    ("وأبلغ المدرب البرتغالي قناة «الميزان» التلفزيونية: إنه فريق شاب.", ("قناة الميزان",)),
    ("وكان أفراد الأسرة قد أخبروا شبكة «الميزان» عن حادثة وفاتها.", ("شبكة الميزان",)),
    # the headline a paper chose
    ('"سوبر ميسي"، كان هذا هو العنوان الذي اختارته صحيفة «الميزان» لوصف النجم.', ("صحيفة الميزان",)),
])
def test_round14_papers_named_bare_told_or_choosing(text, expected):
    assert ruled(text) == expected


@pytest.mark.parametrize("credit,no_credit", [
    # the bare name is a common word unless what follows shows it is the paper
    ("في الغد الأردنية يرى الكاتب أن الحكومة أمام مهمات.", "في الغد يرى الكاتب أن الحكومة أمام مهمات."),
    # a wire's short name is a plain adjective when told, unquoted
    ("وأبلغ المسؤول وكالة الأنباء الفرنسية بكل التفاصيل.", "وأبلغ المسؤول الأجهزة الفرنسية بكل التفاصيل."),
    # a site after «أما» is an outlet only with its comment after ف
    ("أما موقع الميزان فقد وصف المبادرة بأنها خطأ.", "أما موقع الحادث فكان مغلقا."),
])
def test_round14_bare_or_told_needs_its_sign(credit, no_credit):
    assert ruled(credit) != () and ruled(no_credit) == ()


@pytest.mark.parametrize("text", [
    "وقال في مقابلة نشرت على موقع مانشستر سيتي إن الفريق جاهز.",  # a club the gazetteer knows
    "وأبلغ فييرا موقع نادي نيويورك سيتي أنه سيبقى.",  # a club it does not
    "وقال لموقع الاتحاد الدولي لكرة القدم إن الملعب جاهز.",  # a sports federation
])
def test_a_bodys_own_site_is_no_news_outlet(text):
    assert find_attribution(text, None, "عنوان", "alarabia") == ()


def test_a_news_site_or_a_paper_named_like_a_city_is_still_credited():
    assert find_attribution('وقال في مقابلة مع موقع "ذا أثليتيك" إن الفريق جاهز.', None, "عنوان", "alarabia") \
        == ("موقع ذا أثليتيك",)
    assert find_attribution("وذكرت صحيفة الرياض أن الفريق جاهز.", None, "عنوان", "alarabia") == ("صحيفة الرياض",)
