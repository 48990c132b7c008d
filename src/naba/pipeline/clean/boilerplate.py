"""Inline boilerplate lines of Arabic news pages: teasers, share/follow prompts, app and rights notices,
and the comment section's policy (``naba.pipeline.clean.comments``).

Patterns are written by hand (Arabic-specific, see ``blocks.loose`` for the spelling variants they
accept) and were checked against SaudiNewsNet and ANT, where prose lines also open with words such
as "شارك" ("شارك أكثر من 72 مشاركا ...") or "تابع" ("تابع الأمير ... الحفل"). So a prompt is only
removed when the whole line is the prompt: share lines must name what is shared or where, follow
lines must name a network, and "اضغط هنا" lines must be short.

Teasers come in two shapes, both removed:

    اقرأ أيضا: <headline>                   one line, the separator optional after "اقرأ أيضا"
    اقرأ أيضاً:                              a bare header ...
    <headline>                              ... followed by up to ``_MAX_TEASER_LINES`` headline lines
"""

from __future__ import annotations

import re

from naba.pipeline.clean.blocks import loose
from naba.pipeline.clean.comments import is_comment_policy
from naba.text.lazy_pattern import lazy_compile

_LEAD = r"^[ \t\u00a0*•#\-–—>]*"
_SEP = r"[ \t\u00a0]*(?:[:：|/\-–—]|\.{2,}|…)[ \t\u00a0]*"
_SOCIAL = (
    r"(?:" + "|".join(loose(name) for name in (
        "فيسبوك", "فيس بوك", "الفيسبوك", "الفيس بوك", "تويتر", "إكس", "انستغرام", "انستجرام",
        "إنستغرام", "يوتيوب", "اليوتيوب", "تيليجرام", "تلغرام", "تليجرام", "واتساب", "واتس اب",
        "الواتساب", "سناب شات", "تيك توك", "جوجل نيوز", "لينكدإن",
    )) + r"|facebook|twitter|instagram|youtube|telegram|whatsapp|google news)"
)


