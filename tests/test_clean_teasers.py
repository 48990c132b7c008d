"""Trailing teasers of other stories (CNN Arabic bodies in ANT): cut by the clean stage, kept as leaks."""

from __future__ import annotations

from naba.models import RawArticle
from naba.pipeline.clean.article import clean_article
from naba.pipeline.clean.teasers import cut_teasers

OWN = [
    "دبي، الإمارات العربية المتحدة (CNN)-- أعلن البنك المركزي الأردني، الأحد، تراجع احتياطي المملكة من العملات "
    "الأجنبية للشهر السادس على التوالي، وفقا لبيانات رسمية نشرها البنك.",
    "وقال البنك في بيانه إن الاحتياطي انخفض إلى 11.4 مليار دولار بنهاية حزيران، مقارنة مع 12 مليارا قبل عام.",
    "وأضاف البنك أن تراجع الاحتياطي يعود إلى سداد التزامات خارجية وتراجع حوالات العاملين في الخارج هذا العام.",
]
TEASERS = [
    "خفضت وكالتا موديز وستاندرد أند بورز، الجمعة، التصنيف الائتماني لتركيا، فيما غيرت الأولى نظرتها المستقبلية "
    "للاقتصاد التركي من مستقرة إلى سلبية.",
    "أعلنت شركة أرامكو النفطية السعودية عن اكتشافها لحقلين نفطيين أحدهما جنوب شرق منطقة حرض والآخر في الربع الخالي "
    "بالإضافة إلى مكمن غاز في حقل السهباء.",
]


def test_trailing_leads_of_other_stories_are_cut():
    kept, cut = cut_teasers(OWN + TEASERS, "احتياطي الأردن من النقد الأجنبي يتراجع للشهر السادس")
    assert kept == OWN and cut == TEASERS


def test_an_articles_own_ending_stays():
    ending = "يذكر أن البنك المركزي كان قد رفع أسعار الفائدة مرتين هذا العام لمواجهة ضغوط التضخم على الدينار."
    assert cut_teasers([*OWN, ending])[0] == [*OWN, ending]
    # a lone last paragraph on something else, with no other report's lead among it, stays too
    aside = "أعلنت شركة أرامكو النفطية السعودية عن اكتشافها لحقلين نفطيين أحدهما جنوب شرق منطقة حرض والآخر في الربع الخالي."
    assert cut_teasers([*OWN, aside])[0] == [*OWN, aside]


def test_the_clean_stage_lifts_them_out_of_the_body_and_their_credits_out_of_the_attribution():
    teaser = ("دبي، الإمارات العربية المتحدة (CNN)-- ذكرت وكالة الأنباء السعودية، الخميس، أن عدد الحجاج القادمين "
              "من الخارج بلغ مليون حاج حتى مساء أمس بحسب إحصاءات رسمية.")
    raw = RawArticle(body="\n\n".join([*OWN, teaser]), title="احتياطي الأردن من النقد الأجنبي يتراجع",
                     source="CNN", url="https://arabic.cnn.com/1", published="2018-08-01")
    article = clean_article(raw)
    assert "الحجاج" not in article.body and teaser in article.page_related_leaks
    assert "وكالة الأنباء السعودية" not in article.attribution


# CNN teasers the cut missed (41170 and its kind: 160 more CNN bodies cut, 121 cut further, 2 others)
OPENING_W_VERB = ("واصل سعر صرف الريال الإيراني الانهيار أمام العملات الأجنبية خاصة الدولار الأمريكي، في إشارة إلى "
                  "عدم نجاعة الخطة التي اتبعتها السلطات النقدية الإيرانية مطلع أغسطس الماضي.")
OPENING_STOPWORD_VERB = ("أكد مجلس الوزراء اليمني، الدكتور أحمد عبيد بن دغر، أن الاقتصاد الوطني سيشهد خلال الأيام "
                         "القادمة حالة من الاستقرار، وفقا لوكالة الأنباء اليمنية الرسمية \"سبأ\".")
