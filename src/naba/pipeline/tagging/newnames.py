"""Names the gazetteer does not know, read from the patterns news Arabic puts around them.

    الرئيس الروسي فلاديمير بوتين     title, descriptors (ال-words, adjectives, places), then a person
    المتحدث باسم الخارجية الأمريكية هيذر ناورت
    وزارة الخارجية الأمريكية         a head noun and the ال-words after it: an organisation (``organisations``)

A person's name is one to four words, stopping at punctuation, a stopword, a number, a weekday or
month, or after a word with ال (a family name: عادل الجبير). A one-word name after a title must be a
rare word, because a title is as often followed by a verb or a noun (أكد الرئيس ضرورة ...); a
longer name must hold at least one word rarer than ``NAME_MAX_ZIPF`` or open on a given name
(``name_spans``). The people named after a title are read in ``titled``.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from naba.pipeline.tagging import context
from naba.pipeline.tagging.lexicon import Name, common_dual, given_name, lexicon
from naba.pipeline.tagging.matching import Match
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.verbs import (
    SPEECH_VERBS,
    first_person_future,
    future_verb,
    imperfect_verb,
    past_verb,
    perfect_verb,
)
from naba.pipeline.tagging.words import TIME_WORDS, Word, pronoun_host
from naba.text import ARTICLE, article_form, bare_forms, index, is_stopword, with_clitics
from naba.text.morphology import inflected

_SHOWN = operator.attrgetter("shown")
MAX_DESCRIPTORS = 4
MAX_NAME_WORDS = 4
NAME_MAX_ZIPF = 4.0
FAMILY_NAME_MAX_ZIPF = 4.0  # an ال-word ends a name if it is a nisba (ـي) or this rare (الجبير, not الدائم)
FAMILY_NISBA_MAX_ZIPF = 4.4  # a family name in ي after a royal title's first name: القحطاني 4.1, not الخليجي 4.5
TRAILING_WORD_MAX_ZIPF = 4.2  # a common last word without ال is the sentence going on, not the name
MAX_NASAB_WORDS = 8  # تركي بن عبدالله بن عبد العزيز
# Gulf and Jordanian royal given names, some too common as words for ``Lexicon.given`` (فهد "a
# leopard", خالد "eternal"): after a royal title they are a first name (الشيخ جابر), and after a
# royal first name ال + one of them is the branch's family name (عبدالعزيز الفهد)
ROYAL_GIVEN = frozenset(index(w) for w in """
فهد خالد عبدالله عبدالعزيز محمد سلطان نايف سعود فيصل تركي بندر مشعل متعب منصور ماجد سطام مقرن أحمد نواف
سلمان حسام طلال الوليد عبدالرحمن سعد ناصر جابر صباح خليفة حمد زايد راشد تميم قابوس حسين حمدان مكتوم""".split())
ROYAL_COMMON_MIN_ZIPF = 4.0  # a word after a royal title this common, and no given name, is no first name
SUFFIX_ROOT_ZIPF = 3.5  # قتلت of قتلته must be this common for the ه to be a pronoun
HEADLINE_MAX_ZIPF = 3.6  # a headline word rarer than this, never written with the article: a name
HEADLINE_COMMON_MAX_ZIPF = 4.8  # up to this, with a full name in the body or a person/place/org cue
COMMON_REST_ZIPF = 4.0  # a clitic letter before a word this common is a clitic (لضم، لتوفير)
HEADLINE_CLITIC_REST_ZIPF = 3.0  # a headline word's rest this common, and commoner than the word, is a clitic's
HEADLINE_ARTICLE_MAX_ZIPF = 2.0  # the same for an ال-word (الأفلاج): unknown to the language
NAME_PART_MAX_ZIPF = 4.8  # words beside a headline name in the body that belong to it (أردا توران)

# Words that head an organisation's name.
_ORG_HEADS = """
وزارة منظمة حزب جامعة شركة حركة هيئة مؤسسة جمعية وكالة مجلس بنك مصرف اتحاد نادي صحيفة جبهة مفوضية
محكمة برنامج صندوق مركز معهد جيش سفارة قنصلية رئاسة
"""
ORG_HEADS = frozenset(index(w) for w in _ORG_HEADS.split())
# English words of a company's or a society's name as Arabic papers write them (not كومباني, Kompany)
BODY_WORDS = frozenset(index(w) for w in """إنترناشيونال إنترناشونال تكنولوجيز كوليدج كوربوريشن كوربريشن
كورب هولدينغ هولدنغ سيستمز أسوسييشن أسوسيشن سوسايتي سوسيتي يونيفرسيتي فاونديشن ليميتد إنستيتيوت""".split())
ORG_HEAD_TOKENS = frozenset(t for head in ORG_HEADS for h in (head, "ال" + head) for t in with_clitics(h))
_NOT_NAMES = "الذي التي الذين اللذين عن إن أن لدى"  # pronouns and particles: the sentence goes on
NOT_NAMES = TIME_WORDS | frozenset(index(w) for w in _NOT_NAMES.split()) | SPEECH_VERBS
# participles that describe an organisation or a man after the name (its affiliation, stance, honour, time, place):
# never a word of the name, unlike المصدرة of منظمة البلدان المصدرة للبترول
DESCRIBING = frozenset(index(w) for w in """
التابع التابعة الموقر الموقرة المعارض المعارضة المؤيد المؤيدة المكلف المكلفة المعروف المعروفة المقبل
المقبلة المسؤول المسؤولة المؤلف المؤلفة المشتمل المرتبط المرتبطة الموالي الموالية المناهض المناهضة
المعني المعنية المعنيين المسجل المسجلة المنشق المنشقة المذكور المذكورة الملقب الملقبة المكنى المدعو المدعوة
الجديد الجديدة السابق السابقة الحالي الحالية الأسبق المؤقت المؤقتة المواجه المواجهة المجاور المجاورة
المنافس المنافسة الحائز الحائزة الفائز الفائزة الحاصل الحاصلة المصاب المصابة المقال المقالة المعتزل
المنتقل المعار المتهم المتهمة الموقوف المتوفى المتوفاة المطلوب المفرج المختطف المعتقل المعتقلة المحتجز
""".split())
WINNERS = frozenset(index(w) for w in "الفائز الفائزة الحائز الحائزة الحاصل الحاصلة".split())
_NAME_LINKS = "بن ابن بنت ولد أبو أبي أم عبد آل دي دو فون فان"  # words inside names
NAME_LINKS = frozenset(index(w) for w in _NAME_LINKS.split())
NASAB_LINKS = frozenset(index(w) for w in "بن ابن بنت".split())
PERSON_CUES = frozenset(index(w).removeprefix(ARTICLE) for w in """
لاعب نجم مدرب مدافع مهاجم حارس قس جاسوس صحفي صحافي كاتب فنان فنانة ممثل ممثلة مطرب شاعر ناشط الدكتور
المهندس السيد السيدة الشاب المواطن الطفل الطفلة المتهم الضحية الإعلامي الداعية البروفيسور العريف الرقيب
""".split())
PLACE_CUES = frozenset(index(w).removeprefix(ARTICLE) for w in """
في مدينة محافظة منطقة بلدة قرية أهالي مركز حي إقليم ولاية شمال جنوب شرق غرب بمدينة بمحافظة بمنطقة
""".split())
# The arts' and the media's trades: a title for the new names after them (الفنان عمر الشريف), never
# evidence for a statesman the gazetteer knows by an ambiguous name (الروائي سلمان ناطور is no king).
ARTS_TITLES = frozenset(index(w) for w in """
الفنان الفنانة الممثل الممثلة المطرب المطربة المغني المغنية الشاعر الشاعرة الروائي الروائية المخرج المخرجة
الملحن الإعلامي الإعلامية الداعية الناشط الناشطة الكاتبة
""".split())
BODY_HEADS = ORG_HEADS | frozenset(index(w) for w in "مكتب جناح قسم ذراع إدارة".split())  # المكتب الإعلامي
ORG_CUES = frozenset(index(w).removeprefix(ARTICLE) for w in "نادي فريق شركة مجموعة صحيفة مجلة وكالة قناة موقع".split())


@dataclass(frozen=True, slots=True)
class NewName:
    start: int
    end: int
    keys: tuple[str, ...]  # index tokens, clitics dropped
    surface: str  # display form
    kind: str  # "person" or "org"


def titled_positions(stream: Stream, words: list[Word], titles: list[Match[int]],
                     hit_at: dict[int, Match[Name]]) -> set[int]:
    """Token positions where a title's name starts (past the title's descriptors)."""
    positions = set()
    for title in titles:
        if title.start > 0 and not stream.breaks[title.start] and not words[title.start - 1].shown.startswith(ARTICLE) \
                and head_key(stream, words, title.start - 1, context.PERSON_NAMED_HEADS) in context.PERSON_NAMED_HEADS:
            continue  # جامعة الإمام محمد بن سعود، مستشفى الدكتور سليمان الحبيب: named after him
        at = _skip_descriptors(stream, words, title.end, hit_at)
        if at is not None:
            positions.add(at)
    return positions


def _skip_descriptors(stream: Stream, words: list[Word], at: int, hit_at: dict[int, Match[Name]]) -> int | None:
    """The position after the descriptors that follow a title, or None at punctuation or the end."""
    for _ in range(MAX_DESCRIPTORS + 1):
        if at >= len(stream) or stream.breaks[at]:
            return None
        hit = hit_at.get(at)
        if hit is not None and (not any(o.type == "person" for o in hit.value.owners)
                                or words[at].adjective is not None):  # الرئيس السوداني عمر البشير
            at = hit.end
            continue
        key = stream.keys[at]
        if key in WINNERS:
            return None  # الممثل الفائز بجائزة الأوسكار: what he won follows, not his name
        if hit is None and not is_stopword(key) and (has_article(stream, at) or key == "باسم"):
            # an adjective describes the title only with the article: تركي المالكي is a name
            at += 1
            continue
        return at
    return None


def named_after(stream: Stream, words: list[Word], at: int, taken: bytearray) -> int:
    """The head of a place or an institution named after the king or prince whose name starts at
    ``at`` (مطار الملك خالد: the airport, not a person called خالد), or -1."""
    head = at - 2
    if head < 0 or stream.breaks[at] or stream.breaks[at - 1] or taken[head] or stream.keys[at - 1].startswith("ل"):
        return -1  # أهدى الكلية للأمير ...: given to him, not named after him
    return head if head_key(stream, words, head) in context.NAMED_AFTER_HEADS else -1


def head_key(stream: Stream, words: Sequence[Word], i: int, heads: frozenset[str] = context.NAMED_AFTER_HEADS) -> str:
    """Token ``i`` as the head lists hold it, its preposition dropped too (بجائزة → جائزة), even where the
    language knows the whole word (لرئاسة → رئاسة)."""
    key = context.key_of(words, i)
    if key in heads:
        return key
    return next((f for f in bare_forms(stream.keys[i], min_rest=2) if f in heads), key)  # بحي → حي


def nasab_end(stream: Stream, words: list[Word], at: int, taken: bytearray) -> int:
    """The end of a royal name: a first name, then بن/بنت + name (عبد + name counts as one), then
    آل + name or a family name with the article."""
    keys = stream.keys
    if not may_be_in_name(stream, words, at) or keys[at] in NAME_LINKS or keys[at].startswith(ARTICLE) \
            or context.key_of(words, at) in context.NAMED_AFTER_HEADS or _common_noun_after_title(stream, words, at):
        return at  # للملك المفدى: an epithet, not a name; افتتح الأمير مدينة ...: what he opened
    end = at + 1
    while end + 1 < len(stream) and end - at < MAX_NASAB_WORDS and not taken[end] and not stream.breaks[end] \
            and keys[end] in NASAB_LINKS and not stream.breaks[end + 1] and not taken[end + 1]:
        step = 3 if keys[end + 1] == "عبد" and end + 2 < len(stream) and not stream.breaks[end + 2] else 2
        end += step
    if end + 1 < len(stream) and keys[end] == "ال" and not stream.breaks[end + 1]:
        end += 2
    elif end < len(stream) and not stream.breaks[end] and not taken[end] and has_article(stream, end) \
            and ((words[end].zipf < FAMILY_NAME_MAX_ZIPF and (not words[end].nisba or words[end].adjective is None))
                 or _royal_line(keys[end]) or _family_nisba(keys[end], words[end])):
        end += 1  # الشيخ كامل الباهلي، الأمير خالد الفيصل، الشيخ محمد القحطاني
    return min(end, len(stream))


def _family_nisba(key: str, word: Word) -> bool:
    """القحطاني، العمري، الغامدي: a family name in ي, common as the families are, that is no nationality
    (السعودي) and rarer than the adjectives that follow a king's name (الدولي، الثاني)."""
    return key.endswith("ي") and word.zipf < FAMILY_NISBA_MAX_ZIPF and word.adjective is None