def _phrases(*phrases: str) -> str:
    return "(?:" + "|".join(loose(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


# Teaser openers that may be followed directly by a headline (no separator needed).
_TEASER_OPENERS = _phrases(
    "اقرأ أيضا", "اقرأ كذلك", "طالع أيضا", "شاهد أيضا", "شاهد كذلك", "قد يهمك أيضا", "يهمك أيضا",
)
# Openers that only count as a teaser when a separator follows ("للمزيد: ...", "شاهد.. ...").
_SEPARATED_OPENERS = _phrases(
    "للمزيد", "لمزيد من التفاصيل", "شاهد", "شاهدوا", "اقرأ", "طالع", "قد يهمك", "ذات صلة",
    "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة",
)

_TEASER_WITH_HEADLINE = lazy_compile(
    rf"{_LEAD}(?:{_TEASER_OPENERS}(?:{_SEP}|[ \t\u00a0]+)|{_SEPARATED_OPENERS}{_SEP})(?P<headline>\S.*)$"
)
_HEADER_END = r"[ \t\u00a0:：|.…]*$"
# A bare teaser header: the headline lines below it are teasers too.
_TEASER_LIST_HEADER = lazy_compile(rf"{_LEAD}(?:{_TEASER_OPENERS}|{_SEPARATED_OPENERS}){_HEADER_END}")
# A bare header of either kind; "المزيد" ("more") is a link label, what follows it is not taken.
_TEASER_HEADER = lazy_compile(
    rf"{_LEAD}(?:{_TEASER_OPENERS}|{_SEPARATED_OPENERS}|{_phrases('اقرأ المزيد', 'المزيد')}){_HEADER_END}"
)

_PROMPTS = lazy_compile(
    _LEAD + r"(?:"
    + _phrases("شارك", "شاركها", "شاركوا", "شارك هذا") + r"(?:[ \t]+" + _phrases(
        "الخبر", "المقال", "المقالة", "الموضوع", "الصفحة", "هذا الخبر", "هذا المقال", "مع أصدقائك")
    + r")?(?:[ \t]+(?:على|عبر)[ \t]+" + _SOCIAL + r")?"
    + r"|" + _phrases("تابعونا", "تابعنا", "تابعوا", "تابعونا على", "تابع") + r"[ \t].{0,80}?"
    + r"(?:على|عبر|في)[ \t]+(?:" + _SOCIAL + r"|" + _phrases("تطبيق", "قناتنا", "حسابنا", "صفحتنا") + r")"
    + r"[^.،,؛]{0,40}"  # "... وتويتر", "... تطبيق نبأ": a short tail, not a sentence
    + r"|" + _phrases("يمكنكم استلام إشعارات", "يمكنكم تسلم إشعارات", "حمل تطبيق", "حملوا تطبيق",
                      "اشترك في النشرة", "اشترك في قناتنا", "اشتركوا في قناتنا", "للاشتراك في")
    + r".{0,160}"
    + r"|" + _phrases("جميع الحقوق محفوظة", "حقوق النشر محفوظة", "جميع المقالات المنشورة تمثل رأي")
    + r".{0,80}"
    # the page's link to itself: «رابط الخبر بصحيفة الوئام: <its own headline>» (1,195 stored bodies)
    + r"|" + _phrases("رابط الخبر", "رابط المقال") + r"[ \t\u00a0]+ب[^:\n]{1,40}:.{0,200}"
    + r")[ \t\u00a0.!…:]*$"
)
# Every anchored pattern opens on one of these letters; prose lines mostly open on و, so this
# one set lookup spares the regex for most lines.
_LEAD_CHARS = " \t\u00a0*•#-–—>"
_OPENING_LETTERS = frozenset("اأإآٱطشقيذلمتحجر")
# "click here" may sit anywhere in its (short) line: searched only in lines up to this length.
_MAX_CLICK_LINE_CHARS = 160
_CLICK_HERE = lazy_compile(
    _phrases("اضغط هنا", "انقر هنا", "اضغط على الرابط", "اضغط الرابط", "اضغط على الصورة") + r"[ \t\u00a0.!…:]*$"
)
# One anchored match per line decides whether a line needs a closer look; searching the whole text
# with a MULTILINE pattern instead costs several times more (every position is tried).
_ANY = lazy_compile("|".join((_TEASER_WITH_HEADLINE.pattern, _TEASER_HEADER.pattern, _PROMPTS.pattern)))

_MAX_LINE_CHARS = 300
_MAX_TEASER_LINES = 6
_MAX_TEASER_WORDS = 25
_PROSE_END = re.compile(r"[.،,:؛]\s*$")


# A photo gallery's controls, left in the text where the page had its slideshow («Next Previous عين
# اليوم – واس»: 270 of 2,080 stored عين اليوم bodies): never prose, removed wherever they stand.
_SLIDESHOW_CONTROLS = re.compile(r"[ \t\u00a0]*\bNext Previous\b[ \t\u00a0]*")


def strip_slideshow_controls(text: str) -> str:
    """The text without a gallery's "Next Previous" controls; what stood on either side of them is kept
    on lines of its own (a caption, then the byline)."""
    return _SLIDESHOW_CONTROLS.sub("\n", text) if "Next Previous" in text else text


# Columns end with the writer's SMS line, often glued to their e-mail address (Al-Madina: «…@yahoo.com
# للتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) … - Stc … - Mobily … - Zain», on one line or four; Okaz:
# «للتواصل أرسل SMS إلى 88548 الاتصالات ،636250 موبايلي، 738303 زين تبدأ بالرمز …»): 231 stored bodies.
# Never prose, and the operators it lists are no companies the column is about.
_WRITER_CONTACT = "للتواصل"
_WRITER_SMS = re.compile(_WRITER_CONTACT + r"(?:[ \t\u00a0]+مع[ \t\u00a0]+الكاتب)?[ \t\u00a0]+[اأإ]رسل[ \t\u00a0]+"
                         r"(?:رسالة[ \t\u00a0]+)?SMS[\s\S]{0,200}?(?:Zain|زين)[^\n]*")


def strip_writer_contact(text: str) -> str:
    """The text without a column's "send the writer an SMS" line (what stood before it on its line stays)."""
    return _WRITER_SMS.sub("", text) if _WRITER_CONTACT in text else text


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Remove boilerplate lines from ``text``; return the clean text and the removed lines."""
    kept: list[str] = []
    removed: list[str] = []
    lines = text.split("\n")
    position = 0
    while position < len(lines):
        line = lines[position]
        position += 1
        if not _is_boilerplate(line):
            kept.append(line)
            continue
        removed.append(line)
        if _TEASER_LIST_HEADER.match(line):
            position = _take_teaser_lines(lines, position, removed)
    return ("\n".join(kept) if removed else text), removed


def _is_boilerplate(line: str) -> bool:
    if is_comment_policy(line):
        return True
    if len(line) > _MAX_LINE_CHARS:
        return False
    if line.lstrip(_LEAD_CHARS)[:1] in _OPENING_LETTERS and _ANY.match(line):
        return True
    if len(line) > _MAX_CLICK_LINE_CHARS or ("ضغط" not in line and "نقر" not in line):
        return False  # substring tests in C spare the regex scan on almost every line
    return _CLICK_HERE.search(line) is not None


def _take_teaser_lines(lines: list[str], position: int, removed: list[str]) -> int:
    """After a bare teaser header, consume the headline lines that follow it (blank lines skipped)."""
    taken = 0
    while position < len(lines) and taken < _MAX_TEASER_LINES:
        line = lines[position].strip()
        if line and not _is_teaser_headline(line):
            break
        if line:
            removed.append(line)
            taken += 1
        position += 1
    return position


def _is_teaser_headline(line: str) -> bool:
    return len(line.split()) <= _MAX_TEASER_WORDS and not _PROSE_END.search(line)


_READ_ALSO_LINE = lazy_compile(rf"{_LEAD}{loose('اقرأ أيضا')}(?:{_SEP}|[ \t\u00a0]+)(?P<headline>\S.*)$")


def read_also_headline(removed_line: str) -> str | None:
    """The headline of an inline "اقرأ أيضا: <headline>" line (the page's read-also teaser), if it is one."""
    match = _READ_ALSO_LINE.match(removed_line.strip())
    return match.group("headline").strip() if match else None


def teaser_headline(removed_line: str) -> str | None:
    """The other article's headline a removed teaser line carries, if it carries one.

    "اقرأ أيضا: X" gives X; a headline line that followed a bare "اقرأ أيضاً:" gives itself;
    share prompts and bare headers give None.
    """
    line = removed_line.strip()
    if _PROMPTS.match(line) or _TEASER_HEADER.match(line) or _CLICK_HERE.search(line) or is_comment_policy(line):
        return None
    match = _TEASER_WITH_HEADLINE.match(line)
    headline = match.group("headline") if match else line
    return headline.strip() or None
