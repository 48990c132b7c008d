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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from naba.gazetteer import Entry, load_gazetteer
from naba.pipeline.tagging import context, families, franchises, namemodel, newnames, organisations
from naba.pipeline.tagging import titled as titled_names
from naba.pipeline.tagging.lexicon import Lexicon, Name
from naba.pipeline.tagging.matching import Match, drop_where, keyed_with_clitics, scan, untake
from naba.pipeline.tagging.namesakes import read_namesakes
from naba.pipeline.tagging.newnames import NAME_LINKS
from naba.pipeline.tagging.shared_places import shared_place
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word
from naba.text import ARTICLE
from naba.text.frequency import one_spelling, usual_spelling

KIND_OF_TYPE = {"person": "person", "country": "place", "city": "place", "region": "place", "org": "org"}
ADJECTIVE_WEIGHT = 0.5
TITLE_ONLY_WEIGHT = 0.5  # «خادم الحرمين» alone in the body: the king, but often in passing (برعاية ...)
NASAB_OR_LINK = NAME_LINKS
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


def new_ref(keys: Sequence[str], surface: str, kind: str) -> Ref:
    """A name the gazetteer lacks, canonical in its usual spelling (``usual_name``, ``one_spelling``)."""
    return Ref("new:" + " ".join(keys), one_spelling(usual_name(surface)), kind)


def usual_name(surface: str) -> str:
    """One spelling of a name whichever way it was written (one entity page for سارة ساندرز and ساره
    ساندرز): each word in its usual spelling (marks and tatweel dropped,
    ``naba.text.frequency.usual_spelling``) and «عبد» glued to the name after it (عبدالعزيز: the
    Saudi papers' spelling, most of the corpora's)."""
    glued: list[str] = []
    for word in map(usual_spelling, surface.split()):
        if glued and glued[-1] == "عبد" and word.startswith(ARTICLE):
            glued[-1] += word
        else:
            glued.append(word)
    return " ".join(glued)


def find_mentions(stream: Stream, words: list[Word], lex: Lexicon, year: int | None = None, *,
                  model: bool = True, day: str | None = None) -> tuple[list[Mention], bytearray]:
    """Every mention, in no particular order, and the tokens they (and titles) cover.

    ``year``: when the article was written, for the gazetteer people's dates (``Lexicon.since``);
    ``day`` (ISO date): the same to the day, for the Saudi king the title «خادم الحرمين» names.
    ``model``: also ask the statistical name tagger (``namemodel``) last, for names the rules miss
    (off when the rules' own output is wanted: the model's silver labels).
    """
    taken = bytearray(len(stream))
    hits = _words_not_clitics(stream, lex, list(scan(stream, lex.names, taken)), taken)
    hits = _not_common_words(stream, words, hits, taken)
    hits = _adjective_readings(stream, words, hits, taken)
    kings = titled_names.custodians(stream, words, taken, day)
    titles = _body_adjectives(stream, words, list(scan(stream, lex.titles, taken)), taken)
    royal = context.royal_starts(stream, titles, words)
    hits = _drop_inside_people(stream, words, hits, royal, taken)
    hits, namesakes = read_namesakes(stream, words, hits, taken, lex)
    hits, longer, inner = _longer_names(stream, words, hits, taken)
    hit_at = {hit.start: hit for hit in hits}
    titled = newnames.titled_positions(stream, words, titles, hit_at) | royal
    # the arts' trades title new names only (الروائي سلمان ناطور is no king)
    offices = [t for t in titles if words[t.start].shown not in newnames.ARTS_TITLES]
    statesmen = titled if len(offices) == len(titles) else \
        newnames.titled_positions(stream, words, offices, hit_at) | royal
    mentions = _resolve_known(stream, words, hits, statesmen, year, lex, inner, taken)
    # no written form: the entity is shown by his name (an adjective's mentions are the same)
    mentions += [Mention(start, end, "", ref_of(king), 1.0 if start < stream.title_end else TITLE_ONLY_WEIGHT)
                 for start, end, king_id in kings if (king := load_gazetteer().get(king_id)) is not None]
    found = namesakes + longer + titled_names.after_titles(stream, words, titled, hit_at, taken, royal)
    found += organisations.organisations(stream, words, taken)
    mentions += _identify(found, lex, frozenset(m.ref.key for m in mentions))
    mentions += _repeats(stream, [m for m in mentions if m.ref.key.startswith("new:")], taken)
    mentions += _adjectives(stream, words, taken, mentions)  # before skeletons: الأذربيجاني is an adjective
    mentions += _misspelled(stream, words, lex, taken)
    headline = newnames.headline_names(stream, words, taken)
    mentions += _identify(headline, lex)
    mentions += _repeats(stream, [m for m in mentions[-len(headline):] if m.ref.key.startswith("new:")]
                         if headline else [], taken)
    families_found = _identify(families.family_names(stream, words, taken), lex)
    mentions += families_found + _repeats(stream, families_found, taken)
    if model:
        learned = _identify(namemodel.model_names(stream, words, taken), lex)
        mentions += learned + _repeats(stream, [m for m in learned if m.ref.key.startswith("new:")], taken)
    return _named_after_people(stream, words, mentions, taken), taken


