"""naba.evaluation.keywords: the metrics on hand-made cases, and a smoke run on a few AKEC documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from naba.evaluation.keywords import (
    _exact,
    _partial,
    akec_docs,
    akec_scores,
    f1_at,
    format_table,
    matched,
    naba_extractor,
    names_entity,
    normalize,
    recall_at,
)

DATA = Path(__file__).parents[2] / "shared" / "data"


def test_normalize_drops_clitics_and_the_article():
    assert normalize("للصراعات الفكرية") == normalize("الصراعات فكرية") == ("صراعات", "فكريه")
    assert normalize("بالكتاب") == normalize("الكتاب") == ("كتاب",)
    assert normalize("وزارة") == ("وزاره",)


def test_partial_is_a_contiguous_run_of_words():
    assert _partial(normalize("الكتب"), normalize("الكتب الفكرية"))
    assert not _partial(normalize("الفكرية الكتب"), normalize("الكتب الفكرية الحديثة x"))
    assert not _exact(normalize("الكتب"), normalize("الكتب الفكرية"))


def test_matches_are_one_to_one():
    gold = ("الكتب", "الكتب الفكرية")
    assert matched(["الكتب"], gold, _partial) == 1
    assert matched(["الكتب", "كتب"], gold, _partial) == 1  # the same phrase twice counts once
    assert matched(["الكتب", "الفكرية"], gold, _partial) == 2


def test_f1_at_k_divides_by_k_even_for_short_lists():
    gold = ("أ", "ب", "ج", "د")
    assert f1_at(["أ"], gold, 5, _exact) == pytest.approx(2 * (1 / 5) * (1 / 4) / (1 / 5 + 1 / 4))
    assert f1_at(["x"], gold, 5, _exact) == 0.0


def test_entity_hashtags_and_recall():
    assert names_entity("دونالد ترمب") and names_entity("بيونغ يانغ") and names_entity("سيرغي سكريبال")
    assert not names_entity("الاتفاق النووي") and not names_entity("التضخم") and not names_entity("2018")
    assert recall_at(["ترمب", "النفط"], ("ترمب", "بوتين"), resolve=False) == 0.5
    assert recall_at(["دونالد ترامب"], ("ترمب",), resolve=False) == 0.0
    assert recall_at(["دونالد ترامب"], ("ترمب",), resolve=True) == 1.0


def test_format_table():
    table = format_table([{"system": "naba", "F1": 0.1234, "docs/s": 1234.5}])
    assert table.splitlines() == ["| system | F1 | docs/s |", "|---|---|---|", "| naba | 0.123 | 1234 |"]


@pytest.mark.skipif(not (DATA / "akec").exists(), reason=f"AKEC not found at {DATA / 'akec'} (../shared is absent)")
def test_smoke_run_on_a_few_akec_documents():
    docs = akec_docs(DATA, "train")[:5]
    assert all(d.gold and d.text for d in docs)
    predictions = [naba_extractor()(d.title, d.text) for d in docs]
    assert all(3 <= len(p) <= 12 for p in predictions)
    scores = akec_scores(predictions, docs)
    assert set(scores) == {f"AKEC F1@{k} {m}" for k in (5, 10) for m in ("exact", "partial")}
    # 0.085 when written (0.115 with the 12-tag lists before they were cut to the sure tags): the keyphrases
    # overlap the gold ones
    assert scores["AKEC F1@5 partial"] >= 0.05
