"""The people miner (bench/mine_people.py, which made gazetteer/data/people_corpus.tsv): how it groups a
person's spellings and shorter names, and the entries it writes from the labellers' verdicts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import mine_people  # noqa: E402


def test_spellings_of_one_name_are_one_item_and_a_shorter_nasab_folds_into_the_one_it_opens():
    names = ["فيصل بن خالد بن عبدالعزيز", "أندرو برانسون", "آندرو برونسون", "فيصل بن خالد", "سعود بن نايف",
             "سعود بن نايف بن عبدالعزيز", "سعود بن نايف بن عبدالله"]
    groups = mine_people._grouped(names)
    assert ["فيصل بن خالد بن عبدالعزيز", "فيصل بن خالد"] in groups
    assert ["أندرو برانسون", "آندرو برونسون"] in groups
    # two longer names open «سعود بن نايف»: which prince it means is unknown, so it is left out
    assert not any(group[0] == "سعود بن نايف" for group in groups)


def test_ids_are_ascii_and_written_entries_follow_the_verdicts(tmp_path, monkeypatch):
    assert mine_people._slug("خالد الفيصل").isascii()
    items = [{"item": 1, "names": ["محمد العيسى", "محمد العويس"], "articles": 20, "passage": ""},
             {"item": 2, "names": ["خالص التعازي"], "articles": 34, "passage": ""},
             {"item": 3, "names": ["عزام الدخيل"], "articles": 144, "passage": ""},
             {"item": 4, "names": ["عزام بن محمد الدخيل"], "articles": 69, "passage": ""}]
    (tmp_path / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "answers.json").write_text(json.dumps({"1": "first", "2": "drop", "3": "keep", "4": "keep"}),
                                           encoding="utf-8")
    (tmp_path / "tagged.jsonl").write_text(json.dumps(
        {"entities": [["عزام الدخيل", "عزام الدخيل", "person"], ["الدخيل", "عزام بن محمد الدخيل", "person"]]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "people.tsv"
    monkeypatch.setattr(mine_people, "OUT", out)
    mine_people.write(tmp_path / "items.json", [tmp_path / "answers.json"], [], tmp_path / "tagged.jsonl")
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    canonical = {row[1]: row[3] for row in rows}
    # the dropped phrase is out; a spelling judged another man is his own entry; a name given both ways
    # in one article is one entry, canonical in the form more articles use
    assert "خالص التعازي" not in canonical
    assert canonical["محمد العيسى"] == "" and "محمد العويس" in canonical
    assert canonical["عزام الدخيل"] == "عزام بن محمد الدخيل" and "عزام بن محمد الدخيل" not in canonical
