"""Outlets the gazetteer does not know, for ``attribution``: a media word and the name after it («صحيفة
"إل كونفيدنسيال"»، «القناة العاشرة الإسرائيلية»، «وكالة الأنباء الإثيوبية»), where an unquoted name ends,
and whether what follows the media word names an outlet at all («وكالة الفضاء»، «موقع الحادث»، «قناة
فضائية» do not). Hand-written (Arabic outlet names; the words are in ``credit_words``).
"""

from __future__ import annotations

from collections.abc import Sequence

from naba.gazetteer import OUTLET_SUBTYPES, load_gazetteer
from naba.pipeline.clean import credit_words as cw
from naba.pipeline.clean.credit_model import NameReading, near_outlet, read_name
from naba.pipeline.clean.credit_names import QUOTES_AND_PUNCTUATION
from naba.pipeline.clean.credit_quotes import NAME_ENDS, OPENING, QuotedNames
from naba.pipeline.clean.credit_words import credit_tables, is_adjective, latin_key
from naba.pipeline.tagging.lexicon import lexicon
from naba.pipeline.tagging.words import words_of
from naba.text import index
from naba.text.frequency import zipf
from naba.text.morphology import inflected

MAX_NAME_WORDS = 4
FEMININE_PAST_MIN_ZIPF = 3.3  # حذرت 3.9 (يحذر 4.0); not جودت 3.0, غريت 2.7
_NEVER_OUTLETS = ("company", "government", "intl")
# what ``naba.text.morphology`` reads as a verb or an indefinite object never continues an outlet's name
VERBS_AND_OBJECTS = frozenset({"past verb", "future", "imperfect plural", "plural verb", "accusative"})
# «فقد»، «فهي تدعو»، «فكانت»: what opens the comment of «أما صحيفة ... ف...» beside a reporting verb
_COMMENT_OPENERS = frozenset({"قد", "هي", "هو", "كانت", "كان", "تري", "يري", "ان", "انها", "انه"})


