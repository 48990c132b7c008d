"""A known person's surname next to another name is another person (hand-written Arabic name rules,
for ``mentions``): سارة ساندرز is not بيرني ساندرز, هادي بن علي اليامي not the Yemeni president."""

from __future__ import annotations

from naba.gazetteer import Entry
from naba.pipeline.tagging import context, newnames, verbs
from naba.pipeline.tagging.lexicon import GIVEN_NAMES, Lexicon, Name, given_name
from naba.pipeline.tagging.matching import Match, untake
from naba.pipeline.tagging.newnames import NAME_LINKS, NASAB_LINKS
from naba.pipeline.tagging.spelling import similar, skeleton
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word
from naba.text import ARTICLE, bare_forms, tokens

COMMON_WORD_ZIPF = 5.0  # a word this common read another way (اسم of باسم) is not taken for a name
OTHER_FAMILY_MAX_ZIPF = 4.5  # an ال-word in ي this rare is a family name (القحطاني 4.1), not الشمالي (4.6)


def read_namesakes(stream: Stream, words: list[Word], hits: list[Match[Name]], taken: bytearray, lex: Lexicon
               ) -> tuple[list[Match[Name]], list[newnames.NewName]]:
    """A known person's surname next to another name is another person: after another given name
    (إميلي نصرالله is not حسن نصرالله, ميشيل أوباما not باراك أوباما, فهد هادي not the Yemeni
    president, سارة ساندرز not بيرني ساندرز), when the given name is one the gazetteer's people bear
    (``Lexicon.given``) or a common Arab one (``lexicon.GIVEN_NAMES``) and no spelling of the known
    person's own; or followed by a nasab (هادي بن علي اليامي: the word is that
    man's first name). A family name two known men share counts too (تركي المالكي is neither Nouri nor
    Riyad al-Maliki). Once the article names such a man, the surname alone is him too
    (``_merge_spellings`` joins them). A surname that is a given name before another given name is
    a man and his father (الرائد هادي يحيى); a known man's given name before another family is another
    man's father (صالح سلمان الودعاني, ``_family_after``)."""
    kept, found = [], []
    hits = _surnames_of_people_named(hits)
    # the first words of the people named here: قمة كيم ترمب is Kim Jong Un and Trump side by side; not
    # a given name thousands share (محمد of a known محمد بن ... says nothing of محمد المالكي)
    named = {hit.value.tokens[0] for hit in hits if len(hit.value.tokens) > 1
             and any(owner.type == "person" for owner in hit.value.owners)
             and not common_given_name(hit.value.tokens[0], lex)}
    # a known man's whole name inside another man's (زيد محمد القحطاني): his son's given name before
    # it, which may itself have read as a known surname (مشعل of مشعل جابر الأحمد)
    alone_at = {hit.start for hit in hits if hit.end - hit.start == 1}
    nasabs = [hit for hit in hits if _in_another_nasab(stream, hit, taken, lex, named, alone_at)]
    sons = {hit.start - 1 for hit in nasabs}
    for hit in hits:
        owners = hit.value.owners
        if hit in nasabs or (hit.end - hit.start == 1 and hit.start in sons):
            untake(taken, hit)
            if hit in nasabs:
                found.append(newnames.new_name(stream, hit.start - 1, hit.end, "person", taken))
            continue
        if hit.form != stream.keys[hit.start] or any(owner.type != "person" for owner in owners) \
                or any(len(hit.value.tokens) >= len(owner.canonical.split(" ")) for owner in owners) \
                or (len(owners) > 1 and not hit.form.startswith(ARTICLE)):  # باول of «بأول» is ب + أول
            kept.append(hit)
            continue
        # a surname two known men share (المالكي) has no first name or family to read further
        if len(owners) == 1 and _compound_name(stream, hit):
            untake(taken, hit)  # left to the rules for names the gazetteer lacks
            continue
        family_end = hit.end if len(owners) > 1 else max(_family_after(stream, words, hit, taken),
                                                         _kunya_after(stream, hit, taken))
        end = hit.end if len(owners) > 1 else max(
            _first_name_of(stream, words, hit, taken), _before_father(stream, hit, taken, lex),
            _other_family(stream, words, hit, taken), family_end)
        if end > hit.end:
            untake(taken, hit)
            # صالح سلمان الودعاني: the famous given name is his father's; the name starts at his own
            start = _given_names_before(stream, words, hit.start, taken) if end == family_end else hit.start
            found.append(newnames.new_name(stream, start, end, "person", taken))
            continue
        j = hit.start - 1
        if j < 0 or stream.breaks[hit.start] or taken[j] \
                or (stream.keys[j] not in lex.given and not common_given_name(stream.keys[j], lex)) \
                or stream.keys[j] in named or any(_own_given_name(owner, stream.keys[j]) for owner in owners) \
                or (j > 0 and not stream.breaks[j] and stream.keys[j - 1] in NAME_LINKS):
            kept.append(hit)
            continue
        untake(taken, hit)
        found.append(newnames.new_name(stream, j, hit.end, "person", taken))
    # their names alone are them too, but not after a royal title (مركز الملك سلمان under a report on
    # سلمان الودعاني: the king)
    others = {name.keys[-1] for name in found} | {name.keys[0] for name in found}
    alone = [hit for hit in kept if hit.end - hit.start == 1 and stream.keys[hit.start] in others
             and len(hit.value.owners) == 1 and hit.value.owners[0].type == "person"
             and not (hit.start > 0 and not stream.breaks[hit.start]
                      and context.key_of(words, hit.start - 1) in context.ROYAL_TITLES)]
    for hit in alone:  # «حياة هادي» under a report on فهد هادي
        untake(taken, hit)
        found.append(newnames.new_name(stream, hit.start, hit.end, "person", taken))
    return [hit for hit in kept if hit not in alone], found


