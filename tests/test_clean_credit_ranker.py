"""The credit ranker (naba.pipeline.clean.credit_ranker): what the fitted model adds to the rules' credits,
and what it is never asked about. Sentences of stored texts where the rules read nothing."""

import pytest

from naba.pipeline.clean import credit_ranker
from naba.pipeline.clean.attribution import candidates, find_attribution


@pytest.mark.parametrize("text, outlet", [
    # a statement an agency received; an agency opening a later paragraph, as a dateline does the first
    ("تقدم المسلحون في المنطقة.\nوأوضح المتمردون في بيان تلقته وكالة فرانس برس أن قيادة الحركة قررت ذلك.",
     "وكالة الأنباء الفرنسية"),
    ("مقدمة الخبر هنا.\nواس- الرياض: بدأت المديرية العامة للجوازات اليوم العمل بالنظام الجديد.",
     "وكالة الأنباء السعودية"),
])
def test_the_model_adds_credits_the_rules_do_not_read(text: str, outlet: str):
    found, _ = candidates(text)
    assert not any(c.rule for c in found)
    assert outlet in find_attribution(text)


@pytest.mark.parametrize("text", [
    "وقال إن خاشقجي الذي كان يكتب لصحيفة واشنطن بوست قتل.",  # writes for it
    "انتقل إلى لندن ليعمل في صحيفة «الحياة» ثم في الإذاعة.",  # works in it
    "وأوضح أنه اختير للكتابة في صحيفة «الحياة» مع عدد من الكتاب.",  # writes in it
    "وهو صحفي ومدير نشر ومسير لصحيفة لاتريبين منذ سنوات.",  # manages it (Maghrebi «مسير»)
    "اشترت رويترز شركة ناشئة.",  # the outlet acts in the news
    "ووصفت صحيفة دايلي ستار رحيل تشيك بأنه أكبر خطأ.",  # an unquoted unknown name after a describing verb
])
def test_the_model_is_never_asked_about_an_outlet_that_is_no_source(text: str):
    found, _ = candidates(text)
    assert found and all(credit_ranker.vetoed(c.features) for c in found if not c.rule)
    assert find_attribution(text) == ()