def _common_noun_after_title(stream: Stream, words: list[Word], at: int) -> bool:
    """حضور الأمير امتداد لجهود ...، الأمير نائبا: a common noun the language writes with the article,
    no given name, and no nasab or family name after it (الشيخ كامل الباهلي), is the sentence going on."""
    word, key = words[at], stream.keys[at]
    if not word.nominal or word.zipf < ROYAL_COMMON_MIN_ZIPF or key in lexicon().given or key in ROYAL_GIVEN:
        return False
    return not family_follows(stream, words, at + 1)


def family_follows(stream: Stream, words: Sequence[Word], at: int) -> bool:
    """A name goes on at ``at``: a nasab (بن، بنت), آل, or a rare ال-family name that is no
    nationality adjective (كامل الباهلي، مشعل الزبن)."""
    if at >= len(stream) or stream.breaks[at]:
        return False
    key = stream.keys[at]
    return key in NASAB_LINKS or key == ARTICLE or (has_article(stream, at) and words[at].zipf < FAMILY_NAME_MAX_ZIPF
                                                   and words[at].adjective is None)


def _royal_line(key: str) -> bool:
    """الفيصل، الفهد: a royal branch named by ال + its founder's given name (خالد الفيصل)."""
    return key.startswith(ARTICLE) and (key[2:] in lexicon().given or key[2:] in ROYAL_GIVEN)


