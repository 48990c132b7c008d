"""The templated-notice guard: two short texts that are one template filled with different names.

Congratulation cables, execution notices, obituaries and forecasts are one template filled with a
name, a place or a number: "القيادة تهنئ الرئيس التونسي" and "... البوليفي" share most shingles
and are different news. Light edits of one wire copy also swap words (التلقيح → التطعيم, ثلاثة → 3).
What tells them apart is *what* is swapped. For a pair of texts of at most ``guard_tokens``
tokens each, the two token sequences are aligned (``difflib``) and each short
``replace`` block (up to 4 tokens a side) is inspected: if both sides hold a *decisive* token
absent from the other text, a name or number was substituted and the pair is not a duplicate.
A token is decisive when it contains a digit, ``name_of(token)`` names it (by default: the gazetteer
entry of a name or nationality adjective), it stands next to بن/بنت/ابن/أبو (a person's name in the
"X بن Y" form, which no gazetteer lists), or it is an ordinal (the second relief plane is not the
first: another instance of a routine report; an ordinal counts only against another ordinal).
Spellings of one thing are not a substitution: the two sides must name different things (different
digits, different gazetteer entries), and spans equal without spaces or letter for letter similar
(عبد العزيز / عبدالعزيز) are skipped, as are the tokens of a block that are one word spelled twice
(الفدرالي / الفيدرالي beside an added الأمريكي) and a conjunction on a name (ومنصور بن / منصور بن).
One figure written two ways is no substitution either (0647 / 6 47, 12,30 / 12 30, 4.00 / 4, and
the Saudi papers' decimal «57ر21» for 21.57, whose fraction comes first). Numbers inside a date (a
year, or next to a month name) are not decisive: two editions print different dates. A number
written in words on one side and in digits on the other, a dropped dateline or an added credit line
never has decisive tokens on both sides, so it passes.

Long texts are not guarded (the sketch keeps no tokens for them, the sameness model asks
only about short pairs): a long copy with one name changed is an edit.

``TemplateGuard`` knows only token sequences. What names a token is injected as ``name_of`` (a test
may pass a dictionary's ``get``); the default, the gazetteer, is read only when the guard first
compares a pair, as loading it costs time that an index of long texts never needs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from naba.text import bare_forms

_MAX_REPLACE = 4  # a substituted name or number is a short replace block
NAMED_TEXTS = 4096  # texts whose tokens' names a guard keeps (~2-3 kB each)
_SPELLING = 0.75  # letter-level similarity above which two replaced spans are one name spelled twice
_DATE_WORDS = frozenset((  # months (Gregorian, Levantine, Hijri) and date markers, in index form
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر",
    "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين", "محرم",
    "صفر", "ربيع", "جمادي", "رجب", "شعبان", "رمضان", "شوال", "القعده", "الحجه", "ه", "هـ", "م", "الموافق",
))
_NASAB = frozenset({"بن", "بنت", "ابن", "ابو"})  # "X بن Y": a person's name
_DECIMAL_RA = "ر"  # «57ر21» = 21.57 in Saudi papers: tokenized 57, ر, 21
_DIGIT_RUN = re.compile(r"\d+")
_ZERO_FRACTION = re.compile(r"[.,٫]0+(?!\d)")  # 4.00 is 4
# which instance of a routine a text reports: "the second relief plane", "the fourth round" (index form)
_ORDINALS = {form: n for n, words in enumerate((
    ("اول", "اولي", "الاول", "الاولي"), ("ثاني", "ثانيه", "الثاني", "الثانيه"), ("ثالث", "ثالثه", "الثالث", "الثالثه"),
    ("رابع", "رابعه", "الرابع", "الرابعه"), ("خامس", "خامسه", "الخامس", "الخامسه"),
    ("سادس", "سادسه", "السادس", "السادسه"), ("سابع", "سابعه", "السابع", "السابعه"),
    ("ثامن", "ثامنه", "الثامن", "الثامنه"), ("تاسع", "تاسعه", "التاسع", "التاسعه"),
    ("عاشر", "عاشره", "العاشر", "العاشره")), 1) for form in words}
_ORDINAL = "ordinal:"


def gazetteer_name_of() -> Callable[[str], str | None]:
    """The default ``name_of``: the gazetteer entry an index-form token names (a name or nationality)."""
    # imported here: the gazetteer is read (once, cached) only when the guard first needs it
    from naba.gazetteer import load_gazetteer

    gaz = load_gazetteer()

    @functools.lru_cache(maxsize=1 << 16)
    def name_of(token: str) -> str | None:
        entries = gaz.lookup(token) or gaz.lookup_adjective(token)
        return min(entry.id for entry in entries) if entries else None

    return name_of


class TemplateGuard:
    """Is a pair of short texts one template filled with different names or numbers?"""

    def __init__(self, name_of: Callable[[str], str | None] | None = None) -> None:
        self._name_of = name_of  # None: gazetteer_name_of(), loaded on the first comparison
        # what each token of a text names, worked out once a text (it depends on the text alone) and
        # kept for the texts compared lately: the story stage compares each text with dozens of others
        self._named = functools.lru_cache(maxsize=NAMED_TEXTS)(self._name_tokens)

    def templated(self, ta: Sequence[str], tb: Sequence[str], numbers: bool = True) -> bool:
        """True when the two texts (index-form tokens) differ by a substituted name or number (or, with
        ``numbers`` off, by a substituted name: other figures alone may be an update of one report).
        The same answer whichever text comes first."""
        if self._name_of is None:
            self._name_of = gazetteer_name_of()
        ta, tb = tuple(ta), tuple(tb)
        if tb < ta:  # difflib's alignment depends on which text comes first: one order
            ta, tb = tb, ta
        set_a, set_b = set(ta), set(tb)
        named_a, named_b = self._named(ta, numbers), self._named(tb, numbers)
        if not (_any_absent(ta, named_a, set_b) and _any_absent(tb, named_b, set_a)):
            return False  # cheap exit: one side has no name or number the other lacks
        matcher = SequenceMatcher(None, ta, tb, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "replace" or i2 - i1 > _MAX_REPLACE or j2 - j1 > _MAX_REPLACE:
                continue
            if _same_spelling(ta[i1:i2], tb[j1:j2]) or _same_figures(ta[i1:i2], tb[j1:j2]):
                continue  # عبد العزيز / عبدالعزيز, اوسفالدو / اوزفالدو; 0647 / 6 47
            respelled_a, respelled_b = _respelled(ta[i1:i2], tb[j1:j2])
            names_a = {k for i in range(i1, i2) if i - i1 not in respelled_a and (k := _absent(ta, named_a, i, set_b))}
            names_b = {k for j in range(j1, j2) if j - j1 not in respelled_b and (k := _absent(tb, named_b, j, set_a))}
            if _substituted(names_a, names_b):
                return True
        return False

    def _name_tokens(self, seq: tuple[str, ...], numbers: bool) -> tuple[str | None, ...]:
        """What each token names (``_decisive``), or None; each two- and three-word span is looked up once."""
        name_of = self._name_of
        grams = {n: [name_of(" ".join(seq[start:start + n])) for start in range(len(seq) - n + 1)]
                 for n in (2, 3)} if name_of is not None else {}
        return tuple(self._decisive(seq, i, numbers, grams) for i in range(len(seq)))

    def _decisive(self, seq: Sequence[str], i: int, numbers: bool, grams: dict[int, list[str | None]]) -> str | None:
        """What ``seq[i]`` names, if it is a number or a name (a pair counts it only where the other text
        lacks it); ``grams``: what each span of n words names, by n.

        Numbers are named by their digits (parts of a date are not: editions print different dates),
        gazetteer names by their entry, also inside a two- or three-word name (so الأميركية and
        الأمريكية, جوجل and غوغل name the same thing), a word next to بن/أبو by itself.
        """
        token = seq[i]
        if token in _NASAB:
            return None
        digits = "".join(c for c in token if c.isdigit())
        if digits:
            return None if not numbers or _in_date(seq, i) else "#" + digits
        if token in _ORDINALS:  # an ordinal day of a date is not decisive
            return None if _in_date(seq, i) else f"{_ORDINAL}{_ORDINALS[token]}"
        named = self._gazetteer_name(seq, i, grams)
        if named:
            return named
        if (i > 0 and seq[i - 1] in _NASAB) or (i + 1 < len(seq) and seq[i + 1] in _NASAB):
            return "~" + bare_forms(token)[-1]  # ومنصور بن is منصور بن
        return None

    def _gazetteer_name(self, seq: Sequence[str], i: int, grams: dict[int, list[str | None]]) -> str | None:
        if self._name_of is None:
            return None
        for candidate in bare_forms(seq[i]):  # وجازان
            if named := self._name_of(candidate):
                return named
        for n in (2, 3):  # بوركينا فاسو, كوت ديفوار: the first span holding the word that names something
            for start in range(max(0, i - n + 1), min(i, len(seq) - n) + 1):
                if named := grams[n][start]:
                    return named
        return None


def _any_absent(seq: tuple[str, ...], named: tuple[str | None, ...], other: set[str]) -> bool:
    """A token that names something and that the other text lacks."""
    return any(name is not None and token not in other for token, name in zip(seq, named, strict=True))


def _absent(seq: tuple[str, ...], named: tuple[str | None, ...], i: int, other: set[str]) -> str | None:
    """What ``seq[i]`` names, when the other text lacks it."""
    return named[i] if seq[i] not in other else None


def _substituted(names_a: set[str], names_b: set[str]) -> bool:
    """Both sides of a replaced block name something and never the same thing; an ordinal counts only
    against another ordinal (the second plane / the first), so «الثامن» for «8», or an ordinal beside a
    place, is no substitution."""
    ordinals_a = {n for n in names_a if n.startswith(_ORDINAL)}
    ordinals_b = {n for n in names_b if n.startswith(_ORDINAL)}
    if ordinals_a and ordinals_b and not ordinals_a & ordinals_b:
        return True
    names_a, names_b = names_a - ordinals_a, names_b - ordinals_b
    return bool(names_a and names_b and not names_a & names_b)


def _in_date(seq: Sequence[str], i: int) -> bool:
    """``seq[i]`` (a number) is part of a date: a year, or within two words of a month or a year."""
    def dateish(token: str) -> bool:
        return token in _DATE_WORDS or (token.isdigit() and len(token) == 4 and token[:2] in ("13", "14", "19", "20"))

    return any(dateish(t) for t in seq[max(0, i - 2):i + 3])


def _respelled(a: Sequence[str], b: Sequence[str]) -> tuple[set[int], set[int]]:
    """The positions in each side of a replaced block of words the other side spells alike (الفدرالي /
    الفيدرالي): an edit, not a substitution, whatever else the block adds."""
    in_a: set[int] = set()
    in_b: set[int] = set()
    for i, word_a in enumerate(a):
        for j, word_b in enumerate(b):
            if j not in in_b and len(word_a) >= 4 and len(word_b) >= 4 and _same_spelling((word_a,), (word_b,)):
                in_a.add(i)
                in_b.add(j)
                break
    return in_a, in_b


def _same_figures(a: Sequence[str], b: Sequence[str]) -> bool:
    """Both sides of a replaced block print the same figures, written differently: 0647 / 6 47,
    12,30 / 12 30, 4.00 / 4, 21.57 / 57 ر 21."""
    figures_a, figures_b = _figures(a), _figures(b)
    return bool(figures_a) and figures_a == figures_b


def _figures(seq: Sequence[str]) -> str:
    """The digits a span prints, in reading order, with decimal zeros and leading zeros dropped."""
    runs: list[str] = []
    at = 0
    while at < len(seq):
        if at + 2 < len(seq) and seq[at + 1] == _DECIMAL_RA and seq[at].isdigit() and seq[at + 2].isdigit():
            runs += [seq[at + 2], seq[at]]  # «57ر21»: the fraction comes first
            at += 3
            continue
        runs += _DIGIT_RUN.findall(_ZERO_FRACTION.sub("", seq[at]))
        at += 1
    return "".join(run.lstrip("0") or "0" for run in runs)


def _same_spelling(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two spellings of one thing: equal without spaces, or nearly equal letter for letter."""
    joined_a, joined_b = "".join(a), "".join(b)
    return joined_a == joined_b or SequenceMatcher(None, joined_a, joined_b).ratio() >= _SPELLING
