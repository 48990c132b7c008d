"""The words of Arabic credit lines, and the outlets the gazetteer knows, for ``attribution``.

Hand-written lists (no library reads Arabic attribution), each in index form (``naba.text.index``), each
for one job in reading «ذكرت وكالة الأنباء الكورية الجنوبية "يونهاب" أن ...»:

    REPORTING      the phrases right before a credited outlet (ذكرت، بحسب، وفقا لما أورده ...)
    MEDIA          the words that name a medium (وكالة، صحيفة ...): an outlet's name follows
    FILLERS        words between a media word and a known name (الأنباء، الرسمية، الجنوبية)
    DESCRIPTORS    words after a name that describe it (الفضائية، المحلية): they end an unknown name
    NAME_STOPS     words that never continue a name (function words, days, «تقريرا»)
    CONTAINERS     the site or page of an outlet («البوابة الإلكترونية لصحيفة ...»)
    SAYING         verbs and nouns of saying: «قال ... لوكالة فرانس برس» credits the agency told
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from naba.gazetteer import OUTLET_SUBTYPES, load_gazetteer
from naba.text import index


def _keys(*words: str) -> frozenset[str]:
    return frozenset(index(w) for w in words)


_FEMININE_VERBS = ("ذكرت", "أفادت", "أوردت", "نشرت", "نقلت", "قالت", "كشفت", "أكدت", "أشارت", "أوضحت", "بثت",
                   # the present: «وتقول صحيفة الغارديان إن» («يذكر أن»، «بلاغا يفيد»: not an outlet's)
                   "تقول", "تشير",
                   "أذاعت",  # «أذاعت شبكة سي إن إن تسجيلا»: a broadcast is its report, as «بثت»
                   "تنشر")  # «تنشر صحيفة "الحياة" مقالا»: a press review's present
# a masculine subject («قال تلفزيون ...»، «كشف موقع ...») takes the masculine verb
_MASCULINE_VERBS = ("ذكر", "أفاد", "أورد", "نشر", "نقل", "قال", "كشف", "أكد", "أشار", "أوضح", "يقول", "يشير",
                    "بث", "أذاع", "ينشر")  # «مقطع فيديو بثته قناة "سكاي تي جي 24"»: a broadcast is its report
# «التي قدرتها صحيفة "ماركا" بـ 90 مليون»، «وتقدر مجلة فوربس أن»: an outlet's estimate is its report
_ESTIMATING = ("قدرت", "تقدر", "قدر", "يقدر")
# «ووصفته صحيفة "رودونغ سينمون" بأنه ...»: an outlet's description is its report (41 stored texts)
_DESCRIBING = ("وصفت", "وصف", "تصف", "يصف")  # «تصفها "القدس العربي" بالخطيئة»
# «واعتبرت صحيفة "موندو ديبورتيفو" أن»، «عنونت صحيفة "أس" خبر المباراة»: an outlet's view or headline
_VIEWS = ("اعتبرت", "اعتبر", "رأت", "رأى", "عنونت", "عنون",
          "حملت", "حمل",  # «وحملت صحيفة «الوسط» عنوانها»: a press round-up's headline
          # «واختارت صحيفة أزفستيا عنوان»: the headline it chose
          "اختارت", "اختار", "تختار",
          "سلطت", "سلط", "تسلط", "يسلط",  # «وسلطت صحيفة «...» الضوء على»: what a review dwells on
          # «ونددت قناة بيرفي كنال بـ»، «ودعت صحيفة X إلى»: a paper's stand, right before its name (no
          # passive reads so: «اتهمت صحيفة» may be «اتُّهمت», so accusing is not here)
          "نددت", "ندد", "تندد", "دعت", "دعا", "تدعو", "طالبت", "طالب", "تطالب", "تساءلت", "تساءل",
          "تتساءل", "يتساءل")  # «تتساءل صحيفة العرب اللندنية على الغلاف»: a press review's present
# Verbs read since the ranker was fitted (``credit_ranker`` reads a context as it was fitted, without them):
_VIEWS_LATER = (
          # «وتوقعت صحيفة "ماركا" حقبة جديدة»، «وشككت صحيفة الرأي في»، «واكتفت صحيفة "لا ناسيون" بالإشارة»،
          # «اعترفت قناة المسيرة بأن»: what an outlet expects, doubts, admits is its say (no paper is the
          # object of these, unlike «حذرت صحيفة ...», which may be a warning to it)
          "توقعت", "توقع", "تتوقع", "رجحت", "رجح", "ترجح", "شككت", "شكك", "تشكك", "اكتفت", "اكتفى",
          "اعترفت", "اعترف",
          "طرحت", "تطرح", "يطرح",  # «الأسئلة ذاتها تطرحها صحيفة "..."»: the questions it asks
          "نسبت", "نسب", "تنسب",  # «ونسبت شبكة سي إن إن لمصدر سعودي قوله»: whom it quotes
          "عرضت",  # «بينما عرضت صحيفة "..." المشاهد»: what it showed (not «عرض», also a noun: an offer)
          "أضافت", "أضاف")  # «وأضافت صحيفة «البايس» قائلة»
# a press review's verbs: «وكتبت صحيفة "كيهان"»، «اهتمت صحيفة «نيويورك تايمز» بإعلان»، «صحيفة العرب
# تناولت»; not before an outlet glued to ل («كتبت لصحيفة ...»: she writes for it)
_PRESS_REVIEW = ("كتبت", "كتب", "تكتب", "يكتب", "اهتمت", "اهتم", "ركزت", "ركز", "تناولت", "تناول", "تتناول",
                 "يتناول", "أبرزت", "أبرز", "تطرقت", "تطرق", "علقت", "علق", "هاجمت", "هاجم", "أشادت", "أشاد",
                 "ألقت")  # «وألقت صحيفة «...» الضوء على»
_PRESS_REVIEW_LATER = ("أثنت", "أثنى")  # «بينما أثنت صحيفة ديلي ميل على الجهد»: as «أشادت»
# the past with an object pronoun too: «هذا ما كتبته صحيفة لاكروا» («مقال كتبه لصحيفة ...» is still writing
# for it); not the present («خبر قصير تكتبه صحيفة المنطقة»: what a paper would write)
_PAST_REVIEW = tuple(verb for verb in (*_PRESS_REVIEW, *_PRESS_REVIEW_LATER)
                     if verb not in ("تكتب", "يكتب", "تتناول", "يتناول"))
PRESS_REVIEW = _keys(*_PRESS_REVIEW, *_PRESS_REVIEW_LATER,
                     *(verb + pronoun for verb in _PAST_REVIEW for pronoun in ("ه", "ها")))
LATER = _keys(*_VIEWS_LATER, *_PRESS_REVIEW_LATER)
_FITTED_REPORTING = ("نقلا عن", "نقلاً عن", "بحسب", "حسب", "حسبما", "حسبما ذكرت", "حسبما أفادت", "حسبما أوردت",
             "حسبما نقلت", "حسبما نشرت", "حسبما قالت", "حسب ما", "وفق", "وفق ما", "وفقا", "وفقاً", "طبقا",
             "طبقاً", "وفقا لما أورده", "وفقا لما أوردته", "وفقا لما ذكره", "وفقا لما ذكرته", "وفقا لما نشره",
             "وفقا لما نشرته", "وفقا لما نقلته", "وفقاً لما أوردته", "وفقاً لما ذكرته", "أفادت به", "أفاد به",
             *_FEMININE_VERBS, *_MASCULINE_VERBS, "المصدر", "مصدر الخبر",
             *_ESTIMATING, *_DESCRIBING, *_VIEWS, *_PRESS_REVIEW,
             "نقرأ في",  # «نقرأ في افتتاحية صحيفة القدس»: a press review reads the paper
             "نجد في", "نجده في", "نجدها في",  # «هذا الرأي نجده في صحيفة الغد»
             # «وفقاً لما ورد عبر وكالة الأنباء الإيرانية» (3 stored texts)
             "ما ورد عبر", "لما ورد عبر",
             # «بحسب ما أوردته وكالة ...»، «في تصريحات نقلتها صحيفة ...»: the verb with its object pronoun
             *(verb + pronoun for verb in (*_FEMININE_VERBS, *_MASCULINE_VERBS, *_ESTIMATING, *_DESCRIBING, *_VIEWS)
               # but «اختارته سي إن إن شخصية العام»: whom an outlet chose is its story
               for pronoun in ("ه", "ها", "هم") if not verb.endswith(("اختارت", "اختار", "تختار"))))
REPORTING = (*_FITTED_REPORTING, *_VIEWS_LATER, *_PRESS_REVIEW_LATER,
             *(verb + pronoun for verb in (*_VIEWS_LATER, *_PAST_REVIEW) for pronoun in ("ه", "ها", "هم")),
             # «وهو ما نقرأه في صحيفة "العرب"»، «عنوان مقال تقرؤونه في صحيفة ...»: what the reader reads there
             *(verb + pronoun + " في" for verb in ("نقرأ", "نقرؤ", "تقرؤون", "تقرأون") for pronoun in ("ه", "ها")),
             "جاء في", "ورد في")  # «وجاء في افتتاحية صحيفة ...»: what a paper's piece says
# «صحيفة "ليكيب" الفرنسية ذكرت أن»: a known outlet as the subject before its verb (verb-first is usual)
# the present and «تحدثت» after the name, never before it: «يذكر أن»، «بلاغا يفيد» are no outlet's («صحيفة لوموند
# تشير إلى الخبر»، «موقع هافنغتون بوست في طبعته الفرنسية يفيد أن»، «صحيفة X الإسرائيلية تتحدث عن»)
_PRESENT = ("تفيد", "يفيد", "تذكر", "يذكر", "تورد", "يورد", "ترى", "يرى", "تعتبر", "يعتبر", "تؤكد", "يؤكد", "تكشف",
            "يكشف", "تنقل", "ينقل", "توضح", "يوضح", "تعنون", "يعنون", "تتساءل", "يتساءل", "تحدثت",
            "تحدث", "تتحدث", "يتحدث")
REPORTING_AFTER = _keys(*_FEMININE_VERBS, *_MASCULINE_VERBS, *_DESCRIBING, *_VIEWS, *_PRESS_REVIEW, *_PRESENT, *LATER,
                        "أعلنت", "أعلن", "نقرأ")  # «في صحيفة العرب نقرأ هذا المقال»
PRESENT = _keys(*_PRESENT)
DESCRIBING = _keys(*(verb + pronoun for verb in _DESCRIBING for pronoun in ("", "ه", "ها", "هم")))
# what an outlet does right after its name ends the name («صحيفة لاكروا دعت الدول»: its stand, in
# ``_VIEWS``); these others are no credits by themselves («اتهمت صحيفة ...» may accuse the paper)
OUTLET_DEEDS = REPORTING_AFTER | _keys("حذرت", "حذر", "انتقدت", "انتقد", "اتهمت", "اتهم", "توقعت", "توقع", "رجحت",
                                       "رجح", "لفتت", "لفت")
# «هذا الإعلان أشادت به صحيفة ...»، «علقت عليه صحيفة ...»: a review's verb, then its preposition's pronoun
PREPOSITION_PRONOUNS = _keys("به", "بها", "بهم", "عليه", "عليها", "إليه", "إليها")
# «اهتمت به كذلك صحيفة ...»، «وذكرت أيضا صحيفة ...»: between a reporting phrase and its outlet
ALSO = _keys("كذلك", "أيضا", "أيضاً")
PREPOSITIONS = _keys("على", "في", "من", "عن", "إلى", "مع", "عبر", "لدى")
# «وسارعت صحيفة «الوطن» السورية في عددها، أمس، للحديث عن ...»: the outlet's issue (26 stored texts)
ISSUE = _keys("عددها", "عدده", "طبعته", "طبعتها")  # «موقع هافنغتون بوست في طبعته الفرنسية يفيد»
# the ل of these is glued to the outlet: «وفقا لوكالة ...»، «نسبة لـ"رويترز"»
GLUED_REPORTING = _keys("وفقا", "وفقاً", "طبقا", "طبقاً", "ووفقا", "نسبة")
# with the article, these name an outlet only with its name quoted after them (``DEFINITE_MEDIA``)
DEFINITE_MEDIA = _keys("الصحيفة", "الجريدة", "المجلة", "الشبكة", "المحطة")
# two outlets named after one dual media word: «وذكرت صحيفتا «ذي دايلي مايل» و«دايلي تلغراف»»
DUAL_MEDIA = _keys("صحيفتا", "جريدتا", "قناتا", "وكالتا", "مجلتا", "محطتا", "شبكتا",
                   # after a preposition or a noun: «وذكرت تحقيقات لصحيفتي "أوبزرفر" و"نيويورك تايمز"»
                   "صحيفتي", "جريدتي", "وكالتي", "مجلتي", "محطتي")
MEDIA = _keys("وكالة", "وكالات", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "مجلة", "تلفزيون", "إذاعة", "راديو",
              "محطة", "الوكالة", "التلفزيون", "التلفزة", "الإذاعة", "القناة") | DEFINITE_MEDIA | DUAL_MEDIA
PAPER_WORDS = _keys("صحيفة", "جريدة")
PLURAL_MEDIA = _keys("وكالات")  # «وكالات الأنباء الروسية»: outlets not named
# an unknown one must be a news agency; «وكالتا موديز وفيتش» are rating agencies
AGENCY_WORDS = _keys("وكالة", "وكالات", "الوكالة", "وكالتا", "وكالتي")
SITE_WORDS = _keys("موقع")  # also "place": an unknown site must have a quoted or foreign name
# «التلفزيون الإيراني»: a definite media word names a country's broadcaster by its adjective alone
STATE_MEDIA = _keys("التلفزيون", "التلفزة", "الإذاعة", "القناة")
NEWS_WORDS = _keys("الأنباء", "أنباء", "للأنباء", "الصحافة", "للصحافة", "الإعلام", "للإعلام", "الأخبار", "أخبار",
                   "الإخبارية", "نيوز")  # «وكالة «باس نيوز» الكردية»
GENERIC = _keys("الوكالة", "الصحيفة", "الموقع", "القناة", "الشبكة", "المجلة", "الجريدة", "الأنباء", "أنباء",
                "الرسمية", "الإذاعة", "التلفزيون", "التلفزة")
DESCRIPTORS = _keys("الرسمية", "الرسمي", "الحكومية", "الحكومي", "الفضائية", "الفضائي", "المحلية", "المحلي",
                    "اليمينية", "اليميني", "اليسارية", "اليساري", "الأسبوعية", "الأسبوعي", "اليومية", "اليومي",
                    "المستقلة", "المستقل", "الإلكترونية", "الإلكتروني", "الشهيرة", "الشهير", "المعروفة", "الناطقة",
                    "المقربة", "المقرب", "التابعة", "التابع", "المتخصصة", "المتخصص", "المختصة", "المختص",
                    "البارزة", "الصادرة", "المعارضة", "المعارض", "الموالية", "الموالي", "الإخبارية", "الإخباري",
                    "التلفزيونية", "التلفزيوني", "الاقتصادية", "الاقتصادي", "الخاصة", "الخاص",
                    # a paper's leaning: «وأما صحيفة "افتاب" الإصلاحية، فأشادت»
                    "الإصلاحية", "الإصلاحي", "المحافظة", "المحافظ", "المتشددة", "المتشدد", "الليبرالية",
                    "الليبرالي", "المعتدلة", "المعتدل")
# «صحيفة «يني شفق» المؤيدة للحكومة قالت»: a paper's leaning, then whom it leans to, before its verb
LEANINGS = _keys("المؤيدة", "المؤيد", "المقربة", "المقرب", "القريبة", "القريب", "الموالية", "الموالي", "التابعة",
                 "التابع", "الناطقة", "الناطق", "المعارضة", "المعارض")
LEANING_WINDOW = 5  # words after a leaning its outlet's verb may stand («المقربة من الحرس الثوري قالت»)
DIRECTIONS = _keys("الجنوبية", "الجنوبي", "الشمالية", "الشمالي", "الشرقية", "الشرقي", "الغربية", "الغربي")
# «صحيفة ذي وال ستريت جورنال»: a foreign article before a name the gazetteer spells without it
FOREIGN_ARTICLES = _keys("ذي", "ذا", "دي", "ذ")
FILLERS = NEWS_WORDS | DESCRIPTORS | DIRECTIONS
ORDINALS = _keys("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السابعة", "العاشرة", "الأول", "الثاني")
NAME_STOPS = _keys(
    "أن", "إن", "عن", "في", "على", "من", "إلى", "الى", "مع", "التي", "الذي", "الذين", "و", "أو", "ثم", "قد",
    "أمس", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين", "نقلا", "بحسب",
    "حيث", "بأن", "فإن", "لكن", "أيضا", "كذلك", "أهم", "اليوم", "مساء", "صباح", "قبل", "بعد", "خلال", "عبر", "هذا",
    "هذه", "نفسها", "ذاتها", "تقريرا", "تقريراً", "تقرير", "خبرا", "مقالا", "مقال", "تحقيقا", "صورا", "صورة",
    "مقطع", "فيديو", "بيانا", "خلفية", "تفاصيل", "نص", "رسالة", "تغريدة", "عددها", "إنه", "إنها", "أنه", "أنها",
    "بأنه", "بأنها", "لأن", "لن", "لم", "لا", "سوف", "قائلا", "قائلاً", "قائلة", "مضيفا", "مضيفة", "مؤكدا", "مؤكدة",
    "مشيرا", "مشيرة", "نسخة", "منه", "منها", "فيه", "فيها", "له", "لها", "شبه",  # شبه الرسمية
    "عام",  # «مجلة إنتتش عام 2011»: the year it wrote
    "واسعة", "واسع",  # «وكتبت صحيفة بيلد واسعة الانتشار كلمة»
    "عنوان", "عنوانا", "عنوانها",  # «واختارت صحيفة أزفستيا عنوان ...»: its headline
    # «ونقلت صحيفة حريت عنه قوله»: who is quoted, and what
    "عنه", "عنها", "عنهم", "عنهما", "قوله", "قولها", "قولهم",
    # pronouns and «إن/أن» with one: «صحيفة جيروزاليم بوست شكرت هي كذلك»، «لوكالة أسوشييتدبرس للأنباء إنهم»
    "هو", "هي", "هم", "هما", "إنهم", "أنهم", "إنهما", "أنهما", "إنني", "أنني", "إننا", "أننا")
# «قناة فضائية»، «محطة تلفزيون عربية»، «موقع متخصص»: a medium described, not named
INDEFINITE = _keys("فضائية", "فضائي", "حكومية", "حكومي", "رسمية", "رسمي", "محلية", "محلي", "عربية", "عربي",
                   "أجنبية", "أجنبي", "دولية", "دولي", "إلكترونية", "إلكتروني", "متخصص", "متخصصة", "تابع", "تابعة",
                   "تلفزيونية", "تلفزيوني", "إذاعية", "إخبارية", "إخباري", "خاصة", "خاص", "مستقلة", "مقربة", "معارضة",
                   "موالية", "محلي", "تلفزيون", "إذاعة", "أخرى", "آخر", "قومية", "قومي",  # «محطة تلفزيون قومية روسية»
                   "عديدة", "كثيرة", "متعددة",  # «كشفت تقارير صحيفة عديدة»: many press reports, none named
                   "واسعة", "واسع")  # «صحيفة واسعة الانتشار»: widely read, no name
# names after a media word that are no outlet: canals («لقناة السويس»), social networks («موقع تويتر»)
NOT_OUTLETS = _keys("السويس", "بنما", "تويتر", "فيسبوك", "فيس", "يوتيوب", "إنستغرام", "انستغرام", "إنستجرام",
                    "سناب", "تلغرام", "تليغرام", "واتساب", "لينكدإن", "التواصل", "الإنترنت")
CONTAINERS = _keys("موقع", "الموقع", "بوابة", "البوابة", "النسخة", "نسخة", "الإلكترونية", "الإلكتروني", "الرسمي",
                   "الرسمية", "حساب", "صفحة",
                   # «بحسب تقرير صحيفة موناكو-ماتان»: the outlet's report; «أكدت افتتاحية صحيفة «الشرق»»
                   "تقرير", "تقارير", "افتتاحية", "افتتاحيتها", "مقال", "عمود",
                   "تحقيق", "تحقيقات",  # «وذكرت تحقيقات لصحيفتي ...»: its investigation
                   "تعليق",  # «بحسب تعليق صحيفة ...»
                   # «نقل مراسل تلفزيون «فوكس» من بورتوريكو»: what its correspondent reports is its report
                   "مراسل", "مراسلة", "مراسلو", "مراسلي")
# «حسب تقرير نشر في صحيفة «تايمز»»: a piece published in the outlet is the outlet's (not «المقال الذي نشر
# في صحيفة ...», a piece the story is about)
PUBLISHED_IN = _keys("نشر", "نشرت", "المنشور", "المنشورة")
# «وعلى الصفحة الأولى في صحيفة «البلاد» حمل عنوانها»: a press round-up reads the papers' front pages
FRONT_PAGES = frozenset(tuple(index(w) for w in page.split()) for page in ("الصفحة الأولى", "صفحتها الأولى"))
# «على غلاف صحيفة آراب نيوز صورة»: what a paper's cover shows is its report
COVERS = _keys("غلاف", "واجهة")
# «وفقاً لما نقلته على لسانه وكالة "تاس"»: whose words the outlet reported (11 stored texts)
TONGUE = _keys("لسانه", "لسانها", "لسانهم")
# «وقال هيغ في مقالة بصحيفة "ديلي تليغراف" إن»: words quoted from a piece the outlet ran (12 stored texts)
PIECE_NOUNS = _keys("مقال", "مقالة", "افتتاحية", "عمود", "تقرير")  # «في تقرير لموقع "السكينة"»
PIECES = PIECE_NOUNS | _keys("رأي", "له", "لها")
# «الدراسة التي نشرتها مجلة "لانست نيورولوجي"»: a journal publishing a study is no news outlet credited
STUDIES = _keys("دراسة", "الدراسة", "الدراسات", "دراسات", "البحث", "بحث", "أبحاث", "الأبحاث", "التجربة", "للدراسة",
                "والدراسة", "ودراسة")
PUBLISHING = _keys("نشرتها", "نشرته", "نشرت", "ونشرتها", "ونشرت", "ونشرته",
                   "تنشرها", "تنشره", "تنشر", "ستنشرها", "ستنشر")  # «نتائج الأبحاث حتى تنشرها مجلة "ذا لانسيت"»
SAYING = _keys("قال", "قالت", "أكد", "أكدت", "أضاف", "أضافت", "صرح", "صرحت", "أوضح", "أوضحت", "أبلغ", "أبلغت",
               "أفاد", "أفادت", "أشار", "أشارت", "كشف", "كشفت", "تحدث", "تحدثت", "قوله", "قولها", "تصريح",
               "تصريحات", "حديث", "حديثه", "حديثها", "أعلن", "أعلنت", "ذكر", "ذكرت", "يقول", "تقول",
               "قائلا", "قائلة", "مضيفا", "مضيفة",  # «تراجع عنه قائلا لصحيفة نيويورك تايمز إنه»
               # «وحذر الخبير لوكالة الصحافة الفرنسية من أن»، «التصريح الذي أدلى به لمحطة "روسيا اليوم"»
               "حذر", "حذرت", "أدلى", "أدلت",
               "علق", "علقت")  # «وعلق مدير خدمة التراث ... لوكالة فرانس برس قائلا»
# «... الذي كان يكتب لصحيفة واشنطن بوست»: the outlet a person works or writes for, not one told
NOT_TOLD = _keys("يكتب", "تكتب", "كتب", "كاتب", "كاتبة", "يعمل", "تعمل", "عمل", "مقالات", "مقال", "رأي",
                 "التابع", "التابعة", "تابع", "تابعة", "مدير", "مديرة", "رئيس", "رئيسة", "محرر", "محررة", "مؤسس",
                 "مالك", "سابق", "السابق", "سابقة", "السابقة", "مكتب", "مقر", "ترجمة", "بترجمة", "مترجم", "مترجمة",
                 "مسير",  # Maghrebi «ومسير لصحيفة ...»: its manager
                 "مصور", "المصور", "مصورة", "المصورة")  # «الصور التي التقطها المصور لوكالة رويترز»
# «وأبلغ المدرب قناة روسيا اليوم»: an outlet told as the verb's object (its subject between); the plural
# verb's object right after it («كانوا قد أخبروا شبكة سي بي إس»: no outlet is a plural's subject)
TELLING = _keys("أبلغ", "أبلغت", "أخبر", "أخبرت")
TELLING_PLURAL = _keys("أبلغوا", "أخبروا")
ANY_TELLING = TELLING | TELLING_PLURAL | frozenset("و" + key for key in TELLING | TELLING_PLURAL)
# «العنوان الذي اختارته صحيفة "الشرق الأوسط"»: a headline an outlet chose is its own (not «اختارته سي إن إن
# شخصية العام»: whom it chose)
CHOSE = _keys("اختارته", "اختارتها", "اختاره", "اختارها")
HEADLINES = _keys("العنوان", "عنوان", "عنوانا", "عناوين", "العناوين")
# «نشرت الشرق الأوسط مقالا»: what a paper named bare runs, right after its name
PIECE_OBJECTS = _keys("مقالا", "مقالة", "تقريرا", "خبرا", "افتتاحية", "تحقيقا", "رسما", "عنوانا")
# «فيما صحيفة توتو سبورت كتبت»: a clause opens after these as after a sentence's end
CLAUSE_OPENERS = _keys("فيما", "وفيما", "بينما", "وبينما", "حين", "لكن", "ولكن")
# «... قالت إن»: what an outlet's verb of saying is followed by when the outlet is its subject
THAT = _keys("إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها", "بأنه", "بأنها")
# «وحذر المستشار في صحيفة "ذي صن"»، «كتب في صحيفة الغارديان»: the media whose pages carry what one says or
# writes; who wrote there («رأى الكاتب في صحيفة وطن»), and who works there (no credit: «قال مسؤول في صحيفة»)
# (not «موقع»: «نشاط في موقع بارشين العسكري» is a place)
WRITTEN_MEDIA = _keys("صحيفة", "جريدة", "مجلة", "الصحيفة", "الجريدة", "المجلة")
WROTE = _keys("كتب", "كتبت")  # not the present: «يكتب في صحيفة ...» is where one writes, week after week
WRITERS = _keys("كاتب", "الكاتب", "كاتبة", "الكاتبة")
STAFF = _keys("يعمل", "تعمل", "عمل", "مدير", "مديرة", "محررة", "مؤسس", "مالك", "مكتب", "مقر", "مسؤول", "مسؤولة",
              "مصدر", "مصادر", "صحفي", "صحافي", "صحفية", "صحافية", "موظف", "موظفة", "العمل", "للعمل", "ليعمل",
              "لتعمل", "عمله", "عملها", "عملت", "يعملون", "العاملين", "زميل", "زميلة", "مراسل", "مراسلة", "محلل",
              "محللة", "محرر", "خبير", "أعمل", "نعمل", "الصحافي", "الصحفي", "الكتابة", "للكتابة")
RELATIVES = _keys("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي")
# «كصحيفة لويمانيتيه التي قالت إن»: a paper's saying after a relative (not «التي نشرت»: what it did)
SAYS_AFTER_RELATIVE = _keys("نقلت", "نقل", "قالت", "قال", "تقول", "يقول", "ذكرت", "ذكر", "كتبت", "كتب", "تكتب",
                            "أكدت", "أكد", "اعتبرت", "اعتبر", "رأت", "رأى", "ترى", "يرى", "وصفت", "وصف", "أشارت",
                            "أشار", "تشير", "يشير")
TRANSMITTING = _keys("نقل", "نقلت", "تنقل", "ينقل", "نقلا")  # «نقلت صحيفة X عن Y» credits Y too
INTERVIEWS = _keys("مقابلة", "مقابلته", "مقابلتها", "حوار", "حواره", "حوارها", "لقاء", "المقابلة", "الحوار",
                   "اللقاء")  # «مقابلة مع ...»، «في المقابلة مع ...»
# «في تصريحات إلى صحيفة "ماركا"»، «في حديث إلى قناة ...»: the words said to an outlet
SAID_TO = INTERVIEWS | _keys("تصريح", "تصريحات", "تصريحه", "تصريحها", "تصريحاته", "تصريحاتها", "حديث", "حديثه",
                             "حديثها")
# a wire's short name, quoted right after a reporting phrase: «بحسب "الألمانية"»
SHORT_NAMES = {"الألمانية": "org:dpa", "الفرنسية": "org:afp", "الأناضول": "org:anadolu"}
# The corpora name a text's outlet by a site code, not by a name the gazetteer spells («skynews» of
# skynewsarabia.com; BBC, CNN and france24 are their Latin names already): the outlet that published
# a text is never its own source (Sky News Arabia read itself in ~3% of its texts).
SITE_CODES = {"skynews": "org:skynews-arabia", "alarabia": "org:alarabiya", "aawsat": "org:asharq-al-awsat",
              "was": "org:spa", "aleqtisadiya": "org:aleqtisadiah", "aljazirah": "org:al-jazirah-paper",
              "almadina": "org:al-madina-paper", "alriyadh": "org:al-riyadh-paper", "okaz": "org:okaz",
              "sabq": "org:sabq"}


@dataclass
class CreditTables:
    """The outlets the gazetteer knows, keyed by the index form of each spelling, and the reporting phrases."""

    outlets: dict[str, str] = field(default_factory=dict)  # spelling -> canonical name
    agencies: dict[str, str] = field(default_factory=dict)
    ambiguous: set[str] = field(default_factory=set)  # spellings that are also words («العربية»، «قنا»)
    first_words: frozenset[str] = frozenset()
    short: dict[str, str] = field(default_factory=dict)
    latin: dict[str, str] = field(default_factory=dict)  # «BBC», «France 24»: a publisher's own name
    reporting: re.Pattern[str] = re.compile("$^")
    fitted_reporting: re.Pattern[str] = re.compile("$^")  # the phrases ``credit_ranker`` was fitted with
    known: frozenset[str] = frozenset()  # the canonical names (index form)
    # «نقلا عن "الشرق الأوسط"»: a paper the gazetteer spells only with its media word, quoted bare
    # (the bare words alone are something else: the region)
    bare_papers: dict[str, str] = field(default_factory=dict)

    def starts_outlet(self, key: str) -> bool:
        return key in MEDIA or key in self.first_words


@functools.cache
def credit_tables() -> CreditTables:
    gazetteer = load_gazetteer()
    tables = CreditTables()
    for entry in gazetteer.entries:
        if entry.type != "org" or entry.subtype not in OUTLET_SUBTYPES:
            continue
        for spelling in (entry.canonical, *entry.variants):
            key = index(spelling)
            tables.outlets.setdefault(key, entry.canonical)
            if entry.subtype == "agency":
                tables.agencies.setdefault(key, entry.canonical)
        tables.ambiguous.update(index(s) for s in entry.ambiguous)
        tables.latin.update((latin_key(s), entry.canonical) for s in entry.latin)
    tables.bare_papers = {rest: name for key, name in tables.outlets.items()
                          if (rest := key.partition(" ")[2]) and key.split()[0] in PAPER_WORDS
                          and rest not in tables.outlets}
    tables.first_words = frozenset(k.split()[0] for k in [*tables.outlets, *tables.bare_papers]) \
        | _keys(*SHORT_NAMES)
    tables.short = {index(s): e.canonical for s, i in SHORT_NAMES.items() if (e := gazetteer.get(i)) is not None}
    tables.latin.update((latin_key(code), e.canonical) for code, i in SITE_CODES.items()
                        if (e := gazetteer.get(i)) is not None)
    tables.known = frozenset(index(name) for name in tables.outlets.values())
    # a verb with its pronoun that folds to a media word is that word: «أذاعه» is «إذاعة» in index form
    # («مناصب قيادية في إذاعة وتلفزيون جدة» credits nobody)
    tables.reporting = _ending_in(REPORTING)
    tables.fitted_reporting = _ending_in(_FITTED_REPORTING)
    return tables


def _ending_in(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Text ending in one of ``phrases`` (index form), a و or ف glued to it."""
    keys = sorted({index(p) for p in phrases} - MEDIA, key=len, reverse=True)
    return re.compile(r"(?:^|\s)[وف]?(?:" + "|".join(map(re.escape, keys)) + r")$")


# «القناة العبرية الثانية»، «صحيفة معاريف العبرية»: Israel's media are named by their language
_LANGUAGES = frozenset({"عبري", "عبريه"})


@functools.cache
def is_adjective(key: str) -> bool:
    """A nationality adjective (الأميركية، الأردنية، السعودي): it ends an outlet's name."""
    bare = key[2:] if key.startswith("ال") else key
    forms = {key, bare, bare[:-1] if bare[-1:] in "هة" else bare}
    return any(load_gazetteer().lookup_adjective(form) or form in _LANGUAGES for form in forms if form)


def latin_key(name: str) -> str:
    """A Latin name without case, spaces or punctuation: a store's source «france24» is «France 24»."""
    return re.sub(r"[\W_]+", "", name.casefold())
