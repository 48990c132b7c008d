"""Inflected common words that look like names: the Arabic endings and prefixes a name never takes.

A word no list knows is tried as a name when it is rare and never written with the article. Many
such words are rare only because they are one inflection of a common word, and Arabic marks the
inflection on the word itself:

    future verb     س + an imperfect verb (سينصب، ستبحث، سنختار: ينصب، تبحث، نختار are common
                    and never take the article)
    pronoun         a pronoun after a noun's ة, written ت (تبرئتهما، خارجيتها، زيارتنا: تبرئه،
                    خارجيه، زياره are common)
    plural verb     وا after a verb's past stem whose imperfect is common (خططوا: يخطط؛ انتخبوا: ينتخب)
    masdar          a verbal noun whose verb is common (إخراس: يخرس؛ ترويع: يروع؛ the patterns
                    تفعيل، إفعال، افتعال، انفعال، استفعال, read back to the imperfect)
    accusative      the indefinite accusative ا after a noun the language writes with the article
                    far more often than this form (مديرا، لاعبا; a masdar's: ترويعا، تقليصا)
    past verb       a past stem (هدد، اجتاحت، أبحر) whose imperfect (يهدد، يجتاح، يبحر) the language writes
                    about as often, never with the article
    imperfect plural تتهاونوا، يقولون: an imperfect with its plural ending, the singular common
    feminine dual   تين/تان after a noun's ة, written ت (طائرتين، مدنيتين، جائزتان: طائره، مدنيه are
                    common; بوتين's بوه is not)
    feminine plural ات of a noun in ة that is far commoner than the plural (متأخرات: متاخره; not
                    فرحات, a family name, whose فرحه is barely commoner)

Each reading must be clearly commoner than the word itself (wordfreq's Arabic list,
``naba.text.frequency``), and a caller passes the given names it knows (``given``): سيرجي، نيكولا،
إسحاق look like a future verb, an accusative and a masdar, and are names. Hand-written: no library ships Arabic
morphology this cheap, and the tagger needs a yes/no per word, memoised (``naba.pipeline.tagging.words``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from naba.text.clitics import ARTICLE
from naba.text.frequency import UNSEEN_ZIPF
from naba.text.frequency import zipf as wordfreq_zipf

FUTURE_STEM_ZIPF = 3.0  # ينصب of سينصب is at least this common
COMMONER_BY = 0.3  # and this much commoner (Zipf) than the word with س (سيرينا: يرينا is not)
VERB_NOMINAL_ZIPF = 2.5  # an imperfect the language writes with the article (اليرجي) is no verb
PRONOUN_NOUN_ZIPF = 3.0  # خارجيه of خارجيتها
PLURAL_VERB_ZIPF = 2.5  # يخطط of خططوا
MASDAR_MAX_ZIPF = 3.0  # only a rare word is read as a masdar: إسحاق، إحسان، تغريد are names and masdars
MASDAR_VERB_ZIPF = 2.4  # يروع of ترويع (الترويع is a noun the language writes: at least MASDAR_NOUN_ZIPF)
MASDAR_NOUN_ZIPF = 2.0
UNSEEN_MASDAR_VERB_ZIPF = 3.0  # يخرس of إخراس, a word wordfreq has never seen
ACCUSATIVE_NOUN_ZIPF = 3.5  # المدير of مديرا (المول of مولا, in قره مولا أوغلو, is rarer)
ACCUSATIVE_COMMONER_BY = 0.8  # مدير is this much commoner than مديرا (ناسا: ناس is 0.6 commoner)
PAST_IMPERFECT_ZIPF = 2.5  # يجتاح of اجتاحت, يتهاون of تتهاونوا
PAST_RARER_BY = 0.6  # the past may be this much commoner than its imperfect (اجتاحت 3.55, يجتاح 3.0)
DERIVED_FOUR_ZIPF = 3.5  # يقلع of أقلع: a four-letter past read back only to a common imperfect
DUAL_NOUN_ZIPF = 3.0  # طائره of طائرتين (بوه of بوتين is 2.8)
PLURAL_NOUN_ZIPF = 3.5  # متاخره of متأخرات
PLURAL_COMMONER_BY = 1.0  # ... and this much commoner (فرحه is 0.7 commoner than the surname فرحات)
NOUN_WITH_ARTICLE_ZIPF = 3.5  # الجندي of جنديين, البائع of بائعة (العدن of عدنان is 1.5)

_PRONOUNS = ("هما", "هم", "هن", "ها", "نا", "كم", "ه")
_C = "([^اويء])"  # a root consonant
# the masdar patterns (index form: إ is ا) and their verb's imperfect, from the root consonants
_MASDARS = tuple((re.compile(pattern), imperfect) for pattern, imperfect in (
    (f"ت{_C}([^ا])ي{_C}", r"ي\1\2\3"),  # ترويع → يروع
    (f"ا{_C}{_C}ا{_C}", r"ي\1\2\3"),  # اخراس → يخرس
    (f"ا{_C}ت{_C}ا{_C}", r"ي\1ت\2\3"),  # اجتماع → يجتمع
    (f"ان{_C}{_C}ا{_C}", r"ين\1\2\3"),  # انسحاب → ينسحب
    (f"است{_C}{_C}ا{_C}", r"يست\1\2\3"),  # استقبال → يستقبل
))

Zipf = Callable[[str], float]


def inflected(key: str, given: Collection[str] = (), zipf: Zipf = wordfreq_zipf) -> str | None:
    """Which inflection of a common word the index-form ``key`` is ("future", "pronoun",
    "plural verb", "masdar", "accusative", "dual", "plural", "past verb", "imperfect plural"), or
    None: a word that may be a name. Not a word of three letters: روي (يروي) and دهش (يدهش) are
    names as often as هدد (يهدد) is a verb."""
    if len(key) < 4 or key in given:
        return None
    own = zipf(key)
    for rule, test in _RULES:
        if test(key, own, zipf):
            return rule
    return None


def _future(key: str, own: float, zipf: Zipf) -> bool:
    if key[0] != "س" or key[1] not in "يتن":
        return False
    verb = key[1:]
    if key[1] != "ي" and zipf("ي" + key[2:]) < FUTURE_STEM_ZIPF:
        return False  # ستريك: تريك is a word, يريك is rare — not a verb read in the other persons
    # سننهي: ننهي is rare, but it is ينهي in the first person
    person = zipf("ي" + key[2:]) if key[1] == "ن" else 0.0
    return max(zipf(verb), person) >= max(FUTURE_STEM_ZIPF, own + COMMONER_BY) \
        and zipf(ARTICLE + verb) < VERB_NOMINAL_ZIPF


def _past_verb(key: str, own: float, zipf: Zipf) -> bool:
    """اجتاحت (يجتاح)، استندت (يستند)، أبحر (يبحر): a past stem; the feminine's ت dropped only from a
    word of six letters (جودت، غريت، أوميت are names); none ending like a plural (درون: يدرون is "they
    know") or in و (كونو، تارو: no past does); the alif of a derived form dropped for the imperfect
    (اجتاح → يجتاح) from five letters, or four when the imperfect is common (إدين is a name, يدين a
    verb). The imperfect is about as common as the past, and the word never takes the article."""
    stem = key[:-1] if key.endswith("ت") and len(key) >= 6 else key
    if key.startswith(ARTICLE) or stem.endswith(("ون", "ين", "ان", "و")) or zipf(ARTICLE + key) >= VERB_NOMINAL_ZIPF:
        return False
    least = max(PAST_IMPERFECT_ZIPF, own - PAST_RARER_BY)
    if zipf("ي" + stem) >= least:
        return True
    if not stem.startswith("ا") or len(stem) < 4:
        return False
    dropped = zipf("ي" + stem[1:])
    return dropped >= least and (len(stem) >= 5 or dropped >= DERIVED_FOUR_ZIPF)


def _imperfect_plural(key: str, own: float, zipf: Zipf) -> bool:
    if key[0] not in "يت" or not key.endswith(("وا", "ون")) or len(key) < 5:
        return False
    singular = zipf("ي" + key[1:-2])
    return singular >= max(PAST_IMPERFECT_ZIPF, own + COMMONER_BY) and zipf(ARTICLE + key) < VERB_NOMINAL_ZIPF


def _pronoun(key: str, own: float, zipf: Zipf) -> bool:
    for suffix in _PRONOUNS:
        noun = key[:-len(suffix)]
        if key.endswith(suffix) and len(noun) >= 3 and noun[-1] == "ت":
            return zipf(noun[:-1] + "ه") >= max(PRONOUN_NOUN_ZIPF, own + COMMONER_BY)
    return False


def _plural_verb(key: str, own: float, zipf: Zipf) -> bool:
    """خططوا، سافروا، انتبهوا: the past stem of three to six letters, read back to its imperfect
    (يخطط، يسافر، ينتبه، يستخدم) — بابوا، ساموا have none."""
    stem = key[:-2]
    if not key.endswith("وا") or not (3 <= len(stem) <= 6):
        return False
    if len(stem) >= 5 and not stem.startswith(("ا", "ت")):
        return False  # فرانسوا: no verb pattern of five letters starts with ف
    imperfect = "ي" + (stem[1:] if stem[0] == "ا" else stem)
    return zipf(imperfect) >= max(PLURAL_VERB_ZIPF, own + COMMONER_BY)


def _masdar(key: str, own: float, zipf: Zipf) -> bool:
    """إخراس، ترويع (and ترويعا): a verbal noun's pattern whose verb (يخرس، يروع) is known, and
    the noun written with the article (الترويع) or not at all (إخراس): إردان، إعزاز are names the
    language writes, never with the article."""
    noun = key[:-1] if key.endswith("ا") and len(key) > 5 else key
    if own >= MASDAR_MAX_ZIPF:
        return False
    for pattern, imperfect in _MASDARS:
        if pattern.fullmatch(noun):
            verb = zipf(pattern.sub(imperfect, noun))
            if zipf(ARTICLE + noun) >= MASDAR_NOUN_ZIPF:
                return verb >= MASDAR_VERB_ZIPF
            return zipf(noun) <= UNSEEN_ZIPF and verb >= UNSEEN_MASDAR_VERB_ZIPF
    return False


def _accusative(key: str, own: float, zipf: Zipf) -> bool:
    """مديرا، لاعبا: an indefinite noun (so no article) the language writes with the article."""
    noun = key[:-1]
    if not key.endswith("ا") or key.endswith(("يا", "وا", "ءا")) or key.startswith(ARTICLE):
        return False
    return zipf(ARTICLE + noun) >= ACCUSATIVE_NOUN_ZIPF and zipf(noun) >= own + ACCUSATIVE_COMMONER_BY


def singulars(key: str) -> tuple[str, ...]:
    """What a dual or a sound plural (ان، ين، ون، ات) may be the number of: the word without its ending,
    and, when that ends in ت, the noun in ة the ت stands for (مدنيتين → مدنيت، مدنيه in index form)."""
    base = key[:-2]
    return (base, base[:-1] + "ه") if base.endswith("ت") else (base,)


def _feminine_dual(key: str, own: float, zipf: Zipf) -> bool:
    if not key.endswith(("تين", "تان")):
        return False
    noun = singulars(key)[-1]
    return len(noun) >= 3 and zipf(noun) >= max(DUAL_NOUN_ZIPF, own + COMMONER_BY)


def _feminine_plural(key: str, own: float, zipf: Zipf) -> bool:
    noun = key[:-2] + "ه"
    return key.endswith("ات") and len(noun) >= 3 and not key.startswith(ARTICLE) \
        and zipf(noun) >= max(PLURAL_NOUN_ZIPF, own + PLURAL_COMMONER_BY)


_RULES: tuple[tuple[str, Callable[[str, float, Zipf], bool]], ...] = (
    ("future", _future), ("pronoun", _pronoun), ("plural verb", _plural_verb), ("masdar", _masdar),
    ("accusative", _accusative), ("dual", _feminine_dual), ("plural", _feminine_plural),
    ("past verb", _past_verb), ("imperfect plural", _imperfect_plural))


def noun_number(key: str, zipf: Zipf = wordfreq_zipf) -> bool:
    """جنديين، مسلحان، بائعه (index form of بائعة): the dual, the ين plural or the feminine of a noun
    the language writes with the article and far more often. Not one of ``inflected``'s rules: names
    look the same (خلفان: خلف، فوزان: فوز، نوره: نور), so only the tagger's ``lexicon.common_dual`` asks
    it, of a word it already holds for no name the language knows and no listed given name."""
    for ending in ("ان", "ين", "ه"):
        noun = key[:-len(ending)]
        if key.endswith(ending) and len(noun) >= 3 and not key.startswith(ARTICLE) \
                and zipf(ARTICLE + noun) >= NOUN_WITH_ARTICLE_ZIPF and zipf(noun) >= zipf(key) + PLURAL_COMMONER_BY:
            return True
    return False
