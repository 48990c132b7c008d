"""Where a person's name that follows a title ends (``name_end``), for ``titled``.

Hand-written Arabic rules (no library reads Arabic names without a model download). A name runs over
one to four words and stops at punctuation, a stopword, a verb, a clitic before a common word
(بدعوى، وزميلاه) or و with the article (والمذيعان), an office (رئيس، أمير) or after its family name with
the article (عادل الجبير; not a participle with its preposition: المنتمي إلى). A
name of common words must hold one rarer than ``NAME_MAX_ZIPF``, unless it opens on a given name: then
the words after it are the father's and the family's however common (مرتضى منصور، عمر الشريف، فهد بن
عبدالله المبارك), and a run of given names does not count its links (بن، عبد).
"""

from __future__ import annotations

from naba.pipeline.tagging.lexicon import GODS_NAMES, given_name, lexicon
from naba.pipeline.tagging.newnames import (
    DESCRIBING,
    FAMILY_NAME_MAX_ZIPF,
    MAX_NAME_WORDS,
    NAME_LINKS,
    NAME_MAX_ZIPF,
    NAME_PART_MAX_ZIPF,
    NASAB_LINKS,
    NOT_NAMES,
    TRAILING_WORD_MAX_ZIPF,
    clitic_and_word,
    has_article,
    may_be_in_name,
)
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.verbs import TRAILING_SHE_PAST_LETTERS, participle, past_verb, she_past
from naba.pipeline.tagging.words import Word
from naba.text import ARTICLE, index

ONE_WORD_MAX_ZIPF = 4.0  # a one-word name after a title is this rare (a title is as often followed by a noun)
CLITIC_WORD_ZIPF = 3.0  # a one-word name's rest after a clitic letter this common: a clitic and a word
CONJUNCT_REST_ZIPF = 2.5  # or this common and commoner than the whole (فصاحة 2.6 of وفصاحة 2.3)
CLITIC_NOUN_ZIPF = 2.7  # بهدفين: the rest with the article this common (الهدفين 2.9; not الكري of بكري, 2.6)
_PRONOUNS = ("اه", "ها", "هم", "هما")  # وزميلاه، وزملاؤهم
OFFICES = frozenset(index(w) for w in "رئيس نائب مدير وزير أمين عضو قائد سكرتير".split())  # no name opens on one
# the head of an office that takes more words (المتحدث العسكري، المدير العام): never a family after given
# names, unlike الأمين، المرشد، القائد, families as often as offices
OFFICE_HEADS = frozenset(index(w) for w in "المتحدث الناطق المدير المندوب المبعوث".split())
RULERS = frozenset(index(w) for w in "أمير محافظ".split())  # a name's end, not its start (أمير كرارة)


def _sentence_goes_on(key: str, word: Word) -> bool:
    """The last word of a name span is the sentence going on when it is common, has no article and is a
    noun, or a word the language knows that no one is named (لوران فابيوس أعرب، كارينيو لمدة; not فيليب)."""
    return not key.startswith(ARTICLE) and word.zipf >= TRAILING_WORD_MAX_ZIPF \
        and (word.nominal or not (word.name_like or key in lexicon().given))


def name_end(stream: Stream, words: list[Word], at: int, taken: bytearray) -> int:
    """Where the name starting at ``at`` ends (``at`` itself when there is no name)."""
    keys, end = stream.keys, at
    if keys[at] in NASAB_LINKS or keys[at] in OFFICES or _preposition_and_word(keys[at]) or _and_the(keys[at]) \
            or conjunction_and_word(keys[at]):
        return at  # بن طلال، رئيس المراسم، والمستطرف، واستصلاح (الأراضي) (not والتر، فالح)
    given = given_name(keys[at])  # a given name opens it: the words after it may be common ones
    while end < len(stream) and not taken[end]:
        # a run of given names takes one word more and does not count its links: سلطان محمد أحمد عبدالله
        # الشهراني، صالح بن عبدالرحمن بن سليمان المحيميد
        run = given and _given_run(keys, at, end)
        if _name_words(keys, at, end, run) >= (MAX_NAME_WORDS + 1 if run else MAX_NAME_WORDS):
            break
        key = keys[end]
        if (end > at and stream.breaks[end]) or not may_be_in_name(stream, words, end) or (end > at and (
                _preposition_and_word(key) or conjunction_and_word(key) or _and_the(key) or key in OFFICES
                or key in RULERS)):
            break  # سيمون برودكين بدعوى، حسين عبدالغني وزميلاه، جون مكين والمذيعان، فيصل بن مشعل أمير منطقة القصيم
        if key == "عبد" and end + 1 < len(stream) and not stream.breaks[end + 1]:
            end += 2  # عبد الله: one name of two words, the second with the article
            continue
        if has_article(stream, end):  # a family name (عادل الجبير) ends the name
            if end > at and key not in DESCRIBING and not _governing(stream, end) and (
                    key.endswith("ي") or (words[end].zipf < FAMILY_NAME_MAX_ZIPF and not participle(key))
                    or (run and _family_after_given(stream, words, end))):
                end += 2 if _two_word_family(stream, end) else 1  # محمد العبد الله
            break
        end += 1
    while end > at and (keys[end - 1] in NAME_LINKS or (end - at > 1 and not given_name(keys[end - 1]) and (
            _sentence_goes_on(keys[end - 1], words[end - 1]) or she_past(keys[end - 1], TRAILING_SHE_PAST_LETTERS)
            or (end - at > 2 and past_verb(keys[end - 1]))))):
        end -= 1  # a common noun or a verb after the name (نشيميريمانا أصيبت; not هنري of تييري هنري)
    family = end - at > 1 and has_article(stream, end - 1) and keys[end - 1].endswith("ي") \
        and words[end - 1].adjective is None  # تركي المالكي: a given name and a family nisba
    if end == at or (not family and not (given and _given_and_names(stream, words, at, end, taken))
                     and min(w.zipf for w in words[at:end]) >= (ONE_WORD_MAX_ZIPF if end - at == 1 else NAME_MAX_ZIPF)):
        return at
    if end - at == 1 and (words[at].nominal
                          or clitic_and_word(keys[at], words[at], CLITIC_WORD_ZIPF, CONJUNCT_REST_ZIPF)):
        return at  # تطورات: a noun the language writes with the article; بمفرده، وفصاحة: a clitic and a word
    return end


