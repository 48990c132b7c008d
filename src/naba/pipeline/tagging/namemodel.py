"""Names that neither the gazetteer nor a title rule finds, read by a statistical sequence tagger.

A linear-chain CRF (python-crfsuite) labels the tokens of a clause as the start or inside of a
person (PER), organisation (ORG) or place (LOC), or none. It was trained at build time by
``bench/train_names.py`` on silver labels: the names the rule-based tagger is sure of across the
SaudiNewsNet and ANT corpora (gazetteer names, names introduced by a title: «المدرب X»، «وزير ...
X»), with the articles drawn for judging left out. The model file ships inside the package
(``data/names.crfsuite``, about 1 MB) and is opened on first use; nothing is downloaded.

Why a model and not one more rule: a name the gazetteer lacks is recognised from how the text
treats it (after «اللاعب», before «الإيطالي», a rare word that never takes the article), and the
weights of dozens of such cues are learned from the corpus rather than hand-set. So that the model
learns those cues and not the gazetteer by heart, a rare word's own identity is never a feature
(only its ending, its frequency and its neighbours are); a common word's identity is.

Cheap on purpose (it runs on every article): only the few words around a *candidate* are tagged
(a word not already a name, not a noun or adjective the language writes with the article, no
clitic or pronoun on it, rare, and in the headline or said twice: ``worth``), and a span counts
only when every token's marginal is at least ``MIN_MARGINAL`` and the name is in the headline or
said twice (``accept``): a name known only from this text is central when the article repeats it;
a person said once counts only in two or more rare words the model is ``ONCE_MARGINAL`` sure of.
"""

from __future__ import annotations

import functools
import itertools
import operator
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from naba.pipeline.tagging import newnames
from naba.pipeline.tagging.lexicon import common_dual, lexicon
from naba.pipeline.tagging.newnames import NewName
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.verbs import TRAILING_SHE_PAST_LETTERS, she_past
from naba.pipeline.tagging.words import NOMINAL_MIN_ZIPF, Word
from naba.text import ARTICLE, index
from naba.text.frequency import UNSEEN_ZIPF
from naba.text.morphology import singulars

MODEL_PATH = Path(__file__).with_name("data") / "names.crfsuite"
KINDS = {"PER": "person", "ORG": "org", "LOC": "place"}
CANDIDATE_MAX_ZIPF = 4.5  # training: a clause is learned from when it holds an unnamed word rarer than this
IDENTITY_MIN_ZIPF = 4.0  # a word at least this common is a feature by itself (قال، اللاعب)
WINDOW = 3  # tokens tagged either side of a candidate (a name is at most four words)
MIN_MARGINAL = 0.6  # every token of an accepted span is at least this sure
ONCE_MARGINAL = 0.9  # a person said once outside the headline: every token this sure, every word rare
RARE_ZIPF = 3.5  # a one-word name needs a word this rare
FAMILY_RARE_ZIPF = 3.0  # an ال-word this rare is a family name whatever its ending (الحقيل)
VERB_ZIPF = 2.5  # يتقاسم: after the future's س, an imperfect this common is the verb (not ستيفن، سيمون)
PLURAL_BASE_ZIPF = 3.0  # صحافيون is a plural (not a name) when صحافي is at least this common
_AND_HAMZA = ("وأ", "وإ", "وآ")  # و before a hamza on alef is the conjunction: no word starts so
_CLITIC_HAMZA = (*_AND_HAMZA, "لأ", "لإ")  # ... and ل the preposition (لأنفونسو غوميز: "by Alfonso ...")
_LOCK = threading.Lock()
_SHOWN = operator.attrgetter("shown")
_NAME_LIKE = operator.attrgetter("name_like")


def said(stream: Stream, words: Sequence[Word]) -> tuple[Counter[str], frozenset[str]]:
    """How often the article says each clitic-free word, and the words of its headline."""
    return Counter(map(_SHOWN, words)), frozenset(map(_SHOWN, words[:stream.title_end]))


