"""The learned half of reading an outlet's name, for ``attribution``: whether the words after a media word
name something, where that name ends, and which known outlet a misspelt name is.

    «أفادت وكالة بلومبرغ نقلا عن مصادر»      the name tagger (``naba.pipeline.tagging.namemodel``, a CRF
                                            trained on the corpora) or the lexicon reads بلومبرغ as a name
    «بحسب صحيفة ديلي إكسبريس يخطط الأمير»    the name stops before the verb يخطط
    «وفقا لوكالة "سبونتيك"»                  one transposition from سبوتنيك: that outlet

Why a model: a gazetteer grown by hand keeps missing the outlets a new sample credits (foreign papers,
small agencies, sites). A word the language writes as a name (rare, never with the article, no clitic,
no verb's conjugation: ``Word.name_like``, learned from word frequencies) or one the CRF tags as part
of a name is a name; a common noun after «وكالة» («وكالة الفضاء») or «موقع» («موقع الحادث») is not.
The CRF runs only on the few words after a media word in a credit (a handful per article), never on
whole sentences. Near-miss spellings are matched with rapidfuzz (optimal string alignment: one
transposition, «سبونتيك»/«سبوتنيك», is one edit).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from naba.pipeline.clean.credit_words import DESCRIPTORS, NEWS_WORDS, credit_tables
from naba.pipeline.tagging import namemodel, newnames
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import words_of
from naba.text import tokens

CONTEXT = 2  # words before the media word the tagger sees (its features look two words back)
WINDOW = 6  # words after it
MIN_MARGINAL = 0.5  # the tagger's least marginal over a name's tokens
FUZZY_MIN_LETTERS = 5  # a shorter name is matched exactly only («سانا»، «قنا» are one letter apart)
FUZZY_TWO_EDITS = 12  # letters from which two edits are allowed
_KEEP = NEWS_WORDS | DESCRIPTORS | newnames.NAME_LINKS  # «وكالة مهر الإيرانية للأنباء»: inside a name


@dataclass(frozen=True, slots=True)
class NameReading:
    """What the tagger and the lexicon make of the words after a media word."""

    named: bool  # the first word is a name (the tagger's name, or a word the language writes as one)
    proper: bool  # the first word is a proper name, not a common noun (what «وكالة»/«موقع» need)
    stops: int  # the name stops before this word (a verb, a clitic, an inflected common word)


def read_name(before: tuple[str, ...], after: tuple[str, ...]) -> NameReading:
    """How the words ``after`` a media word read (``before``: the media word and the words before it,
    as context). Words that are not one token each (a figure with dots, Latin with punctuation) end
    what the tagger is shown."""
    shown = [w for w in after[:WINDOW]]
    cut = next((k for k, w in enumerate(shown) if len(tokens(w)) != 1), len(shown))
    context = tuple(w for w in before[-CONTEXT - 1:] if len(tokens(w)) == 1)
    if cut == 0:
        return NameReading(named=False, proper=False, stops=0)
    return _read(context, tuple(shown[:cut]))


@functools.lru_cache(maxsize=4096)
def _read(context: tuple[str, ...], after: tuple[str, ...]) -> NameReading:
    stream = Stream.of(None, " ".join(context + after))
    words = words_of(stream.keys, lexicon())
    doc = namemodel.said(stream, words)
    xseq = [namemodel.features(stream, words, i, doc) for i in range(len(stream))]
    with namemodel._LOCK:
        tagger = namemodel._tagger()
        labels = tagger.tag(xseq)
        sure = [tagger.marginal(label, k) for k, label in enumerate(labels)]
    first = len(context)
    word = words[first]
    tagged = labels[first] != "O" and sure[first] >= MIN_MARGINAL
    latin = stream.keys[first].isascii()
    proper = word.name_like or latin or (tagged and not word.nominal and not stream.keys[first].startswith("ال"))
    stops = len(after)
    for i in range(first + 1, len(stream)):
        key = stream.keys[i]
        if key.isalpha() and not key.isascii() and not newnames.may_be_in_name(stream, words, i) \
                and key not in _KEEP and words[i].adjective is None and labels[i] == "O":
            stops = i - first  # «ديلي إكسبريس يخطط»: the sentence goes on
            break
    return NameReading(named=tagged or proper, proper=proper, stops=stops)


@functools.cache
def _spellings() -> tuple[list[str], list[str]]:
    """The outlets' spellings long enough to be matched fuzzily, and each one's canonical name."""
    tables = credit_tables()
    keys = [k for k in tables.outlets if len(k.replace(" ", "")) >= FUZZY_MIN_LETTERS and k not in tables.ambiguous]
    return keys, [tables.outlets[k] for k in keys]


def near_outlet(key: str) -> str | None:
    """The known outlet a name (index form) misspells, when exactly one is that close: a letter
    changed or two swapped; from ``FUZZY_TWO_EDITS`` letters, two edits, a letter added or dropped
    too; the first letter must agree. None for a name too short to tell from another by a letter."""
    letters = len(key.replace(" ", ""))
    if letters < FUZZY_MIN_LETTERS:
        return None
    edits = 2 if letters >= FUZZY_TWO_EDITS else 1
    keys, names = _spellings()
    hits = process.extract(key, keys, scorer=OSA.distance, score_cutoff=edits, limit=8)
    # a letter added or dropped in a short name is often another name (التايم/التايمز، الوطن/الوطني)
    found = {names[at] for spelling, _, at in hits
             if spelling[:1] == key[:1] and (len(spelling) == len(key) or letters >= FUZZY_TWO_EDITS)}
    return found.pop() if len(found) == 1 else None
