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