class UnknownNames(QuotedNames):
    """The outlets a piece of text names that no gazetteer knows (``attribution._Piece`` fills the words)."""

    text: str
    origins: Sequence[int]
    spans: list[tuple[int, int]]

    def unknown(self, at: int, strict: bool = False, loose: bool = False) -> tuple[str, int] | None:
        """An outlet the gazetteer does not know: its media word and name, as the text writes them;
        ``strict``, only a name quoted or a state medium's («القناة العاشرة الإسرائيلية»); ``loose``, a
        site's name too when it could be a place («أما موقع اللواء فقد وصف»: the outlet's comment follows)."""
        first = self.bare(at) or ""
        while first in cw.MEDIA and at + 1 < len(self.keys) and self.bare(at + 1) in cw.MEDIA - cw.STATE_MEDIA \
                and self.glued(at + 1)[:1] != "و":
            at, first = at + 1, self.bare(at + 1) or ""  # «موقع صحيفة "ماركا"»: the paper, not its site
        if first not in cw.MEDIA:
            return None
        end = self.quoted_name(at) or self.state_name(at, first) or (None if strict else self.name_end(at))
        if end is None:
            return None
        if not self.named(at, first, [key for key in self.keys[at + 1:end] if key], end, loose):
            return None
        span = self.quoted_span(at)
        named_from = span[0] if span is not None and span[1] == end else at + 1  # past its adjectives
        words = [word for word in (self.display(i) for i in (at, *range(named_from, end))) if word]
        media = words[0][len(self.glued(at)):]
        media = "ا" + media if first.startswith("ال") and not media.startswith(("ال", "أل", "إل")) else media
        if named_from > at + 1:  # «الصحيفة اليونانية (كاثيميريني)» → «صحيفة كاثيميريني»
            media = media[2:] if media.startswith(("ال", "أل", "إل")) else media
        if first in cw.DUAL_MEDIA:
            media = singular(media)
        name = " ".join([media.lstrip("ـ" + OPENING + '"'), *words[1:]])
        # «وكالة سبونتيك»، «وكالة الأنباء اليمينة»: a known outlet misspelt
        known = near_outlet(index(name)) or near_outlet(" ".join(k for k in self.keys[at + 1:end] if k))
        latin = " ".join(words[1:])  # «لشبكة CNN»: an outlet's Latin name, so a CNN text never credits itself
        known = known or (credit_tables().latin.get(latin_key(latin)) if latin.isascii() else None)
        return known or name, end

    def named(self, at: int, first: str, names: list[str], end: int, loose: bool = False) -> bool:
        """Whether the words after the media word ``first`` (up to ``end``) name an outlet."""
        if not names or (len(names) == 1 and names[0] in cw.GENERIC) or names[0] in cw.NOT_OUTLETS:
            return False
        if first in cw.PLURAL_MEDIA:
            return False  # «نشرتها وكالات الأنباء الروسية»: several outlets, none named
        if names[0] in cw.INDEFINITE or (is_adjective(names[0]) and not names[0].startswith("ال")):
            return False  # «قناة فضائية»، «محطة تلفزيون عربية»: a medium described, not named
        quoted = self.quoted_name(at) is not None
        if first.startswith("ال") and not names[0].startswith("ال") and not names[0][0].isdigit() and not quoted:
            # «وأكدت الوكالة أنباء مقتل جنود»: the outlet named before, then its object; «وأفادت الوكالة
            # "دفاعاتنا الجوية تتصدى ...»: then what it said
            return False
        span = self.quoted_span(at)
        described = span is not None and span[0] > at + 1  # «القناة الرسمية "أرت 1"»: its name after its description
        if first in cw.STATE_MEDIA - cw.AGENCY_WORDS and not any(is_adjective(name) for name in names) \
                and not described:
            return False  # «قالت القناة في تقريرها»: a back-reference
        if first in cw.DEFINITE_MEDIA and not described:
            return False  # «قالت الصحيفة البريطانية»: the paper named before; «الصحيفة اليونانية (كاثيميريني)» names it
        if first in cw.AGENCY_WORDS and _not_outlet(names):
            # «وكالة ناسا»: the gazetteer knows the name as something else (but «موقع "أنصار الله"»,
            # «قناة ريال مدريد» are a group's site and a club's channel: outlets)
            return False
        if first in cw.AGENCY_WORDS and cw.NEWS_WORDS.isdisjoint(names):
            # «وكالة الفضاء»، «وكالة الحماية المدنية»: not a news agency; «وكالة بلومبرغ»، «وكالة "سمارت"»:
            # a proper name (a common noun after «وكالة» is what it does), but not one whose field
            # follows («وكالة إينسي للإحصاءات»، «وكالة موديز للتصنيف الائتماني»)
            after = self.past_descriptors(end)
            if any(key.startswith("لل") and key not in cw.NEWS_WORDS for key in [*names[1:], after]):
                return False
            return self.reading(at).proper or (quoted and after in cw.NEWS_WORDS)
        if not quoted and words_of(names[:1], lexicon())[0].suffixed:
            return False  # «بحسب موقع اتجاهها»: a noun with its pronoun is no name
        # «موقع الحادث»، «موقع الإحصاءات»: a place, or a site that is not an outlet
        return loose or not (first in cw.SITE_WORDS and names[0].startswith("ال") and not quoted)

    def past_descriptors(self, end: int) -> str:
        """The word after a name and its descriptors («وكالة (إيلنا) شبه الرسمية للأنباء»: للأنباء)."""
        while end < len(self.keys) and (self.keys[end] in cw.DESCRIPTORS or self.keys[end] == "شبه"):
            end += 1
        return self.keys[end] if end < len(self.keys) else ""

    def reading(self, at: int) -> NameReading:
        """What the name tagger and the lexicon make of the words after the media word at ``at``."""
        return read_name(tuple(self.keys[max(0, at - 2):at + 1]), tuple(self.keys[at + 1:at + 8]))

    def state_name(self, at: int, first: str) -> int | None:
        """«التلفزيون الإيراني»، «القناة الإسرائيلية العاشرة»: a definite media word and its adjectives."""
        if first not in cw.STATE_MEDIA:
            return None
        end = at + 1
        while end < len(self.keys) and self.keys[end] in cw.DESCRIPTORS and not self.ends[end - 1]:
            end += 1  # «للقناة التلفزيونية البريطانية الرابعة»
        while end < len(self.keys) and (is_adjective(self.keys[end]) or self.keys[end] in cw.ORDINALS):
            end += 1
            if self.shown[end - 1][-1:] in NAME_ENDS:
                break
        return end

    def name_end(self, at: int) -> int:
        """Where an unquoted name ends: at punctuation, a number (its last word: «موقع لو 360»), a quote
        that opens what was said («لقناة فوكس سبورتس "كنت ...»), or a word that is no part of a name."""
        end, most = at + 1, min(MAX_NAME_WORDS, max(self.reading(at).stops, 1))
        dual = self.bare(at) in cw.DUAL_MEDIA  # «صحيفتا خبر ترك وحرييت»: the first name ends at و
        while end < len(self.keys) and end - at - 1 < most and self.in_name(at + 1, end) \
                and not (dual and end > at + 1 and self.keys[end][:1] == "و"):
            end += 1
            if self.text[self.origins[self.spans[end - 1][1] - 1]] in NAME_ENDS or self.keys[end - 1][0].isdigit():
                break
        return end

    def in_name(self, start: int, at: int) -> bool:
        """Whether the word at ``at`` continues the name that starts at ``start``."""
        key = self.keys[at]
        if not key or key in cw.NAME_STOPS:
            return False
        if at > start and (key in cw.OUTLET_DEEDS or inflected(key) in VERBS_AND_OBJECTS or _feminine_past(key)
                           or opens_comment(key)):  # «أما صحيفة الاتحاد فقد قالت»
            # «صحيفة الغد الأردنية كتبت»، «صحيفة لاكروا دعت»، «مجلة التايم حوارا»: what the outlet did, not its name
            return False
        if at > start and self.shown[at][:1] in OPENING + '"' and not self.closes(at):
            return False  # a quote opens what was said: «لقناة فوكس سبورتس "كنت جالسا»، not «"أنسا"»
        if at > start and self.shown[at][:1] == "(":
            return False  # «وكالة الأنباء العربية المتحدة (أونا)»: an abbreviation in parentheses
        if key[0].isdigit():
            return True  # «موقع 24»، «قناة i24»
        if key in cw.DESCRIPTORS:  # «قناة الإخبارية» is a name, «قناة المسيرة الفضائية» is described
            return at == start or (at + 1 < len(self.keys) and self.keys[at + 1] in cw.NEWS_WORDS)
        # «وكالة الأنباء الإثيوبية»، «الوكالة السورية للأنباء»: an adjective inside an agency's name
        return not is_adjective(key) or (at > start and self.keys[at - 1] in cw.NEWS_WORDS) \
            or (at + 1 < len(self.keys) and self.keys[at + 1] in cw.NEWS_WORDS)

    def display(self, at: int) -> str:
        a, b = self.spans[at]
        return self.text[self.origins[a]:self.origins[b - 1] + 1].strip(QUOTES_AND_PUNCTUATION)


