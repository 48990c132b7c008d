"""The clean stage: a source's ``RawArticle`` in, the ``Article`` the store keeps out.

Order matters: the trailing blocks are cut first (their "اقرأ أيضا" header would otherwise be taken
for an inline teaser), then inline boilerplate lines go, then leaked headlines are lifted out of
the remaining paragraphs, using the page's own similar/read-also headlines as evidence, then the
trailing lead sentences of other stories (``naba.pipeline.clean.teasers``) join them.

Paragraphs are separated by blank lines; a text with none (ANT writes one paragraph per line) is
split at line breaks instead. The body is stored with paragraphs joined by one blank line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import replace

from naba.dates import parse_date
from naba.errors import RecordError
from naba.models import Article, RawArticle, ReadAlso
from naba.pipeline.clean.attribution import find_attribution
from naba.pipeline.clean.blocks import PageBlocks, split_trailing_blocks
from naba.pipeline.clean.boilerplate import (
    read_also_headline,
    strip_boilerplate,
    strip_slideshow_controls,
    strip_writer_contact,
    teaser_headline,
)
from naba.pipeline.clean.leaks import extract_leaks
from naba.pipeline.clean.teasers import cut_teasers
from naba.text import detect_lang, display, index
from naba.urls import canonical_url, site_name

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Language is decided on the title and the opening of the body: more text does not change the
# answer for a news article, and detection cost grows with length.
_LANG_SAMPLE_CHARS = 400


def clean_article(raw: RawArticle) -> Article:
    """Normalise, strip and parse one article; ``RecordError`` when no body text is left."""
    title = _optional(raw.title)
    body, blocks, leaks = clean_body(_unescape(raw.body or ""), title)
    if not body:
        raise RecordError("the article has no body text after cleaning", where=raw.url or raw.external_id)
    lang = raw.lang or detect_lang(f"{title or ''}\n{body[:_LANG_SAMPLE_CHARS]}")
    source = _optional(raw.source) or site_name(raw.url)  # a page that names no outlet: its site
    return Article(
        body=body,
        title=title,
        url=raw.url.strip() or None if raw.url else None,  # kept as given: no display tidying
        canonical_url=canonical_url(raw.url),
        source=source,
        published_at=parse_date(raw.published),
        author=_optional(raw.author),
        external_id=_optional(raw.external_id),
        summary=_optional(raw.summary),
        lang=lang,
        tags=unique_by_index_form(raw.tags),
        categories=unique_by_index_form(raw.categories),
        credited_source=blocks.credited_source,
        page_tags=unique_by_index_form(blocks.page_tags),
        page_read_also=blocks.page_read_also,
        page_similar=blocks.page_similar,
        page_related_leaks=tuple(leaks),
        attribution=find_attribution(body, blocks.credited_source, title, source),
    )


def clean_body(text: str, title: str | None = None) -> tuple[str, PageBlocks, list[str]]:
    """(body, trailing blocks, leaked headlines and trailing teasers) of a raw body text.

    Without a trailing read-also block, the first inline "اقرأ أيضا: <headline>" line is the page's
    read-also teaser (HTML pages put it there, with no lede); other teaser lines are leaks.
    """
    text, blocks = split_trailing_blocks(display(strip_writer_contact(strip_slideshow_controls(text))))
    text, removed = strip_boilerplate(text)
    inline_read_also = None
    if blocks.page_read_also is None:
        inline_read_also = next((line for line in removed if read_also_headline(line)), None)
        headline = read_also_headline(inline_read_also) if inline_read_also is not None else None
        if headline:
            blocks = replace(blocks, page_read_also=ReadAlso(headline))
    known = list(blocks.page_similar)
    if blocks.page_read_also is not None:
        known.append(blocks.page_read_also.title)
    paragraphs, leaks = extract_leaks(split_paragraphs(text), known)
    paragraphs, teasers = cut_teasers(paragraphs, title)
    inline = (teaser_headline(line) for line in removed if line is not inline_read_also)
    leaks.extend(headline for headline in inline if headline)
    leaks.extend(teasers)
    return "\n\n".join(paragraphs), blocks, leaks


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs at blank lines, or at line breaks when the text has no blank line.

    Display form has no trailing spaces, so a blank line is exactly "\n\n" there: plain string
    splits, no regex. Other text is tidied with the slower regex split.
    """
    if "\n\n" in text:
        pieces = text.split("\n\n")
    elif _PARAGRAPH_BREAK.search(text):
        pieces = _PARAGRAPH_BREAK.split(text)
    else:
        pieces = text.split("\n")
    stripped = [piece.strip() for piece in pieces]
    return [piece for piece in stripped if piece]


def unique_by_index_form(values: Iterable[str]) -> tuple[str, ...]:
    """Display forms, first spelling kept, duplicates by index form (أ/ا, diacritics, case ...) dropped."""
    seen: dict[str, str] = {}
    for value in values:
        shown = display(value) if value else ""
        key = index(shown)
        if key and key not in seen:
            seen[key] = shown
    return tuple(seen.values())


def _unescape(text: str) -> str:
    """HTML entities left in scraped text (SaudiNewsNet titles carry &#8220; and &quot;)."""
    return html.unescape(text) if "&" in text else text


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    return display(_unescape(value)) or None