def features(stream: Stream, words: Sequence[Word], i: int, doc: tuple[Counter[str], frozenset[str]]
             ) -> list[str]:
    """The features of token ``i`` (the same at training and tagging time); ``doc`` is ``said``'s:
    a name is repeated and in the headline more often than a word. What depends on a token alone
    is worked out once per process (``_static``)."""
    keys, breaks = stream.keys, stream.breaks
    own = _static(keys[i], words[i])
    shown = words[i].shown or keys[i]
    feats = list(own[0])
    if i < stream.title_end:
        feats.append("title")
    elif shown in doc[1]:
        feats.append("headline")
    feats.append(_SAID[min(doc[0][shown], 3)])
    if breaks[i]:
        feats.append("brk")
    if i == 0 or breaks[i]:
        feats.append("-1=|")
    else:
        feats += _static(keys[i - 1], words[i - 1])[1]
        feats.append("-2=|" if i == 1 or breaks[i - 1] else _static(keys[i - 2], words[i - 2])[3])
    if i + 1 >= len(keys) or breaks[i + 1]:
        feats.append("1=|")
    else:
        feats += _static(keys[i + 1], words[i + 1])[2]
        feats.append("2=|" if i + 2 >= len(keys) or breaks[i + 2] else _static(keys[i + 2], words[i + 2])[4])
    return feats


_SAID = tuple(f"said={n}" for n in range(4))
_STATIC: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str]] = {}
STATIC_LIMIT = 200_000


def _static(key: str, word: Word) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str]:
    """A token's own features, its features as the word before and after another (±1), and its
    identity two away (±2)."""
    found = _STATIC.get(key)
    if found is not None:
        return found
    shown, zipf = word.shown or key, word.zipf
    bucket = min(int(zipf * 2), 14)
    own = ["b", f"z={bucket}", f"s2={shown[-2:]}", f"s3={shown[-3:]}", f"p2={shown[:2]}", f"n={min(len(shown), 9)}"]
    if zipf >= IDENTITY_MIN_ZIPF:
        own.append("w=" + shown)
    if shown.startswith("ال"):
        own.append("art")
    if key != shown:
        own.append("clitic")
    for flag, on in (("nom", word.nominal), ("glued", word.glued), ("suf", word.suffixed), ("nisba", word.nisba),
                     ("num", word.number), ("adj", word.adjective is not None), ("content", word.content)):
        if on:
            own.append(flag)
    near = {}
    for step in (-1, 1):
        side = [f"{step}={shown}", f"{step}z={bucket}"]
        if word.adjective is not None:
            side.append(f"{step}adj")
        if shown.startswith("ال"):
            side.append(f"{step}art")
        near[step] = tuple(side)
    if len(_STATIC) >= STATIC_LIMIT:
        _STATIC.clear()
    found = _STATIC[key] = (tuple(own), near[-1], near[1], f"-2={shown}", f"2={shown}")
    return found


def candidate(stream: Stream, words: Sequence[Word], taken: bytearray | bytes, i: int) -> bool:
    """A token the training script learns from (a word no rule named that may be part of a name)."""
    word = words[i]
    return (not taken[i] and word.content and not word.nominal and not word.glued and not word.suffixed
            and not word.number and word.adjective is None and word.zipf < CANDIDATE_MAX_ZIPF)


def clauses(stream: Stream) -> Iterator[tuple[int, int]]:
    """The clauses (runs between breaks; the title is one run of its own) as ``(start, end)``."""
    start = 0
    for i in range(1, len(stream)):
        if stream.breaks[i] or i == stream.title_end:
            yield start, i
            start = i
    if start < len(stream):
        yield start, len(stream)


@functools.cache
def _tagger() -> Any:
    """The model, opened once per process (python-crfsuite's Tagger is not shared across threads:
    tagging holds ``_LOCK``)."""
    import pycrfsuite  # imported here: nothing heavy at import time

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def tag(xseq: list[list[str]]) -> tuple[list[str], list[float]]:
    """The labels of a sequence of token features and each label's marginal (for a caller that picks
    its own tokens: the credits' outlet names, ``naba.pipeline.clean.credit_model``)."""
    with _LOCK:
        tagger = _tagger()
        labels = tagger.tag(xseq)
        return labels, [tagger.marginal(label, k) for k, label in enumerate(labels)]