def _surnames_of_people_named(hits: list[Match[Name]]) -> list[Match[Name]]:
    """A known surname alone that the gazetteer marks ambiguous (?ساندرز) when the article names one
    other known person of that family in full (سارة ساندرز) and not the man the surname alone may mean
    (بيرني ساندرز): her. An unmarked surname (أوباما) stays its famous man's beside his wife's name."""
    full: dict[str, set[Entry]] = {}
    for hit in hits:
        if len(hit.value.tokens) > 1 and len(hit.value.owners) == 1 and hit.value.owners[0].type == "person" \
                and hit.value.tokens[-2] not in NAME_LINKS:  # سلمان of محمد بن سلمان is his father, not a family
            full.setdefault(hit.value.tokens[-1], set()).add(hit.value.owners[0])
    if not full:
        return hits
    out = []
    for hit in hits:
        owners = set(hit.value.owners)
        single = len(hit.value.tokens) == 1 and hit.value.ambiguous
        others = full.get(hit.value.tokens[0], set()) - owners if single else set()
        if len(others) == 1 and all(o.type == "person" for o in owners) and not owners & full[hit.value.tokens[0]]:
            hit = hit._replace(value=Name(hit.value.tokens, tuple(others), False))
        out.append(hit)
    return out


def _in_another_nasab(stream: Stream, hit: Match[Name], taken: bytearray, lex: Lexicon, named: set[str],
                      alone_at: set[int]) -> bool:
    """A known man's whole name, given name first, right after another given name is the father's
    and family's part of another man's name, written without بن as Arab names often are (زيد محمد
    القحطاني is not محمد القحطاني; مشعل جابر الأحمد is not the late emir); not when that given name
    opens another person named here (two names side by side) or a clitic joins them (ومحمد). The
    given name may have read as a one-word name (``alone_at``: مشعل, Khaled Meshaal's surname)."""
    j = hit.start - 1
    owners = hit.value.owners
    return (j >= 0 and not stream.breaks[hit.start] and (not taken[j] or j in alone_at)
            and hit.form == stream.keys[hit.start]
            and len(owners) == 1 and owners[0].type == "person" and len(hit.value.tokens) > 1
            and len(hit.value.tokens) >= len(owners[0].canonical.split(" "))
            and given_name(stream.keys[hit.start]) and stream.keys[j] not in named
            and (stream.keys[j] in lex.given or common_given_name(stream.keys[j], lex))
            and not (j > 0 and not stream.breaks[j] and stream.keys[j - 1] in NAME_LINKS))


