"""The figures of the labelled related lists and credits (naba.evaluation.related_labels), on fixed labels."""

from __future__ import annotations

from naba.evaluation.related_labels import score_credits, score_lists

SHOWN = [
    {"article": 1, "id": 10, "published_at": "2018-03-01T10:00:00+00:00",
     "similar": [{"item": "S1", "id": 11, "published_at": "2018-03-01"},
                 {"item": "S2", "id": 12, "published_at": "2018-03-02"}],
     "read_also": [{"item": "R1", "id": 13, "published_at": "2018-03-20"},
                   {"item": "R2", "id": 14, "published_at": "2018-07-01"}]},
    {"article": 2, "id": 20, "published_at": "2015-08-01", "similar": [], "read_also": []},
]
LABELS = [
    {"article": 1, "item": "S1", "label": "same_event", "repeats": None, "why_ok": True},
    {"article": 1, "item": "S2", "label": "same_event", "repeats": "S1", "why_ok": False},
    {"article": 1, "item": "R1", "label": "same_topic", "why_ok": True},
    {"article": 1, "item": "R2", "label": "unrelated"},
]


def test_list_figures():
    row = score_lists(SHOWN, LABELS)
    assert row["similar: same event or directly linked"] == "2/2 = 1.00"
    assert row["similar: unrelated"] == "0/2 = 0.00"
    assert row["similar: lists showing one story twice"] == "1 of 2"
    assert row["read also: relevant"] == "1/2 = 0.50"
    assert row["read also: within 60 days"] == "1/2 = 0.50"  # 20 March is within 60 days, 1 July is not
    assert row["similar items shown (top 5)"].endswith("empty lists 1")
    assert row["why: only shared, specific evidence"] == "2/3 = 0.67"  # R2 has no why_ok: not counted


def test_credit_figures():
    labels = [{"article": 1, "correct": ["رويترز"], "wrong": ["شبكة سي"], "missed": ["وكالة الأنباء الألمانية"]},
              {"article": 2, "correct": [], "wrong": [], "missed": []},
              {"article": 3, "correct": ["واس", "قنا"], "wrong": [], "missed": []}]
    row = score_credits(labels)
    assert row["credits: precision"] == "3/4 = 0.750"
    assert row["credits: recall"] == "3/4 = 0.750"
    assert row["credits: articles judged / crediting an outlet"] == "3 / 2"