def _body_adjectives(stream: Stream, words: list[Word], titles: list[Match[int]], taken: bytearray
                     ) -> list[Match[int]]:
    """An arts' or media trade in ي after a body's head is its adjective (المركز الإعلامي للجيش، الهيئة
    الإعلامية للمؤتمر), part of the body's name, not a title; a noun stays one (البرنامج الفنان ...)."""
    def adjective(title: Match[int]) -> bool:
        before, shown = title.start - 1, words[title.start].shown
        return before >= 0 and not stream.breaks[title.start] and shown in newnames.ARTS_TITLES \
            and shown.endswith(("ي", "يه")) and words[before].shown.removeprefix(ARTICLE) in newnames.BODY_HEADS
    return drop_where(titles, taken, adjective)


def _named_after_people(stream: Stream, words: list[Word], mentions: list[Mention], taken: bytearray
                        ) -> list[Mention]:
    """A person named right after the head of a school, an airport, a road ... is its name (مدرسة
    مارجوري ستونمان دوجلاس، مطار رفيق الحريري): the institution or the road, not the person."""
    out = []
    for m in mentions:
        head = m.start - 1
        if m.ref.kind != "person" or head < 0 or stream.breaks[m.start] or taken[head] \
                or (key := context.key_of(words, head)) not in context.PERSON_NAMED_HEADS \
                or (head > 0 and stream.keys[head - 1] == "عن" and key == "طريق"):  # عن طريق: "by", no road
            out.append(m)
            continue
        taken[head] = 1
        keys = (key, *stream.keys[m.start:m.end])
        kind = "place" if key in context.ROAD_HEADS else "org"
        surface = stream.written(head, m.end, key)
        out.append(Mention(head, m.end, key, new_ref(keys, surface, kind), 1.0))
    return out


def _words_not_clitics(stream: Stream, lex: Lexicon, hits: list[Match[Name]], taken: bytearray
                       ) -> list[Match[Name]]:
    """Drop a name read by cutting a clitic off a word the language knows better whole: كتبت (she
    wrote) is not ك + التبت, وبينت not و + بينيت, للحج not ل + لحج (ل + الحج); وبوتين، للبنان stay."""
    def glued(hit: Match[Name]) -> bool:
        key = stream.keys[hit.start]
        return hit.form != key and not hit.form.startswith("ال") and lex.zipf(hit.form) < max(
            lex.zipf(key), lex.zipf(ARTICLE + key[2:]) if key.startswith("لل") else 0.0)
    return drop_where(hits, taken, glued)