def has_article(stream: Stream, i: int) -> bool:
    """Token ``i`` begins with the article as written: إلكا folds to الكا but has none."""
    return stream.keys[i].startswith(ARTICLE) and stream.surface(i).startswith(ARTICLE)


_TANWEEN = ("\u064b", "\u064b\u0627", "\u0627\u064b")  # ً before or after the alif of an indefinite accusative


def may_be_in_name(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """A person's name stops at a verb, a clitic or an inflected common word: بإعداد، ومواطنه، قتلته،
    يرأس، سيغادر، مديرا are the sentence going on, not the name."""
    key, word = stream.keys[i], words[i]
    if not key.isalpha() or len(key) < 2 or (is_stopword(key) and key not in NAME_LINKS) or key in NOT_NAMES:
        return False
    if word.glued or word.suffixed or word.number or word.inflected or _pronoun_heh(stream, words, i):
        return False
    if article_form(key) != key and word.shown != key:  # بالعلماء, والعاملين: the sentence goes on
        return False
    return not written_accusative(stream, i) and not imperfect_verb(key, word) and not future_verb(key) \
        and not first_person_future(stream.surface(i))


def written_accusative(stream: Stream, i: int) -> bool:
    """تحضيراً، مذعوراً: an indefinite accusative written with its tanween, never a name's word."""
    return stream.keys[i].endswith("ا") and stream.surface(i).endswith(_TANWEEN)


def _pronoun_heh(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """قتلته، معاليه: written with ه (not ة) after a common word, or after a less common noun
    (``words.pronoun_host``: تحضيراته، مشواره، موظفيه); not after a given name (جوزيه)."""
    lex, key = lexicon(), stream.keys[i]
    common = lex.zipf(key[:-1]) >= SUFFIX_ROOT_ZIPF and lex.zipf(key[:-1]) > words[i].zipf
    return stream.surface(i).endswith("\u0647") and (common or (key not in lex.given and pronoun_host(key[:-1], lex)))


def headline_names(stream: Stream, words: list[Word], taken: bytearray) -> list[NewName]:
    """Names in the headline that the body repeats and no gazetteer has (أملج، توران، سكريبال).

    A word is a name when the language does not know it as a noun or verb: rare, never written with
    the article, no clitic or pronoun on it, not a verb; and the body says it again. Its fullest
    written form in the body is the name (توران → أردا توران); a person when a person word or a
    first name stands with it, else a place after في/مدينة/أهالي, else an organisation after
    نادي/فريق/شركة, else "other".
    """
    candidates = [i for i in range(stream.title_end) if not taken[i] and _headline_word(stream, words, i, taken)]
    if not candidates:
        return []
    wanted = {words[i].shown for i in candidates}
    body_at: dict[str, list[int]] = {}
    shown = map(_SHOWN, words[stream.title_end:])
    for j in itertools.compress(range(stream.title_end, len(stream)), map(wanted.__contains__, shown)):
        body_at.setdefault(words[j].shown, []).append(j)  # the scan above runs in C
    names = []
    for i in candidates:
        if taken[i]:
            continue
        seen = [j for j in body_at.get(words[i].shown, []) if not taken[j]]
        if not seen:
            continue
        spans = [_widen(stream, words, j, taken) for j in seen]
        start, end = max(spans, key=lambda span: (span[1] - span[0], stream.keys[span[0]] == words[span[0]].shown,
                                                  -span[0]))
        if end - start == 1 and stream.keys[start] != words[start].shown:
            start, end = i, i + 1  # only ever written with a proclitic in the body (وشالوم): the headline's form
        kind = _guess_kind(stream, words, seen, start, end)
        if (words[i].zipf >= HEADLINE_MAX_ZIPF or counted(stream, words, i)) and end - start < 2 and kind == "other":
            continue  # a common word (هنري is also a verb's look-alike), a unit (396 ميغاواط): only with a cue
        names.append(new_name(stream, start, end, kind, taken))
    return names


def _headline_word(stream: Stream, words: list[Word], i: int, taken: bytearray) -> bool:
    word, key = words[i], stream.keys[i]
    if not word.content or word.glued or word.suffixed or word.number or word.nisba or len(key) < 3:
        return False
    if word.adjective is not None or word.inflected or _pronoun_heh(stream, words, i) or imperfect_verb(key, word) \
            or perfect_verb(key) or past_verb(key) or future_verb(key) or written_accusative(stream, i):
        return False
    if key.startswith(ARTICLE):  # الأفلاج: only a word the language has never seen
        return word.zipf <= HEADLINE_ARTICLE_MAX_ZIPF
    if clitic_and_word(key, word, COMMON_REST_ZIPF, HEADLINE_CLITIC_REST_ZIPF):
        return False  # لضم: ل + ضم; لتحفيز، وجنوده: the rest is the commoner word (not كوبر، ليستر)
    if key.endswith(("ها", "هم", "هما")) or key[0] == "ي" or article_form(key) != key:
        return False  # صداها، يتفقان، والرزفة
    if (key[0] == "ت" and i > 0 and taken[i - 1]) or common_dual(key):
        return False  # شرطة جازان تعايد: a verb after its subject; جنديين، مسلحان: a common noun's dual
    if (key.endswith("ه") and future_verb(key[:-1])) or _pronoun_on_common(key):
        return False  # سيقرره، قوتك: a pronoun on a verb or a common noun
    return not word.nominal and word.zipf < HEADLINE_COMMON_MAX_ZIPF


def clitic_and_word(key: str, word: Word, common: float, floor: float) -> bool:
    """لضم، بمفرده، وجنوده: a clitic letter before a word the language knows, as common as ``common``, or as
    common as ``floor`` and commoner than the whole (not كوبر، فوزي), or a common word's plural (بتداولات)."""
    rest = lexicon().zipf(key[1:]) if key[0] in "وفبلك" else None
    return rest is not None and (rest >= common or (rest >= floor and rest > word.zipf)
                                 or inflected(key[1:]) in ("plural", "dual"))


def _pronoun_on_common(key: str) -> bool:
    """قوتك، جنودكم، ومصيرنا: «our», «your» on a common word of three letters or more (a ة written ت
    before it); not دونا، بنك، ايلينا, whose rest is short or no word, nor مارك (a ك on three letters
    only when they were a ة-word: قوتك). ``Word.suffixed`` reads the other pronouns, on any word."""
    bare = key[1:] if key[0] in "وف" else key
    for suffix in ("نا", "كم", "ك"):
        rest = bare[:-len(suffix)]
        if bare.endswith(suffix) and len(rest) >= (3 if suffix == "نا" or rest.endswith("ت") else 4):
            forms = (rest, rest[:-1] + "ه") if rest.endswith("ت") else (rest,)
            return any(lexicon().zipf(form) >= COMMON_REST_ZIPF for form in forms)
    return False


def counted(stream: Stream, words: Sequence[Word], start: int) -> bool:
    """12 ميغا بيكسل، 78 ميليمترا: a word the article writes only right after a figure is what is
    counted (a unit), not a name; a club after a score (2 بنفيكا) is written bare elsewhere. (A
    number word may be an ordinal before a name: الثاني حديش زل.)"""
    shown, keys, breaks = words[start].shown, stream.keys, stream.breaks
    return all(j > 0 and not breaks[j] and keys[j - 1].isdigit()
               for j in range(len(words)) if words[j].shown == shown)


def _widen(stream: Stream, words: list[Word], at: int, taken: bytearray) -> tuple[int, int]:
    """The name around a body occurrence: up to two name words before it and one after (two after a link:
    عبد النور); a verb before it is the sentence (وإذا قاد مارتينيز المنتخب، واختتم بحاح), and a word behind و
    is another name (عريقات وشالوم)."""
    start, end = at, at + 1
    proclitic = stream.keys[at] != words[at].shown  # وشالوم، لدانيلو: a name starts there
    while not proclitic and start > 0 and at - start < 2 and not stream.breaks[start] and not taken[start - 1] \
            and _name_part(stream, words, start - 1) and not past_verb(stream.keys[start - 1]) \
            and not perfect_verb(stream.keys[start - 1]):
        start -= 1
    if end < len(stream) and not stream.breaks[end] and not taken[end] and _name_part(stream, words, end) \
            and not stream.keys[end].startswith(ARTICLE) and not _conjunct(stream.keys[end]):
        end += 1
    # a name never ends on عبد، أبو، بن: سيرين عبد النور takes النور
    end += end < len(stream) and stream.keys[end - 1] in NAME_LINKS and not stream.breaks[end] and not taken[end]
    return start, end


def _conjunct(key: str) -> bool:
    """وشالوم: و before a word the language knows better without it (not وليد، وسام: given names)."""
    if key[0] != "و" or len(key) < 4 or given_name(key):
        return False
    return lexicon().zipf(key[1:]) > lexicon().zipf(key)


def _name_part(stream: Stream, words: list[Word], i: int) -> bool:
    word, key = words[i], stream.keys[i]
    if key[0] in "وفبلك" and lexicon().zipf(key[1:]) >= COMMON_REST_ZIPF:  # لتوفير
        return False
    if key.endswith("ت") and word.zipf >= 3.0 and not word.nominal:  # انتقدت: a verb
        return False
    if _pronoun_on_common(key):  # ركز قوتك: «your strength»
        return False
    return (may_be_in_name(stream, words, i) and not word.nominal and word.adjective is None
            and word.zipf < NAME_PART_MAX_ZIPF) or key in NAME_LINKS - NASAB_LINKS


def _guess_kind(stream: Stream, words: list[Word], seen: list[int], start: int, end: int) -> str:
    if end - start > 1:
        return "person"
    cues = {words[j - 1].shown.removeprefix(ARTICLE) for j in seen if j > 0 and not stream.breaks[j]}
    if cues & PERSON_CUES:
        return "person"
    return "place" if cues & PLACE_CUES else "org" if cues & ORG_CUES else "other"


def new_name(stream: Stream, at: int, end: int, kind: str, taken: bytearray,
             heads: frozenset[str] = ORG_HEADS) -> NewName:
    """The name at ``at:end``; an organisation's (or, given ``heads``, a longer name's) first word
    loses its clitic when it is one of ``heads``. A "person" with a transliterated body's word is an
    organisation (أميريكان سوسايتي أوف كلينيكل أونكولودجي، أوبر تكنولوجيز)."""
    key = stream.keys[at]
    if kind == "person" and not BODY_WORDS.isdisjoint(stream.keys[at:end]):
        kind = "org"
    form = key
    if kind == "org" or heads is not ORG_HEADS:  # لوزارة → وزارة; للجمعية → الجمعية: the article stays
        form = article_form(key)
        form = form if form.startswith(ARTICLE) else next((f for f in bare_forms(key, min_rest=2) if f in heads), key)
    taken[at:end] = b"\x01" * (end - at)
    return NewName(at, end, (form, *stream.keys[at + 1:end]), stream.written(at, end, form), kind)
