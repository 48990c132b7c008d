"""The learned half of deciding which outlets a text credits: an outlet the text names that the
hand-written rules (``attribution``) did not credit is credited when a logistic model over its context
says so.

    «وعنونت صحيفة "ماركا" ...»، «وفي "ليكيب" ...»   a press round-up: no reporting verb before the
                                                   paper, but a text naming many papers credits each
    «قرار قناة الجزيرة إغلاق مكتبها»              an outlet that is what the news is about: no credit
    «ربطت شبكة المعلومات ...»                      no outlet at all

Why a model beside the rules: each held-out round of labelled credits showed forms the rules had not
seen, and a rule per form did not converge. The rules' credits stand; the model only adds. It weighs
the words around the name, a reporting word before or after it in the sentence, how many outlets and
papers the text names, whether the rules credit the same outlet elsewhere, and was fitted
(``bench/train_credits.py``) on two kinds of judged candidates: those of the labelled credit rounds
(texts with a credit-like phrase; ``naba/evaluation/labels/credit_labels.jsonl``, test rounds left
out) and those of texts drawn at random (``credit_candidates.jsonl``), without which it learned that
naming an outlet is crediting it. Its weights ship in ``data/credit_weights.json``; applying them is a
sum of a few dozen weights a candidate.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources

from naba.pipeline.clean import credit_words as cw
from naba.pipeline.clean.credit_context import CreditContext
from naba.pipeline.clean.credit_words import credit_tables
from naba.text import index, without_conjunction

WEIGHTS = "credit_weights.json"
BEFORE = 6  # words back in the sentence a reporting word may stand
AFTER = 3  # words after the name a reporting verb may stand («صحيفة "ليكيب" الفرنسية ذكرت»)
# the present after the name (``credit_words.PRESENT``) and the verbs of ``credit_words.LATER`` were added to
# the rules after the model was fitted: it reads a context as it was fitted
_AFTER_VERBS = cw.REPORTING_AFTER - cw.PRESENT - cw.LATER
_VERBS = _AFTER_VERBS | cw.SAYING | cw.TRANSMITTING | cw.GLUED_REPORTING | cw.SAID_TO | cw.PUBLISHING
_PAPERS = frozenset(index(w) for w in ("صحيفة", "جريدة", "صحيفتا", "مجلة"))
# what an outlet does when it is the news, not its source: «اشترت رويترز شركة ناشئة»
_ACTS = frozenset(index(w) for w in """
اشترت اشترى باعت باع استحوذت استحوذ أغلقت أغلق حظرت حظر منعت منع قاضت قاضى أطلقت أطلق عينت عين أقالت أقال
""".split())
# «ليعمل في صحيفة «العرب»»، «اختير للكتابة في صحيفة ...»: the outlet one works or writes in, after في
_WORKS_IN = frozenset(index(w) for w in "يعمل تعمل عمل عملت ليعمل لتعمل للعمل العمل الكتابة للكتابة".split())
# what the word before a name is, as a class (the labelled rounds are too few to learn each word)
_WORD_CLASSES = {"preposition": cw.PREPOSITIONS, "piece": cw.PIECES, "interview": cw.SAID_TO,
                 "saying": cw.SAYING | (cw.REPORTING_AFTER - cw.LATER), "study": cw.STUDIES, "works_for": cw.NOT_TOLD,
                 "acts": _ACTS, "describing": cw.DESCRIBING}


@dataclass(slots=True)
class Candidate:
    """An outlet named at words [start, end) of one paragraph, with what its context says."""

    name: str
    paragraph: int
    start: int
    end: int
    rule: bool  # the hand-written rules credit it here
    paper: bool  # named by a paper's media word (صحيفة، جريدة، مجلة)
    features: list[str] = field(default_factory=list)  # what the model reads; none when the rules credit it

    @property
    def key(self) -> str:
        return index(self.name)


def is_paper(media: str | None) -> bool:
    return media in _PAPERS


def local_features(piece: CreditContext, name: str, start: int, end: int, media: str | None) -> list[str]:
    """What the words around a candidate the rules did not credit say (the document's facts are added
    by ``add_document``)."""
    keys = piece.keys
    sentence_start = start
    while sentence_start > 0 and not piece.ends[sentence_start - 1] and start - sentence_start < 40:
        sentence_start -= 1
    window = max(sentence_start, start - BEFORE)
    before = [without_conjunction(k) for k in keys[window:start]]
    after = keys[end:end + AFTER]
    b1 = before[-1] if before else "^"
    b2 = before[-2] if len(before) > 1 else "^"
    features = ["bias", f"media={media or '-'}", f"glued={piece.glued(start) or '-'}",
                f"b1={b1}", f"b2={b2}", f"b12={b2}_{b1}", f"a1={after[0] if after else '$'}"]
    if any(k in _VERBS or piece.reporting_ends(i + 1, fitted=True) for i, k in enumerate(keys[window:start], window)):
        features.append("verb_before")
    if any(k in _AFTER_VERBS for k in after) and not piece.ends[end - 1]:
        features.append("verb_after")
    if start == sentence_start:
        features.append("opens_sentence")
    if piece.shown[start][:1] in "\"«“" or (start + 1 < len(keys) and piece.shown[start + 1][:1] in "\"«“"):
        features.append("quoted")
    if is_paper(media):
        features.append("paper")
    if index(name) in credit_tables().known:
        features.append("known")
    features += [f"b1:{kind}" for kind, words in _WORD_CLASSES.items() if b1 in words]
    if b1 == "في" and b2 in _WORKS_IN:
        features.append("b1:works_for")
    if "b1:describing" in features and "quoted" not in features and "known" not in features:
        features.append("described_unknown")  # «ووصفت صحيفة دايلي ستار رحيل تشيك»: where does its name end?
    return features


def add_document(candidates: list[Candidate], paragraphs: int) -> None:
    """The document's facts: how many outlets and papers it names (a press round-up names many), whether
    the rules credit the same outlet elsewhere, how often it is named, where the paragraph stands."""
    outlets = {c.key for c in candidates}
    papers = {c.key for c in candidates if c.paper}
    credited = {c.key for c in candidates if c.rule}
    times = Counter(c.key for c in candidates)
    for c in candidates:
        if c.rule:
            continue
        c.features += [f"outlets={_bucket(len(outlets))}", f"papers={_bucket(len(papers))}",
                       f"named={_bucket(times[c.key])}"]
        if c.key in credited:
            c.features.append("credited_elsewhere")
        if c.paragraph == 0:
            c.features.append("first_paragraph")
        elif c.paragraph == paragraphs - 1:
            c.features.append("last_paragraph")


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


@functools.cache
def _model() -> tuple[dict[str, float], float]:
    data = json.loads(resources.files("naba.pipeline.clean").joinpath("data", WEIGHTS).read_text(encoding="utf-8"))
    return data["weights"], data["threshold"]


def score(candidate: Candidate) -> float:
    """The model's probability that the text credits the candidate."""
    weights, _ = _model()
    z = sum(weights.get(f, 0.0) for f in candidate.features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def vetoed(features: list[str]) -> bool:
    """What the model is never asked about, whatever the context: an outlet someone writes or works for
    («كان يكتب لصحيفة واشنطن بوست»), one that acts in the news («اشترت رويترز شركة»), an unquoted
    unknown name after a verb of describing (it runs into what was described)."""
    return "b1:works_for" in features or "b1:acts" in features or "described_unknown" in features


def credited(candidate: Candidate) -> bool:
    """The rules' credit, or one the model is sure enough of."""
    if candidate.rule:
        return True
    return not vetoed(candidate.features) and score(candidate) >= _model()[1]