def _not_common_words(stream: Stream, words: list[Word], hits: list[Match[Name]], taken: bytearray
                      ) -> list[Match[Name]]:
    """Drop a name read as the common words it also is (``context.common_reading``: بعد المغرب، بالشباب السعودي),
    and a name read off a word written as an indefinite accusative (لساناً is not ل + سانا: a name
    takes no tanween)."""
    return drop_where(hits, taken, lambda hit: context.common_reading(stream, words, hit)
                      or newnames.written_accusative(stream, hit.end - 1))


def _adjective_readings(stream: Stream, words: list[Word], hits: list[Match[Name]], taken: bytearray
                        ) -> list[Match[Name]]:
    """A country's name with the article that is also its adjective, right after a noun with the
    article, is the adjective (العرضة السعودية، الأندية السعودية): left to ``_adjectives``, which keeps
    the country only where it qualifies the state (الحكومة السعودية). Not before ل + a trade (الشركة
    السعودية للكهرباء: a company's name). So is a city's name in ية after a feminine (الحقبة الناصرية)."""
    return drop_where(hits, taken, lambda hit: _reads_as_adjective(stream, words, hit, taken))


def _reads_as_adjective(stream: Stream, words: list[Word], hit: Match[Name], taken: bytearray) -> bool:
    at, owners, adjective, before = hit.start, hit.value.owners, words[hit.start].adjective, hit.start - 1
    if hit.end - at != 1 or at == 0 or stream.breaks[at] or hit.form != stream.keys[at] or hit.form[:2] != ARTICLE:
        return False  # والسعودية، تشيلي: a conjunct, or no article
    own = adjective is not None and any(owner.id == adjective.id for owner in owners)
    city = hit.form.endswith("يه") and all(owner.type == "city" for owner in owners) \
        and stream.surface(before).endswith(("ة", "ات"))  # agreeing: القصيدة النبطية; not الأهم اللاذقية
    return (own or city) and words[before].nominal and words[before].content and not taken[before] \
        and stream.keys[before].startswith(ARTICLE) and not _names_company(stream, words, at)


def _names_company(stream: Stream, words: list[Word], at: int) -> bool:
    """(الشركة) السعودية للكهرباء: the place before ل + a trade names a company (``inside_longer``)."""
    return at + 1 < len(stream) and not stream.breaks[at + 1] and stream.keys[at + 1].startswith("لل") \
        and context.key_of(words, at + 1) in context.COMPANY_WORDS


def _drop_inside_people(stream: Stream, words: list[Word], hits: list[Match[Name]], royal: set[int],
                        taken: bytearray) -> list[Match[Name]]:
    """Names that are part of a longer name: a first name after a royal title (الأمير تركي, الأمير
    مشعل) unless the whole name is known, a royal name after the head of what is named after him
    (دوري الأمير محمد بن سلمان, left to ``titled.after_titles``), and a name inside a nasab chain
    (… بن عبد العزيز)."""
    kept = []
    for hit in hits:
        person = any(o.type == "person" for o in hit.value.owners)
        inside_chain = hit.start > 0 and not stream.breaks[hit.start] and \
            context.key_of(words, hit.start - 1) in context.NASAB
        starts_chain = hit.value.tokens[0] in context.NASAB  # بن سلمان of الأمير فيصل بن سلمان
        # الأمير تركي alone is a first name; دوري الأمير محمد بن سلمان is a league, even with the whole name known
        after_royal = hit.start in royal and (not (person and len(hit.value.tokens) > 1)
                                              or newnames.named_after(stream, words, hit.start, taken) >= 0)
        if inside_chain or (starts_chain and hit.start > 0 and not stream.breaks[hit.start]) or after_royal \
                or (not person and context.after_kinship(stream, words, hit.start)):
            untake(taken, hit)
        else:
            kept.append(hit)
    return kept


