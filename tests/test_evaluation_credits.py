"""The credit labels and their scoring (naba.evaluation.credits)."""

from naba.evaluation.credits import CreditScore, label_key, load_labels


def test_the_labels_are_well_formed():
    labels = load_labels()
    assert len({row["key"] for row in labels}) == len(labels) >= 500
    assert {row["split"] for row in labels} == {"train", "test"}
    assert all(row["key"].startswith(("snn:", "ant:")) and isinstance(row["credits"], list) for row in labels)
    assert len(load_labels("test")) == 250 and len(load_labels("train")) == 795


def test_one_outlet_under_its_names_has_one_key():
    assert label_key("وكالة الأنباء السعودية (واس)", gold=True) == label_key("واس")
    assert label_key("الألمانية", gold=True) == label_key("وكالة الأنباء الألمانية")
    # an outlet the gazetteer does not know: its name without the media word
    assert label_key("صحيفة كوريري ديللو سبورت") == label_key("كوريري ديللو سبورت")


def test_a_figure_in_a_name_is_part_of_its_key():
    assert label_key("موقع سبورت 360", gold=True) == label_key("سبورت 360")
    assert label_key("موقع سبورت 360", gold=True) != label_key("صحيفة سبورت")


def test_scoring_counts_a_second_name_of_one_outlet_as_wrong():
    score = CreditScore()
    wrong, lost = score.add(["رويترز", "وكالة رويترز", "صحيفة الحياة"], ["رويترز", "وكالة الأنباء الفرنسية"])
    assert (score.correct, score.wrong, score.missed) == (1, 2, 1)
    assert wrong == ["وكالة رويترز", "صحيفة الحياة"] and lost == ["وكالة الأنباء الفرنسية"]


def test_a_label_may_name_a_paper_bare_or_misspell_it():
    assert label_key("الشرق الأوسط", gold=True) == label_key("صحيفة الشرق الأوسط")
    assert label_key("صحيفة هاأرتس", gold=True) == label_key("هآرتس")
    # a read name is keyed as read: the region is no outlet
    assert label_key("الشرق الأوسط") != label_key("صحيفة الشرق الأوسط")
