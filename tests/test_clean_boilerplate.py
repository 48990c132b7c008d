"""Inline boilerplate: real lines from ANT and SaudiNewsNet pages, and prose that must stay."""

from __future__ import annotations

import pytest

from naba.pipeline.clean.boilerplate import strip_boilerplate, teaser_headline

PROSE = "وقال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف."


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("اقرأ أيضا: سجن رجل أعمال أمريكي عرض مكافأة", "سجن رجل أعمال أمريكي عرض مكافأة"),
        ("إقرأ أيضاً: الجماعات المسلحة التي تقاتل في الغوطة الشرقية", "الجماعات المسلحة التي تقاتل في الغوطة الشرقية"),
        ("اقرأ أيضًا | توكل كرمان في مظاهرة أمام القنصلية", "توكل كرمان في مظاهرة أمام القنصلية"),
        ("اقرأ ايضا أردوغان: الرئيس الذي روض العسكر", "أردوغان: الرئيس الذي روض العسكر"),
        ("للمزيد: ما سر التغيرات العسكرية في السعودية؟", "ما سر التغيرات العسكرية في السعودية؟"),
        ("للمزيد - معركة عفرين: من يقاتل من؟ ولماذا؟", "معركة عفرين: من يقاتل من؟ ولماذا؟"),
        ("قد يهمك| خطيبة جمال خاشقجي لـCNN: التقينا قبل 5 شهور", "خطيبة جمال خاشقجي لـCNN: التقينا قبل 5 شهور"),
        ("قد يهمك/ بعد تصريحات حمد بن جاسم.. حماس تستهجن", "بعد تصريحات حمد بن جاسم.. حماس تستهجن"),
        ("قد يهمك أيضا: عام على الأزمة الخليجية.. كيف بدأت؟", "عام على الأزمة الخليجية.. كيف بدأت؟"),
        ("شاهد.. حاملة الطائرات الأمريكية الجديدة", "حاملة الطائرات الأمريكية الجديدة"),
        ("طالع أيضا: أسعار النفط تتراجع", "أسعار النفط تتراجع"),
        ("شاهد أيضا فيديو لحظة الانفجار", "فيديو لحظة الانفجار"),
    ],
)
def test_teaser_lines_removed_with_their_headline(line, headline):
    text, removed = strip_boilerplate(f"{PROSE}\n{line}\n{PROSE}")
    assert text == f"{PROSE}\n{PROSE}"
    assert removed == [line]
    assert teaser_headline(line) == headline


@pytest.mark.parametrize(
    "line",
    [
        "شارك",
        "شارك هذا المقال",
        "شارك الخبر على فيسبوك",
        "تابعونا على تويتر",
        "تابعوا آخر الأخبار عبر تطبيق نبأ",
        "تابعونا على فيس بوك وتويتر",
        "اضغط هنا",
        "لمتابعة المباراة على الحواسيب اللوحية، اضغط هنا...",
        "لقراءة الحوار كاملا أنقر هنــا",
        "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
        "** جميع المقالات المنشورة تمثل رأي كتابها فقط.",
        "جميع الحقوق محفوظة 2015",
        "اقرأ المزيد",
        "المزيد...",
        "رابط الخبر بصحيفة الوئام: الصحة تعلن عن توفر 169 وظيفة شاغرة في محافظة جدة",  # its link to itself
    ],
)
def test_prompt_lines_removed_without_headline(line):
    text, removed = strip_boilerplate(f"{PROSE}\n{line}\n{PROSE}")
    assert (text, removed) == (f"{PROSE}\n{PROSE}", [line])
    assert teaser_headline(line) is None


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "شارك أكثر من 72 مشاركا عالميا في مختلف رياضات المغامرة في المهرجان العالمي",
        "شارك عشرات الآلاف من الأسبان في مسيرات حاشدة للمطالبة بمعاشات تقاعد أفضل.",
        "تابع الأمير عبدالعزيز بن سعود، وزير الداخلية، الحفل السنوي لاستعراض قوات أمن الحج",
        "قد يهمك أن تعرف أن الأسعار ارتفعت هذا العام بنسبة كبيرة.",
        "وشاهد الحضور عرضا فنيا في ختام الحفل.",
        "المصدر: وكالة الأنباء السعودية",
        "رابطة الدوري الإنجليزي وضعت جدولا جديدا للموسم المقبل.",
        "وقال: اقرأ أيضا ما كتبه الباحثون عن الظاهرة في تقريرهم السنوي المطول " + "كلمة " * 60,
    ],
)
def test_prose_kept(line):
    text = f"{PROSE}\n{line}\n{PROSE}"
    assert strip_boilerplate(text) == (text, [])