def _feminine_past(key: str) -> bool:
    """حذرت، كتبت، طالبت: a common word of four or five letters ending in the feminine past's ت whose
    imperfect (يحذر، يكتب) is as common: what an outlet did («صحيفة هاأرتس حذرت»). ``morphology`` leaves
    such short words alone (جودت، غريت are names), but no outlet's name goes on with one."""
    if not 4 <= len(key) <= 5 or not key.endswith("ت"):
        return False
    return min(zipf(key), zipf("ي" + key[:-1])) >= FEMININE_PAST_MIN_ZIPF


def opens_comment(key: str) -> bool:
    """A word glued to ف that opens a comment (after «أما صحيفة ...»): a reporting verb or an outlet's
    deed, «قد»، «هي», a feminine past (فاستعادت، فتناولت); never a name (فرنسا، فلسطين) nor «في»."""
    if len(key) < 3 or not key.startswith("ف") or key[1:3] == "ال":
        return False
    rest = key[1:]
    return rest in cw.OUTLET_DEEDS or rest in _COMMENT_OPENERS or _feminine_past(rest) \
        or (len(rest) >= 5 and rest.endswith("ت") and rest[0] in "ات")


def singular(media: str) -> str:
    """صحيفتا، صحيفتي → صحيفة: one of the two outlets' media word."""
    return media[:-2] + "ة" if media.endswith(("تا", "تي")) else media


def _not_outlet(names: list[str]) -> bool:
    """Whether the gazetteer knows the name after «وكالة» as an organisation that is no outlet (a
    government's agency, a rating agency) or a person."""
    gazetteer = load_gazetteer()
    for size in range(len(names), 0, -1):
        entries = gazetteer.lookup(" ".join(names[:size]))
        if any(e.type == "org" and e.subtype in OUTLET_SUBTYPES for e in entries):
            return False
        # a company or a ministry opening the name is no outlet («وكالة ستاندرد آند بورز غلوبال»)
        if any(e.type in ("org", "person") for e in entries) \
                and (size == len(names) or any(e.subtype in _NEVER_OUTLETS for e in entries)):
            return True
    return False
