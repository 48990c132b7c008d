"""Who an article says it is republishing or quoting as its source: the outlets it credits.

Every credit form of Arabic news is read (hand-written rules: no library reads Arabic attribution):

    a reporting phrase, then an outlet     «نقلا عن»، «بحسب»، «حسب»، «حسبما أفادت»، «وفقا لـ»، «طبقا لـ»،
                                           «ذكرت»، «أوردت»، «نقلت»، «قالت»، «المصدر:» ... then a media word
                                           and a name («وكالة الأنباء الفرنسية»، «لصحيفة ...»), a known
                                           outlet («سكاي نيوز»، «رويترز»), an agency's abbreviation
                                           (واس، قنا، وام، بنا، كونا، سبأ، سانا، د ب أ، أ ف ب) or a
                                           wire's short name in quotes («بحسب "الألمانية"»)
    a credit in parentheses                «(واس)»، «(د ب أ)»، «(رويترز)»
    an agency in the dateline              «الرياض - واس»

Names resolve through the entity layer (``naba.gazetteer``, organisations of subtype agency or
media): one canonical name per outlet, so «شينخوا» and «وكالة أنباء الصين الجديدة» are one entry, and
«شبكة سي إن إن» is read whole (a name's own words are never cut at a function word). An outlet the
gazetteer does not know keeps its media word and at most MAX_NAME_WORDS words, ending at punctuation,
a function word, a nationality adjective («صحيفة الغد الأردنية أن» → «صحيفة الغد»; but «وكالة الأنباء
الإثيوبية» keeps it) or "today"; an unknown «وكالة» must be a news agency (not «وكالة الفضاء»). The
subject of a story is never its source: an outlet its title names (a story about Anadolu) is not a
credit, unless the page's own credit line («المصدر:») names it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from naba.gazetteer import load_gazetteer
from naba.text import dateline_end, index
from naba.text.normalize import fold_for_index, fold_for_index_with_origins

MAX_NAME_WORDS = 4
MAX_OUTLET_WORDS = 7  # the longest outlet name the gazetteer holds, in words
MAX_PIECE = 20_000  # characters read at once (find_attribution)
_REPORTING = ("نقلا عن", "نقلاً عن", "بحسب", "حسب", "حسبما", "حسبما ذكرت", "حسبما أفادت", "حسبما أوردت",
              "حسبما نقلت", "حسبما نشرت", "حسبما قالت", "حسب ما", "وفق", "وفق ما", "وفقا", "وفقاً", "طبقا",
              "طبقاً", "وفقا لما أورده",
              "وفقا لما أوردته", "وفقا لما ذكره", "وفقا لما ذكرته", "وفقا لما نشره", "وفقا لما نشرته",
              "وفقا لما نقلته", "وفقاً لما أوردته", "وفقاً لما ذكرته", "ذكرت", "أفادت", "أوردت", "نشرت", "نقلت",
              "قالت", "كشفت", "أكدت", "أشارت", "المصدر", "مصدر الخبر")
_MEDIA = ("وكالة", "وكالات", "صحيفة", "جريدة", "موقع", "قناة", "شبكة", "مجلة", "تلفزيون", "التلفزيون", "إذاعة",
          "راديو", "محطة")
# a wire's short name, quoted right after a reporting phrase: «بحسب "الألمانية"»
_SHORT_NAMES = {"الألمانية": "org:dpa", "الفرنسية": "org:afp", "الأناضول": "org:anadolu"}
_NAME_STOPS = frozenset(index(w) for w in (
    "أن", "إن", "عن", "في", "على", "من", "إلى", "الى", "مع", "التي", "الذي", "الذين", "و", "أو", "ثم", "قد",
    "أمس", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الإثنين", "الإخباري",
    "الإخبارية", "الرسمية", "الرسمي", "نقلا", "بحسب", "حيث", "بأن", "فإن", "لكن", "أيضا", "كذلك", "أهم", "اليوم",
    "مساء", "صباح", "قبل", "بعد", "خلال", "عبر", "هذا", "هذه", "الأحد", "نفسها", "ذاتها", "التلفزيونية",
    "التلفزيوني"))
# a name may open with one of these ("قناة الإخبارية"), though they end a name elsewhere
_NAME_OPENERS = frozenset(index(w) for w in ("الإخبارية", "الإخباري"))
# after these, a nationality adjective is the name ("وكالة الأنباء الإثيوبية"), not what ends it
_NEWS_WORDS = frozenset(index(w) for w in ("الأنباء", "أنباء", "للأنباء", "الصحافة", "للصحافة", "الإعلام",
                                           "الأخبار", "أخبار", "الإخبارية"))
_GENERIC = frozenset(index(w) for w in ("الوكالة", "الصحيفة", "الموقع", "القناة", "الشبكة", "المجلة", "الجريدة",
                                         "الأنباء", "أنباء", "الرسمية"))
_QUOTES_AND_PUNCTUATION = ".,،؛:;!?؟()[]-–—\"'«»“”„"
_OUTLET_KINDS = frozenset({"agency", "media"})
_AGENCY_WORDS = frozenset(index(w) for w in ("وكالة", "وكالات"))


def find_attribution(text: str, credited_source: str | None = None, title: str | None = None) -> tuple[str, ...]:
    """The outlets ``text`` credits, credited source first, each once (canonical when known), in order.

    The text is read a piece at a time (``_pieces``): per-character offsets and per-word lists of a
    whole 10 MB page would cost several hundred MB."""
    named: list[str] = []
    marks: list[str] = []
    for piece in _pieces(text):
        folded, origins = fold_for_index_with_origins(piece)
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", folded)]
        keys = [_key(folded[a:b]) for a, b in words]
        for at in _mentions(keys):
            name = _resolve(keys, at) or _generic(piece, origins, words, keys, at)
            if name:
                named.append(name)
        marks += _parenthesised(folded)
    marks += _in_dateline(fold_for_index(text[:dateline_end(text)]))
    subject = _named_outlets(title or "")
    credited = [_canonical(credited_source)] if credited_source else []
    return _unique(credited + [name for name in named + marks if index(name) not in subject])


def _pieces(text: str) -> Iterable[str]:
    """The text in paragraphs, a paragraph longer than MAX_PIECE in sentences, a sentence longer than that
    in runs of words: a credit never spans a paragraph or a sentence end (only one inside a sentence of
    more than MAX_PIECE characters may be cut in two)."""
    for paragraph in text.split("\n"):
        if len(paragraph) <= MAX_PIECE:
            yield paragraph
            continue
        for sentence in re.split(r"(?<=[.!?؟])\s+", paragraph):
            while len(sentence) > MAX_PIECE:
                cut = sentence.rfind(" ", 0, MAX_PIECE)
                cut = cut if cut > 0 else MAX_PIECE
                yield sentence[:cut]
                sentence = sentence[cut:]
            yield sentence


def _key(word: str) -> str:
    """A word as names are matched: quotes and tatweel out (لـ"رويترز" → لرويترز), punctuation off its ends."""
    return word.translate(_DROPPED).strip(_QUOTES_AND_PUNCTUATION)


_DROPPED = str.maketrans("", "", "\"'«»“”„ـ")


def _mentions(keys: list[str]) -> Iterable[int]:
    """Where a mention of an outlet starts: right after a reporting phrase."""
    table = _tables()
    for at, key in enumerate(keys):
        bare = key[1:] if key[:1] in "لب" and (key[1:] in table.media or key[1:] in table.first_words) else key
        if (bare in table.media or bare in table.first_words) and _reported(keys, at):
            yield at


def _reported(keys: list[str], at: int) -> bool:
    before = " ".join(keys[max(0, at - 4):at])
    if _tables().reporting.search(before):
        return True
    key = keys[at]  # «وفقا لوكالة ...», «وفقا لـ"رويترز"»: the ل of وفقا لـ glued to the name
    return key[:1] == "ل" and at > 0 and keys[at - 1] in _tables().glued_reporting


def _resolve(keys: list[str], at: int) -> str | None:
    """A known outlet at ``at`` (its media word optional), the longest name first; its canonical form."""
    table = _tables()
    first = keys[at]
    if first[:1] in "لب" and (first[1:] in table.media or first[1:] in table.first_words):
        first = first[1:]
    starts = [[first, *keys[at + 1:at + MAX_OUTLET_WORDS]]]
    if first in table.media:
        starts.append(keys[at + 1:at + MAX_OUTLET_WORDS])
    for run in starts:
        for size in range(min(len(run), MAX_OUTLET_WORDS), 0, -1):
            hit = table.outlets.get(" ".join(run[:size]))
            if hit is not None:
                return hit
    if first in table.short and at > 0:
        return table.short[first]
    return None


def _generic(text: str, origins: list[int], words: list[tuple[int, int]], keys: list[str], at: int) -> str | None:
    """An outlet the gazetteer does not know: its media word and name, as the text writes them."""
    table = _tables()
    first = keys[at][1:] if keys[at][:1] in "لب" and keys[at][1:] in table.media else keys[at]
    if first not in table.media:
        return None
    end = at + 1
    while end < len(keys) and end - at - 1 < MAX_NAME_WORDS and _in_name(keys, at + 1, end):
        end += 1
        if text[origins[words[end - 1][1] - 1]] in _QUOTES_AND_PUNCTUATION[:-6]:  # punctuation ends it
            break
    name_keys = keys[at + 1:end]
    if not name_keys or (len(name_keys) == 1 and name_keys[0] in _GENERIC):
        return None
    if first in _AGENCY_WORDS and _NEWS_WORDS.isdisjoint(name_keys):
        return None  # «وكالة الفضاء»، «وكالة الحماية المدنية»: an agency that is not a news agency
    shown = [_display(text, origins, words[i]) for i in range(at, end)]
    media = shown[0][1:] if keys[at] != first else shown[0]
    return " ".join([media.lstrip("ـ"), *shown[1:]])


def _in_name(keys: list[str], start: int, at: int) -> bool:
    """Whether the word at ``at`` continues the name that starts at ``start``."""
    key = keys[at]
    if not key or key[0].isdigit():
        return False
    if key in _NAME_STOPS:
        return at == start and key in _NAME_OPENERS
    return not _adjective(key) or (at > start and keys[at - 1] in _NEWS_WORDS)


@functools.cache
def _adjective(key: str) -> bool:
    """A nationality adjective (الأميركية، الأردنية، السعودي): it ends an outlet's name."""
    bare = key[2:] if key.startswith("ال") else key
    forms = {key, bare, bare[:-1] if bare[-1:] in "هة" else bare}
    return any(load_gazetteer().lookup_adjective(form) for form in forms)


