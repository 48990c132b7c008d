"""What the tagger needs to know about one index token, worked out once per process and kept.

    Word.base       the token with what is glued before its article dropped (بالكتاب → الكتاب)
    Word.stem       the search stem of ``base`` (naba.text.stems): phrases group on it
    Word.zipf       how common ``base`` is (wordfreq Zipf; a form wordfreq lacks falls back to the
                    commonest of its clitic-free readings, so ومرتادي is as common as مرتادي)
    Word.content    may stand in a key phrase: letters, two or more, no stopword, no weekday or month
    Word.adjective  the country a nationality adjective names (الروسي → روسيا), if exactly one
    Word.misspelt   for a rare word, the gazetteer entry its spelling skeleton points to (زيلينيسكو)

News vocabulary is Zipfian, so after a few hundred articles nearly every token is a hit and a
token costs one dict lookup. The memo is dropped when it outgrows ``MEMO_LIMIT``.
"""

from __future__ import annotations

from dataclasses import dataclass

from naba.gazetteer import Entry
from naba.pipeline.tagging.lexicon import Lexicon
from naba.pipeline.tagging.spelling import MIN_LETTERS
from naba.text import article_form, bare_forms, index, stems, stopword_set
from naba.text.frequency import UNSEEN_ZIPF

MEMO_LIMIT = 500_000
MISSPELT_MAX_ZIPF = 3.0  # only words this rare are tried as misspelled names
# Weekdays and months: they follow titles and open phrases without being a name or a topic.
_TIME_WORDS = """
السبت الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة سبت أحد اثنين ثلاثاء أربعاء خميس جمعة
يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين
"""
TIME_WORDS = frozenset(index(w) for w in _TIME_WORDS.split())


@dataclass(frozen=True, slots=True, eq=False)  # identity equality: ``None in words`` stays in C
class Word:
    base: str
    stem: str
    zipf: float
    content: bool
    adjective: Entry | None
    misspelt: tuple[str, Entry] | None  # (clitic-free reading, entry) when a rare word's skeleton is a name's
    rare: bool  # zipf < MISSPELT_MAX_ZIPF: worth trying as a misspelled name


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
        learned[key] = Word(base, stem, zipf, content, adjective, misspelt, zipf < MISSPELT_MAX_ZIPF)
    _MEMO.update(learned)
    return learned


def _misspelt(forms: list[str], lex: Lexicon) -> tuple[str, Entry] | None:
    for form in forms:
        entry = lex.spelled_like((form,))
        if entry is not None:
            return form, entry
    return None
