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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from naba.gazetteer import load_gazetteer
from naba.models import Article, MatchQuery, QueryTerm, SearchHit, StoredArticle
from naba.pipeline.tagging import plus_as_word, query_names, resolve_entity
from naba.store import Store
from naba.stories.summaries import headline
from naba.text import LazySpans, index, is_stopword, stem, stems, tokens
from naba.text.normalize import fold_for_index, index_origin

_QUOTED = re.compile(r'"([^"]+)"|«([^»]+)»')
SNIPPET_WORDS = 32
# A snippet is cut from the part of the body around its first match: from a little before it to this
# many characters after (the whole of a shorter body). Reading every body word by word cost ~0.6 ms a
# result, half of a search page; the first match is found in the folded text at C speed.
SNIPPET_REGION_CHARS = 600
SNIPPET_LEAD_CHARS = 100  # of the region, before the first match
FIRST_MATCH_PIECE, FIRST_MATCH_OVERLAP = 1_500, 200  # characters (see ``_first_match``)
# A query matching more articles than this ranks only the newest POOL of them (by id: the order they
# were stored) and estimates its total from them: ranking all 13,000 articles that name السعودية took
# 20 ms, the newest 1,000 take 6. Older matches are reached by narrowing the query or its dates.
POOL = 1_000


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
    total: int  # how many articles match; an estimate when not ``total_exact``
    results: tuple[SearchResult, ...]
    also_searched: tuple[str, ...] = ()  # other spellings of the names in the query, as written
    total_exact: bool = True  # False: more than the pool matched; ``total`` is estimated, only the pool is ranked
    reachable: int | None = None  # how many of them the pages can show (the pool); None: all

    @property
    def pages_through(self) -> int:
        """How many results paging can reach: all of them, or the ranked pool."""
        return self.total if self.reachable is None else min(self.total, self.reachable)


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
    pool: int = POOL,
    learned: Spellings | None = None,
) -> SearchPage:
    """One page of results, best first; see ``POOL`` for a query that matches very many articles.
    ``learned`` gives the spellings the store has seen for an entity (default: read them from the
    store; the web passes a cached reader)."""
    learned = learned or store.entities.spellings
    terms = parse_query(text, learned)
    if not terms:
        return SearchPage(text, 0, ())
    query = MatchQuery(terms, source, _timestamp(since), _timestamp(until), limit, offset)
    found = store.search.pool(query, pool)
    total, exact = found.matched, found.matched <= pool
    if not exact and found.newest_id is not None and found.floor_id is not None:
        # only the newest ``pool`` were ranked: estimate how many match in all
        total = estimate_total(pool, found.newest_id, found.floor_id, store.search.oldest_id(query))
    results = tuple(SearchResult(replace(hit, stored=brief(hit.stored)), make_snippet(hit.stored.article.body, terms))
                    for hit in found.hits)
    return SearchPage(text, total, results, also_searched(terms, text, learned), total_exact=exact,
                      reachable=None if exact else pool)


def brief(stored: StoredArticle) -> StoredArticle:
    """The article as a result names it (its headline, outlet, date and address; every page and API
    of results shows only these): without its body, entities and tags, a cached page of results holds
    a few dozen objects, not hundreds, for a server's full garbage collections to walk (with 2,048
    searches cached whole they took 40-130 ms, stalling every request in flight)."""
    a = stored.article
    return replace(stored, article=Article(body="", title=headline(a), url=a.url, canonical_url=a.canonical_url,
                                           source=a.source, published_at=a.published_at,
                                           external_id=a.external_id, lang=a.lang))


def estimate_total(seen: int, top: int, floor: int, oldest: int | None) -> int:
    """How many articles match, from the ``seen`` newest matches (ids ``top`` down to ``floor``) and
    the oldest match's id: their density over the ids they span, spread over every id from the
    oldest match on; at least one more than were seen, and rounded to two significant digits (the
    page says "about")."""
    bottom = floor if oldest is None else min(oldest, floor)
    gaps = (seen - 1) / (top - floor) if top > floor else 0.0  # matches per id between them
    estimate = max(seen + 1, round(gaps * (top - bottom)) + 1)
    digits = max(0, len(str(estimate)) - 2)
    return max(seen + 1, round(estimate, -digits))


