"""Teasers of other stories at the end of an article: the lead sentences of other reports, run on.

CNN Arabic bodies in ANT end with one to five paragraphs that are the opening sentences of other CNN
stories (a Hajj teaser under a Qatar story, Jordan's reserves under an Erdogan record). They are the
seed's "leaked headlines" in another form, and they are lifted out the same way (into the article's
related leaks), so no later stage reads them as the article's own text: not the tagger, not the
related lists, not the attribution.

Hand-written, as no library knows the shape. From the end, a paragraph is a teaser candidate when it
is one sentence of 10-80 words that opens as a news lead opens (a bare verb, an imperfect verb or a
name: not و/ف, not an article's closing «يذكر أن», «يشار إلى», not a connective such as «أما» or «كما»,
not a number) and shares less than MAX_SHARED of its content words with the article's title and first
two paragraphs. The run is cut only when one of its paragraphs is unmistakably another report's lead:
it opens with a dateline («دبي، الإمارات العربية المتحدة (CNN)--»; not a verb and a dash) or names the
weekday of its news set off by commas in its first clause or two («قال الرئيس التركي، رجب طيب
أردوغان، السبت، إن ...»). At most half the paragraphs go.

Measured by ``bench/teasers.py`` on all ANT + SaudiNewsNet bodies (a CNN body's trailing paragraphs
found in three or more other CNN bodies are the proxy for teasers: 4,518 paragraphs in 948 bodies):
578 CNN bodies are cut, 2,258 of those paragraphs (1,789 before imperfect-verb leads and two-clause
days were read), and 98% of every cut paragraph is found in another CNN body (a lead-shaped cut with
no confirmation: 45%, and 2,915 other bodies cut); of the 58k other bodies 7 are cut
(three leaked headlines, «مقالات أخرى للكاتب...», a serial's next episode; the rest a Q&A, a timeline, a
closing prayer, a match report's last lines). An "on this day" list (حدث في ...) can lose an item to
the run; 5 of the 487 paragraphs the last change cuts are found nowhere else. A run of unrelated leads
without a dateline or a day was tried as a teaser too: it cut columns and lists (5 false bodies for 34
more teasers) and was dropped.
"""

from __future__ import annotations

import re

from naba.text import dateline_end, index, is_stopword, tokens, without_dateline

MIN_WORDS, MAX_WORDS = 10, 80
MAX_SHARED = 0.3
MIN_CONTENT_WORDS = 6
_CONNECTIVES = frozenset(index(w) for w in (
    "أما", "كما", "بينما", "لكن", "لكنه", "إلا", "غير", "هذا", "هذه", "جاء", "ذلك", "إذ", "اذا", "إذا", "اذاً",
    "إذاً"))
# a lead opens with a verb whose own first letter is و («واصل سعر صرف الريال ...»، «وصف الرئيس ...»): not
# the conjunction و that opens a paragraph continuing the article («وقال ...»)
_W_VERBS = frozenset(index(v + suffix) for v in (
    "واصل", "وصف", "وصل", "وقع", "وافق", "وجه", "وعد", "وضع", "ودع", "وجد", "وزع", "وقف", "وثق", "وسع")
    for suffix in ("", "ت"))
# a lead may open with a phrase of time or place («في خطوة مفاجئة، أعلنت ...»، «بعد أشهر من ...») or a
# verb of saying the stopword list holds («أكد مجلس الوزراء اليمني ...»; not «أضاف»: it goes on a quote)
_SAYING = frozenset(index(w) for w in ("قال", "قالت", "أكد", "أكدت", "ذكر", "ذكرت", "أشار", "أشارت", "أوضح",
                                         "أوضحت"))
_LEAD_OPENERS = frozenset(index(w) for w in ("في", "بعد", "منذ", "خلال", "قبل")) | _SAYING
_DAYS = "(?:السبت|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة)"
_LEAD_DAY = re.compile(r"^(?:[^.،]{3,120}،){1,2}\s*(?:(?:يوم|مساء|صباح|ليل|ليلة|فجر|ظهر|عصر)\s+)?"
                       r"(?:أمس\s+|اليوم\s+)?" + _DAYS + r"\s*[،,]")
# an imperfect verb opens a lead too («يدرس إيلون ماسك ...»، «يستمر تراجع الدولار ...»), but these open an
# article's own closing lines («يذكر أن ...»، «يشار إلى أن ...»)
_CLOSERS = frozenset(index(w) for w in ("يذكر", "يشار", "يجدر", "يأتي", "يعد", "يعتبر", "يبقى", "يمكن", "يبدو",
                                         "يتوقع", "يتزامن"))
_INNER_SENTENCE_END = re.compile(r"[.!؟?](?=\s+\S)")


def cut_teasers(paragraphs: list[str], title: str | None = None) -> tuple[list[str], list[str]]:
    """(the article's paragraphs, the trailing teasers of other stories, in order)."""
    if len(paragraphs) < 2:
        return paragraphs, []
    head = 2 if len(paragraphs) > 2 else 1  # the article's own opening: at most two paragraphs, never all
    own = _content(" ".join([title or "", *(without_dateline(p) for p in paragraphs[:head])]))
    cut, confirmed = len(paragraphs), False
    while cut > max(head, len(paragraphs) // 2) and _leads(paragraphs[cut - 1]) \
            and _foreign(paragraphs[cut - 1], own):
        confirmed |= _unmistakable(paragraphs[cut - 1])
        cut -= 1
    if not confirmed or (len(paragraphs) == 2 and dateline_end(paragraphs[1]) == 0):
        return paragraphs, []  # a body of two paragraphs loses its second to a dateline only
    if cut == len(paragraphs) - 1 and _first_word(paragraphs[-1]) in _SAYING:
        # a lone last paragraph opening on «قال»: on all stored bodies as often the article's own last
        # quote (Al Arabiya, Sky News) as a teaser (CNN, 2 each): kept, as losing text is worse
        return paragraphs, []
    return paragraphs[:cut], paragraphs[cut:]


def _leads(paragraph: str) -> bool:
    """One sentence of a lead's length that opens as a lead does."""
    words = paragraph.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or _INNER_SENTENCE_END.search(paragraph.rstrip(".")):
        return False
    first = _first_word(paragraph)
    if first in _W_VERBS or first in _LEAD_OPENERS:
        return True
    return bool(first) and not (first[0] in "وف" or first[0].isdigit() or first in _CONNECTIVES
                                or first in _CLOSERS or is_stopword(first))


def _first_word(paragraph: str) -> str:
    words = paragraph.split(maxsplit=1)
    return index(words[0].strip('"«“')) if words else ""


def _foreign(paragraph: str, own: set[str]) -> bool:
    """Few of its words are the article's own (a shared dateline is no shared word)."""
    words = _content(without_dateline(paragraph))
    return len(words) >= MIN_CONTENT_WORDS and len(words & own) / len(words) < MAX_SHARED


def _unmistakable(paragraph: str) -> bool:
    """A dateline (not a verb and a dash: «يغادر – بمشيئة الله –» opens a royal court's statement) or
    the weekday of its news in its first clauses."""
    dateline = dateline_end(paragraph) > 0 and not _first_word(paragraph).startswith("ي")
    return dateline or _LEAD_DAY.match(paragraph) is not None


def _content(text: str) -> set[str]:
    return {w for w in tokens(text) if len(w) > 2 and not w.isdigit() and not is_stopword(w)}