DATELINED = ("دبي، الإمارات العربية المتحدة (CNN) – قالت كرستين لاغارد، مدير عام صندوق النقد الدولي، إن الأزمة "
             "المالية العالمية لاتزال من الأحداث الفارقة في تاريخنا المعاصر.")


def test_teasers_opening_with_a_verb_that_begins_with_waw_or_is_a_stopword_are_cut():
    teasers = [OPENING_STOPWORD_VERB, DATELINED, OPENING_W_VERB]
    kept, cut = cut_teasers(OWN + teasers, "احتياطي الأردن من النقد الأجنبي يتراجع للشهر السادس")
    assert kept == OWN and cut == teasers


def test_a_two_paragraph_body_loses_a_datelined_teaser_only():
    title = "احتياطي الأردن من النقد الأجنبي يتراجع للشهر السادس"
    assert cut_teasers([OWN[0], DATELINED], title) == ([OWN[0]], [DATELINED])
    assert cut_teasers([OWN[0], TEASERS[0]], title) == ([OWN[0], TEASERS[0]], [])


def test_a_lone_last_paragraph_opening_on_a_verb_of_saying_is_kept():
    # Al Arabiya's Skripal report (33686) ends on the British foreign secretary's words, dated like a lead
    own = ["عثرت الشرطة البريطانية على الجاسوس الروسي السابق سيرغي سكريبال وابنته فاقدي الوعي في سالزبوري.",
           "وقالت المتحدثة باسم وزارة الخارجية الروسية ماريا زاخاروفا الأربعاء إن ما حدث استخدم لزيادة الحملة.",
           "وطلبت الشرطة مساعدة المواطنين بالإدلاء بمعلومات حول الحادث."]
    last = ("قال وزير الخارجية البريطاني بوريس جونسون، يوم الثلاثاء، إن بريطانيا قد لا تشارك بالطريقة العادية في "
            "كأس العالم لكرة القدم هذا الصيف إذا ثبت أن موسكو وراء المرض المفاجئ للجاسوس السابق.")
    title = "جاسوس المادة الغامضة يشعل الخلافات"
    assert cut_teasers([*own, last], title) == ([*own, last], [])
    assert cut_teasers([*own, OPENING_STOPWORD_VERB, DATELINED], title)[1] == [OPENING_STOPWORD_VERB, DATELINED]


# CNN teasers the cut missed (the third 2026-12-06 session: 122 more CNN bodies cut, 487 more
# paragraphs, 482 of them found in another CNN body)
IMPERFECT_LEAD = ("يدرس إيلون ماسك، الرئيس التنفيذي وأكبر المساهمين بشركة تسلا، تحويل الشركة إلى شركة خاصة، وأنه "
                  "تلقى عرضاً للاستحواذ عليها من صندوق استثمار.")
TWO_CLAUSE_DAY = ("قال الرئيس التركي، رجب طيب أردوغان، السبت، إن القوى المعادية لبلاده حاولت القيام بانقلاب "
                  "اقتصادي فيها باستخدام أسعار الصرف والعملات الأجنبية.")


def test_a_teaser_opening_on_an_imperfect_verb_or_naming_its_day_after_two_clauses_is_cut():
    teasers = [TWO_CLAUSE_DAY, IMPERFECT_LEAD]
    kept, cut = cut_teasers(OWN + teasers, "احتياطي الأردن من النقد الأجنبي يتراجع للشهر السادس")
    assert kept == OWN and cut == teasers


def test_a_statement_opening_on_an_imperfect_verb_and_a_dash_is_no_datelined_teaser():
    statement = ["صدر عن الديوان الملكي اليوم البيان التالي:",
                 "يغادر – بمشيئة الله تعالى – يوم غد الخميس صاحب السمو الملكي ولي ولي العهد إلى جمهورية مصر "
                 "العربية في زيارة عمل يلتقي خلالها بالرئيس المصري وعدد من المسؤولين لبحث العلاقات بين البلدين."]
    assert cut_teasers(statement, "ولي ولي العهد يغادر يوم غد إلى مصر") == (statement, [])
