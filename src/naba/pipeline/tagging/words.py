"""What the tagger needs to know about one index token, worked out once per process and kept.

    Word.base       the token with what is glued before its article dropped (بالكتاب → الكتاب)
    Word.stem       the search stem of ``base`` (naba.text.stems): phrases group on it
    Word.zipf       how common ``base`` is (wordfreq Zipf; a form wordfreq lacks falls back to the
                    commonest of its clitic-free readings, so ومرتادي is as common as مرتادي)
    Word.content    may stand in a key phrase: letters, two or more, no stopword, no weekday or month
    Word.adjective  the country a nationality adjective names (الروسي → روسيا), if exactly one
    Word.misspelt   for a rare word, the gazetteer entry its spelling skeleton points to (زيلينيسكو)
    Word.shown      the clitic-free reading a reader sees alone (naba.text.clitic_free: بمدارس → مدارس)
    Word.nominal    a noun or adjective: it has the article, or the language writes it with one
                    (تفجير / التفجير); verbs, particles and names never take it (يتجه، أشعر، توران)
    Word.glued      a clitic glued to a word (بإعداد، لرئاسة): never the start of a name
    Word.suffixed   a word with a pronoun glued after it (تقريره، قتلته، حملاتهم)
    Word.nisba      a relational adjective (التراثي، بلدي، انتخابية): its noun without ي is common
    Word.number     a number written as a word (ثلاثة، مليون، الثاني)
    Word.inflected  an inflection of a common word (سينصب، تبرئتهما، خططوا، ترويعا: naba.text.morphology):
                    never part of a name
    Word.name_like  rare, not nominal, no clitic, pronoun, number, nationality or inflection: what the
                    name model (``namemodel``) tries as part of a name the gazetteer lacks

The last seven are hand-written Arabic rules read off wordfreq's Arabic list (naba.text.frequency):
no part-of-speech tagger runs, so a word is judged by which forms of it the language uses.

News vocabulary is Zipfian, so after a few hundred articles nearly every token is a hit and a
token costs one dict lookup. The memo is dropped when it outgrows ``MEMO_LIMIT``.
"""

from __future__ import annotations

from dataclasses import dataclass

from naba.gazetteer import Entry
from naba.pipeline.tagging.lexicon import Lexicon
from naba.pipeline.tagging.spelling import MIN_LETTERS
from naba.text import ARTICLE, article_form, bare_forms, clitic_free, index, stems, stopword_set
from naba.text.frequency import UNSEEN_ZIPF
from naba.text.morphology import inflected

MEMO_LIMIT = 500_000
NAME_LIKE_MAX_ZIPF = 4.0  # newnames.NAME_MAX_ZIPF: a name holds a word rarer than this
MISSPELT_MAX_ZIPF = 3.0  # only words this rare are tried as misspelled names
# Weekdays and months: they follow titles and open phrases without being a name or a topic.
_TIME_WORDS = """
السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة سبت أحد اثنين ثلاثاء أربعاء خميس جمعة
يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
"""
TIME_WORDS = frozenset(index(w) for w in _TIME_WORDS.split())
_NUMBER_WORDS = """
واحد واحدة اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة
عشر عشرة عشرات عشرين عشرون ثلاثين ثلاثون أربعين أربعون خمسين خمسون ستين ستون سبعين سبعون ثمانين ثمانون
تسعين تسعون مئة مائة مئات مائتي مئتي ألف آلاف ألفين مليون ملايين مليار مليارات بليون تريليون نصف ربع ثلث
أول أولى الأول الأولى ثاني ثانية الثاني الثانية ثالث ثالثة الثالث الثالثة رابع رابعة الرابع الرابعة خامس
خامسة الخامس الخامسة سادس السادس السادسة سابع السابع السابعة ثامن الثامن الثامنة تاسع التاسع عاشر العاشر
العاشرة أخير الأخير الأخيرة
"""
NUMBER_WORDS = frozenset(index(w) for w in _NUMBER_WORDS.split())
NOMINAL_MIN_ZIPF = 2.5  # ال + the word is at least this common: the language uses it as a noun
# a lone ه is left out: index folds ة to ه, so مدرسه (a school) would read as مدرس + ه (stream.py
# asks the written surface for that one)
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا")
SUFFIX_ROOT_MIN_ZIPF = 3.5  # تقرير of تقريره must be a common word for the ه to be a pronoun
SUFFIX_NOUN_MIN_ZIPF = 3.0  # ... or a noun written with the article this common (تحضيرات of تحضيراته)
_NISBA_ENDINGS = ("يين", "يون", "يات", "يتين", "يه", "يا", "ي")


@dataclass(frozen=True, slots=True, eq=False)  # identity equality: ``None in words`` stays in C
class Word:
    base: str
    stem: str
    zipf: float
    content: bool
    adjective: Entry | None
    misspelt: tuple[str, Entry] | None  # (clitic-free reading, entry) when a rare word's skeleton is a name's
    rare: bool  # zipf < MISSPELT_MAX_ZIPF: worth trying as a misspelled name
    shown: str = ""  # clitic-free reading (index form)
    nominal: bool = False
    glued: bool = False
    suffixed: bool = False
    nisba: bool = False
    number: bool = False
    inflected: bool = False  # an inflected common word (naba.text.morphology)
    name_like: bool = False  # rare, not nominal, no clitic, pronoun, number, nationality or inflection


_MEMO: dict[str, Word] = {}