def common_given_name(key: str, lex: Lexicon) -> bool:
    """A common Arab given name (``lexicon.GIVEN_NAMES``) that is not also a preposition on a common
    word: «المتحدث باسم نتنياهو» is "the spokesman for", not a man called باسم."""
    return key in GIVEN_NAMES and all(lex.zipf(form) < COMMON_WORD_ZIPF for form in bare_forms(key)[1:])


def _first_name_of(stream: Stream, words: list[Word], hit: Match[Name], taken: bytearray) -> int:
    """Where the name ends when a known surname is another man's first name, followed by بن and a
    name (هادي بن علي اليامي, not the Yemeni president), or a known name's start goes on with another
    father (محمد بن عبد الرحمن بن عبد العزيز is not محمد بن عبدالرحمن آل ثاني); else ``hit.end``.
    Not an ال-word (a title: المهندس، السوداني), nor a longer nasab that ends in the known person's
    own family name (محمد بن عبدالرحمن بن جاسم آل ثاني is him)."""
    k = hit.end
    if k >= len(stream) or stream.breaks[k] or taken[k] or stream.keys[k] not in newnames.NASAB_LINKS \
            or stream.keys[hit.start].startswith(ARTICLE):
        return hit.end
    free = bytearray(taken)
    free[hit.start:hit.end] = bytes(hit.end - hit.start)  # the hit's own words are the name's start
    end = newnames.nasab_end(stream, words, hit.start, free)
    family = tokens(hit.value.owners[0].canonical)[-1]
    return hit.end if family in stream.keys[hit.end:end] else max(hit.end, end)


def _other_family(stream: Stream, words: list[Word], hit: Match[Name], taken: bytearray) -> int:
    """A known man's given name and father (عبدالله بن عبدالعزيز, written without his family) followed
    by another family name is another man (عبدالله بن عبدالعزيز الربيعة is not the late king): a rare
    ي-family name or one ``newnames.family_follows`` reads; the end of that family name, else ``hit.end``."""
    k = hit.end
    if k >= len(stream) or stream.breaks[k] or taken[k] or not any(t in NASAB_LINKS for t in hit.value.tokens) \
            or not newnames.has_article(stream, k) or stream.keys[k] in tokens(hit.value.owners[0].canonical):
        return hit.end
    nisba = stream.keys[k].endswith("ي") and words[k].adjective is None and words[k].zipf < OTHER_FAMILY_MAX_ZIPF
    return k + 1 if nisba or newnames.family_follows(stream, words, k) else hit.end


def _family_after(stream: Stream, words: list[Word], hit: Match[Name], taken: bytearray) -> int:
    """A known person's given name followed by another family, آل and a name or a rare ال-family name
    that is none of the person's own (سلمان آل رمضان، سلمان الجشي، مبارك العجي: not the king, not the
    Egyptian president); the end of that family name, else ``hit.end``."""
    k = hit.end
    if hit.end - hit.start != 1 or k >= len(stream) or stream.breaks[k] or taken[k]:
        return hit.end
    if hit.start > 0 and not stream.breaks[hit.start] and stream.keys[hit.start - 1] in NAME_LINKS:
        return hit.end  # ملاك آل مبارك الأخصائية: a family name, then the sentence
    own = tokens(hit.value.owners[0].canonical)
    if not (given_name(stream.keys[hit.start]) or stream.keys[hit.start] == own[0]):
        return hit.end  # a surname goes on with a description: بوتين اللدود، ترمب المستقل
    if stream.keys[k] == ARTICLE:  # آل folds to ال
        at = k + 1
        return at + 1 if at < len(stream) and not stream.breaks[at] and stream.keys[at] not in own else hit.end
    if stream.keys[k] in own or not newnames.has_article(stream, k) or words[k].adjective is not None \
            or verbs.participle(stream.keys[k]):
        return hit.end  # قوات هادي المدعومة: a participle describes him
    nisba = stream.keys[k].endswith("ي") and words[k].zipf < OTHER_FAMILY_MAX_ZIPF
    return k + 1 if nisba or words[k].zipf < newnames.FAMILY_NAME_MAX_ZIPF else hit.end


