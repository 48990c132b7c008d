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

from naba.pipeline.clean.credit_words import DESCRIPTORS, MEDIA, NEWS_WORDS, credit_tables
from naba.pipeline.tagging import namemodel, newnames, verbs
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word, words_of
from naba.text import ARTICLE, is_stopword, tokens

CONTEXT = 2  # words before the media word the tagger sees (its features look two words back)
WINDOW = 6  # words after it
MIN_MARGINAL = 0.5  # the tagger's least marginal over a name's tokens
FUZZY_MIN_LETTERS = 5  # a shorter name is matched exactly only («سانا»، «قنا» are one letter apart)
FUZZY_WORD_LETTERS = 4  # a shorter word is never taken as misspelt
FUZZY_TWO_EDITS = 8  # letters of a word from which two edits are allowed
FUZZY_MAX_EDITS = 6  # edits over the whole name (the article's ال included) a candidate may have
FUZZY_MAX_ZIPF = 3.0  # a misspelt word is one the language does not know (اليمينة 2.5; الفلبينية 3.9)
_KEEP = NEWS_WORDS | DESCRIPTORS | newnames.NAME_LINKS  # «وكالة مهر الإيرانية للأنباء»: inside a name


@dataclass(frozen=True, slots=True)
class NameReading:
    """What the tagger and the lexicon make of the words after a media word."""

    proper: bool  # the first word is a proper name (the tagger's, or a word the language writes as one)
    stops: int  # the name stops before this word (an imperfect verb, a common word after و/ب)


def read_name(before: tuple[str, ...], after: tuple[str, ...]) -> NameReading:
    """How the words ``after`` a media word read (``before``: the media word and the words before it,
    as context). Words that are not one token each (a figure with dots, Latin with punctuation) end
    what the tagger is shown."""
    shown = after[:WINDOW]
    cut = next((k for k, w in enumerate(shown) if len(tokens(w)) != 1), len(shown))
    context = tuple(w for w in before[-CONTEXT - 1:] if len(tokens(w)) == 1)
    if cut == 0:  # «سي.إن.إن ترك»: no reading, no stop
        return NameReading(proper=False, stops=len(after))
    reading = _read(context, tuple(shown[:cut]))
    return reading if reading.stops < cut else NameReading(reading.proper, len(after))


@functools.lru_cache(maxsize=4096)
def _read(context: tuple[str, ...], after: tuple[str, ...]) -> NameReading:
    stream = Stream.of(None, " ".join(context + after))
    words = words_of(stream.keys, lexicon())
    doc = namemodel.said(stream, words)
    xseq = [namemodel.features(stream, words, i, doc) for i in range(len(stream))]
    labels, sure = namemodel.tag(xseq)
    first = len(context)
    word = words[first]
    tagged = labels[first] != "O" and sure[first] >= MIN_MARGINAL
    latin = stream.keys[first].isascii()
    proper = word.name_like or latin or (tagged and not word.nominal and not stream.keys[first].startswith("ال"))
    stops = len(after)
    for i in range(first + 1, len(stream)):
        key = stream.keys[i]
        if labels[i] == "O" and _goes_on(key, words[i]):
            stops = i - first  # «ديلي إكسبريس يخطط»: the sentence goes on
            break
    return NameReading(proper=proper, stops=stops)


def _goes_on(key: str, word: Word) -> bool:
    """A word that is the sentence going on after a name, not the name's (hand-written Arabic rules, on
    the lexicon's reading of the word): a verb in the imperfect (يخطط، تستعد) or a common word after
    the clitic و or ب (بالعربية، وأضافت). Not a ل (a foreign word starts like one: «ميل أون لاين») nor a
    pronoun's ending (a foreign name ends like one: «إيرنا»). A function word, a descriptor or an
    adjective is left to ``attribution``'s own stops («وكالة مهر الإيرانية للأنباء»، «آر آي أيه»)."""
    if not key.isalpha() or key.isascii() or is_stopword(key) or key in _KEEP or word.adjective is not None:
        return False
    clitic = key[0] in "وب" and lexicon().zipf(key[1:]) >= newnames.COMMON_REST_ZIPF
    return clitic or verbs.imperfect_verb(key, word)


@functools.cache
def _spellings() -> tuple[list[str], list[str]]:
    """The outlets' spellings long enough to be matched fuzzily, and each one's canonical name."""
    tables = credit_tables()
    keys = [k for k in tables.outlets if len(k.replace(" ", "")) >= FUZZY_MIN_LETTERS and k not in tables.ambiguous]
    return keys, [tables.outlets[k] for k in keys]


def near_outlet(key: str) -> str | None:
    """The known outlet a name (index form) misspells, when exactly one is that close, word by word
    (``_misspelt``): «وكالة الأنباء اليمينة» is «وكالة الأنباء اليمنية», «سبونتيك» is «سبوتنيك».
    None for a name too short to tell from another by a letter."""
    if len(key.replace(" ", "")) < FUZZY_MIN_LETTERS:
        return None
    keys, names = _spellings()
    hits = process.extract(key, keys, scorer=OSA.distance, score_cutoff=FUZZY_MAX_EDITS, limit=10)
    words = key.split()
    found = {names[at] for spelling, _, at in hits if _misspelt(words, spelling.split())}
    return found.pop() if len(found) == 1 else None


def _misspelt(read: list[str], known: list[str]) -> bool:
    """Whether the words ``read`` misspell the outlet's words ``known``: as many words, each the same or
    a word the language does not know (``FUZZY_MAX_ZIPF``: a known word, «الإيطالية» beside «الإيرانية»,
    «الصباح» beside Turkey's «صباح», is another name) that differs by the article alone (غارديان/
    الغارديان) or by one edit (two from ``FUZZY_TWO_EDITS`` letters) with the same first letter; a
    letter added or dropped at a word's end makes another word (التايم/التايمز، الوطن/الوطني), so then
    the last letters agree too."""
    if len(read) != len(known):
        return False
    for word, spelling in zip(read, known, strict=True):
        if word == spelling or (word.removeprefix(ARTICLE) == spelling.removeprefix(ARTICLE) and word in MEDIA):
            continue  # «الوكالة الأنباء السودانية»
        if lexicon().zipf(word) >= FUZZY_MAX_ZIPF:
            return False
        a, b = word.removeprefix(ARTICLE), spelling.removeprefix(ARTICLE)
        if a == b:
            continue
        # «إيه.بي.سي»، «إن.تي.في»: letters of an abbreviation are no misspelling; «إل» of «إل موندو»
        # is only the article once indexed
        if len(a) < FUZZY_WORD_LETTERS or not a.isalpha() or not b or a[0] != b[0]:
            return False
        if OSA.distance(a, b) > (2 if len(a) >= FUZZY_TWO_EDITS else 1) or (len(a) != len(b) and a[-1] != b[-1]):
            return False
    return True