def test_bare_header_takes_the_headlines_below_it():
    # BBC Arabic in ANT: a bare header, then teaser headlines, then the article goes on
    teasers = [
        "أزمة كوريا الشمالية في سطور",
        "مدير سي آي إيه اجتمع سرا مع زعيم كوريا الشمالية",
        'كيم جونغ-أون زعيم كوريا الشمالية "يعلن وقف التجارب النووية والصاروخية"',
    ]
    text = "\n".join([PROSE, "اقرأ أيضاً:", *teasers, PROSE])
    clean, removed = strip_boilerplate(text)
    assert clean == f"{PROSE}\n{PROSE}"
    assert removed == ["اقرأ أيضاً:", *teasers]
    assert [teaser_headline(line) for line in removed] == [None, *teasers]


def test_read_more_label_does_not_take_the_next_line():
    text = f"{PROSE}\nالمزيد...\nعنوان فرعي للمقال\n{PROSE}"
    assert strip_boilerplate(text) == (f"{PROSE}\nعنوان فرعي للمقال\n{PROSE}", ["المزيد..."])


@pytest.mark.parametrize("line", [
    "سياسة التعليقات",
    "نرحب بتعليقاتكم ونقاشكم الحيوي حول هذا الموضوع، ونرجو الالتزام بآداب الحوار وعدم الإساءة للآخرين.",
    "تنويه: التعليقات المنشورة تعبر عن آراء أصحابها ولا تعبر بالضرورة عن رأي الصحيفة.",
    "الآراء الواردة في التعليقات لا تمثل رأي الموقع.",
    "يرجى من القراء الالتزام بآداب الحوار",
    "جميع التعليقات تخضع للمراجعة قبل النشر",
    "الموقع غير مسؤول عن محتوى التعليقات",
    "نحتفظ بحق حذف أي تعليق مسيء",
    "أضف تعليقك",
    "We welcome lively discussion. The views expressed in the comments below do not reflect those of the newspaper.",
    "The views expressed here are those of the commenters.",
    "Comments are moderated and may take a while to appear.",
    "Please keep comments civil and on topic.",
    "Comment policy",
    "Leave a comment",
])
def test_comment_policy_lines_removed_without_headline(line):
    text, removed = strip_boilerplate(f"{PROSE}\n{line}\n{PROSE}")
    assert (text, removed) == (f"{PROSE}\n{PROSE}", [line])
    assert teaser_headline(line) is None


@pytest.mark.parametrize("line", [
    "وفي تعليقات على القرار، قال المتحدث إن الحكومة ستدرس الأمر بعناية.",
    "التعليقات على مواقع التواصل انتشرت بسرعة كبيرة بعد الحادث.",
    "نرحب بكل الجهود الدولية لوقف الحرب، قال الرئيس في كلمته.",
    "الآراء منقسمة حول القرار داخل البرلمان.",
    "وقال الوزير إن الحوار مستمر مع النقابات.",
    "He declined to comment on the report, saying the inquiry was still open.",
    "Comments by the minister drew criticism from the opposition.",
])
def test_prose_about_comments_stays(line):
    assert strip_boilerplate(f"{PROSE}\n{line}") == (f"{PROSE}\n{line}", [])
