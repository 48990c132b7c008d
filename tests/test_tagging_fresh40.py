"""Rules read off the fortieth names sample's train errors: «للحج» is no Lahij, a transliterated society
is no person, an office is no family, a headline's dual or its verb after the subject is no name, and
«يا», a bare comparative, a nationality or a time makes no tag.
Sentences written after the SaudiNewsNet and ANT articles where each error was seen."""

from __future__ import annotations

from naba.pipeline.tagging import tag_article


def entities(title: str | None, body: str) -> dict[str, str]:
    return {e.canonical: e.kind for e in tag_article(title, body).entities}


def test_lil_before_a_common_word_is_the_article_not_a_place_in_lam():
    found = entities("الحج تحدد الأسعار", "وحددت الوزارة تكاليف حملات الحج لتكون أعلى تكلفة للحج لا تتجاوز "
                     "11890 ريالا. وسيتاح للحجاج الحصول على الخدمات.")
    assert "لحج" not in found
    assert "لبنان" in entities(None, "ووصل الرئيس للبنان أمس في زيارة رسمية.")  # لبنان: no البنان to read


def test_a_transliterated_society_is_an_organisation():
    found = entities("دراسة أمريكية عن السرطان", "وقالت أميريكان سوسايتي أوف كلينيكل أونكولودجي في بيان إن "
                     "الدراسة شملت ألف مريض. وأضافت أميريكان سوسايتي أوف كلينيكل أونكولودجي أن النتائج مشجعة.")
    assert all(kind != "person" for name, kind in found.items() if "سوسايتي" in name)


def test_the_vocative_opens_no_keyword():
    tags = tag_article("وتبقى أنت يا وطني", "كتب الشاعر قصيدة عن الوطن. وتبقى أنت يا وطني في القلب، يا وطني "
                       "الحبيب. وقرأ الشاعر القصيدة في الأمسية.").keywords
    assert not any(tag.startswith("يا ") for tag in tags)


def test_carolina_spelled_with_an_alif_is_the_state():
    assert "ساوث كارولينا" in entities(None, "وقال حاكم ولاية كارولاينا الجنوبية إن الإعصار يقترب.")


def test_an_office_after_two_given_names_is_not_their_family():
    people = [e.canonical for e in tag_article(None, "وقال العميد محمد سمير المتحدث العسكري الرسمي إن القوات "
                                               "دمرت مخزنا للمتفجرات.").entities if e.kind == "person"]
    assert people == ["محمد سمير"]
    assert "عمر الشريف" in entities(None, "وقال الفنان عمر الشريف إن الفيلم سيعرض قريبا.")  # a family in ال


def test_a_comparative_a_nationality_or_a_time_closes_no_keyword():
    tags = tag_article("شركة صينية تمنح المصنع قدرة أكبر", "منحت شركة صينية المصنع قدرة أكبر على الإنتاج. "
                       "وقالت شركة صينية أخرى إن قدرة أكبر تعني أسعارا أقل. ووقعت شركة صينية العقد الشهر "
                       "الماضي.").keywords
    assert not {"شركة صينية", "قدرة أكبر"} & set(tags)
    salary = tag_article("رفع راتب الموظف 500 ريال الشهر الماضي", "رفعت الشركة راتب الموظف 500 ريال الشهر "
                         "الماضي. وقال الموظف إن الزيادة ريال الشهر الماضي لا تكفي.").keywords
    assert not any(tag.endswith("الماضي") for tag in salary)


def test_a_headline_noun_in_the_dual_is_no_name():
    found = entities("تركيا: فقدان جنديين بعد انقلاب عربة جراء الفيضانات",
                     "أعلن الجيش التركي أن جنديين فقدا في فيضان بعد هطول أمطار غزيرة. وقال الجيش إن الجنديين "
                     "كانا يقومان بالحراسة قبل أن تجرفهما الفيضانات.")
    assert "جنديين" not in found and "تركيا" in found


def test_a_headline_word_in_ta_after_its_subject_is_its_verb():
    found = entities("شرطة جازان تعايد أطفال المراكز الحدودية بالهدايا",
                     "زارت شرطة جازان أطفال المراكز الحدودية، وقال المتحدث إن الشرطة تعايد الأطفال كل عام "
                     "وتعايد أسرهم بالهدايا.")
    assert "تعايد" not in found


def test_a_given_name_alone_is_no_new_person():
    people = [e.canonical for e in tag_article(None, "وقال الشيخ أحمد إن المؤتمر ناقش حكم قطر.").entities
              if e.kind == "person"]
    assert "أحمد" not in people
    assert "نيمار" in entities(None, "وقال نيمار إنه سعيد بالفوز.")  # a gazetteer mononym stays
    assert "هاري" in entities(None, "وقال الأمير هاري إن حفل الزفاف سيقام في وندسور.")  # a royal title names him


def test_a_companys_name_said_without_its_head_is_the_company():
    found = entities(None, 'وقال رئيس الشركة لبي بي سي إن شركة "جيمالتو" الفرنسية - الهولندية قد فازت بعقد قيمته '
                     '490 مليون جنيه. ولم تستجب شركة جيمالتو، التي يوجد مقرها في باريس، على طلبات التعليق.')
    assert found.get("شركة جيمالتو") == "org" and "جيمالتو" not in found


def test_the_european_union_of_a_sports_report_is_uefa():
    report = ("قرر الاتحاد الأوروبي معاقبة النادي بعد المباراة. وقال مدرب الفريق إن اللاعبين قدموا مباراة "
              "كبيرة في الدوري، وإن المنتخب سيلعب على الملعب نفسه، وسجل المهاجم هدفا.")
    found = entities(None, report)
    assert "الاتحاد الأوروبي لكرة القدم" in found and "الاتحاد الأوروبي" not in found
    assert "الاتحاد الأوروبي" in entities(None, "وقرر الاتحاد الأوروبي فرض عقوبات على روسيا.")


def test_european_clubs_are_clubs_and_a_city_named_club_only_in_a_sports_report():
    report = entities(None, "تعادل إيفرتون مع سوانزي في الدوري الإنجليزي، وفاز روما على ميلان، وسجل اللاعب هدفا "
                      "في المباراة على الملعب.")
    assert report.get("إيفرتون") == "org" and report.get("سوانزي سيتي") == "org" and report.get("نادي روما") == "org"
    assert entities(None, "وزار البابا روما أمس والتقى المسؤولين.").get("روما") == "place"


def test_the_corpus_commonest_new_people_have_one_name_in_any_spelling():
    assert "هيذر نويرت" in entities(None, "وقالت هيذر ناورت المتحدثة باسم الخارجية الأمريكية إن الوزير سيزور المنطقة.")
    assert "ديدييه ديشان" in entities(None, "وقال مدرب فرنسا ديدييه ديشامب إن المنتخب جاهز للمباراة.")
    assert "مانويل نوير" in entities(None, "وتصدى الحارس مانويل نوير لكرة خطيرة، وقال نوير بعد المباراة إنه سعيد.")
