"""Full-text search over a store: parse the query with naba.text, rank in the store, cut snippets.

A query is normalized exactly like the indexed text, so any spelling (diacritics, أ/ا, ة/ه, ى/ي,
مسئول/مسؤول) finds the same articles. A name in the query (read by the tagger: زيلنسكي, الرئيس
الروسي بوتين, OPEC+) is searched in every spelling of its entity: the gazetteer's, and those the
store has seen articles use for it that resolve back to it (``QueryTerm.any_of``); the page lists
them (``SearchPage.also_searched``). Every spelling of an entity gives the same set of spellings,
so the same articles. Snippets are cut from the display text, with the matched words located by
normalizing each word of it, so highlights show the article's own spelling.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from naba.gazetteer import load_gazetteer
from naba.models import MatchQuery, QueryTerm, SearchHit
from naba.pipeline.tagging import plus_as_word, query_names, resolve_entity
from naba.store import Store
from naba.text import index, is_stopword, stem, token_spans, tokens

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
    also_searched: tuple[str, ...] = ()  # other spellings of the names in the query, as written


Spellings = Callable[[str], Iterable[str]]  # canonical name → spellings articles used for it


def parse_query(text: str, learned: Spellings | None = None) -> tuple[QueryTerm, ...]:
    """Words become terms (stopwords dropped unless the query is nothing else); quoted runs become
    phrases; a name becomes one term in every spelling of its entity (``learned`` adds the spellings
    the store has seen; see the module docstring)."""
    terms: list[QueryTerm] = []
    for match in _QUOTED.finditer(text):
        phrase = tuple(tokens(match.group(1) or match.group(2)))
        if len(phrase) == 1:
            terms.append(QueryTerm(phrase[0], stem(phrase[0])))
        elif phrase:
            terms.append(QueryTerm(phrase[0], stem(phrase[0]), phrase=phrase))
    unquoted = _QUOTED.sub(" ", text)
    words = tokens(plus_as_word(unquoted))
    named = bytearray(len(words))
    for name in query_names(unquoted):
        spellings = _all_spellings(name.canonical, learned)
        if spellings:
            named[name.start:name.end] = b"\x01" * (name.end - name.start)
            typed = words[name.start]
            terms.append(QueryTerm(typed, stem(typed), tuple(words[name.start:name.end]) if name.end - name.start > 1
                                   else (), any_of=_spelling_terms(spellings), entity=name.canonical))
    rest = [w for w, inside in zip(words, named, strict=True) if not inside]
    content = [w for w in rest if not is_stopword(w)] or ([] if terms else rest)
    terms.extend(QueryTerm(w, stem(w)) for w in dict.fromkeys(content))
    return tuple(terms)


def also_searched(terms: tuple[QueryTerm, ...], text: str, learned: Spellings | None = None) -> tuple[str, ...]:
    """The spellings of the query's names other than what was typed, as written, for the page."""
    typed = set(tokens(plus_as_word(text)))
    shown: dict[str, str] = {}
    for term in terms:
        if term.entity:
            for spelling in _all_spellings(term.entity, learned):
                key = index(spelling)
                if not set(tokens(plus_as_word(spelling))) <= typed and key not in shown:
                    shown[key] = spelling
    return tuple(shown.values())


def _all_spellings(canonical: str, learned: Spellings | None) -> list[str]:
    """The gazetteer's unambiguous spellings of the entity, then the learned ones that resolve to it."""
    found = list(_gazetteer_spellings(canonical))
    if learned is not None:
        found += [s for s in learned(canonical) if _resolves_to(s, canonical)]
    return list(dict.fromkeys(found))


@functools.lru_cache(maxsize=4096)
def _gazetteer_spellings(canonical: str) -> tuple[str, ...]:
    for entry in load_gazetteer().entries:
        if entry.canonical == canonical:
            return (entry.canonical, *(v for v in entry.variants if v not in entry.ambiguous), *entry.latin)
    return ()


@functools.lru_cache(maxsize=65536)
def _resolves_to(spelling: str, canonical: str) -> bool:
    entity = resolve_entity(spelling)
    return entity is not None and entity.canonical == canonical


def _spelling_terms(spellings: Iterable[str]) -> tuple[QueryTerm, ...]:
    """One term per distinct token run, sorted: the same spellings always give the same query.
    أوبك+ is read both as said (أوبك بلس) and as indexed (the plus is no token: أوبك)."""
    runs = {tuple(tokens(r)) for s in spellings for r in (plus_as_word(s), s)} - {()}
    return tuple(QueryTerm(run[0], stem(run[0])) if len(run) == 1 else QueryTerm(run[0], stem(run[0]), phrase=run)
                 for run in sorted(runs))


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
    learned = store.entities.spellings
    terms = parse_query(text, learned)
    if not terms:
        return SearchPage(text, 0, ())
    query = MatchQuery(terms, source, _timestamp(since), _timestamp(until), limit, offset)
    hits = store.search.query(query)
    total = store.search.count(query) if len(hits) == limit or offset else len(hits)
    results = tuple(SearchResult(hit, make_snippet(hit.stored.article.body, terms)) for hit in hits)
    return SearchPage(text, total, results, also_searched(terms, text, learned))


def make_snippet(text: str, terms: tuple[QueryTerm, ...], words: int = SNIPPET_WORDS) -> Snippet:
    """The window of ``words`` words with the most distinct query terms, matches highlighted."""
    terms = tuple(s for t in terms for s in (t.any_of or (t,)))
    wanted = {t.token for t in terms} | {w for t in terms for w in t.phrase}
    wanted_stems = {t.stem for t in terms if not t.phrase}
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
