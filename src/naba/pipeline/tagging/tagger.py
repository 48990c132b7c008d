"""An article's tags: its named entities and key phrases, in the order an editor lists them
(``keywords``: central entities, the event's key phrases, the other entities).

Entities and phrases are scored on one scale: an entity's mentions weigh like a phrase's
occurrences (position, title), times ``entity_boost`` in place of a phrase's word specificity.
Entities that only the article knows and that share a spelling skeleton are one entity.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from naba.gazetteer import OUTLET_SUBTYPES, load_gazetteer
from naba.models import Entity
from naba.pipeline.tagging.context import ROYAL_TITLES, key_of
from naba.pipeline.tagging.franchises import sporting
from naba.pipeline.tagging.keywords import Candidate, pick
from naba.pipeline.tagging.lexicon import Lexicon, given_name, lexicon
from naba.pipeline.tagging.mentions import Mention, Ref, find_mentions, ref_of
from naba.pipeline.tagging.newnames import NASAB_LINKS
from naba.pipeline.tagging.options import DEFAULT, TagOptions
from naba.pipeline.tagging.phrases import key_phrases, position_weights
from naba.pipeline.tagging.spelling import similar, skeleton
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word, words_of
from naba.text import ARTICLE, dateline_end, fold_persian_letters, index, tokens
from naba.text.tokenize import TokenizedText, tokenize_article

COMMON_GIVEN_ZIPF = 5.0  # محمد 6.1، أحمد 5.6، عبدالله 5.5: a given name alone that names no one in particular
CANDIDATE_PHRASES = 4  # times max_tags: phrases past that rank never make the list
_OPENING_QUOTES = "«\"“"
_CLOSING_QUOTES = "»\"”"
_PAPER_WORDS = ("صحيفة", "جريدة")  # a paper named after a place: صحيفة الرياض
# a media word (with its clitics and ending: لصحيفة، ومجلة، قناتي) and an opening quote right before a name
_OUTLET_BEFORE = re.compile(r"(?:صحيف|جريد|مجل|موقع|قنا|شبك|وكال|إذاع)\S*\s*[«\"“]\s*$")
_NAME_GOES_ON = re.compile(r" +[^\s«»\"“”.,،:؛()]")  # another word of the name before the closing quote
_FIRM_HEADS = frozenset(index(w) for w in "شركة الشركة مجموعة".split())
_EU, _UEFA = "org:eu", "org:uefa"
# Acronyms the press writes on a bare alif: written with a hamza they are other words (وأم: "and a
# mother", وأم القيوين; 112 of 112 such readings of the corpora).
_BARE_ALIF_ACRONYMS = frozenset({index("وام")})
_HAMZAS = "أإآ"
_WORLD_CUP = "event:fifa-world-cup"
# «كأس العالم» + ل-word: football's cup only for these (لكرة القدم، للسيدات، للشباب); للراليات، لكرة اليد
# name another sport's
_FOOTBALL_CUP_WORDS = frozenset(index(w) for w in "لكرة للسيدات للشباب للناشئين للناشئات".split())
_BALL, _FOOTBALL = index("لكرة"), index("القدم")


@dataclass(frozen=True, slots=True)
class Tags:
    keywords: tuple[str, ...]  # 0–12 display strings, best first (3 when the article has them)
    entities: tuple[Entity, ...]  # best first, one per canonical entity


def tag_article(title: str | None, body: str, options: TagOptions = DEFAULT, *,
                published: str | None = None) -> Tags:
    """Tags of one article. Pure and deterministic; the lexicon is built on the first call.

    ``published`` (ISO 8601, as ``Article.published_at``) dates the article, so that a surname alone
    is not taken for a person the gazetteer dates years later (see ``mentions``).
    """
    return tag_tokens(tokenize_article(title, body), options, published=published)


def tag_tokens(text: TokenizedText, options: TagOptions = DEFAULT, *, published: str | None = None) -> Tags:
    """``tag_article`` of an article already tokenized (the pipeline's one pass, naba.engine.prepare)."""
    lex = lexicon()
    stream = Stream.of_tokens(text)
    words = words_of(stream.keys, lex)
    year = int(published[:4]) if published and published[:4].isdigit() else None
    mentions, taken = find_mentions(stream, words, lex, year, day=published[:10] if published else None)
    mentions = _firms_named_bare(_merge_prefixes(_merge_spellings(mentions)))
    mentions = _no_given_name_alone(stream, words, _no_greetings(stream, mentions))
    mentions = _other_sports_cups(stream, mentions)
    mentions = _acronyms_on_bare_alif(stream, mentions)
    mentions = _not_in_addresses(stream, mentions)
    mentions = _union_of_football(words, _quoted_papers(stream, _inside_outlet_names(stream, mentions)))
    entities = _entities(stream, mentions, options)
    phrases = key_phrases(stream, words, taken, options, limit=options.max_tags * CANDIDATE_PHRASES)
    label = functools.partial(_label, stream, words)
    kinds = {item.label: entity.kind for item, entity in entities}
    keywords = pick([item for item, _ in entities], phrases, label, words, options, stream, taken, kinds)
    return Tags(keywords=keywords, entities=tuple(entity for _, entity in entities))


# Condolences and congratulations: «رفع ... خالص التعازي»، «أحر التعازي»، «أسمى التهاني» read as a given
# name and a family (26 learned people on the corpora, all this phrase); no one's name holds these words
_GREETINGS = frozenset(tokens("التعازي تعازي المواساة التهاني التبريكات العزاء"))


def _no_greetings(stream: Stream, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions
            if not (m.ref.key.startswith("new:") and not _GREETINGS.isdisjoint(stream.keys[m.start:m.end]))]


def _no_given_name_alone(stream: Stream, words: list[Word], mentions: list[Mention]) -> list[Mention]:
    """A new person named by one listed given name and nothing more (محمد، سلمان، أرنولد: the rest of
    the name cut off, or a man named once in passing) is no one an entity page can hold, unless a royal
    title names him (الأمير هاري، الملك فاروق، الشيخ تميم) or the article keeps calling him so; never
    a name thousands share (محمد، أحمد، عبدالله: Zipf ≥ ``COMMON_GIVEN_ZIPF``). A gazetteer mononym
    (نيمار) stays."""
    given = {m.ref for m in mentions if m.ref.kind == "person" and m.ref.key.startswith("new:")
             and " " not in m.ref.key and given_name(m.ref.key.removeprefix("new:"))}
    if not given:  # most articles: nothing to weigh
        return mentions
    said = Counter(m.ref for m in mentions if m.ref in given)
    royal = {m.ref for m in mentions if m.ref in given and m.start > 0 and not stream.breaks[m.start]
             and key_of(words, m.start - 1) in ROYAL_TITLES}
    zipf = lexicon().zipf
    alone = {ref for ref in given if (said[ref] < 2 and ref not in royal)
             or zipf(ref.key.removeprefix("new:")) >= COMMON_GIVEN_ZIPF}
    return [m for m in mentions if m.ref not in alone]


def _acronyms_on_bare_alif(stream: Stream, mentions: list[Mention]) -> list[Mention]:
    """«وام» (WAM) is an acronym on a bare alif; «وأم» is و + أم, never the agency."""
    return [m for m in mentions if not (m.end - m.start == 1 and stream.keys[m.start] in _BARE_ALIF_ACRONYMS
                                        and any(h in stream.surface(m.start) for h in _HAMZAS))]


def _other_sports_cups(stream: Stream, mentions: list[Mention]) -> list[Mention]:
    """«كأس العالم للراليات»، «كأس العالم لكرة اليد» are other sports' world cups, not football's."""
    return [m for m in mentions if m.ref.key != _WORLD_CUP or not _another_sport(stream, m.end)]


def _another_sport(stream: Stream, after: int) -> bool:
    """A ل-word right after the cup names a sport or a category other than football's."""
    if after >= len(stream) or stream.breaks[after] or not stream.keys[after].startswith("ل"):
        return False
    key = stream.keys[after]
    if key not in _FOOTBALL_CUP_WORDS:
        return True
    return key == _BALL and (after + 1 >= len(stream) or stream.keys[after + 1] != _FOOTBALL)


def _not_in_addresses(stream: Stream, mentions: list[Mention]) -> list[Mention]:
    """A Latin name that the text only writes inside e-mail addresses and web links (كاتب@yahoo.com,
    www.google.com) is the writer's address, not the company the article is about."""
    latin = {m.ref for m in mentions if stream.keys[m.start].isascii()}
    if not latin:
        return mentions
    raw = stream.written_text()
    addressed = {ref for ref in latin if all(_in_address(raw, stream.written(m.start, m.end))
                                             for m in mentions if m.ref == ref)}
    return [m for m in mentions if m.ref not in addressed]


def _in_address(raw: str, name: str) -> bool:
    """Everywhere ``name`` is written in ``raw`` it follows «@» or «.», or comes before «.» and a letter;
    also when it is not written as read at all: pieces the tokenizer put together (G+7, a building's
    floors, read as G7) are no name either."""
    return _everywhere(raw, name, lambda at, end: (at > 0 and raw[at - 1] in "@.")
                       or (raw[end:end + 1] == "." and raw[end + 1:end + 2].isalpha()), absent=True)


def _everywhere(raw: str, name: str, holds: Callable[[int, int], bool], absent: bool = False) -> bool:
    """``holds(start, end)`` wherever ``name`` is written in ``raw``; ``absent`` when it is nowhere."""
    at = raw.find(name)
    if at < 0:
        return absent
    while at >= 0:
        if not holds(at, at + len(name)):
            return False
        at = raw.find(name, at + len(name))
    return True


def _firms_named_bare(mentions: list[Mention]) -> list[Mention]:
    """«شركة جيمالتو» then «جيمالتو»: the company's name said without its head is the company, not a
    person or a second company the name tagger took it for."""
    firms = {}
    for m in mentions:
        keys = m.ref.key.removeprefix("new:").split(" ")
        if m.ref.kind == "org" and m.ref.key.startswith("new:") and len(keys) > 1 and keys[0] in _FIRM_HEADS:
            firms["new:" + " ".join(keys[1:])] = m.ref
    if not firms:
        return mentions
    return [m._replace(ref=firms[m.ref.key]) if m.ref.key in firms else m for m in mentions]


def _union_of_football(words: list[Word], mentions: list[Mention]) -> list[Mention]:
    """In a sports report «الاتحاد الأوروبي» is UEFA, as sports pages write it («الاتحاد الأوروبي للعبة»,
    its president Platini), not the European Union."""
    if not any(m.ref.key == _EU for m in mentions) or not sporting(words) \
            or (entry := load_gazetteer().get(_UEFA)) is None:
        return mentions
    uefa = ref_of(entry)
    return [m._replace(ref=uefa) if m.ref.key == _EU else m for m in mentions]


def _label(stream: Stream, words: list[Word], item: Candidate) -> str:
    """A tag as the article writes it, in Arabic letters (حیاة typed on a Persian keyboard is حياة)."""
    return fold_persian_letters(item.phrase.display(stream, words)) if item.phrase is not None else item.label


def _merge_spellings(mentions: list[Mention]) -> list[Mention]:
    """New names the article spells two ways (same skeleton, same kind) → the first-seen spelling;
    a new person named by surname alone (كالدويل) → the full name, learned or known (مايكل كالدويل;
    إيرينا بوكوفا, then «وأضافت بوكوفا»; a headline's «لامبارد» of unknown kind), unless two people of the
    article bear it."""
    if not any(m.ref.key.startswith("new:") for m in mentions):
        return mentions
    surnames: dict[str, Ref | None] = {}
    for ref in {m.ref for m in mentions if m.ref.kind == "person" and " " in m.ref.canonical}:
        last = ref.key.rsplit(" ", 1)[-1] if ref.key.startswith("new:") else index(ref.canonical.rsplit(" ", 1)[-1])
        surnames[last] = ref if surnames.get(last, ref) == ref else None
    first_ref: dict[tuple[str, str], Ref] = {}
    merged = []
    for mention in sorted(mentions, key=lambda m: m.start):
        ref = mention.ref
        if ref.key.startswith("new:"):
            # a headline's one word of no known kind (لامبارد يخسر ...) is the person too
            full = surnames.get(ref.key[4:]) if ref.kind in ("person", "other") and " " not in ref.key else None
            ref = full or ref
            seen = first_ref.setdefault((skeleton(ref.key[4:].split(" ")), ref.kind), ref)
            ref = seen if similar(seen.key[4:], ref.key[4:]) else ref
        merged.append(mention._replace(ref=ref) if ref is not mention.ref else mention)
    return merged


def _quoted_papers(stream: Stream, mentions: list[Mention]) -> list[Mention]:
    """A place the text only ever writes in quotes, when a paper is named after it, is the paper
    («الشرق الأوسط»، قال لـ«الرياض»: صحيفة الشرق الأوسط، صحيفة الرياض). Other quoted places stay
    places (a list «كابل» و«جلال آباد» stresses them)."""
    places = {m.ref for m in mentions if m.ref.kind == "place" and not m.ref.key.startswith("new:")}
    if not places:
        return mentions
    raw = stream.written_text()
    if not any(quote in raw for quote in _OPENING_QUOTES):
        return mentions
    gazetteer = load_gazetteer()
    papers: dict[Ref, Ref] = {}
    for ref in places:
        paper = next((e for media in _PAPER_WORDS for e in gazetteer.lookup(f"{media} {ref.canonical}")
                      if e.subtype in OUTLET_SUBTYPES), None)
        if paper is None:
            continue
        written = {stream.written(m.start, m.end, m.form or None) for m in mentions if m.ref == ref and m.form}
        if written and all(_only_quoted(raw, name) for name in written):
            papers[ref] = ref_of(paper)
    if not papers:
        return mentions
    return [m._replace(ref=papers[m.ref]) if m.ref in papers else m for m in mentions]


def _inside_outlet_names(stream: Stream, mentions: list[Mention]) -> list[Mention]:
    """A place the text only writes as the first word of an outlet's quoted name (لصحيفة "فيلادلفيا
    إنكوايرر"، موقع «نيويورك ماغازين») is part of that name, not the place."""
    places = {m.ref for m in mentions if m.ref.kind == "place"}
    raw = stream.written_text() if places else ""
    if not any(quote in raw for quote in _OPENING_QUOTES):
        return mentions  # no place, or no quote

    def opens_outlet_name(at: int, end: int) -> bool:
        return bool(_OUTLET_BEFORE.search(raw, max(0, at - 30), at)) and bool(_NAME_GOES_ON.match(raw, end))
    inside = {ref for ref in places if all(_everywhere(raw, stream.written(m.start, m.end, m.form or None),
                                                       opens_outlet_name) for m in mentions if m.ref == ref)}
    return [m for m in mentions if m.ref not in inside]


def _only_quoted(raw: str, name: str) -> bool:
    """Every place ``name`` is written in ``raw`` it stands alone in quotes (after a clitic at most;
    a space inside the quotes, as some papers type them: لـ" الرياض ")."""
    def quoted(at: int, end: int) -> bool:
        opening, closing = at - 1, end
        while opening >= 0 and raw[opening] == " ":
            opening -= 1
        while closing < len(raw) and raw[closing] == " ":
            closing += 1
        return opening >= 0 and raw[opening] in _OPENING_QUOTES and closing < len(raw) \
            and raw[closing] in _CLOSING_QUOTES
    return _everywhere(raw, name, quoted)


def _merge_prefixes(mentions: list[Mention]) -> list[Mention]:
    """A new person whose name begins the name of exactly one other person of the article, a known
    one or one whose nasab goes on, is that person named shorter (فيصل بن خالد of فيصل بن خالد بن
    عبدالعزيز; سلمان of the king): one entity; so is one whose longer names are one name written out
    further and further (فيصل، فيصل بن عبدالعزيز، فيصل بن عبدالعزيز آل سعود): the longest. Not when
    the rest is not a name (جاك شيراك قلّد: the longer is the sentence running on)."""
    people = {m.ref for m in mentions if m.ref.kind == "person"}
    longer: dict[Ref, Ref] = {}
    for ref in people:
        if not ref.key.startswith("new:"):
            continue
        head = ref.canonical + " "
        found = [other for other in people if other.canonical.startswith(head)]
        other = max(found, key=lambda o: (len(o.canonical), o.key), default=None)
        if other is None or not all(other.canonical.startswith(o.canonical) for o in found):
            continue  # two other people begin so (فيصل بن سلمان، فيصل بن خالد): which one is unknown
        goes_on = index(other.canonical[len(head):].split(" ", 1)[0])
        if not other.key.startswith("new:") or goes_on in NASAB_LINKS or goes_on == ARTICLE:  # بن، آل
            longer[ref] = other
    if not longer:
        return mentions
    return [m._replace(ref=longer[m.ref]) if m.ref in longer else m for m in mentions]


def _entities(stream: Stream, mentions: list[Mention], options: TagOptions) -> list[tuple[Candidate, Entity]]:
    """Each entity with its score as a tag. A mention in the dateline («دبي، الإمارات العربية المتحدة
    (CNN)») names a real place but says where the report was filed, not what it is about: it weighs
    nothing, so a place named only there is listed last and never a tag."""
    by_ref: dict[Ref, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_ref[mention.ref].append(mention)
    weights = position_weights(stream, options)
    dateline = range(stream.title_end, stream.title_end + len(tokens(_dateline(stream))))
    scored = []
    for ref, group in by_ref.items():
        counted = [m for m in group if m.start not in dateline]
        score = options.entity_boost * sum(weights[m.start] * m.weight for m in counted) ** options.tf_power
        first = min(m.start for m in group)
        entity = Entity(_name(stream, group, ref), ref.canonical, ref.kind)
        named = [m for m in counted if m.weight >= 1.0]
        central = bool(named) and (min(m.start for m in named) < stream.title_end or len(named) > 1)
        scored.append((Candidate(score, first, ref.canonical, central=central), entity))
    scored.sort(key=lambda pair: (-pair[0].score, pair[0].first, pair[0].label))
    return scored


def _dateline(stream: Stream) -> str:
    """The body's dateline as written ("" when it opens without one)."""
    body = stream.text.parts[1]
    return body[:dateline_end(body)]


def _name(stream: Stream, group: list[Mention], ref: Ref) -> str:
    """The spelling the article uses most (the earliest on a tie), as written; titles and clitics
    are already outside the mention."""
    named = sorted((m for m in group if m.form), key=lambda m: m.start)
    if not named:  # only adjectives: الروسي names روسيا
        return ref.canonical
    spellings = Counter(tuple(stream.keys[m.start + 1:m.end]) + (m.form,) for m in named)
    top = max(spellings.values())
    chosen = next(m for m in named if spellings[tuple(stream.keys[m.start + 1:m.end]) + (m.form,)] == top)
    return stream.written(chosen.start, chosen.end, chosen.form)


def warm_up() -> Lexicon:
    """Build the lexicon now (a worker pool's initializer), not on the first article."""
    return lexicon()
