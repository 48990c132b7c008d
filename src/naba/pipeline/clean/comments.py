"""Comment-policy lines: a site's notice about reader comments, set inside the story's container.

    سياسة التعليقات
    نرحب بتعليقاتكم ونرجو الالتزام بآداب الحوار.
    التعليقات المنشورة تعبر عن آراء أصحابها ولا تعبر بالضرورة عن رأي الصحيفة.
    We welcome lively discussion. The views expressed in the comments below do not reflect ours.

Such a block is about the page, not the story, and extraction keeps it when it sits in the article's
own container. Like share prompts and rights notices (``naba.pipeline.clean.boilerplate``), it is told
by its wording, for every site: a line goes only when it *opens* with a comment-policy phrase, since
news prose also speaks of comments ("وفي تعليقات على القرار، قال ..."; "he declined to comment").
Arabic phrases are hand-written (``blocks.loose`` accepts their spelling variants) and were checked
against every paragraph of SaudiNewsNet and ANT, where none of them opens a line of a story.
"""

from __future__ import annotations

import re

from naba.pipeline.clean.blocks import loose
from naba.text.lazy_pattern import lazy_compile

MAX_LINE_CHARS = 600
_LEAD = r"^[ \t\u00a0*•#\-–—>(\[]*"
_END = r"[ \t\u00a0.!…:)\]]*$"


def _any(*phrases: str) -> str:
    return "(?:" + "|".join(loose(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


_NOTE = r"(?:" + _any("تنويه", "ملاحظة", "ملحوظة", "تنبيه", "إخلاء مسؤولية") + r"[ \t\u00a0]*[:：\-–—][ \t\u00a0]*)?"
# ("نرحب بمشاركاتكم" is left out: a paper asking for readers' poems and photos says it, in SaudiNewsNet)
_COMMENTS = _any("التعليقات", "تعليقات", "تعليقاتكم", "بالتعليقات", "بتعليقاتكم", "بتعليقات", "آرائكم", "بآرائكم",
                 "النقاش", "بالنقاش", "نقاشكم", "الحوار", "بالحوار", "مناقشاتكم")
# Arabic: a whole line that is a header or a prompt of the comments section
_HEADERS_AR = _any("سياسة التعليقات", "سياسة التعليق", "شروط التعليق", "شروط التعليقات", "قواعد التعليق",
                   "قواعد التعليقات", "ضوابط التعليق", "ضوابط التعليقات", "سياسة النشر في التعليقات",
                   "التعليقات", "تعليقات القراء", "أضف تعليقك", "أضف تعليقا", "اترك تعليقا", "اترك تعليقك",
                   "اكتب تعليقك", "أكتب تعليقك", "شارك برأيك", "شاركنا رأيك")
# Arabic: a line that opens with one of these is a notice about comments
_OPENERS_AR = (
    _any("نرحب", "نحن نرحب", "يسعدنا", "يسرنا") + r"[ \t\u00a0]+(?:" + _any("تلقي", "استقبال", "قراءة")
    + r"[ \t\u00a0]+)?" + _COMMENTS
    + r"|" + _any("التعليقات", "التعليقات المنشورة", "الآراء", "الآراء المنشورة", "الآراء الواردة",
                  "الآراء الواردة في التعليقات", "التعليقات الواردة", "ما ينشر في التعليقات", "جميع التعليقات")
    + r"[ \t\u00a0]+(?:" + _any("لا تعبر", "تعبر", "لا تمثل", "تمثل", "تخضع", "ستخضع", "سوف تخضع") + r")"
    + r"|" + _any("يرجى", "نرجو", "الرجاء", "نأمل") + r"[ \t\u00a0]+(?:" + _any("من القراء", "من قرائنا",
                  "من السادة القراء", "من المعلقين", "من الزوار") + r"[ \t\u00a0]+)?"
    + _any("الالتزام", "التقيد", "مراعاة", "احترام", "الحفاظ على") + r"[ \t\u00a0]+(?:ب)?"
    + _any("آداب", "أدب", "أخلاقيات", "قواعد", "شروط", "سياسة", "ضوابط")
    + r"|" + _any("الموقع", "الصحيفة", "الجريدة", "إدارة الموقع", "إدارة التحرير") + r"[ \t\u00a0]+"
    + _any("غير مسؤول", "غير مسؤولة", "غير مسئول", "غير مسئولة", "لا يتحمل", "لا تتحمل") + r".{0,60}" + _COMMENTS
    + r"|" + _any("نحتفظ", "تحتفظ الصحيفة", "يحتفظ الموقع", "تحتفظ إدارة الموقع") + r"[ \t\u00a0]+"
    + _any("بحق", "بالحق في") + r"[ \t\u00a0]+" + _any("حذف", "عدم نشر", "تعديل", "رفض")
)
# English: a whole line that is a header or a prompt of the comments section
_HEADERS_EN = (r"(?:comments?|\d+ comments?|(?:comment|commenting|community) (?:policy|guidelines|rules|standards)"
               r"|(?:leave|add|post|write) (?:a|your) comment|join the (?:discussion|conversation))")
# English: a line that opens with one of these is a notice about comments
_OPENERS_EN = (
    r"we (?:welcome|encourage|invite) (?:\w+ ){0,2}(?:discussion|debate|comments|conversation)"
    r"|(?:the )?(?:views|opinions|comments)(?: and opinions)? (?:expressed |posted |published )?"
    r"(?:below|in (?:the |these )?comments(?: below| section)?|here|on this (?:page|site))"
    r"(?: are those of| do not| don't| does not| are not| reflect| represent)"
    r"|(?:all )?comments (?:are|will be|may be) (?:moderated|reviewed|checked|removed)"
    r"|please (?:keep|be|remain) (?:your )?(?:comments |discussion )?(?:civil|respectful|courteous|on[- ]topic|polite)"
    r"|we reserve the right to (?:remove|delete|edit|moderate|refuse)"
)
_POLICY = lazy_compile(
    _LEAD + r"(?:" + _HEADERS_AR + _END + r"|" + _NOTE + r"(?:" + _OPENERS_AR + r"))"
    + r"|" + _LEAD + r"(?:" + _HEADERS_EN + _END + r"|(?:(?:note|disclaimer): )?(?:" + _OPENERS_EN + r"))",
    re.IGNORECASE,
)
# Every policy line opens with one of these letters (after the lead characters): a set lookup spares
# the regex for most lines, as in boilerplate.
OPENING_LETTERS = frozenset("نيالأإآتمسشقضجركwWtTcCaAlLpPjJnNdD0123456789")
_LEAD_CHARS = " \t\u00a0*•#-–—>(["


def is_comment_policy(line: str) -> bool:
    """Is ``line`` (one paragraph) a header or notice of the page's comment section?"""
    if len(line) > MAX_LINE_CHARS:
        return False
    stripped = line.lstrip(_LEAD_CHARS)
    return stripped[:1] in OPENING_LETTERS and _POLICY.match(line) is not None
