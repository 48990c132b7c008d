"""Full-text search over a store: parse the query with naba.text, rank in the store, cut snippets.

A query is normalized exactly like the indexed text, so any spelling (diacritics, أ/ا, ة/ه, ى/ي,
مسئول/مسؤول) finds the same articles. Snippets are cut from the display text, with the matched words
located by normalizing each word of it, so highlights show the article's own spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from naba.models import MatchQuery, QueryTerm, SearchHit
from naba.store import Store
from naba.text import is_stopword, stem, token_spans, tokens

_QUOTED = re.compile(r'"([^"]+)"|«([^»]+)»')
SNIPPET_WORDS = 32


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...]  # character ranges of matched words within ``text``


@dataclass(frozen=True, slots=True)
class SearchResult:
    hit: SearchHit
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class SearchPage:
    query: str
    total: int
    results: tuple[SearchResult, ...]


def parse_query(text: str) -> tuple[QueryTerm, ...]:
    """Words become terms (stopwords dropped unless the query is nothing else); quoted runs become phrases."""
    terms: list[QueryTerm] = []
    for match in _QUOTED.finditer(text):
        phrase = tuple(tokens(match.group(1) or match.group(2)))
        if len(phrase) == 1:
            terms.append(QueryTerm(phrase[0], stem(phrase[0])))
        elif phrase:
            terms.append(QueryTerm(phrase[0], stem(phrase[0]), phrase=phrase))
    words = tokens(_QUOTED.sub(" ", text))
    content = [w for w in words if not is_stopword(w)] or words
    terms.extend(QueryTerm(w, stem(w)) for w in dict.fromkeys(content))
    return tuple(terms)


def _timestamp(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def search(
    store: Store,
    text: str,
    *,
    source: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 10,
    offset: int = 0,
) -> SearchPage:
    terms = parse_query(text)
    if not terms:
        return SearchPage(text, 0, ())
    query = MatchQuery(terms, source, _timestamp(since), _timestamp(until), limit, offset)
    hits = store.search.query(query)
    total = store.search.count(query) if len(hits) == limit or offset else len(hits)
    results = tuple(SearchResult(hit, make_snippet(hit.stored.article.body, terms)) for hit in hits)
    return SearchPage(text, total, results)


def make_snippet(text: str, terms: tuple[QueryTerm, ...], words: int = SNIPPET_WORDS) -> Snippet:
    """The window of ``words`` words with the most distinct query terms, matches highlighted."""
    wanted = {t.token for t in terms} | {w for t in terms for w in t.phrase}
    wanted_stems = {t.stem for t in terms}
    spans = token_spans(text)
    matched = [i for i, (_, _, tok) in enumerate(spans) if tok in wanted or stem(tok) in wanted_stems]
    if not spans:
        return Snippet(text[:200], ())
    first = _best_window_start(spans, matched, words)
    last = min(first + words, len(spans)) - 1
    start, end = spans[first][0], spans[last][1]
    prefix = "… " if first > 0 else ""
    suffix = " …" if last < len(spans) - 1 else ""
    shift = len(prefix) - start
    highlights = tuple(
        (spans[i][0] + shift, spans[i][1] + shift) for i in matched if first <= i <= last)
    # a snippet is one line: paragraph breaks become spaces (one for one, so offsets hold)
    return Snippet(prefix + text[start:end].replace("\n", " ") + suffix, highlights)


def _best_window_start(spans: list, matched: list[int], words: int) -> int:
    if not matched:
        return 0
    best, best_score = matched[0], -1
    for i in matched:
        inside = [j for j in matched if i <= j < i + words]
        score = len({spans[j][2] for j in inside}) * 100 + len(inside)
        if score > best_score:
            best, best_score = i, score
    # start a few words before the first match so the reader sees its context
    return max(0, best - 4)
