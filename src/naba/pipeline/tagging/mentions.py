"""Entity mentions in an article, each pointing to one ``Ref`` (a gazetteer entry or a new name).

Evidence, in the order it is read:
  1. gazetteer names (longest first, with clitics: للأردن, وبوتين);
  2. titles (الرئيس، وزير الخارجية، المتحدث باسم): after a title and its descriptors (الروسي،
     الأمريكية، a place or an organisation) comes a person. A known person there counts as titled;
     an unknown one becomes a new person, first looked up by spelling skeleton in the gazetteer;
  3. head nouns (وزارة، منظمة، حزب، جامعة، ...) followed by ال-words: a new organisation;
  4. a new person's surname alone, and a new name's full form without its title, elsewhere;
  5. nationality adjectives (الروسي → روسيا), at a lower weight;
  6. rare words whose spelling skeleton is a gazetteer name's and that look alike (زيلينيسكى).
An ambiguous gazetteer name (?بوش، ?مالي) counts only when the article names one of its owners
unambiguously elsewhere, or, with one owner, when a title stands before it.
"""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from typing import NamedTuple

from naba.gazetteer import Entry
from naba.pipeline.tagging import newnames
from naba.pipeline.tagging.lexicon import Lexicon, Name
from naba.pipeline.tagging.matching import Match, keyed_with_clitics, scan
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word

KIND_OF_TYPE = {"person": "person", "country": "place", "city": "place", "region": "place", "org": "org"}
ADJECTIVE_WEIGHT = 0.5
PAIR_MEMO_LIMIT = 200_000
_PAIRS: dict[tuple[str, str], Entry | None] = {}  # two rare words → the entry they spell, memoized
_ADJECTIVE = operator.attrgetter("adjective")
_RARE = operator.attrgetter("rare")


@dataclass(frozen=True, slots=True)
class Ref:
    """What a mention points to: one canonical entity."""

    key: str  # gazetteer id, or "new:" + the canonical form's index tokens
    canonical: str
    kind: str  # "person", "place", "org" or "other"


class Mention(NamedTuple):  # a NamedTuple, not a frozen dataclass: dozens are built per article
    start: int  # token position: earlier and title mentions weigh more
    end: int
    form: str  # first token's clitic-free reading ("" for an adjective); as written: stream.written(start, end, form)
    ref: Ref
    weight: float


def ref_of(entry: Entry) -> Ref:
    return Ref(entry.id, entry.canonical, KIND_OF_TYPE.get(entry.type, "other"))


def find_mentions(stream: Stream, words: list[Word], lex: Lexicon) -> tuple[list[Mention], bytearray]:
    """Every mention, in no particular order, and the tokens they (and titles) cover."""
    taken = bytearray(len(stream))
    hits = list(scan(stream, lex.names, taken))
    titles = list(scan(stream, lex.titles, taken))
    hit_at = {hit.start: hit for hit in hits}
    titled = newnames.titled_positions(stream, words, titles, hit_at)
    mentions = _resolve_known(hits, titled)
    found = newnames.after_titles(stream, words, titled, hit_at, taken)
    found += newnames.organisations(stream, taken)
    mentions += _identify(found, lex)
    mentions += _repeats(stream, [m for m in mentions if m.ref.key.startswith("new:")], taken)
    mentions += _adjectives(words, taken)  # before skeletons: الأذربيجاني is an adjective, not a misspelling
    mentions += _misspelled(stream, words, lex, taken)
    return mentions, taken


def _resolve_known(hits: list[Match[Name]], titled: set[int]) -> list[Mention]:
    """Gazetteer hits with ambiguous names settled by the rest of the article, or dropped."""
    sure = {owner.id for hit in hits if not hit.value.ambiguous and len(hit.value.owners) == 1
            for owner in hit.value.owners}
    mentions = []
    for hit in hits:
        owners = hit.value.owners
        if not hit.value.ambiguous and len(owners) == 1:
            chosen: Entry | None = owners[0]
        else:
            named = [o for o in owners if o.id in sure]
            chosen = named[0] if len(named) == 1 else owners[0] if len(owners) == 1 and hit.start in titled \
                else None
        if chosen is not None:
            mentions.append(Mention(hit.start, hit.end, hit.form, ref_of(chosen), 1.0))
    return mentions


def _identify(found: list[newnames.NewName], lex: Lexicon) -> list[Mention]:
    """New names, each mapped to the gazetteer entry with its spelling skeleton if there is one."""
    mentions = []
    for name in found:
        entry = lex.spelled_like(name.keys)
        if entry is not None and KIND_OF_TYPE.get(entry.type) == name.kind:
            ref = ref_of(entry)
        else:
            ref = Ref("new:" + " ".join(name.keys), name.surface, name.kind)
        mentions.append(Mention(name.start, name.end, name.keys[0], ref, 1.0))
    return mentions


def _repeats(stream: Stream, new: list[Mention], taken: bytearray) -> list[Mention]:
    """A new name again elsewhere: in full without its title, or (a person) by surname alone."""
    if not new:
        return []
    table: dict[str, list[tuple[tuple[str, ...], Ref]]] = {}
    for mention in new:
        keys = tuple(mention.ref.key[len("new:"):].split(" "))
        forms = [keys] + ([keys[-1:]] if mention.ref.kind == "person" and len(keys) > 1 else [])
        for form in forms:
            table.setdefault(form[0], []).append((form, mention.ref))
    firsts = {first: tuple(sorted(pairs, key=lambda pair: -len(pair[0]))) for first, pairs in table.items()}
    return [Mention(m.start, m.end, m.form, m.value, 1.0) for m in scan(stream, keyed_with_clitics(firsts), taken)]


def _misspelled(stream: Stream, words: list[Word], lex: Lexicon, taken: bytearray) -> list[Mention]:
    """Rare words (and pairs of them: بيونغيانغ ~ بيونغ يانغ) whose spelling skeleton belongs to one
    gazetteer entry. The single-word lookups are memoized in ``Word.misspelt``."""
    mentions = []
    keys = stream.keys
    for i in itertools.compress(range(len(words)), map(_RARE, words)):
        if taken[i]:
            continue
        end, form, entry = i + 2, keys[i], None
        if end <= len(keys) and words[i + 1].rare and not taken[i + 1] and not stream.breaks[i + 1]:
            pair = (keys[i], keys[i + 1])
            if pair in _PAIRS:
                entry = _PAIRS[pair]
            else:
                if len(_PAIRS) >= PAIR_MEMO_LIMIT:
                    _PAIRS.clear()
                entry = _PAIRS[pair] = lex.spelled_like(pair)
        misspelt = words[i].misspelt
        if entry is None and misspelt is not None:
            end, (form, entry) = i + 1, misspelt
        if entry is not None:
            taken[i:end] = b"\x01" * (end - i)
            mentions.append(Mention(i, end, form, ref_of(entry), 1.0))
    return mentions


def _adjectives(words: list[Word], taken: bytearray) -> list[Mention]:
    """Nationality adjectives (الروسي، الأمريكيين) as light mentions of their country."""
    mentions = []
    for i in itertools.compress(range(len(words)), map(_ADJECTIVE, words)):  # the scan runs in C
        country = words[i].adjective
        if not taken[i] and country is not None:
            taken[i] = 1
            mentions.append(Mention(i, i + 1, "", ref_of(country), ADJECTIVE_WEIGHT))
    return mentions