def make_snippet(text: str, terms: tuple[QueryTerm, ...], words: int = SNIPPET_WORDS) -> Snippet:
    """The window of ``words`` words with the most distinct query terms, matches highlighted."""
    terms = tuple(s for t in terms for s in (t.any_of or (t,)))
    wanted = {t.token for t in terms} | {w for t in terms for w in t.phrase}
    wanted_stems = {t.stem for t in terms if not t.phrase}
    needles = _needles(frozenset(wanted), frozenset(wanted_stems))
    begin, scanned = _region(text, needles)
    spans = LazySpans(scanned)
    if not len(spans):
        return Snippet(text[:200], ())
    # only a word holding a needle can match: stem those, not every word of the region
    maybe = spans.holding(needles) if needles is not None else []
    matched = [i for i, tok_stem in zip(maybe, stems([spans.token(i) for i in maybe]), strict=True)
               if spans.token(i) in wanted or tok_stem in wanted_stems]
    first = _best_window_start(spans.token, matched, words)
    last = min(first + words, len(spans)) - 1
    start, end = spans.span(first)[0], spans.span(last)[1]
    prefix = "… " if first > 0 or begin > 0 else ""
    suffix = " …" if last < len(spans) - 1 or begin + len(scanned) < len(text) else ""
    shift = len(prefix) - start
    highlights = tuple((a + shift, b + shift) for a, b in (spans.span(i) for i in matched if first <= i <= last))
    # a snippet is one line: paragraph breaks become spaces (one for one, so offsets hold)
    return Snippet(prefix + scanned[start:end].replace("\n", " ") + suffix, highlights)


@functools.lru_cache(maxsize=1024)
def _needles(wanted: frozenset[str], wanted_stems: frozenset[str]) -> re.Pattern[str] | None:
    """What a matching word holds in the folded text: a wanted word, or its stem, which is a part of
    the word after index folding but for two changes Snowball makes (checked on the 217k distinct
    words of 20,000 stored articles, 5 exceptions left): an English stem may change its last letter
    (happy → happi, spy → spi), so that letter is left out; an Arabic verb's prefix becomes است
    (تستخدم → استخدم), so its ا is left out."""
    parts = set(wanted) | {_stem_needle(s) for s in wanted_stems}
    parts.discard("")
    if not parts:
        return None
    return re.compile("|".join(map(re.escape, sorted(parts, key=len, reverse=True))))


def _stem_needle(stem: str) -> str:
    if stem.isascii():
        return stem[:-1] if len(stem) > 2 else stem
    return stem[1:] if stem.startswith("است") else stem


def _region(text: str, needles: re.Pattern[str] | None) -> tuple[int, str]:
    """Where the region a snippet is cut from begins, and the region: around the first place a
    matching word may be (see ``SNIPPET_REGION_CHARS``), cut at spaces; the whole of a short body."""
    if len(text) <= SNIPPET_REGION_CHARS:
        return 0, text
    at = 0 if needles is None else _first_match(text, needles)
    begin = 0
    if at > SNIPPET_LEAD_CHARS:
        space = text.find(" ", at - SNIPPET_LEAD_CHARS, at)
        begin = space + 1 if space >= 0 else at - SNIPPET_LEAD_CHARS
    stop = begin + SNIPPET_REGION_CHARS
    if stop >= len(text):
        return begin, text[begin:]
    space = text.rfind(" ", begin, stop)
    return begin, text[begin:space if space > begin else stop]


def _first_match(text: str, needles: re.Pattern[str]) -> int:
    """Where in ``text`` the first place a matching word may be is (0: nowhere), folding the text a
    piece at a time: most first matches are in the lead, and folding a whole long body cost more
    than the rest of the region. Pieces overlap by more than any word, so a match across a cut is
    found whole in the next piece; folding is character by character, so a piece folds as it does
    within the whole."""
    for begin in range(0, len(text), FIRST_MATCH_PIECE):
        piece = text[begin:begin + FIRST_MATCH_PIECE + FIRST_MATCH_OVERLAP]
        found = needles.search(fold_for_index(piece))
        if found is not None:
            return begin + index_origin(piece, found.start())
    return 0


def _best_window_start(token: Callable[[int], str], matched: list[int], words: int) -> int:
    """The first word of the window of ``words`` words, opening on a match, with the most distinct
    matched words, then the most matches (the earliest of equals); one pass over the matches
    (``matched[first:end]`` is the window opening on ``matched[first]``)."""
    if not matched:
        return 0
    best, best_score = matched[0], -1
    inside: Counter[str] = Counter()
    end = 0
    for first, i in enumerate(matched):
        while end < len(matched) and matched[end] < i + words:
            inside[token(matched[end])] += 1
            end += 1
        score = len(inside) * 100 + (end - first)
        if score > best_score:
            best, best_score = i, score
        leaving = token(i)
        inside[leaving] -= 1
        if not inside[leaving]:
            del inside[leaving]
    # start a few words before the first match so the reader sees its context
    return max(0, best - 4)