def spans(stream: Stream, words: Sequence[Word], taken: bytearray, doc: tuple[Counter[str], frozenset[str]]
          ) -> list[tuple[int, int, str, float]]:
    """Predicted name spans ``(start, end, kind, least marginal)`` over untaken tokens, each token at
    least ``MIN_MARGINAL`` sure, in the windows around the candidates ``accept`` could keep (``worth``)."""
    found: list[tuple[int, int, str, float]] = []
    at = [i for i in itertools.compress(range(len(words)), map(_NAME_LIKE, words))
          if worth(stream, words, taken, i, doc)]
    for start, end in windows(stream, at):
        xseq = [features(stream, words, i, doc) for i in range(start, end)]
        with _LOCK:
            tagger = _tagger()
            labels = tagger.tag(xseq)
            sure = [tagger.marginal(label, k) if label != "O" else 1.0 for k, label in enumerate(labels)]
        found += _read_spans(labels, sure, start, taken)
    return found


def worth(stream: Stream, words: Sequence[Word], taken: bytearray, i: int,
          doc: tuple[Counter[str], frozenset[str]]) -> bool:
    """A candidate that could make a name ``accept`` keeps: rare enough, and in the headline or said
    twice, or beside another rare name-like word (a full foreign name said once). Only the words
    around these are tagged, which keeps the model's cost to a fraction of an article's tokens."""
    if taken[i] or not words[i].name_like:
        return False
    shown = words[i].shown
    if i < stream.title_end or shown in doc[1] or doc[0][shown] >= 2:
        return True
    return words[i].zipf < RARE_ZIPF and any(  # two rare name-like words in a row (سيرغي سكريبال)
        0 <= j < len(words) and not stream.breaks[max(i, j)] and not taken[j] and words[j].name_like
        and words[j].zipf < RARE_ZIPF for j in (i - 1, i + 1))


def windows(stream: Stream, at: list[int]) -> list[tuple[int, int]]:
    """``WINDOW`` tokens either side of each position, inside its clause, overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for i in at:
        start, end = i, i + 1
        while start > 0 and i - start < WINDOW and not stream.breaks[start] and start != stream.title_end:
            start -= 1
        while end < len(stream) and end - i <= WINDOW and not stream.breaks[end] and end != stream.title_end:
            end += 1
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _read_spans(labels: list[str], sure: list[float], offset: int, taken: bytearray
                ) -> list[tuple[int, int, str, float]]:
    out = []
    k = 0
    while k < len(labels):
        if not labels[k].startswith("B-"):
            k += 1
            continue
        kind = labels[k][2:]
        end = k + 1
        while end < len(labels) and labels[end] == "I-" + kind:
            end += 1
        if all(p >= MIN_MARGINAL for p in sure[k:end]) and not any(taken[offset + k:offset + end]):
            out.append((offset + k, offset + end, KINDS[kind], min(sure[k:end])))
        k = end
    return out


def model_names(stream: Stream, words: Sequence[Word], taken: bytearray) -> list[NewName]:
    """The model's spans, trimmed to what reads as a name (``trim``), that the article leans on
    (``accept``), as new names (their tokens are marked taken). A single word that is the surname of
    a person already found here is left to that person's repeats."""
    found: list[NewName] = []
    if not any(map(_NAME_LIKE, words)):
        return found
    doc = said(stream, words)
    predicted = spans(stream, words, taken, doc)
    counts = doc[0]
    surnames: set[str] = set()
    for start, end, kind, sure in predicted:
        start, end = trim(stream, words, start, end)
        if end <= start or any(taken[start:end]) or (end - start == 1 and words[start].shown in surnames) \
                or newnames.counted(stream, words, start) or not accept(stream, words, start, end, kind, counts, sure) \
                or (end - start == 1 and common_dual(stream.keys[start])):  # مصدران alone; سالمان غنيم stays
            continue
        if kind == "person" and start > 0 and newnames.head_key(stream, words, start - 1, _FIRM_WORDS) in _FIRM_WORDS:
            kind = "org"  # لشركة "ريبورتبوست سوليوشنز": the model reads a foreign firm's name as a man's
        name = newnames.new_name(stream, start, end, kind, taken)
        if stream.surface(start)[:2] in _CLITIC_HAMZA:  # وإيفيكا أوليتش، لأفيشاي سيفان: و or ل + the name
            form = stream.keys[start][1:]
            name = NewName(start, end, (form, *name.keys[1:]), stream.written(start, end, form), kind)
        if kind == "person" and end - start > 1:
            surnames.add(name.keys[-1])
        found.append(name)
    return found