def words_of(keys: list[str], lex: Lexicon) -> list[Word]:
    """The Word of each token, in order."""
    found = list(map(_MEMO.get, keys))
    if None in found:
        # read the new words from what was learned, not the memo: another thread may clear it
        learned = _learn({k for k, w in zip(keys, found, strict=True) if w is None}, lex)
        found = [w if w is not None else learned[k] for k, w in zip(keys, found, strict=True)]
    return found  # type: ignore[return-value]


def forget() -> None:
    """Drop the memo (a benchmark times a cold start with it)."""
    _MEMO.clear()


def _learn(missing: set[str], lex: Lexicon) -> dict[str, Word]:
    if len(_MEMO) + len(missing) > MEMO_LIMIT:
        _MEMO.clear()
    learned: dict[str, Word] = {}
    ordered = sorted(missing)
    bases = [article_form(k) for k in ordered]
    stop = stopword_set()
    frequency, adjective_of = lex.frequencies.get, lex.adjectives.get
    for key, base, stem in zip(ordered, bases, stems(bases), strict=True):
        forms = bare_forms(key)
        zipf = frequency(base) or max(frequency(f, 0.0) for f in forms) or UNSEEN_ZIPF
        content = (key.isalpha() and len(key) > 1 and key not in stop and base not in stop
                   and key not in TIME_WORDS)
        adjective = next(filter(None, map(adjective_of, forms[:3])), None)
        misspelt = None
        if zipf < MISSPELT_MAX_ZIPF and adjective is None and len(key) >= MIN_LETTERS:
            misspelt = _misspelt(forms, lex)
        shown = clitic_free(key)
        bare = shown.removeprefix(ARTICLE) if shown.startswith(ARTICLE) and len(shown) > 4 else shown
        nominal, suffixed = _nominal(shown, bare, lex), _suffixed(bare, lex)
        glued, number = shown != key and not shown.startswith(ARTICLE), shown in NUMBER_WORDS or bare in NUMBER_WORDS
        inflection = content and inflected(shown, lex.given, lex.zipf) is not None
        learned[key] = Word(base, stem, zipf, content, adjective, misspelt, zipf < MISSPELT_MAX_ZIPF,
                            shown=shown, nominal=nominal, glued=glued, suffixed=suffixed, nisba=_nisba(bare, lex),
                            number=number, inflected=inflection,
                            name_like=content and not (nominal or glued or suffixed or number or inflection)
                            and adjective is None and zipf < NAME_LIKE_MAX_ZIPF)
    _MEMO.update(learned)
    return learned


def _nominal(shown: str, bare: str, lex: Lexicon) -> bool:
    """Has the article, or the language writes it with one (تفجير: التفجير); an accusative ا
    (تجمعا، مدربا) is read off first."""
    if shown != bare:
        return True
    return max(lex.zipf(ARTICLE + bare), lex.zipf(ARTICLE + bare[:-1]) if bare.endswith("ا") else 0.0) \
        >= NOMINAL_MIN_ZIPF


def _suffixed(bare: str, lex: Lexicon) -> bool:
    """زرعها، حملاتهم، دعمها: a common word with a pronoun glued after it, or a less common noun
    (``pronoun_host``: عامليها، مشاركتهم، باغتصابها)."""
    zipf = lex.zipf(bare)
    for suffix in _PRONOUN_SUFFIXES:
        root = bare[:-len(suffix)]
        if bare.endswith(suffix) and len(root) >= 3:
            root_zipf = lex.zipf(root)
            if root_zipf >= SUFFIX_ROOT_MIN_ZIPF and root_zipf >= zipf:
                return True
            if pronoun_host(root, lex):
                return True
    return False


def pronoun_host(root: str, lex: Lexicon) -> bool:
    """What a pronoun is glued to (``_suffixed``, ``newnames``' ه): a noun the language writes with
    the article (مشاركت: المشاركة), a construct plural (عاملي: العاملين; not بيكي of بيكيه, كانتي of
    كانتيه), or a clitic on a common word (باغتصاب)."""
    if root[0] in "بل" and lex.zipf(root[1:]) >= SUFFIX_ROOT_MIN_ZIPF:  # a preposition (not كانتيه: ك + انتي)
        return True
    nouns = (root, root[:-1] + "ه") if root.endswith("ت") else (root,)
    written = (ARTICLE + root + "ن",) if root.endswith("ي") else tuple(ARTICLE + noun for noun in nouns)
    return max(map(lex.zipf, nouns)) >= SUFFIX_NOUN_MIN_ZIPF and max(map(lex.zipf, written)) >= NOMINAL_MIN_ZIPF


def _nisba(bare: str, lex: Lexicon) -> bool:
    """التراثي، بلدي، انتخابيه، خليجيا: the noun the adjective is made from (تراث، بلد) is common."""
    for ending in _NISBA_ENDINGS:
        root = bare[:-len(ending)]
        if bare.endswith(ending) and len(root) >= 3:
            return max(lex.zipf(root), lex.zipf(root + "ه"), lex.zipf(ARTICLE + root)) >= SUFFIX_ROOT_MIN_ZIPF
    return False


def _misspelt(forms: list[str], lex: Lexicon) -> tuple[str, Entry] | None:
    for form in forms:
        entry = lex.spelled_like((form,))
        if entry is not None and not _nisba_of(form, entry):
            return form, entry
    return None


def _nisba_of(form: str, entry: Entry) -> bool:
    """السليماني of السليمانية, اليمني of اليمن: a relational adjective (or a family name made from it)
    of the place, not a misspelling of its name."""
    if not form.endswith("ي"):
        return False
    stems = {form[:-1], form[:-1] + "ه", form[:-1] + "يه"}
    return any(index(surface) in stems for surface in (entry.canonical, *entry.variants))