def _display(text: str, origins: list[int], span: tuple[int, int]) -> str:
    return text[origins[span[0]]:origins[span[1] - 1] + 1].strip(_QUOTES_AND_PUNCTUATION)


def _parenthesised(folded: str) -> Iterable[str]:
    """Outlets credited in parentheses: «(واس)»، «(د ب أ)»."""
    table = _tables()
    for found in re.finditer(r"\(\s*([^()\n]{2,30}?)\s*\)", folded):
        hit = table.outlets.get(" ".join(w.strip(_QUOTES_AND_PUNCTUATION) for w in found.group(1).split()))
        if hit is not None:
            yield hit


def _in_dateline(dateline: str) -> Iterable[str]:
    """Agencies named in the dateline (its index form): «الرياض - واس»."""
    table = _tables()
    if dateline:
        parts = re.split(r"[\s\-–—()]+", dateline)
        for size in (3, 2, 1):
            for start in range(len(parts) - size + 1):
                hit = table.agencies.get(" ".join(parts[start:start + size]))
                if hit is not None:
                    yield hit


def _named_outlets(title: str) -> frozenset[str]:
    """Outlets a title names: the story is about them (index forms of their canonical names)."""
    keys = [w.strip(_QUOTES_AND_PUNCTUATION) for w in index(title).split()]
    table = _tables()
    named = set()
    for at in range(len(keys)):
        for size in range(min(MAX_OUTLET_WORDS, len(keys) - at), 0, -1):
            hit = table.outlets.get(" ".join(keys[at:at + size]))
            if hit is not None:
                named.add(index(hit))
                break
    return frozenset(named)


