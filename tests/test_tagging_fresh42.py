"""Rules and gazetteer entries read off the forty-second names sample's errors (train since it was
measured): a paper in quotes with spaces, «وأم» is no WAM, a two-letter first word takes clitics, the
commonest companies, airlines and European clubs have one entity each, and a body's name stops before
the people it speaks to. Sentences written after the SaudiNewsNet and ANT articles where each was seen."""

from __future__ import annotations

from naba.pipeline.tagging import tag_article


def entities(title: str | None, body: str) -> dict[str, str]:
    return {e.canonical: e.kind for e in tag_article(title, body).entities}


def test_a_paper_in_quotes_with_spaces_is_the_paper():
    found = entities("المعتقل يروي تفاصيل سجنه", 'وأكد المعتقل لـ" الرياض" أنه دخل للمملكة بكل يسر. وقال '
                     'عدد من الطلاب لـ " الرياض " إنهم ينتظرون القرار.')
    assert "صحيفة الرياض" in found and "الرياض" not in found
    assert "الرياض" in entities(None, "وصل الوزير إلى الرياض أمس ثم غادر إلى جدة.")


def test_and_a_mother_is_not_the_emirates_agency():
    assert "وكالة أنباء الإمارات" not in entities(None, "وقالت إنها متزوجة وأم لطفلين، وإنها تعمل معلمة.")
    assert "وكالة أنباء الإمارات" in entities(None, "أبوظبي (وام) - أعلن الوزير اليوم افتتاح المعرض.")


def test_a_two_letter_first_word_takes_a_clitic_before_the_rest_of_the_name():
    found = entities(None, "وزار الوفد الشارقة وأم القيوين، ثم سافر إلى القدس وتل أبيب. والتقى بوتين وشي جين بينغ.")
    assert {"أم القيوين", "تل أبيب", "شي جين بينغ"} <= set(found)
    assert "وكالة أنباء الإمارات" not in found


def test_companies_and_airlines_are_one_organisation_each():
    found = entities("صفقة طائرات", "وقعت شركة بوينج عقدا مع الخطوط الجوية القطرية. وقالت بوينغ إن الطائرات "
                     "ستسلم العام المقبل، فيما كشفت سامسونج وهواوي عن هاتفين جديدين.")
    assert {"بوينغ", "الخطوط الجوية القطرية", "سامسونغ", "هواوي"} <= set(found)
    assert found["بوينغ"] == "org"
    flight = entities("تأخر رحلة", "تأخرت رحلة الخطوط السعودية من جدة إلى الرياض ثلاث ساعات.")
    assert "الخطوط السعودية" in flight and "السعودية" not in flight
    assert entities(None, "أعلنت شركة هيوليت باكارد خفض الوظائف.").get("هيوليت باكارد") == "org"


def test_a_company_named_by_a_common_word_needs_its_head():
    found = entities("الأسواق", "ارتفعت أسعار المعادن النفيسة، وتضررت المراعي بسبب الجفاف، وبحث المؤتمر إعمار "
                     "سوريا. وفي 12 نيسان ارتفع عدد الوفيات وسجلت وفيات جديدة.")
    assert not {"شركة معادن", "شركة المراعي", "إعمار العقارية", "شركة نيسان", "فيات كرايسلر"} & set(found)
    assert "شركة معادن" in entities(None, "أعلنت شركة معادن أرباحها الفصلية.")


def test_a_club_named_after_a_city_is_the_club():
    found = entities("دوري أبطال أوروبا", "فاز كلوب بروج على أيك أثينا، وتعادل سسكا موسكو مع ريال مدريد في "
                     "دوري أبطال أوروبا.")
    assert {"كلوب بروج", "أيك أثينا", "سسكا موسكو"} <= set(found)
    assert not {"يورغن كلوب", "أثينا", "موسكو"} & set(found)
    assert "ليون" in entities(None, "زار الرئيس الفرنسي مدينة ليون أمس.")  # the city keeps its bare name


def test_a_body_stops_before_the_people_it_speaks_to():
    assert "وزارة الدفاع" in entities(None, "وقالت وزارة الدفاع للصحافيين إن القوات تقدمت.")
    army = entities(None, "وأكد الجيش المصري للبلاد أنه مستعد لكل الاحتمالات.")
    assert "الجيش المصري" in army and not any("للبلاد" in name for name in army)
    assert "الاتحاد الدولي للصحفيين" in entities(None, "ودان الاتحاد الدولي للصحفيين مقتل المصور.")
    assert "الهيئة الوطنية لمكافحة الفساد" in entities(None, "وأعلنت الهيئة الوطنية لمكافحة الفساد نتائج التحقيق.")


def test_a_writers_address_names_no_company():
    assert "ياهو" not in entities("الحضارة", "هؤلاء من صنعوا الحضارة. للتواصل: ali.salem@yahoo.com")
    assert "ياهو" in entities(None, "أعلنت شركة Yahoo أرباحها الفصلية أمس.")
    assert "مجموعة اتصالات" not in entities(None, "وتورطت شركة اتصالات كبرى في القضية.")
    assert "مجموعة السبع" not in entities(None, "وبلغت المباني الستة الأولى من G+7 مستوى السطح.")  # floors


def test_competitions_and_operations_are_named_things():
    found = entities("المنتخب يستعد للمونديال", "يستعد المنتخب السعودي لنهائيات كأس العالم في روسيا، فيما يواصل "
                     "الدوري الإنجليزي الممتاز موسمه. وكان التحالف قد أطلق عاصفة الحزم ضد ميليشيات الحوثي.")
    assert {"كأس العالم", "الدوري الإنجليزي الممتاز", "عاصفة الحزم", "الحوثيون"} <= set(found)
    assert found["كأس العالم"] == "other"
    assert "المملكة المتحدة" not in found  # the nationality belongs to the league's name
    rally = entities(None, "وحافظ الفريق على المركز الثاني في كأس العالم للراليات الصحراوية الطويلة.")
    assert "كأس العالم" not in rally  # another sport's world cup
    special = entities(None, "وحصد الفريق ثلاث ميداليات في دورة الألعاب العالمية للأولمبياد الخاص في لوس أنجلوس.")
    assert "الأولمبياد الخاص" in special and "الألعاب الأولمبية" not in special


def test_landmarks_and_regions_the_gazetteer_lacked():
    found = entities(None, "وأدى المصلون الصلاة في المسجد الحرام والمسجد النبوي، وفي المسجد الأقصى. وقال إن "
                     "أمريكا الجنوبية تأثرت بانهيار الاتحاد السوفيتي.")
    assert {"المسجد الحرام", "المسجد النبوي", "المسجد الأقصى", "أمريكا الجنوبية", "الاتحاد السوفيتي"} <= set(found)
    assert "الولايات المتحدة" not in found  # South America is not the United States
    assert not entities(None, "وبلغت السرعة الحد الأقصى المسموح به.")  # the utmost is no mosque


def test_a_several_word_name_is_settled_by_its_rarest_word_and_no_other_nationality():
    us = entities(None, "وقال زعيم الحزب الجمهوري في مجلس النواب الأمريكي إن ترامب سيوقع القانون.")
    assert "الحزب الجمهوري الأمريكي" in us  # الحزب alone is too common to decide it
    italy = entities(None, "وصوت مجلس الشيوخ الإيطالي في روما على القانون بعد زيارة ترامب.")
    assert "مجلس الشيوخ الأمريكي" not in italy and "إيطاليا" in italy