_FIRM_WORDS = frozenset(index(w) for w in "شركة مجموعة".split())  # the word before a firm's name, clitics off


def trim(stream: Stream, words: Sequence[Word], start: int, end: int) -> tuple[int, int]:
    """The name inside a predicted span: it stops before a word that is not a name's (a verb, a
    clitic, a noun's case ending: ``not_name``) and sheds ال-words and common nouns at its ends
    (الأمينة دانيوس, مايك شروبفر كبير مديري) unless a last ال-word is a family name (``_family``)."""
    for i in range(start, end):
        if not_name(stream, words, i) or (i > start and (stream.keys[i] != words[i].shown or _common(words[i])
                                                           or _conjunct(stream.keys[i]))):
            end = i
            break
    while start < end and words[start].shown.startswith("ال"):
        start += 1
    while end > start and (_common(words[end - 1]) or she_past(stream.keys[end - 1], TRAILING_SHE_PAST_LETTERS) or (
            words[end - 1].shown.startswith("ال") and not _family(words[end - 1]))):
        end -= 1  # مايك شروبفر كبير، نشيميريمانا أصيبت: the sentence going on
    return start, end


def _conjunct(key: str) -> bool:
    """وشكرني: و + a word, where the whole is not a word the language knows better than its rest
    (وليد، وائل are names; a word unknown either way is read as a conjunct)."""
    zipf = lexicon().zipf
    return key.startswith("و") and len(key) > 3 and (zipf(key) <= UNSEEN_ZIPF or zipf(key[1:]) > zipf(key))


def _family(word: Word) -> bool:
    """A family name with the article: a rare nisba (الفضلي) or a word the language does not know
    (الحقيل); الأمينة (the secretary) is neither."""
    return word.zipf < FAMILY_RARE_ZIPF or (word.shown.endswith("ي") and word.zipf < newnames.FAMILY_NAME_MAX_ZIPF)


def _common(word: Word) -> bool:
    """A common noun or adjective (كبير): the sentence going on after a name, not part of it."""
    return word.nominal and not word.shown.startswith("ال") and word.zipf >= newnames.TRAILING_WORD_MAX_ZIPF


