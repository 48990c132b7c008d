"""Names the tagger missed in earlier judged samples' train halves (issue 12): a short name after its
own head word with quotes between, a club's misspelt and bare names, and cities the gazetteer lacked."""

from __future__ import annotations

import pytest

from naba.pipeline.tagging import tag_article


def canonicals(title: str | None, body: str) -> list[str]:
    return [e.canonical for e in tag_article(title, body).entities]


@pytest.mark.parametrize("sentence, entity", [
    ('وتبناهما تنظيم "الدولة الإسلامية." وكان بين القتلى أطفال.', "تنظيم الدولة الإسلامية"),
    ("وقال تنظيم «القاعدة» في بيان إنه نفذ الهجوم.", "تنظيم القاعدة"),
])
def test_a_short_name_quoted_after_its_own_head_is_the_organisation(sentence: str, entity: str):
    assert entity in canonicals(None, sentence)


@pytest.mark.parametrize("sentence", [
    "وقال الباحث إن الدولة الإسلامية الأولى قامت في المدينة المنورة.",  # a state in history
    'وقال الباحث: "الدولة الإسلامية" مفهوم فقهي قديم.',  # no head before it
])
def test_the_short_name_alone_needs_context(sentence: str):
    assert "تنظيم الدولة الإسلامية" not in canonicals(None, sentence)


def test_a_club_misspelt_and_named_bare_in_a_sports_report():
    title = "أرسنال يواجه أتلتيكو ومرسيليا أمام سالزبورغ"
    body = "وأوقعت القرعة أرسنال الإنجليزي في مواجهة أتليتكو مدريد الإسباني في الدوري الأوروبي."
    found = canonicals(title, body)
    assert "أتلتيكو مدريد" in found and "مدريد الإسباني" not in found


def test_a_city_the_club_shares_is_the_city_outside_sport():
    sentence = "تأسست دار الأزياء عام 1780 في مدينة نابولي، وتحكمت في سوق ربطات العنق في إيطاليا."
    assert "نابولي" in canonicals(None, sentence)


def test_venice_is_no_rifle():
    assert "البندقية" not in canonicals(None, "أطلق الرجل النار من البندقية على المارة.")


@pytest.mark.parametrize("sentence, club, not_new", [
    ("فاز فريق روما على ضيفه بهدفين في الدوري، وسجل المهاجم هدفي المباراة.", "نادي روما", "فريق روما"),
    ("تعادل مرسيليا الفرنسي مع ليفربول في دوري الأبطال، وسجل المهاجم هدف المباراة.", "أولمبيك مرسيليا",
     "مرسيليا الفرنسي"),
])
def test_a_city_a_club_shares_after_a_team_word_or_before_its_adjective_is_the_club(sentence, club, not_new):
    found = canonicals(None, sentence)
    assert club in found and not_new not in found


def test_footballs_name_makes_a_sports_report():
    # one word of the sports list (الدوري) and «لكرة القدم»: a club a city shares is the club
    body = ("حقق ريال مدريد ثلاث نقاط بفوزه على ضيفه ضمن الجولة الـ34 من الدوري الاسباني لكرة القدم، "
            "ليقلص الفارق مع متصدر الترتيب برشلونة إلى نقطتين.")
    assert "نادي برشلونة" in canonicals(None, body)


def test_football_needs_its_two_words_side_by_side():
    body = ("ناقش البرلمان الاتفاق النووي في الدوري الأول من جلساته، ومع اقتراب موعد تنفيذ الاتفاق قال نائب إن "
            "إيران تحترم العهود منذ القدم وإن الكرة الآن في ملعب الغرب.")
    assert "الاتفاق السعودي" not in canonicals(None, body)


def test_athletic_bilbao_in_atleticos_spelling_is_not_atletico_madrid():
    found = canonicals(None, "بعد انتقاله من أتليتيكو بيلباو الأسباني إلى تشيلسي الإنجليزي مقابل 71 مليون جنيه.")
    assert "أتلتيك بلباو" in found and "أتلتيكو مدريد" not in found


