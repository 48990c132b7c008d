"""Unknown people named right after a title (الرئيس، وزير الخارجية، الأمير), for ``mentions``.
Hand-written Arabic rules: the name starts where the title's descriptors end
(``newnames.titled_positions``); a word there that reads as the sentence going on is no name.
"""

from __future__ import annotations

import dataclasses

from naba.pipeline.tagging import context, name_spans, newnames
from naba.pipeline.tagging.franchises import sporting
from naba.pipeline.tagging.lexicon import Name, given_name, lexicon
from naba.pipeline.tagging.matching import Match
from naba.pipeline.tagging.namesakes import common_given_name
from naba.pipeline.tagging.newnames import NewName
from naba.pipeline.tagging.spelling import similar
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.verbs import conjugated_past
from naba.pipeline.tagging.words import Word
from naba.text import index, tokens

KING_TITLES = frozenset(("ملك", "ملكه", "سلطان"))  # key_of forms: ة folds to ه
REGNAL_ORDINALS = frozenset(index(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن".split())
TEAM_TITLES = frozenset((index("الفريق"),))  # the rank, and far more often "the team"
TEAM_MEMBERS = frozenset(index(w) for w in "مدرب لاعب قائد حارس مدافع مهاجم نجم رئيس مدير مساعد إداري طبيب".split())
INFLECTED_BASE_ZIPF = 4.0  # حزين of حزينا، قلق of قلقان: a word this common, inflected, is no name


def after_titles(stream: Stream, words: list[Word], titled: set[int], hit_at: dict[int, Match[Name]],
                 taken: bytearray, royal: frozenset[int] | set[int] = frozenset()) -> list[NewName]:
    """Unknown people named right after a title. After a royal title (``royal``) the name is a
    first name and its nasab (تركي بن سعود بن محمد), however common the first name is as a word."""
    names = []
    for at in sorted(titled):
        if at in hit_at or taken[at]:
            continue
        if (sentence_after_title(stream, words, at) and not _name_goes_on(stream, words, at + 1)) \
                or name_spans.her_verb(stream, at) or _the_team(stream, words, at):
            continue  # الأمير حزينا، الرئيس الأمريكي تعريفة جمركية، الملكة بقيت: the sentence goes on
        ends = newnames.nasab_end if at in royal else name_spans.name_end
        end = ends(stream, words, at, taken)
        head = newnames.named_after(stream, words, at, taken) if at in royal and end > at else -1
        if head >= 0:
            kind = "place" if newnames.head_key(stream, words, head) in context.ROAD_HEADS else "org"
            end = context.named_after_end(stream, words, head, end)
            names.append(newnames.new_name(stream, head, end, kind, taken, heads=context.NAMED_AFTER_HEADS))
        elif end > at and not _known_family(stream, hit_at, at, end):
            king = _the_king(stream, words, at, end, taken)
            names.append(king or newnames.new_name(stream, at, end, "person", taken))
    return names


def _the_team(stream: Stream, words: list[Word], at: int) -> bool:
    """الفريق طعم الانتصارات، الفريق خالي الوفاض: after الفريق (the rank, far more often "the team") a
    noun that is no given name is the team's sentence going on, whatever follows it; not after one of
    the team's people (مدرب الفريق بشير العاصمي: الفريق is the coach's, the name his), nor before a
    servant of God's name (الفريق عبدالرزاق الناظوري). In a sports report any word but a given name
    (لاعبي الفريق صوتوا: a verb; وجهازيه: the team's staff)."""
    key = stream.keys[at]
    if at == 0 or words[at - 1].shown not in TEAM_TITLES \
            or key in lexicon().given or common_given_name(key, lexicon()) or key.startswith("عبد"):
        return False
    member = at > 1 and not stream.breaks[at - 1] and context.key_of(words, at - 2) in TEAM_MEMBERS
    return not member and (words[at].nominal or sporting(words))  # لاعبي الفريق صوتوا، للاعبي الفريق وجهازيه


def _known_family(stream: Stream, hit_at: dict[int, Match[Name]], at: int, end: int) -> bool:
    """The gazetteer's man named right after the name, whose own name begins like it: the given names
    are his (الدكتور عبداللطيف بن راشد الزياني is the one man it reads from الزياني; not رئيس الوزراء
    بنيامين نيتانياهو ترامب, whose ترامب is another)."""
    hit = hit_at.get(end)
    if hit is None or stream.breaks[end]:
        return False
    first = stream.keys[at]
    def opens(name: str) -> bool:  # the first word, or the first two joined (عبد اللطيف)
        words = tokens(name)
        return similar(first, words[0]) or (len(words) > 1 and similar(first, words[0] + words[1]))
    return any(owner.type == "person" and opens(owner.canonical) for owner in hit.value.owners)


def _the_king(stream: Stream, words: list[Word], at: int, end: int, taken: bytearray) -> NewName | None:
    """«الملك فهد»: after «الملك» or «السلطان» a given name alone is the one king the gazetteer knows by it
    (فهد بن عبدالعزيز آل سعود), written out so that ``mentions`` finds him; two kings of that name
    (عبدالله of Saudi Arabia and of Jordan) leave it a name of its own."""
    kings = lexicon().kings.get(stream.keys[at], ()) if end == at + 1 and at > 0 else ()
    if len(kings) != 1 or context.key_of(words, at - 1) not in KING_TITLES or _described(stream, words, end):
        return None  # الملك فهد الدولي: an airport's or a stadium's name goes on
    name = newnames.new_name(stream, at, end, "person", taken)
    return dataclasses.replace(name, keys=tuple(tokens(kings[0].canonical)))


def _described(stream: Stream, words: list[Word], at: int) -> bool:
    """A relational adjective with the article follows (الدولي، الرياضية، التخصصي: an airport's or a
    stadium's name goes on) or an ordinal (السلطان محمد الرابع: another king of that name)."""
    return at < len(stream) and not stream.breaks[at] and newnames.has_article(stream, at) \
        and (words[at].nisba or stream.keys[at] in REGNAL_ORDINALS)


def _name_goes_on(stream: Stream, words: list[Word], at: int) -> bool:
    """After a word that reads as a common one, a nasab, a given name, a nisba that is no nationality or
    a rare word that is no noun makes it a given name after all (حازم بن مصطفى، مانع عبدالله، فلاح
    الدوسري، بيرت فان مارفيك)."""
    if at >= len(stream) or stream.breaks[at]:
        return False
    key, word = stream.keys[at], words[at]
    nisba = newnames.has_article(stream, at) and key.endswith("ي") and word.adjective is None
    if name_spans.conjunction_and_word(key):
        return False  # الأمير حزينا ومساعديه: the sentence goes on
    return newnames.family_follows(stream, words, at) or key in newnames.NAME_LINKS or key in lexicon().given \
        or key.startswith("عبد") or nisba \
        or (newnames.may_be_in_name(stream, words, at) and not word.nominal and word.zipf < newnames.NAME_MAX_ZIPF)


def sentence_after_title(stream: Stream, words: list[Word], at: int) -> bool:
    """The word after a title is the sentence going on, not a name (hand-written Arabic rules): a
    noun the language writes with the article (الرئيس الأمريكي تعريفة جمركية، الأستاذ مدفوعة), a past
    verb (الوزير كرر، الفريق خاض), or a common word's accusative or dual (الأمير حزينا، والرئيس قلقان),
    unless it is a given name."""
    key, word, lex = stream.keys[at], words[at], lexicon()
    if key in lex.given or common_given_name(key, lex):
        return False
    ending = 1 if key.endswith("ا") else 2 if key.endswith("ان") else 0
    return word.nominal or conjugated_past(key) \
        or (ending > 0 and len(key) - ending >= 3 and lex.zipf(key[:-ending]) >= INFLECTED_BASE_ZIPF)


# The Saudi king's own title names him alone: «خادم الحرمين يستقبل ...» is the king reigning that day
# (hand-written: the reigns since the title was taken in 1986, the gazetteer's ids).
CUSTODIAN = (index("خادم"), index("الحرمين"))
CUSTODIAN_TAIL = index("الشريفين")
CUSTODIAN_REIGNS = (("1986-10-27", "person:king-fahd"), ("2005-08-01", "person:king-abdullah-saudi"),
                    ("2015-01-23", "person:king-salman"))
# his deputy, adviser, ambassador, envoy are other men, his embassy and government other bodies (نائب،
# مستشار، سفير، سفارة خادم الحرمين الشريفين في ...)
_SERVANTS = frozenset(map(index, "نائب مستشار مستشارة سفير سفيرة ممثل مبعوث سفارة قنصلية ملحقية حكومة".split()))


def custodians(stream: Stream, words: list[Word], taken: bytearray, day: str | None) -> list[tuple[int, int, str]]:
    """(start, end, gazetteer id) of «خادم الحرمين (الشريفين)» where no name follows it, read as the king
    reigning on the article's ``day`` (ISO date). None without a day; none in another man's office (نائب،
    مستشار، سفير خادم الحرمين) or in the name of what is named after him (كأس، برنامج، توسعة خادم الحرمين);
    none before a name (the late king named in full is who it means: خادم الحرمين الشريفين الملك عبدالله)."""
    reigning = [entry_id for since, entry_id in CUSTODIAN_REIGNS if day and day >= since]
    if not reigning:
        return []
    found, keys = [], stream.keys
    if CUSTODIAN[0] not in keys:  # most articles: one scan in C
        return []
    for at in (i for i, key in enumerate(keys[:-1]) if key == CUSTODIAN[0]):
        if keys[at + 1] != CUSTODIAN[1] or stream.breaks[at + 1] or any(taken[at:at + 2]):
            continue
        end = at + 3 if at + 2 < len(keys) and keys[at + 2] == CUSTODIAN_TAIL and not stream.breaks[at + 2] else at + 2
        head = context.key_of(words, at - 1) if at > 0 and not stream.breaks[at] else ""
        inside = head in _SERVANTS or head in context.NAMED_AFTER_HEADS  # كأس، برنامج، توسعة خادم الحرمين
        named = end < len(keys) and not stream.breaks[end] and (
            context.key_of(words, end) in KING_TITLES or given_name(keys[end]) or words[end].name_like)
        if not inside and not named:
            found.append((at, end, reigning[-1]))
    return found