def not_name(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """Hand-written Arabic rules for a word that is never inside a name: not Arabic letters, a verb
    or clitic (``newnames.may_be_in_name``), a clitic letter before a common word (لاستقبال), a
    future verb (وسيتقاسم), و before the article (والسلوان), the pronoun هن (نجاحاتهن), an accusative
    noun (مديرا: مدير is common; مفاوضا: the language writes المفاوض) or a sound plural or dual of a
    common word (صحافيون، بارزون، منفردين)."""
    key = stream.keys[i]
    if not all("\u0621" <= ch <= "\u064a" for ch in key) or not newnames.may_be_in_name(stream, words, i):
        return True
    zipf = lexicon().zipf
    if key[0] in "وفبلك" and zipf(key[1:]) >= newnames.COMMON_REST_ZIPF:
        return True
    if _future_verb(key) or (len(key) >= 7 and key.startswith("وال")) or (len(key) >= 6 and key.endswith("هن")) \
            or (stream.surface(i)[:2] in _AND_HAMZA and zipf(key[1:]) >= VERB_ZIPF):
        return True  # وسيتقاسم، والسلوان، نجاحاتهن، وأشاد
    if key.endswith("ا") and max(zipf(key[:-1]), _participle_zipf(key, 1)) >= PLURAL_BASE_ZIPF \
            and not _given_name_in_a(stream, words, i):
        return True  # مديرا، مفاوضا (المفاوض)
    if key.endswith("ين") and _participle_zipf(key, 2) >= PLURAL_BASE_ZIPF:
        return True  # منفردين (المنفرد): a participle's sound plural or dual
    return len(key) >= 5 and key.endswith(("ون", "ات")) and zipf(key[:-2]) >= PLURAL_BASE_ZIPF


def _future_verb(key: str) -> bool:
    """وسيتقاسم: و, the future's س, an imperfect verb the language knows (يتقاسم). Without the و the bar
    is higher (``verbs.future_verb``): ستيفاني، سيلينا are names."""
    return len(key) >= 7 and key[0] in "وف" and key[1] == "س" and key[2] in "يتن" \
        and lexicon().zipf(key[2:]) >= VERB_ZIPF


def _participle_zipf(key: str, ending: int) -> float:
    """How common a م-participle is with the article once its ending is cut (مفاوضا → المفاوض): a
    participle describes the man after his name (تيباس مفاوضا). Not other words: تشيكين is a name."""
    if len(key) - ending < 4 or not key.startswith("م"):
        return 0.0
    return lexicon().zipf(ARTICLE + key[:-ending])


def accept(stream: Stream, words: Sequence[Word], start: int, end: int, kind: str, counts: Counter[str],
           sure: float = 0.0) -> bool:
    """A span is a name the article is about when one word of it is rare and it is in the headline
    or said twice (its first word, or a person's last word: وقال بولريتش); or, said once, a
    person of two or more words, every one rare and name-like, that the model is sure of
    (``ONCE_MARGINAL``: الجاسوس السابق سيرغي سكريبال, where the headline says only الجاسوس). Never a
    noun and its adjective agreeing in the dual or plural (``_agreeing``: طائرتين مدنيتين)."""
    span = words[start:end]
    keys = stream.keys[start:end]
    if min(w.zipf for w in span) >= (RARE_ZIPF if end - start == 1 else newnames.NAME_MAX_ZIPF) or _agreeing(keys):
        return False
    if start < stream.title_end:
        return True
    if counts[span[0].shown] >= 2 or (kind == "person" and end - start > 1 and counts[span[-1].shown] >= 2):
        return True
    return kind == "person" and end - start > 1 and sure >= ONCE_MARGINAL \
        and all(w.name_like and w.zipf < RARE_ZIPF for w in span) \
        and not any(key.endswith(("ها", "هم", "هما")) for key in keys)


def _agreeing(keys: Sequence[str]) -> bool:
    """حليفان متكاملان، رقمان قياسيان، طائرتين مدنيتين مسجلتين: a noun and its adjective agree in the
    dual or plural ending, and one of them is a word the language knows without it (حليف، رقم، طائرة:
    a feminine dual drops its ة for ت); two words of a foreign name seldom share an ending (رولان
    غاروس) and when they do, neither is a word without it (أنطوان غريزمان)."""
    return any(a[-2:] == b[-2:] and a[-2:] in ("ان", "ين", "ون", "ات")
               and max(_base_zipf(a), _base_zipf(b)) >= PLURAL_BASE_ZIPF for a, b in itertools.pairwise(keys))


def _base_zipf(word: str) -> float:
    """How common a dual or plural's singular is (``morphology.singulars``)."""
    if len(word) < 5:  # جان، جوان: no singular to read
        return 0.0
    return max(map(lexicon().zipf, singulars(word)))


def _given_name_in_a(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """ماريا، باولا، أردا، نيكولا before a rare name-like word (أردا توران): a given name ending in ا,
    not an accusative, when the rest is no noun (مار، باول، أرد، نيكول: the language never writes
    them with the article, where مديرا's مدير is المدير) and no plural verb ends in وا (يربوا).
    Alone or last in a span (فيرونا، بورتا) the ending is left to the accusative reading."""
    base = stream.keys[i][:-1]
    if i + 1 >= len(stream) or stream.breaks[i + 1] or not words[i + 1].name_like or base.endswith("و"):
        return False
    return lexicon().zipf(ARTICLE + base) < NOMINAL_MIN_ZIPF
