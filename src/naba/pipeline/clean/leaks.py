"""Headlines of other articles that leaked into an article's body.

Scraped pages often carry a "related" teaser inside the article, which text extraction flattens
into a paragraph of its own, sometimes with two headlines run together::

    بوتين: نراقب عن كثب التصريحات الغربية بشأن ضرب عمق أراضينا بوتين يهنىء نظيره الأذربيجاني ...

Real news has short unpunctuated paragraphs too (sub-headings, captions, datelines), so a
paragraph is lifted out only on evidence that it belongs to another article:

(a) it holds a headline the page itself lists elsewhere (similar list, read-also), and either has
    a headline's shape (below) or is mostly (60 %) such headlines: prose quoting one stays. The
    cuts fall at the listed headlines' ends ("بوتين يأمر ... زيلينسكي يطالب ..." when the second
    is the read-also title); or
(b) it has a headline's shape (not the first paragraph, one line, 4-40 words, no comma, no full
    stop, no sentence-final punctuation, no quotation left open), it sits between prose paragraphs
    that end with punctuation, and either
    - its leading subject ("بوتين:" / "بوتين", a content word, not a particle or a و/ف-prefixed
      word) comes back later in it to open a second headline of at least four words, or
    - on a page that lists related headlines (so its template is known to leak them), it has at
      least ten words and exactly one place where a bare noun is followed by a present-tense verb
      ("... التعاملات | الدولار يتراجع ..."), the usual opening of an Arabic headline.

A lone headline-shaped line without (a) or (b) is left alone. Measured on 31,030 SaudiNewsNet and
31,525 ANT articles (no page lists of related headlines there): nothing is flagged; their ~10,000
headline-shaped lines are sub-headings and captions. The subject-verb cut, tried on every article,
flagged 60 paragraphs and none was a leak (adjective + verb looks like subject + verb), hence its
gate. On synthetic inserts, the repeated-subject rule finds 240 of 400 same-subject pairs (239
split exactly; the misses sit next to unpunctuated paragraphs), rule (a) 937 of 1,000 listed
headlines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from naba.text import STOPWORDS, index

_SENTENCE_END_CHARS = frozenset('.!؟?…:؛;"”»)]')
# A comma, a line break or a lone full stop inside means prose (".." is a headline ellipsis).
_HEADLINE_BREAKERS = re.compile(r"[،,\n]|(?<!\.)\.(?!\.)")
_PROSE_END = re.compile(r"[.!؟?…\"”»)]$")
_SUBJECT_TRIM = ":؛ "
_MIN_WORDS = 4
_MAX_WORDS = 40
_MIN_PART_WORDS = 4
_MIN_KNOWN_WORDS = 4
_MIN_PAIR_WORDS = 10
_IMPERFECT_VERB = re.compile(r"[يت][\u0621-\u064a]{3,}")
_VERBAL_NOUN = re.compile(r"ت[\u0621-\u064a]{2}ي[\u0621-\u064a]")  # تفعيل: ترتيب, تحديد are nouns
_MAX_KNOWN_PARAGRAPH_WORDS = 80
_MIN_KNOWN_COVERAGE = 0.6


def extract_leaks(
    paragraphs: list[str], known_headlines: Sequence[str] = ()
) -> tuple[list[str], list[str]]:
    """Split ``paragraphs`` into (article paragraphs, leaked headlines in order)."""
    kept: list[str] = []
    leaks: list[str] = []
    known = _fold_known(known_headlines)
    for position, paragraph in enumerate(paragraphs):
        headlines = _split_on_known(paragraph, known) if known else None
        if headlines is None and position > 0 and _headline_shaped(paragraph):
            headlines = _run_together(paragraphs, position, subject_verb=bool(known))
        if headlines:
            leaks.extend(headlines)
        else:
            kept.append(paragraph)
    return kept, leaks


def _fold_known(known_headlines: Sequence[str]) -> list[str]:
    folded = (index(headline) for headline in known_headlines)
    return [h for h in dict.fromkeys(folded) if len(h.split()) >= _MIN_KNOWN_WORDS]


def _headline_shaped(paragraph: str) -> bool:
    text = paragraph.strip()
    if not text or text[-1] in _SENTENCE_END_CHARS or _HEADLINE_BREAKERS.search(text):
        return False
    if text.count('"') % 2 or text.count("«") != text.count("»"):
        return False
    return _MIN_WORDS <= text.count(" ") + 1 <= _MAX_WORDS


def _run_together(paragraphs: list[str], position: int, subject_verb: bool) -> list[str] | None:
    if not _sandwiched(paragraphs, position):
        return None
    words = paragraphs[position].strip().split(" ")
    parts = _split_on_repeated_subject(words)
    if len(parts) == 1 and subject_verb and len(words) >= _MIN_PAIR_WORDS:
        parts = _split_on_subject_verb(words)
    return parts if len(parts) > 1 else None


def _split_on_subject_verb(words: list[str]) -> list[str]:
    """Cut before the one "subject + present-tense verb" opening ("الدولار يتراجع") inside the line.

    Arabic headlines open that way ("بوتين يأمر", "زيلينسكي يطالب"); the cut is made only when
    exactly one such place exists, the word before it can end a headline (not a particle), and
    both halves have at least four words.
    """
    if not _can_lead_headline(index(words[0].strip(_SUBJECT_TRIM))):
        return [" ".join(words)]
    cuts = [
        position for position in range(_MIN_PART_WORDS, len(words) - _MIN_PART_WORDS + 1)
        if _opens_headline(words[position], words[position + 1])
        and index(words[position - 1]) not in STOPWORDS
    ]
    if len(cuts) != 1:
        return [" ".join(words)]
    return [" ".join(words[:cuts[0]]), " ".join(words[cuts[0]:])]


def _opens_headline(subject: str, verb: str) -> bool:
    """A bare noun or name followed by an imperfect verb (يـ/تـ + at least three letters)."""
    folded_subject = index(subject)
    return (
        _IMPERFECT_VERB.fullmatch(verb) is not None
        and _VERBAL_NOUN.fullmatch(verb) is None
        and _can_lead_headline(folded_subject)
        and not folded_subject.startswith(("ب", "ل", "ك"))
        and index(verb) not in STOPWORDS
    )


def _sandwiched(paragraphs: list[str], position: int) -> bool:
    if position + 1 >= len(paragraphs):
        return False
    before = paragraphs[position - 1].rstrip()
    after = paragraphs[position + 1].rstrip()
    return bool(_PROSE_END.search(before) and _PROSE_END.search(after))


def _split_on_known(paragraph: str, known: list[str]) -> list[str] | None:
    """Cut at the page's own headlines; what lies between them is headlines as well.

    The page's own headlines are evidence enough, whatever the paragraph's shape (a headline may
    carry a comma or end on "؟"), as long as they make up most of the paragraph: prose that merely
    quotes a headline stays.
    """
    text = paragraph.strip()
    if "\n" in text or text.count(" ") >= _MAX_KNOWN_PARAGRAPH_WORDS:
        return None
    folded_text = index(text)
    present = [headline for headline in known if headline in folded_text]
    if not present:
        return None  # one fold of the paragraph rules out nearly all of them before any word work
    shaped = _headline_shaped(text)
    words = text.split(" ")
    folded = [index(word) for word in words]
    cuts: set[int] = set()
    covered: set[int] = set()
    for headline in present:
        target = headline.split()
        for start in range(len(folded) - len(target) + 1):
            if folded[start:start + len(target)] == target:
                cuts.update((start, start + len(target)))
                covered.update(range(start, start + len(target)))
    if not covered or (len(covered) < _MIN_KNOWN_COVERAGE * len(words) and not shaped):
        return None
    cuts.update((0, len(words)))
    bounds = sorted(cuts)
    parts = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        parts.extend(_split_on_repeated_subject(words[start:end]))
    return [part for part in parts if part]


def _split_on_repeated_subject(words: list[str]) -> list[str]:
    """Cut where the leading subject comes back to open another headline of enough words.

    The subject is compared as written: run-together headlines come from one site, one spelling.
    """
    subject = words[0].strip(_SUBJECT_TRIM)
    if not _can_lead_headline(index(subject)):
        return [" ".join(words)]
    cuts = [0]
    for position in range(_MIN_PART_WORDS, len(words) - _MIN_PART_WORDS + 1):
        if position - cuts[-1] >= _MIN_PART_WORDS and words[position].strip(_SUBJECT_TRIM) == subject:
            cuts.append(position)
    cuts.append(len(words))
    return [" ".join(words[start:end]) for start, end in zip(cuts, cuts[1:], strict=False) if end > start]


def _can_lead_headline(folded_word: str) -> bool:
    """Headlines open on a name or a verb, not on a particle or a conjunction-prefixed word."""
    return (
        len(folded_word) >= 3
        and folded_word not in STOPWORDS
        and not folded_word.startswith(("و", "ف"))
        and not folded_word.isdigit()
    )