def _canonical(name: str) -> str:
    return _tables().outlets.get(index(name).strip(_QUOTES_AND_PUNCTUATION), name)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(index(name), name)
    return tuple(seen.values())


class _Tables:
    """The outlets the gazetteer knows, keyed by the index form of each spelling."""

    def __init__(self) -> None:
        gazetteer = load_gazetteer()
        outlets = [e for e in gazetteer.entries if e.type == "org" and e.subtype in _OUTLET_KINDS]
        self.outlets: dict[str, str] = {}
        self.agencies: dict[str, str] = {}
        for entry in outlets:
            for spelling in (entry.canonical, *entry.variants):
                key = index(spelling)
                self.outlets.setdefault(key, entry.canonical)
                if entry.subtype == "agency":
                    self.agencies.setdefault(key, entry.canonical)
        self.first_words = frozenset(k.split()[0] for k in self.outlets) | frozenset(index(s) for s in _SHORT_NAMES)
        self.short = {index(s): e.canonical for s, i in _SHORT_NAMES.items() if (e := gazetteer.get(i)) is not None}
        self.media = frozenset(index(w) for w in _MEDIA)
        phrases = sorted((index(p) for p in _REPORTING), key=len, reverse=True)
        self.reporting = re.compile(r"(?:^|\s)[وف]?(?:" + "|".join(map(re.escape, phrases)) + r")$")
        self.glued_reporting = frozenset(index(w) for w in ("وفقا", "وفقاً", "طبقا", "طبقاً", "ووفقا", "نسبة"))


@functools.cache
def _tables() -> _Tables:
    return _Tables()
