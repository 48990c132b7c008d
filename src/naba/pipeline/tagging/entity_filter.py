"""The last word on an entity: a logistic model, fitted on entities people judged, that drops the ones
most likely wrong.

The rules before it read each mention in its sentence; this model reads the entity as a whole: how
often and where the article names it, whether the gazetteer knows it, how common its words are, its
kind and length. A generic body (مجلس الإدارة), a word read as a name once in the body, a one-word
person linked by surname alone look alike here whatever rule let them in. It was fitted on the
entities of three fresh samples judged blind (``bench/train_entity_filter.py``, labels in
``naba/evaluation/labels/entity_labels.jsonl``); its weights ship in ``data/entity_weights.json``.
Applying them is a sum of a dozen weights an entity.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from importlib import resources

from naba.gazetteer import load_gazetteer
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.newnames import ORG_HEADS
from naba.pipeline.tagging.stream import Stream
from naba.text import ARTICLE, article_form, index

WEIGHTS = "entity_weights.json"
LEAD_TOKENS = 60  # a mention this close to the body's start is in its lead


def features(stream: Stream, kind: str, known: bool, name_keys: Sequence[str], named: Sequence[int],
             light: int, dateline_only: bool, variant: bool) -> list[str]:
    """What the model reads of one entity. ``named``: where its full mentions start; ``light``: how many
    lighter mentions it has (an adjective, a surname alone); ``variant``: the text writes it otherwise
    than its canonical name."""
    zipf = lexicon().zipf
    zipfs = [zipf(key) for key in name_keys] or [0.0]
    origin = "known" if known else "new"
    size = "1" if len(name_keys) <= 1 else "2" if len(name_keys) == 2 else "3+"
    times = len(named)
    found = ["bias", f"kind={kind}", f"origin={origin}", f"{kind}&{origin}", f"size={size}", f"{kind}&size={size}",
             f"named={_bucket(times)}", f"{origin}&named={_bucket(times)}", f"least_zipf={_zipf_bucket(min(zipfs))}",
             f"most_zipf={_zipf_bucket(max(zipfs))}"]
    if any(at < stream.title_end for at in named):
        found.append("title")
    if any(stream.title_end <= at < stream.title_end + LEAD_TOKENS for at in named):
        found.append("lead")
    if not named:
        found.append("light_only")
    elif light:
        found.append("light_too")
    if dateline_only:
        found.append("dateline_only")
    if name_keys and name_keys[0].startswith(ARTICLE):
        found.append("article_first")
    if name_keys and article_form(name_keys[0]).removeprefix(ARTICLE) in ORG_HEADS | _HEADS:
        found.append(f"head&{origin}")
    if min(zipfs) >= COMMON_ZIPF:
        found.append(f"all_common&{origin}")
    if name_keys and name_keys[0].isascii():
        found.append("latin")
    if variant:
        found.append(f"variant&{kind}")
    if len(name_keys) > 1 and any(load_gazetteer().lookup(key) for key in name_keys[1:]):
        found.append("names_a_known")  # جامعة تبوك، جمعية الزهايمر: a body of a known place or thing
    return found


COMMON_ZIPF = 4.5
_HEADS = frozenset(index(w) for w in "مجلس هيئة وزارة برنامج جبهة لجنة مركز حزب حركة جمعية منظمة".split())


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _zipf_bucket(z: float) -> str:
    return "<2" if z < 2 else "2-3" if z < 3 else "3-4" if z < 4 else "4-5" if z < 5 else "5+"


@functools.cache
def _model() -> tuple[dict[str, float], float]:
    path = resources.files("naba.pipeline.tagging").joinpath("data", WEIGHTS)
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["weights"], data["threshold"]


def probability(found: Sequence[str]) -> float:
    """The model's probability that the entity is right."""
    weights, _ = _model()
    z = sum(weights.get(f, 0.0) for f in found)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def judged(found: Sequence[str]) -> bool:
    """Whether the model has a say: never on a name the headline holds (the story's subject: a coach,
    a player the body names by surname alone looks like a word read as a name, and losing him costs
    more than a wrong tag in the body)."""
    return "title" not in found


def keep(found: Sequence[str]) -> bool:
    return not judged(found) or probability(found) >= _model()[1]