# hand-written Arabic name rules: الدين makes a compound given name of the word before it (صلاح الدين،
# نور الدين), أبو and a name a kunya family after a given name (صدام أبو عاصم)
_COMPOUND_END = tokens("الدين")[0]
_KUNYA = frozenset(tokens("أبو ابو أبي"))


def _compound_name(stream: Stream, hit: Match[Name]) -> bool:
    """صلاح الدين (a man, a province, a street): a compound given name, not محمد صلاح."""
    k = hit.end
    return hit.end - hit.start == 1 and k < len(stream) and not stream.breaks[k] and stream.keys[k] == _COMPOUND_END \
        and _COMPOUND_END not in tokens(hit.value.owners[0].canonical)


def _kunya_after(stream: Stream, hit: Match[Name], taken: bytearray) -> int:
    """A known one-word name followed by أبو and a name that are not the known person's own (صدام أبو
    عاصم is not صدام حسين; عباس أبو مازن is Abbas): another man's family; its end, else ``hit.end``."""
    k = hit.end
    if hit.end - hit.start != 1 or k + 1 >= len(stream) or stream.keys[k] not in _KUNYA \
            or any(stream.breaks[k:k + 2]) or any(taken[k:k + 2]):
        return hit.end
    return k + 2 if stream.keys[k + 1] not in tokens(hit.value.owners[0].canonical) else hit.end


def _given_names_before(stream: Stream, words: list[Word], at: int, taken: bytearray) -> int:
    """Where a man's name starts when his own given names come before his father's (غانم مبارك الهاجري،
    عبد الله عباس الوشلي): back over given names, rare name-like words and عبد + a name, at most
    MAX_NAME_WORDS words."""
    start = at
    while start > 0 and at - start < newnames.MAX_NAME_WORDS and not stream.breaks[start]:
        if not taken[start - 1] and (given_name(stream.keys[start - 1]) or words[start - 1].name_like):
            start -= 1
        elif start > 1 and not stream.breaks[start - 1] and not any(taken[start - 2:start]) \
                and stream.keys[start - 2] == "عبد":
            start -= 2
        else:
            break
    return start


def _before_father(stream: Stream, hit: Match[Name], taken: bytearray, lex: Lexicon) -> int:
    """A known surname that is a given name, followed by a given name: another man and his father
    (الرائد هادي يحيى is not the Yemeni president); the end of those two words, else ``hit.end``."""
    k = hit.end
    if hit.end - hit.start != 1 or k >= len(stream) or stream.breaks[k] or taken[k]:
        return hit.end
    first, father = stream.keys[hit.start], stream.keys[k]
    if hit.start > 0 and stream.keys[hit.start - 1] in NAME_LINKS:
        return hit.end  # آل مبارك حمد: a family name in another man's nasab
    if not (first in lex.given or common_given_name(first, lex)) or _own_given_name(hit.value.owners[0], father) \
            or not (common_given_name(father, lex) or father in verbs.Y_NAMES):  # not تمام (fully)
        return hit.end
    return k + 1


def _own_given_name(entry: Entry, word: str) -> bool:
    """The word is (a spelling of) a word of the person's own names: بارك of باراك أوباما."""
    return any(word == part or similar(word, part) or skeleton((word,)) == skeleton((part,))
               for surface in (entry.canonical, *entry.variants) for part in tokens(surface))