def _longer_names(stream: Stream, words: list[Word], hits: list[Match[Name]], taken: bytearray
                  ) -> tuple[list[Match[Name]], list[newnames.NewName], set[str]]:
    """Places inside a longer name (مصر للطيران، دوري أبطال أوروبا، غرفة الرياض، مطار عدن) and an
    organisation inside a competition or a prize (كأس الاتحاد الأوروبي): the longer name, or nothing.
    Also the places taken in (their ids): غرفة مكة still says the article is about Saudi Arabia."""
    kind_at = {i: KIND_OF_TYPE.get(hit.value.owners[0].type, "other") for hit in hits
               for i in range(hit.start, hit.end)}
    kept, longer, inner = [], [], set[str]()
    covered = bytearray(len(stream))
    for hit in hits:
        if any(covered[hit.start:hit.end]):  # inside a longer name found before it
            untake(taken, hit)
            continue
        if kind_at[hit.start] not in ("place", "org"):
            kept.append(hit)
            continue
        found = context.inside_longer(stream, words, hit, kind_at)
        if found is None:
            kept.append(hit)
            continue
        start, end, kind = found
        untake(taken, hit)
        if len(hit.value.owners) == 1 and not hit.value.ambiguous:
            inner.update(filter(None, (hit.value.owners[0].id, hit.value.owners[0].country)))
        covered[start:end] = b"\x01" * (end - start)
        if kind and not any(taken[start:hit.start]):  # the places it takes in are skipped below
            taken[start:end] = bytes(end - start)
            longer.append(newnames.new_name(stream, start, end, kind, taken, context.LONGER_HEADS))
    return kept, longer, inner


def _resolve_known(stream: Stream, words: list[Word], hits: list[Match[Name]], titled: set[int],
                   year: int | None, lex: Lexicon, inner: set[str], taken: bytearray) -> list[Mention]:
    """Gazetteer hits with ambiguous names settled by the rest of the article (``inner``: the places
    inside its longer names count), or dropped."""
    sure = {owner.id for hit in hits if not hit.value.ambiguous and len(hit.value.owners) == 1
            for owner in hit.value.owners}
    related = sure | inner | {hit.value.owners[0].country for hit in hits if hit.value.owners[0].id in sure}
    related |= {hit.value.owners[0].country for hit in hits if _club_and_place_of_one_country(hit.value.owners)}
    related |= {adjective.id for adjective in filter(None, map(_ADJECTIVE, words))}  # the scan runs in C
    mentions = []
    sporting: bool | None = None  # read once, for the first ambiguous club name
    for hit in hits:
        owners = hit.value.owners
        chosen: Entry | None = None
        if not hit.value.ambiguous and len(owners) == 1:
            chosen = owners[0]
        else:
            # one owner the article names for sure, or a city-or-country name it settles (عمان)
            named = [o for o in owners if o.id in sure] or [*filter(None, [shared_place(stream, hit, hits, related)])]
            if len(named) == 1:
                chosen = named[0]
            elif len(owners) == 1 and ((hit.start in titled and not newnames.family_follows(stream, words, hit.end))
                                       or context.supported(stream, words, hit,
                                                            KIND_OF_TYPE.get(owners[0].type, "other"), related)):
                chosen = owners[0]
            if chosen is None and any(o.subtype == "club" for o in owners):
                if sporting is None:
                    sporting = franchises.sporting(words)
                chosen = context.club_in_play(stream, hit, related) if sporting else context.outside_sport(hit)
                if chosen is None and all(o.subtype == "club" for o in owners):
                    untake(taken, hit)  # the word (التعاون، الوحدة) may be part of a new name: منظمة التعاون ...
        if chosen is not None and chosen.type == "person" and _before_their_time(chosen, hit, year, lex, sure):
            chosen = None
        if chosen is not None:
            mentions.append(Mention(hit.start, hit.end, hit.form, ref_of(chosen), 1.0))
    return mentions


