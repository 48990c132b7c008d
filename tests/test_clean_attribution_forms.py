"""Credit forms of the third labelled round (issue 17): real-shaped sentences from the 61k store."""

from __future__ import annotations

import pytest

from naba.pipeline.clean.attribution import find_attribution


@pytest.mark.parametrize("text,expected", [
    # a reporting verb with its object pronoun ها (326 stored texts)
    ('وأضاف جلالي، في تصريحات نقلتها صحيفة "ديلي ميل" البريطانية، الاثنين، أن المناخ تغير.', ("ديلي ميل",)),
    ('هذه الشتائم نقلتها وكالة أنباء كوريا الشمالية، عن اتحاد المزارعين.', ("وكالة الأنباء المركزية الكورية",)),
    # an outlet's estimate (23 stored texts)
    ('دون تفاصيل عن القيمة المالية التي قدرتها صحيفة "ماركا" بـ 90 مليون يورو.', ("ماركا",)),
    ("وتقدر مجلة فوربس الأمريكية أنها تحقق إيرادا يوميا يبلغ مليار دولار.", ("مجلة فوربس",)),
    # words said to an outlet, with إلى (17 stored texts)
    ('وقال جيسوس، في تصريحات إلى صحيفة "ماركا" الإسبانية الرياضية: غريزمان لاعب رائع.', ("ماركا",)),
    ("وأضافت عبر الهاتف في حديث إلى وكالة رويترز: إن أصحاب السيارات ينامون فيها.", ("رويترز",)),
    # an agency named by its adjective and «للأنباء»/«للإعلام» (35 stored texts)
    ("وقالت الوكالة السورية للأنباء إنه خلال الاجتماع اتفق المعلم", ("الوكالة العربية السورية للأنباء",)),
    ("وقالت الوكالة الليبية للأنباء إن حفتر أصدر أوامره", ("وكالة الأنباء الليبية",)),
    ("وقال الناطق باسم الوزارة للوكالة الفرنسية للأنباء، إن النجار أصيبت", ("وكالة الأنباء الفرنسية",)),
    # known outlets the gazetteer lacked
    ("ونقلت وكالة الأنباء الإيرانية «إرنا» عن الرئيس", ("وكالة الجمهورية الإسلامية للأنباء",)),
    ("نقلت وكالة أنباء «الاسوشيتد برس» خبرا عن فتاة", ("أسوشيتد برس",)),
    ("وفق ما ذكرت صحيفة صباح التركية الحكومية.", ("صحيفة صباح",)),
    # a known outlet, «قد», then its verb
    ("وكانت شبكة «الجزيرة نت» قد ذكرت أنه منذ يونيو", ("قناة الجزيرة",)),
    # a name ends before who is quoted
    ("ونقلت صحيفة حريت عنه قوله إن التغطية الجوية مهمة", ("صحيفة حريت",)),
    ("ونقلت صحيفة مجهولة الاسم عنها قولها إن الاتفاق قريب", ("صحيفة مجهولة الاسم",)),
    # no outlet: several unnamed, or the outlet named before and then its object
    ('وقالت زاخاروفا، في تصريحات نشرتها وكالات الأنباء الروسية الخميس: "قتلنا الإرهابيين".', ()),
    ("وأكدت الوكالة أنباء مقتل جنود إماراتيين، وقالت إن أربعة جنود استشهدوا.", ()),
    ("وتقدر وكالة إينسي للإحصاءات أنه في عام 2016 كان عدد الفقراء 8.8 مليون.", ()),
])
def test_credit_forms(text, expected):
    assert find_attribution(text) == expected


def test_the_publisher_named_in_latin_is_not_its_own_source():
    text = 'وقال طبيب، يدعى الدكتور جاد، لبي بي سي إنهم كانوا يعملون في ظروف شديدة السوء.'
    assert find_attribution(text) == ("بي بي سي",)
    assert find_attribution(text, outlet="BBC") == ()


