"""The trailing blocks of a news page: source credit, tags, "read also" teaser, similar-article list.

Pages such as the seed end with::

    المصدر: بوابة الوفد
    كلمات دلالية: بوتين الولايات المتحدة
    إقرأ أيضاً:
    <headline>
    <lede paragraph(s)>
    مقالات مشابهة
      • <headline>
      • ...

``split_trailing_blocks`` cuts that region off the body and parses it into a ``PageBlocks``.
A block header must start a line. The trailing region is found from the end backwards: the last
header owns the text up to the end, each earlier header owns the text up to the next one, and we
walk back while each block's text has the shape its header promises (a source credit is one short
line, a similar-article list is short lines, ...). The first block that does not fit stops the walk,
so a header-like line inside the article (followed by more article) is never consumed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from naba.models import ReadAlso
from naba.text import index as _fold
from naba.text.lazy_pattern import lazy_compile

# Arabic-specific spelling variants, written by hand: no library folds these inside a regex.
_MARKS = "[\u064b-\u0652\u0670\u0640]*"  # optional harakat, tanwin, shadda, sukun, dagger alef, tatweel
_LETTER_CLASSES = {
    "ا": "[اأإآٱ]", "أ": "[اأإآٱ]", "إ": "[اأإآٱ]", "آ": "[اأإآٱ]",
    "ي": "[يى]", "ى": "[يى]", "ة": "[ةه]", "ه": "[ةه]",
}


def loose(phrase: str) -> str:
    """A regex source matching ``phrase`` in any common spelling.

    Hamza forms of alef, ى/ي and ة/ه are interchangeable, any letter may carry diacritics or
    tatweel, and spaces match any run of horizontal white space.
    """
    parts = []
    for char in phrase:
        if char == " ":
            parts.append(r"[ \t\u00a0]+")
        else:
            parts.append(_LETTER_CLASSES.get(char, re.escape(char)) + _MARKS)
    return "".join(parts)


def _alternatives(phrases: Iterable[str]) -> str:
    return "(?:" + "|".join(loose(p) for p in sorted(phrases, key=len, reverse=True)) + ")"


_SOURCE_HEADERS = ("المصدر",)
_TAGS_HEADERS = ("كلمات دلالية", "الكلمات الدلالية", "كلمات مفتاحية", "الكلمات المفتاحية", "الوسوم")
_READ_ALSO_HEADERS = ("اقرأ أيضا", "اقرا ايضا")
_SIMILAR_HEADERS = (
    "مقالات مشابهة", "مقالات ذات صلة", "أخبار ذات صلة", "موضوعات متعلقة", "مواضيع ذات صلة",
    "موضوعات ذات صلة", "أخبار متعلقة", "اخبار مشابهة",
)

_COLON = r"[ \t\u00a0]*[:：]?[ \t\u00a0]*"
# One pass finds every header; the group name says which block it opens. The pattern opens on a
# literal "\n" (searched in "\n" + text) rather than on a MULTILINE "^": re then skips to each line
# break with a fast literal scan instead of trying the pattern at every position (4x faster).
_HEADER = lazy_compile(
    r"\n[ \t\u00a0]*(?:"
    rf"(?P<source>{_alternatives(_SOURCE_HEADERS)}[ \t\u00a0]*[:：]|[*•]?[ \t\u00a0]*{loose('نقلا عن')})[ \t\u00a0]*"
    rf"|(?P<tags>{_alternatives(_TAGS_HEADERS)}){_COLON}"
    # alone on its line: "اقرأ أيضا: <headline>" on one line is an inline teaser (boilerplate stage)
    rf"|(?P<read_also>{_alternatives(_READ_ALSO_HEADERS)}){_COLON}(?=\n|$)"
    rf"|(?P<similar>{_alternatives(_SIMILAR_HEADERS)}){_COLON}(?=\n|$)"
    r")",
)
# A list bullet; a number counts only when a space follows its dot ("5.5 مليار" is no bullet).
_BULLET = re.compile(r"^[ \t\u00a0]*(?:[•·▪●◦‣∙*\-–—]|[0-9٠-٩]{1,2}[ \t]*[.)\-–](?=[ \t]))[ \t\u00a0]*")
_TAG_SEPARATORS = re.compile(r"[،,|;؛\n/]+|[ \t]+-[ \t]+")
_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!؟?…:»\"”)]\s*$")

_MAX_SOURCE_CHARS = 80
_MAX_TAGS_CHARS = 300
_MAX_HEADLINE_WORDS = 35
_MAX_TAG_PHRASE_WORDS = 4
_MAX_LEDE_LINES = 8
_MAX_LEDE_CHARS = 3000
_PROSE_LINE_END = re.compile(r"[.!؟?…][\"”»)]?\s*$")  # a quoted headline ends on a quote, a sentence does not

# Multiword names a space-separated tag list must keep whole (matched after folding with ``_fold``).
_MULTIWORD_TAGS = (
    "الولايات المتحدة", "الولايات المتحدة الأمريكية", "المملكة العربية السعودية", "الأمم المتحدة",
    "كوريا الشمالية", "كوريا الجنوبية", "الاتحاد الأوروبي", "الاتحاد الأفريقي", "جامعة الدول العربية",
    "مجلس الأمن", "مجلس التعاون الخليجي", "الإمارات العربية المتحدة", "المملكة المتحدة",
    "الشرق الأوسط", "البيت الأبيض", "قطاع غزة", "الضفة الغربية", "حلف الناتو", "كأس العالم",
    "دوري أبطال أوروبا", "الدوري السعودي", "الدوري المصري", "البنك المركزي", "صندوق النقد الدولي",
    "البنك الدولي", "وزارة الخارجية", "وزارة الداخلية", "وزارة الصحة", "ولي العهد", "رئيس الوزراء",
    "مجلس النواب", "مجلس الشيوخ", "الحرس الثوري", "حزب الله", "تنظيم داعش", "الدولة الإسلامية",
    "فيروس كورونا", "سعر الذهب", "أسعار الذهب", "أسعار النفط", "سعر الدولار", "الذكاء الاصطناعي",
    "جنوب أفريقيا", "جنوب السودان", "المغرب العربي", "شمال أفريقيا", "الأمين العام",
)


_KNOWN_UNITS = frozenset(_fold(unit) for unit in _MULTIWORD_TAGS)


@dataclass(frozen=True, slots=True)
class PageBlocks:
    """What the trailing blocks of a page said; empty fields when a block is absent."""

    credited_source: str | None = None
    page_tags: tuple[str, ...] = ()
    page_read_also: ReadAlso | None = None
    page_similar: tuple[str, ...] = ()


NO_BLOCKS = PageBlocks()


def split_trailing_blocks(text: str) -> tuple[str, PageBlocks]:
    """Cut the trailing blocks off ``text``; return the article text and the parsed blocks."""
    headers = list(_HEADER.finditer("\n" + text))
    if not headers:
        return text, NO_BLOCKS
    start, parsed = _trailing_region(text, headers)
    if start is None:
        return text, NO_BLOCKS
    body = text[:start].rstrip()
    return body, _assemble(parsed, body)


def _trailing_region(text: str, headers: list[re.Match[str]]) -> tuple[int | None, list[tuple[str, str]]]:
    """Walk the headers back from the end while each block has its expected shape.

    ``headers`` were found in a newline + ``text``: a match's start is its line's start in ``text``.
    """
    start = None
    parsed: list[tuple[str, str]] = []
    end = len(text)
    for header in reversed(headers):
        kind = header.lastgroup or ""
        content = text[header.end() - 1:end].strip()
        if not _fits(kind, content):
            break
        parsed.append((kind, content))
        start = end = header.start()
    parsed.reverse()
    return start, parsed


def _fits(kind: str, content: str) -> bool:
    if kind == "source":
        return 0 < len(content) <= _MAX_SOURCE_CHARS and "\n" not in content
    if kind == "tags":
        return 0 < len(content) <= _MAX_TAGS_CHARS and not _SENTENCE_END.search(content)
    lines = [line for line in content.split("\n") if line.strip()]
    if kind == "similar":
        return bool(lines) and all(_is_headline(_BULLET.sub("", line)) for line in lines)
    if kind == "read_also":
        return _fits_read_also(lines)
    return False


def _fits_read_also(lines: list[str]) -> bool:
    """A headline, then a short prose lede (or nothing).

    A headline followed by more headline-like lines is a list of teasers inside the article, not
    the page's read-also block (BBC Arabic pages in ANT do this): the boilerplate stage handles it.
    """
    if not lines or not _is_headline(lines[0]):
        return False
    lede = lines[1:]
    if not lede:
        return True
    return (
        len(lede) <= _MAX_LEDE_LINES
        and sum(map(len, lede)) <= _MAX_LEDE_CHARS
        and _PROSE_LINE_END.search(lede[0]) is not None
    )


def _is_headline(line: str) -> bool:
    words = line.split()
    line = line.rstrip()
    return 0 < len(words) <= _MAX_HEADLINE_WORDS and not (line.endswith(".") and not line.endswith(".."))


def _assemble(parsed: list[tuple[str, str]], body: str) -> PageBlocks:
    source = None
    tags: list[str] = []
    read_also = None
    similar: list[str] = []
    for kind, content in parsed:
        if kind == "source" and source is None:
            source = content
        elif kind == "tags":
            tags.extend(_split_tags(content, body))
        elif kind == "read_also" and read_also is None:
            read_also = _parse_read_also(content)
        elif kind == "similar":
            similar.extend(_parse_similar(content))
    return PageBlocks(source, tuple(tags), read_also, tuple(similar))


def _parse_read_also(content: str) -> ReadAlso:
    title, _, rest = content.partition("\n")
    lines = [line.strip() for line in rest.split("\n")]
    lede = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return ReadAlso(title=title.strip(), lede=lede or None)


def _parse_similar(content: str) -> list[str]:
    headlines = []
    for line in content.split("\n"):
        headline = _BULLET.sub("", line).strip()
        if headline:
            headlines.append(headline)
    return headlines


def _split_tags(content: str, body: str) -> list[str]:
    """Tags separated by commas, ، | ; or new lines split there.

    Tags separated by spaces only are segmented greedily, longest phrase first (up to four words):
    a run of words stays one tag when, folded, it is a known multiword name (``_MULTIWORD_TAGS``)
    or occurs verbatim in the article body ("بوتين الولايات المتحدة" -> "بوتين", "الولايات المتحدة"
    because the body says "الولايات المتحدة"). Every other word is a tag on its own.
    """
    pieces = [piece.strip() for piece in _TAG_SEPARATORS.split(content)]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) > 1:
        return pieces
    words = content.split()
    if len(words) <= 1:
        return words
    folded_body = " " + " ".join(_fold(body).split()) + " "
    tags = []
    i = 0
    while i < len(words):
        size = _longest_unit(words, i, folded_body)
        tags.append(" ".join(words[i:i + size]))
        i += size
    return tags


def _longest_unit(words: list[str], start: int, folded_body: str) -> int:
    for size in range(min(_MAX_TAG_PHRASE_WORDS, len(words) - start), 1, -1):
        phrase = _fold(" ".join(words[start:start + size]))
        if phrase in _KNOWN_UNITS or f" {phrase} " in folded_body:
            return size
    return 1