def _club_and_place_of_one_country(owners: Sequence[Entry]) -> bool:
    """نجران: the city or its club, Saudi Arabia either way (the country settles the other clubs named)."""
    return len(owners) > 1 and any(o.subtype == "club" for o in owners) and bool(owners[0].country) \
        and all(o.country == owners[0].country for o in owners)


def _before_their_time(entry: Entry, hit: Match[Name], year: int | None, lex: Lexicon, sure: set[str]) -> bool:
    """A surname alone (السوداني، بينيت) for a person the gazetteer dates years after the article:
    another person of that name, unless the full name is in the article."""
    since = lex.since.get(entry.id)
    if year is None or since is None or since <= year + 1:
        return False
    return len(hit.value.tokens) < len(entry.canonical.split(" ")) and not (
        entry.id in sure and not hit.value.ambiguous and len(hit.value.tokens) > 1)


def _identify(found: list[newnames.NewName], lex: Lexicon, known: frozenset[str] = frozenset()) -> list[Mention]:
    """New names, each mapped to the gazetteer entry with its spelling skeleton if there is one; not
    a person's surname alone when the same names give it in full (سارة ساندرز, then ساندرز: her, not
    the famous man the spelling would find), unless the famous man is named too (``known``: the
    gazetteer ids already mentioned; حيدر العبادي beside أحمد العبادي keeps «إجراءات العبادي»)."""
    surnames = {name.keys[-1] for name in found if name.kind == "person" and len(name.keys) > 1}
    mentions = []
    for name in found:
        entry = lex.spelled_like(name.keys)
        if entry is not None and entry.id not in known and name.kind == "person" and len(name.keys) == 1 \
                and name.keys[0] in surnames:
            entry = None
        if entry is not None and KIND_OF_TYPE.get(entry.type) == name.kind:
            ref = ref_of(entry)
        else:
            ref = new_ref(name.keys, name.surface, name.kind)
        mentions.append(Mention(name.start, name.end, name.keys[0], ref, 1.0))
    return mentions


def _repeats(stream: Stream, new: list[Mention], taken: bytearray) -> list[Mention]:
    """A new name again elsewhere: in full without its title, or (a person) by surname alone."""
    if not new:
        return []
    table: dict[str, list[tuple[tuple[str, ...], Ref]]] = {}
    for mention in new:
        keys = tuple(mention.ref.key[len("new:"):].split(" "))
        family = len(keys) > 1 and not NASAB_OR_LINK.intersection(keys)  # not the end of تركي بن عبد الله
        forms = [keys] + ([keys[-1:]] if mention.ref.kind == "person" and family else [])
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


def _adjectives(stream: Stream, words: list[Word], taken: bytearray, mentions: list[Mention]) -> list[Mention]:
    """Nationality adjectives as light mentions of their country, where they qualify the state, its
    people, its territory or its team (``context.country_adjective``): الجيش الروسي, not يوفنتوس الإيطالي."""
    names_at: dict[int, str] = {}
    for m in mentions:
        kind = "new" if m.ref.key.startswith("new:") and m.ref.kind != "person" else m.ref.kind
        for i in range(m.start, m.end):
            names_at[i] = kind
    found = []
    for i in itertools.compress(range(len(words)), map(_ADJECTIVE, words)):  # the scan runs in C
        country = words[i].adjective
        if not taken[i] and country is not None and context.country_adjective(stream, words, i, names_at):
            taken[i] = 1
            found.append(Mention(i, i + 1, "", ref_of(country), ADJECTIVE_WEIGHT))
    for m in mentions:  # وزارة الداخلية السعودية: a state body the article named, and its country
        country = words[m.end - 1].adjective
        if country is not None and m.ref.kind == "org" and m.ref.key.startswith("new:") and m.end - m.start > 1 \
                and context.key_of(words, m.start) in context.STATE_HEADS:
            found.append(Mention(m.end - 1, m.end, "", ref_of(country), ADJECTIVE_WEIGHT))
    return found
