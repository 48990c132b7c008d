"""The lede a page sets apart from its body, found before extraction and put back after it.

Many news pages open with a lede (a bold summary paragraph) in a container of its own, between the
headline and the body's container. trafilatura keeps the one container it takes for the body and drops
the lede: the story loses its first sentence. No site rule is needed to get it back, because the page
vouches for its lede: its ``og:description`` / ``description`` meta says the same words. So a lede is
restored when, and only when,

- an element's text is the page's description (or starts with it, for a longer lede or a description
  cut short with "..."), with at least ``MIN_LEDE_WORDS`` words, and is not the headline;
- it comes after the page's ``<h1>`` (when there is one), and before the body's first paragraph;
- the extracted body does not hold it already.

A description that only paraphrases the body matches no element, and one that repeats a body paragraph
finds it in the body: neither adds anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

MIN_LEDE_WORDS = 8
MAX_LEDE_CHARS = 1200
SCAN_ELEMENTS = 5000  # the lede is near the top: elements past this many are not looked at
LATER_BLOCKS = 400  # blocks after the lede kept to find the body's first paragraph among them
PREFIX_CHARS = 200  # how much of a block is compared with the body's first paragraph
_DESCRIPTION_XPATH = ('//meta[@property="og:description" or @name="og:description" or @name="description"'
                      ' or @name="twitter:description" or @property="twitter:description"]/@content')
_BLOCKS = frozenset({"p", "div", "section", "header", "h2", "h3", "h4", "h5", "h6", "blockquote", "span",
                     "strong", "b", "em"})
_CUT_SHORT = re.compile(r"\s*(?:\.{2,}|…)\s*$")


@dataclass(frozen=True, slots=True)
class LedeCandidate:
    """An element that repeats the page's description, and what follows it in the page."""

    text: str  # whitespace tidied
    after_headline: bool  # the page's <h1> comes before it (or the page has no <h1>)
    later: tuple[str, ...]  # the openings (PREFIX_CHARS) of the block elements after it, in page order


def tidy(text: str) -> str:
    return " ".join(text.split())


def find_lede_candidate(tree: HtmlElement) -> LedeCandidate | None:
    """The first element (in page order) whose text is the page's description, the innermost such;
    None without one. Read before extraction, which prunes the tree."""
    descriptions = _descriptions(tree)
    if not descriptions:
        return None
    seen_headline = not tree.xpath("//h1")
    elements = _elements(tree)
    for element in elements:
        if element.tag == "h1":
            seen_headline = True
            continue
        if _is_lede(element, descriptions):
            while (inner := next((d for d in element.iterdescendants()
                                  if d.tag in _BLOCKS and _is_lede(d, descriptions)), None)) is not None:
                element = inner
            return LedeCandidate(_block_text(element, MAX_LEDE_CHARS), seen_headline, tuple(_later_openings(elements)))
    return None


def restore_lede(lede: LedeCandidate, body: str, title: str | None) -> str:
    """``body`` with the lede as its first paragraph, if the page vouches for it (see the module)."""
    if not lede.after_headline or lede.text in tidy(body) or (title is not None and tidy(title) == lede.text):
        return body
    first = tidy(body.split("\n\n", 1)[0])[:PREFIX_CHARS]
    if not any(block.startswith(first) for block in lede.later):
        return body  # the body's first paragraph is not after the lede: it is no lede of this body
    return f"{lede.text}\n\n{body}"


def _is_lede(element: HtmlElement, descriptions: list[tuple[str, bool]]) -> bool:
    text = _block_text(element, MAX_LEDE_CHARS + 1)
    return bool(text) and len(text) <= MAX_LEDE_CHARS and any(_repeats(text, d) for d in descriptions)


def _descriptions(tree: HtmlElement) -> list[tuple[str, bool]]:
    """The page's descriptions, tidied, each with whether it was cut short ("..." at its end)."""
    found: dict[str, bool] = {}
    for value in tree.xpath(_DESCRIPTION_XPATH):
        text = tidy(str(value))
        cut = bool(_CUT_SHORT.search(text))
        text = _CUT_SHORT.sub("", text)
        if len(text.split()) >= MIN_LEDE_WORDS:
            found[text] = found.get(text, False) or cut
    return list(found.items())


def _repeats(text: str, description: tuple[str, bool]) -> bool:
    """Is ``text`` the description, or a lede that opens with it: somewhat longer than it, or whole
    where the description was cut short? A container that merely opens with the lede is too long."""
    words, cut_short = description
    if text == words:
        return True
    return text.startswith(words) and (cut_short or len(text) <= 2 * len(words) + 40)


def _elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Headline and block elements in page order, the first SCAN_ELEMENTS of them."""
    for count, element in enumerate(tree.iter()):
        if count >= SCAN_ELEMENTS:
            return
        if isinstance(element.tag, str) and (element.tag in _BLOCKS or element.tag == "h1"):
            yield element


def _later_openings(elements: Iterator[HtmlElement]) -> Iterator[str]:
    for count, element in enumerate(elements):
        if count >= LATER_BLOCKS:
            return
        opening = _block_text(element, 3 * PREFIX_CHARS)[:PREFIX_CHARS]
        if opening:
            yield opening


def _block_text(element: HtmlElement, limit: int) -> str:
    """The opening of an element's text, tidied: at most about ``limit`` characters are read."""
    pieces, size = [], 0
    for piece in element.itertext():
        pieces.append(piece)
        size += len(piece)
        if size > limit:
            break
    return tidy("".join(pieces))