def test_a_known_persons_surname_alone_is_that_person():
    # إيرينا بوكوفا is a mined entry (people_corpus.tsv); «وأضافت بوكوفا» is learned, then merged into her
    body = "قالت ايرينا بوكوفا المديرة العامة لليونسكو إن التدمير جريمة. وأضافت بوكوفا أن المحكمة مطالبة بالتحرك."
    assert canonicals("دعوة للجنائية الدولية من قبل اليونسكو", body).count("إيرينا بوكوفا") == 1
    assert "بوكوفا" not in canonicals("دعوة للجنائية الدولية من قبل اليونسكو", body)


@pytest.mark.parametrize("sentence, known, not_new", [
    ("وتراجعت العلاقات في عهد جاك شيراك بشكل كبير.", "جاك شيراك", "عهد جاك شيراك"),  # in the era of
    ("وفي كلمته روى حسن نصرالله قصة الحرب.", "حسن نصر الله", "روى حسن نصرالله"),  # narrated
])
def test_a_word_a_mined_persons_first_name_shares_opens_no_other_mans_name(sentence, known, not_new):
    found = canonicals(None, sentence)
    assert known in found and not_new not in found


def test_a_headline_surname_of_no_known_kind_is_the_person_named_in_full():
    title = "لامبارد يخسر مباراته الأولى في الدوري الأمريكي مع نيويورك سيتي"
    body = ("قضى فرانك لامبارد أسطورة تشيلسي ليلة غير سعيدة في دوري المحترفين الأمريكي لكرة القدم بعدما خسر مباراته "
            "الأولى في المسابقة مع نيويورك سيتي بنتيجة 3-2 أمام مونتريال إمباكت أمس السبت. وتلقى لامبارد (37 عاما) "
            "تحية حارة من المشجعين عند مشاركته كبديل.")
    found = canonicals(title, body)
    assert "فرانك لامبارد" in found and "لامبارد" not in found


@pytest.mark.parametrize("sentence", [
    "وقدم الأمير خالص التعازي لأسرة الفقيد.",
    "رفع الشيخ الدكتور عبدالله آل الشيخ أحر التعازي وأصدق المواساة لخادم الحرمين الشريفين.",
])
def test_condolences_are_no_persons_name(sentence):
    assert not any("التعازي" in name for name in canonicals(None, sentence))


def test_a_phrase_written_inside_a_name_is_dropped():
    title = "البنك المركزي المصري يرفع أسعار الفائدة"
    body = ("رفع البنك المركزي المصري أسعار الفائدة الرئيسية. وقال البنك المركزي في بيان إن القرار يهدف إلى "
            "كبح التضخم، وأضاف البنك المركزي أن لجنة السياسة النقدية ستجتمع الشهر المقبل.")
    keywords = tag_article(title, body).keywords
    assert "البنك المركزي المصري" in keywords and "البنك المركزي" not in keywords


def test_a_place_inside_a_name_stays_and_one_name_twice_goes():
    from naba.pipeline.tagging.keywords import _not_inside_others

    picked = ["المدينة المنورة", "أمانة المدينة المنورة", "البنك المركزي", "البنك المركزي المصري", "أسلحة كيميائية",
              "منظمة حظر الأسلحة الكيميائية", "الروبوتات", "روبوتات جنسية"]
    kinds = {"المدينة المنورة": "place", "أمانة المدينة المنورة": "org", "البنك المركزي": "org",
             "البنك المركزي المصري": "org", "منظمة حظر الأسلحة الكيميائية": "org"}
    assert _not_inside_others(picked, kinds) == ["المدينة المنورة", "أمانة المدينة المنورة", "البنك المركزي المصري",
                                                "منظمة حظر الأسلحة الكيميائية", "الروبوتات", "روبوتات جنسية"]


def test_the_africa_cup_of_nations_under_its_short_name_is_one_entity():
    found = canonicals("مصر تتأهل إلى كأس أفريقيا", "تأهل منتخب مصر إلى نهائيات كأس الأمم الأفريقية بعد فوزه.")
    assert found.count("كأس الأمم الأفريقية") == 1 and "كأس أفريقيا" not in found