@pytest.mark.parametrize("text,expected", [
    # an outlet named before its verb, unknown but quoted or a state medium described (280 stored texts
    # hold a quoted outlet then a verb, known or not)
    ('وكانت صحيفة "إل كونفيدنسيال" قد أفادت مطلع يوليو بأن اتصالات هاتفية جرت.', ("صحيفة إل كونفيدنسيال",)),
    ("بعد أن كانت القناة العاشرة الإسرائيلية قالت إن التحركات الروسية لا تعني الفرار.",
     ("القناة العاشرة الإسرائيلية",)),
    # ... with its abbreviation between name and verb (16)
    ('وكانت وكالة الأنباء الإماراتية "وام"، أعلنت عن "تحرير القوات المهاجمة".', ("وكالة أنباء الإمارات",)),
    # ... or its issue after it (26)
    ("وسارعت صحيفة «الوطن» السورية في عددها، أمس، للحديث عن معلومات.", ("صحيفة الوطن",)),
    # never after a preposition: the verb is another subject's
    ("وفي دراسة نشرت يوم السبت الماضي على موقع «Vox.eu»، قال فابيو غيروني إن البنوك ضعيفة.", ()),
    # an outlet's description (41): a quoted or known name only, as what is described follows it
    ('ووصفته صحيفة "رودونغ سينمون" الحكومية اليومية، في الثالث والعشرين من الشهر، بأنه مختل.',
     ("رودونغ سينمون",)),
    ("ووصفت صحيفة دايلي ستار رحيل تشيك بأنه أكبر خطأ.", ()),
    # whose words the outlet carried (11), what came through it (3), its report (38)
    ('مشيراً إلى أن هذا النجاح يبشر بدقة عتادنا، وفقاً لما نقلته على لسانه وكالة "إرنا".',
     ("وكالة الجمهورية الإسلامية للأنباء",)),
    ('وفقاً لما ورد عبر وكالة الأنباء الإيرانية الرسمية "إرنا".', ("وكالة الجمهورية الإسلامية للأنباء",)),
    ("يزعم أنه اختطف من قبل جماعة إسلامية، بحسب تقرير صحيفة موناكو-ماتان.", ("صحيفة موناكو-ماتان",)),
    ('كشفت تقارير صحيفة عديدة عن أن شركة "أبل" الأمريكية تجهز لإعادة جهازها.', ()),
    # a piece the outlet ran, quoted (12)
    ('اعتبر مراد يتكين في افتتاحية في صحيفة "حرييت" أن رفع حالة الطوارئ قد يفتح صفحة جديدة.', ("صحيفة حريت",)),
    ("وقال هيغ في مقالة بصحيفة (ديلي تليغراف) إن أي حرب على القنب قد خسرت.", ("ديلي تلغراف",)),
    # the outlet told, after a relative clause set off by commas (8)
    ("من جهته قال بيناز صالح، الذي أتى من أوسلو مع ابنه وصديقه، لوكالة الصحافة الفرنسية إنه يريد السلام.",
     ("وكالة الأنباء الفرنسية",)),
    ("وقال الناشط، الذي كان يكتب لصحيفة الغد، إن الاتفاق قريب.", ()),
    # a state channel described by a descriptor, its nationality and its number
    ("وكشفت هيلين إيفانز، في حديث للقناة التلفزيونية البريطانية الرابعة، عما وصفته بتستر المنظمة.",
     ("القناة التلفزيونية البريطانية الرابعة",)),
    # a journal publishing a study is no news outlet credited (24 stored texts say «نشرتها مجلة»)
    ('والتجربة الناجحة على مادة "بيمافانسيرين" التي نشرتها مجلة "لانست نيورولوجي" المرموقة، ستقدم أملا.', ()),
    ('وأشارت الدراسة التي نشرتها مجلة "علم الأوبئة" إلى أن رمال الشاطئ قد تنقل العدوى.', ()),
    ('وكان ماكرون قد حذر في مقابلة نشرتها مجلة "دير شبيغل" الألمانية من مخاطر الحرب.', ("دير شبيغل",)),
])
def test_fourth_round_credit_forms(text, expected):
    assert find_attribution(text) == expected


@pytest.mark.parametrize(("outlet", "text", "expected"), [
    # Sky News Arabia's own texts (store code «skynews»): «لسكاي نيوز عربية» is whom it spoke to itself
    ("skynews", "وقال المتحدث في تصريحات لسكاي نيوز عربية إن المفاوضات ستستأنف.", ()),
    ("skynews", "وقال المتحدث لسكاي نيوز عربية ولوكالة رويترز إن المفاوضات ستستأنف.", ("رويترز",)),
    ("alarabia", "وقال المتحدث في مقابلة مع قناة العربية إن المفاوضات ستستأنف.", ()),
    ("aawsat", "وقال المتحدث لصحيفة «الشرق الأوسط» إن المفاوضات ستستأنف.", ()),
    # another outlet's text credits Sky News Arabia
    ("CNN", "وقال المتحدث لسكاي نيوز عربية إن المفاوضات ستستأنف.", ("سكاي نيوز عربية",)),
])
def test_the_publisher_named_by_its_site_code_is_never_its_own_source(outlet, text, expected):
    assert find_attribution(text, outlet=outlet) == expected