def her_verb(stream: Stream, at: int) -> bool:
    """الملكة بقيت، الممثلة المتهمة أنكرت: after a feminine word (in ة), her verb in the past
    (``verbs.she_past``), not her name."""
    return at > 0 and stream.surface(at - 1).endswith("ة") and she_past(stream.keys[at])


def _name_words(keys: list[str], at: int, end: int, run: bool) -> int:
    """The name's words so far; in a run of given names (``run``) its links (بن، عبد، آل) are not counted."""
    return sum(1 for key in keys[at:end] if key not in NAME_LINKS) if run else end - at


def _given_run(keys: list[str], at: int, end: int) -> bool:
    """Every word from ``at`` to ``end`` a given name or a nasab link (فهد بن عبدالله، محمد محمد صالح)."""
    return all(given_name(keys[i]) or keys[i] in NAME_LINKS or (i > at and keys[i - 1] == "عبد")
               for i in range(at, end))


def _two_word_family(stream: Stream, i: int) -> bool:
    """العبد الله، العبد العزيز: a family of ال-عبد and one of God's names."""
    return stream.keys[i] == ARTICLE + "عبد" and i + 1 < len(stream) and not stream.breaks[i + 1] \
        and stream.keys[i + 1] in GODS_NAMES


def _governing(stream: Stream, i: int) -> bool:
    """شيوبله المنتمي إلى ...: a participle in ي followed by its preposition describes the man, it is
    not his family (المعاني، الموسى are families too, so the preposition decides)."""
    after = i + 1
    return after < len(stream) and not stream.breaks[after] and stream.keys[after] in _GOVERNED \
        and stream.keys[i].endswith("ي") and participle(stream.keys[i])


_GOVERNED = frozenset(index(w) for w in "إلى الى على عن في من لدى".split())


def _and_the(key: str) -> bool:
    """والمذيعان، والمستطرف: و and the article before a word of four letters or more, the sentence's
    next noun (not والتر، والاس)."""
    return key.startswith("و" + ARTICLE) and len(key) >= 7


def conjunction_and_word(key: str) -> bool:
    """وزميلاه، ومساعديه: و before a word commoner than the whole, or one with a pronoun, is the sentence
    going on (not وهبي، وليد، ويلبيك)."""
    if key[0] != "و" or key in NAME_LINKS or given_name(key):
        return False
    zipf = lexicon().zipf
    return zipf(key[1:]) > zipf(key) or key.endswith(_PRONOUNS)


def _preposition_and_word(key: str) -> bool:
    """بدعوى، بمصاحبة، لإنهاء: ب or ل before a noun the language writes with the article is the sentence
    going on, never a name's word (not بريك، بكري، لويس, whose rest it hardly writes so; ك is left
    alone: كروس، كوبر)."""
    if len(key) < 4 or key[0] not in "بل" or given_name(key):
        return False
    zipf = lexicon().zipf
    return zipf(key[1:]) >= CLITIC_WORD_ZIPF and zipf(ARTICLE + key[1:]) >= CLITIC_NOUN_ZIPF


def _given_and_names(stream: Stream, words: list[Word], at: int, end: int, taken: bytearray) -> bool:
    """A given name and the names after it, however common as words (مرتضى منصور، ماجد عبدالله، عمر
    الشريف): each is a given name, a nasab link or no commoner than names are; not a known man's given
    names before his family (عادل بن أحمد of عادل بن أحمد الجبير, whose الجبير the gazetteer reads)."""
    if end - at < 2 or (end < len(stream) and taken[end] and not stream.breaks[end]):
        return False
    keys = stream.keys
    return all(given_name(keys[i]) or keys[i] in NAME_LINKS or keys[i - 1] == "عبد"  # عبد الله: God's name
               or words[i].zipf < NAME_PART_MAX_ZIPF for i in range(at + 1, end))


def _family_after_given(stream: Stream, words: list[Word], i: int) -> bool:
    """After a title and a given name, an ال-word as common as family names are is the family (الفنان
    عمر الشريف، اللاعب فهد المولد), unless it describes the man (السابق، الحائز، المصاب), is a
    nationality, a relational adjective, a verbal noun (التقدم), a time word or the first word of an
    office that takes more words (العميد محمد سمير المتحدث العسكري). Not every participle: المولد،
    المبارك are families."""
    word, key = words[i], stream.keys[i]
    return word.zipf < NAME_PART_MAX_ZIPF and word.adjective is None and not word.nisba \
        and key not in DESCRIBING and key not in NOT_NAMES and not _verbal_noun(key) and key not in OFFICE_HEADS


def _verbal_noun(key: str) -> bool:
    """التقدم، التعاون، التواصل: an ال-word on the تفعّل/تفاعل pattern is a verbal noun, not a family
    (the families so written end in ي: التميمي، التويجري)."""
    return key.startswith(ARTICLE + "ت") and len(key) >= 6 and not key.endswith("ي")
