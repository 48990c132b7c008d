"""The tags of the bundled sample corpus are stable: every article's keywords and entities equal the
reviewed snapshot in ``fixtures/sample_tags.json``, whatever order the articles are read in.

A deliberate change to the tagger changes the snapshot: regenerate it with
``.venv/bin/python tests/test_tagging_sample.py`` and review the diff before committing it.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from naba.engine.prepare import prepare
from naba.models import Record
from naba.pipeline.tagging import forget_words
from naba.sample import sample_paths
from naba.settings import Settings
from naba.sources.readers.inputs import iter_records

SNAPSHOT = Path(__file__).parent / "fixtures" / "sample_tags.json"


def sample_tags(order_seed: int | None = None) -> dict[str, dict[str, list]]:
    records = [r for r in iter_records(sample_paths(), Settings()) if isinstance(r, Record)]
    if order_seed is not None:
        random.Random(order_seed).shuffle(records)
    tags = {}
    for record in records:
        article = prepare(record).article
        path, _, line = record.origin.rpartition(":")
        if not line.isdigit():  # a page: the origin is its path alone
            path, line = record.origin, "1"
        tags[f"{Path(path).name}:{line}"] = {"keywords": list(article.keywords),
                                    "entities": [[e.name, e.canonical, e.kind] for e in article.entities]}
    return dict(sorted(tags.items()))


def test_the_sample_corpus_tags_equal_the_snapshot():
    assert sample_tags() == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_the_sample_corpus_tags_do_not_depend_on_reading_order():
    forget_words()  # a cold per-word memo, filled in another order
    assert sample_tags(order_seed=7) == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(sample_tags(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