@pytest.mark.parametrize("text,expected", [
    # a comma glued to the reporting phrase (the folded «،» is «,»)
    ("وعملت المجموعة في قطاع النفط بأنحاء العالم،وفقا لوكالة رويترز.", ("رويترز",)),
    # an interview with the article
    ("وقال في المقابلة مع إذاعة «أويل» النمساوية إنه متفائل.", ("إذاعة أويل",)),
    # a name quoted after the medium's description, in quotes or in parentheses
    ("ويوم الأحد، نشرت الصحيفة اليونانية (كاثيميريني) ما قالت إنه نسخة من المكالمة.", ("كاثيميريني",)),
    ('وأفادت القناة الرسمية "أرت 1" أن المسؤولين ألقي القبض عليهم.', ("قناة أرت 1",)),
    # two outlets after a dual media word; a broadcast; «نيوز» makes an agency's name a news one
    ("وذكرت صحيفتا «ذي دايلي مايل» و»دايلي تلغراف» أن سيتي يسعى إلى حسم الصفقة.",
     ("ديلي ميل", "ديلي تلغراف")),  # دايلي مايل: the Daily Mail as the gazetteer names it
    ('وأظهر مقطع فيديو بثته قناة "سكاي تي جي 24" الإخبارية المسافرين وهم يصرخون.', ("قناة سكاي تي جي 24",)),
    ("ونقلت وكالة «باس نيوز» الكردية، عن مصدر مطلع قوله إن القصف توقف.", ("وكالة باس نيوز",)),
    # no name: the paper named before, or a quote of what the medium said
    ("وقالت الصحيفة البريطانية إن الحكومة تدرس القرار.", ()),
    ('وما وصفها التلفزيون الحكومي "بقضايا ضد الأمن" في بيانه.', ()),
])
def test_credit_forms_of_the_sixth_round(text, expected):
    assert find_attribution(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a press round-up: a paper's front page, its headline, its editorial, «أما ... ف»
    ("وعلى الصفحة الأولى في صحيفة «البلاد» حمل عنوانها «الإرهاب الأعمى يضرب الكويت».", ("صحيفة البلاد",)),
    ("أما صحيفة «الأيام» فحمل عنوانها «الإرهاب الأسود يضرب الكويت».", ("صحيفة الأيام",)),
    ("وحملت صحيفة «الوسط» عنوانها «جمعة الإرهاب».", ("صحيفة الوسط",)),
    ("فيما أكدت افتتاحية صحيفة «الشرق» أن المحاولات البائسة ستفشل.", ("صحيفة الشرق",)),
    ('وكان موقع "بازار360" فقد أشار إلى أن سعر الريال بلغ 150 ألفا.', ("موقع بازار360",)),
    # «حملت» an outlet only as its subject: the ministry blamed nobody's paper
    ("وحملت الوزارة الشركة مسؤولية التأخير.", ()),
])
def test_press_round_up_credit_forms(text, expected):
    assert find_attribution(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an unknown paper's name stops at what it did, a short feminine past verb
    ("ورأت الصحيفة ذلك. صحيفة هاأرتس حذرت في الافتتاحية من أن القرار ينتهك الوضع القائم.", ("هآرتس",)),
    ('وكانت صحيفة "إل موندو" كتبت أن الصفقة انتهت.', ("إل موندو",)),
    # or at what an outlet does that is no credit by itself
    ("وذكرت صحيفة لاكروا دعت الدول الأوروبية إلى التحرك.", ("صحيفة لاكروا",)),
    # a report an outlet ran: «في تقرير لموقع ...»
    ('معاناة السنة في إيران في تقرير لموقع "السكينة"، تتضارب المعلومات بشأن الحجم.', ("موقع السكينة",)),
    # a paper quoted bare after a reporting phrase; bare and unquoted it is the region
    ('* نقلا عن "الشرق الأوسط" اللندنية', ("صحيفة الشرق الأوسط",)),
    ("وقال إن الوضع في الشرق الأوسط خطير بحسب الشرق الأوسط.", ()),
    # one foreign name transliterated two ways is one outlet; two known outlets stay two
    ('حسب ما ذكر موقع "سيتيزن" البريطاني. وذكرت صحيفة سيتيزين أن الوزير قال ذلك.', ("موقع سيتيزن",)),
    # (the Telegraph so spelt is known: one outlet by its canonical name)
    ('حسب ما ذكر موقع "تلغراف" البريطاني. وذكرت صحيفة تليغراف أن الوزير قال ذلك.', ("ديلي تلغراف",)),
    ("وذكرت قناة الجزيرة وصحيفة الجزيرة أن الحادث وقع أمس.", ("قناة الجزيرة", "صحيفة الجزيرة")),
])
def test_credit_forms_of_the_ninth_round(text, expected):
    assert find_attribution(text) == expected
