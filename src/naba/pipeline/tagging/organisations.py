"""New organisations: a head noun (وزارة، حزب، هيئة ...) and the ال-words after it, for ``mentions``.
Hand-written Arabic rules over ``Word``'s flags (what is a construct's complement, what describes it).
"""

from __future__ import annotations

import itertools

from naba.gazetteer import load_gazetteer
from naba.pipeline.tagging import context, franchises
from naba.pipeline.tagging.lexicon import given_name, lexicon
from naba.pipeline.tagging.newnames import DESCRIBING, ORG_HEAD_TOKENS, ORG_HEADS, NewName, head_key, new_name
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.verbs import imperfect_verb, participle
from naba.pipeline.tagging.words import TIME_WORDS, Word
from naba.text import ARTICLE, article_form, index, is_stopword, with_clitics

WEAK_HEAD_MAX_ZIPF = 3.5  # a weak head (مركز، حركة) names something only before a word rarer than this
WEAK_ORG_HEADS = frozenset(index(w) for w in "مركز برنامج حركة نادي شركة".split())
_NATIONAL = frozenset(index(w) for w in "الوطنية الوطني".split())
# a state's own bodies, named by its nationality alone (الجيش السوري، السفارة الروسية، الرئاسة الفلسطينية)
NATIONAL_BODIES = frozenset(index(w) for w in "جيش سفارة قنصلية رئاسة".split())
# a ministry is named by its field and that field's adjectives and conjuncts (وزارة الشؤون البلدية
# والقروية، وزارة التعليم العالي); another ال-noun after the field is the sentence going on
MINISTRY_HEADS = frozenset(index(w) for w in "وزارة".split())
_GENERAL = frozenset(index(w) for w in "العام العامة العليا الأعلى".split())  # adjectives of a body, no nisba
_NOT_FIELDS = context.PLACE_HEADS | frozenset(index(w) for w in "بقية كافة جميع معظم أغلب".split())
POSITION_HEADS = frozenset(index(w) for w in "رئاسة".split())  # a body only as الرئاسة + a nationality
# Heads that name a state's general body only with «العامة» or «العليا» after them (الإدارة العامة للمرور،
# المديرية العامة للجوازات، الرئاسة العامة للأرصاد، اللجنة العليا للمشاريع); alone they are any office
GENERAL_BODY_HEADS = frozenset(index(w) for w in "إدارة مديرية رئاسة لجنة دائرة هيئة مؤسسة".split())
GENERAL_BODY_WORDS = 4  # الهيئة العامة للسياحة والتراث الوطني، المؤسسة العامة للتدريب التقني والمهني
# what a وال-conjunct may follow: an ال-word, or in a general body a لل-field too (للشباب والرياضة)
_FIELD_STARTS: dict[bool, str | tuple[str, ...]] = {False: ARTICLE, True: (ARTICLE, "لل")}
_OTHER_BODIES = frozenset(index(w) for w in "جهات هيئات مؤسسات شركات وزارات دوائر إدارات لجان مديريات".split())
_NOT_SECOND_FIELDS = ORG_HEADS | GENERAL_BODY_HEADS | context.NAMED_AFTER_HEADS | frozenset(
    index(w) for w in "رئيس نائب وزير مدير أمين".split())
_GENERAL_HEAD_TOKENS = frozenset(t for head in GENERAL_BODY_HEADS for h in (head, "ال" + head)
                                 for t in with_clitics(h))
_ALL_HEAD_TOKENS = ORG_HEAD_TOKENS | _GENERAL_HEAD_TOKENS
_INSTITUTIONS = ORG_HEADS | context.NAMED_AFTER_HEADS  # a general body's field is no institution (للشركة)
ARAB_COUNTRIES = frozenset("country:" + code for code in """
dza bhr com dji egy irq jor kwt lbn lby mrt mar omn pse qat sau som sdn syr tun are yem""".split())
# Bodies that every company, university, province or country has: on their own they name no one
# (مجلس الإدارة of which company?); a nationality or a name after them does (وكالة الأنباء السعودية).
GENERIC_BODIES = frozenset(tuple(index(w) for w in pair.split()) for pair in """
مجلس الإدارة|مجلس الأمناء|مجلس الجامعة|مجلس المحافظة|مجلس المدينة|مجلس الكلية|هيئة التدريس|وكالة الأنباء
محكمة الاستئناف|محكمة الجنايات|محكمة التمييز|محكمة النقض|لجنة التحكيم|مجلس الأمن القومي|نادي العاصمة
""".replace("\n", "|").strip("|").split("|"))


def organisations(stream: Stream, words: list[Word], taken: bytearray) -> list[NewName]:
    """A head noun (وزارة، حزب، ...) and the one to three ال-words after it: a new organisation.

    A name is a construct (وزارة الداخلية, جامعة الدول العربية): a head with the article and only
    adjectives after it is a generic phrase (المركز الخامس، الشركة العملاقة، المجلس البلدي) unless a
    لل-complement makes it a name (المجلس الهندي للصحافة); right after the head with the article it
    is the sentence's «for» (الوزارة للتفتيش، المنظمة للمهرجان: of the 40 on 5,000 stored articles, the
    one name, الاتحاد للطيران, was cut wrong anyway), so no name begins there. The phrase stops at a word with a clitic
    (والمسؤول), a verb's object (الشركة التعليق: an ال-word common as a noun after the head), a
    weekday, an ordinal, a participle that describes it (``_governs``: حزب الشعب المقرب من، مجلس
    الوزراء الموافقة على), a و-word after a nationality (وزارة الثقافة الإيطالية والعاملين); weak heads
    (مركز، برنامج، حركة، نادي) need a rare word after them. A state's
    general body (``_general_body``: الهيئة العامة للاستثمار، الإدارة العامة للمرور) is named by its head,
    «العامة» or «العليا», its لل-field, the field's adjectives and a second field, four words at most.
    A university or an institute also takes a foreign name the article repeats (``_foreign_name_end``:
    جامعة كامبريدج، معهد فراونهوفر).
    """
    names = []
    keys = stream.keys
    for at in list(itertools.compress(range(len(keys)), map(_ALL_HEAD_TOKENS.__contains__, keys))):
        if taken[at]:
            continue
        general = _general_body(stream, words, at)
        if not general and keys[at] not in ORG_HEAD_TOKENS:
            continue
        end = _org_end(stream, words, at, taken, general)
        if end <= at + 1 and not general:
            end = _foreign_name_end(stream, words, at, taken)
        if end > at + 1 and (words[at].shown, *stream.keys[at + 1:end]) not in GENERIC_BODIES:
            names.append(new_name(stream, at, end, "org", taken))
    return names


def _foreign_name_end(stream: Stream, words: list[Word], at: int, taken: bytearray) -> int:
    """جامعة كامبريدج، معهد ماساتشوستس: a head that takes a foreign name, then one to three words no
    Arabic noun or verb reads (``Word.name_like``) that the article says again or puts in its headline;
    ``at`` when there is none."""
    head = head_key(stream, words, at, FOREIGN_NAMED_HEADS)
    if words[at].shown.startswith(ARTICLE) or head not in FOREIGN_NAMED_HEADS:
        return at
    end = at + 1
    while end < min(len(stream), at + 4) and not stream.breaks[end] and not taken[end] and _foreign_word(
            stream, words, end, first=end == at + 1):
        end += 1
    if end == at + 1 or (at >= stream.title_end and stream.keys.count(stream.keys[at + 1]) < 2):
        return at
    return end


FOREIGN_NAMED_HEADS = frozenset(index(w) for w in "جامعة معهد".split())


def _foreign_word(stream: Stream, words: list[Word], i: int, first: bool) -> bool:
    """A word of a foreign institution's name: no Arabic noun, verb (تتعب) or clitic on a word (بالخط،
    للبنين), and past the first no Arab given name (جامعة sdsu رانيا: the next sentence's subject)."""
    key = stream.keys[i]
    return words[i].name_like and not key.startswith(("لل", "بال", "وال", "كال", "فال")) \
        and not imperfect_verb(key, words[i]) and (first or not given_name(key))


def _general_body(stream: Stream, words: list[Word], at: int) -> bool:
    """A general body's head: «العامة» or «العليا» right after it, then a لل-field (الهيئة العامة للاستثمار)."""
    keys = stream.keys
    return at + 2 < len(keys) and keys[at + 1] in _GENERAL and keys[at + 2].startswith("لل") \
        and not stream.breaks[at + 1] and not stream.breaks[at + 2] and keys[at + 2][2:] not in _INSTITUTIONS \
        and head_key(stream, words, at, GENERAL_BODY_HEADS) in GENERAL_BODY_HEADS


def _describes_field(field: str, key: str, word: Word) -> bool:
    """A relational adjective of a general body's field (للتدريب التقني، للشؤون الصحية، والتراث الوطني),
    agreeing with it: not the masculine after a feminine plural (للجوازات الإلكتروني: the system's)."""
    return word.nisba or key in _GENERAL or key.endswith("يه") or (key.endswith("ي") and not field.endswith("ات"))


def _second_field(stream: Stream, words: list[Word], i: int) -> bool:
    """و + a noun + its ال-genitive after a general body's field (للأرصاد وحماية البيئة); not a second body
    or its head (للاستثمار ومؤسسة النقد، للرياضة ورئيس اللجنة)."""
    keys = stream.keys
    key = keys[i]
    return key.startswith("و") and not key.startswith("وال") and i + 1 < len(keys) and not stream.breaks[i + 1] \
        and words[i].content and keys[i + 1].startswith(ARTICLE) and key[1:] not in _NOT_SECOND_FIELDS \
        and not load_gazetteer().is_title(key[1:])


def _org_end(stream: Stream, words: list[Word], at: int, taken: bytearray, general: bool = False) -> int:
    keys = stream.keys
    head = article_form(keys[at])
    with_article = head.startswith(ARTICLE)
    bare_head = head_key(stream, words, at, ORG_HEADS)  # clitic-free: لشركة is a weak head too
    end, complement = at + 1, False
    while end < len(keys) and end - at <= (GENERAL_BODY_WORDS if general else 3) and not taken[end] \
            and not stream.breaks[end]:
        key, word = keys[end], words[end]
        if (is_stopword(key) and not (general and key in _GENERAL)) or key in TIME_WORDS or word.number \
                or word.suffixed:
            break  # but «العامة» of a general body (الإدارة العامة للعلاقات العامة)
        if general and complement and key.startswith(ARTICLE) and not _describes_field(keys[end - 1], key, word):
            break  # المديرية العامة للجوازات الأخوة: after its field, only the field's relational adjectives
        if key in DESCRIBING or (end > at + 1 and not word.nisba and word.adjective is None
                                 and _governs(stream, words, end)):
            if with_article and end == at + 1:
                return at  # الجيش الموالي للشرعية: "the army loyal to", no name
            if end > at + 1:
                break  # مجلس العموم المؤلف، مركز الفيصلية التابع، مجلس الوزراء الموقر: the sentence describes it
        if bare_head in MINISTRY_HEADS and end > at + 1 and key.startswith((ARTICLE, "لل")) \
                and (not word.nisba or key.startswith("لل")) and word.adjective is None \
                and not keys[end - 1].startswith("وال"):  # والشؤون الصحية
            break  # وزارة التعليم الشاعر، وزارة العمل للتفتيش، وزارة الدفاع للصحافيين: one field, described
        if general and complement and key.startswith("لل"):
            break  # الهيئة العامة للمنشآت للصحيفة: a second «for» is the sentence's
        if key.startswith("لل") and word.shown.startswith(ARTICLE):
            if not with_article and (words[end - 1].adjective is not None or keys[end - 1].startswith("وال")):
                break  # وزارة الدفاع الروسية للفيديو، هيئة الشباب والرياضة للفوز: the construct is whole
            if bare_head in NATIONAL_BODIES and words[end - 1].adjective is not None:
                break  # الجيش المصري للبلاد: a state's body is named by its nationality alone
            if with_article and end == at + 1:
                return at  # الوزارة للتفتيش، المنظمة للمهرجان: "the ministry, for inspection", no name
            complement = True  # للصحافة
        elif with_article and not complement and end > at + 1 and not word.nisba and key.startswith(ARTICLE):
            break  # الجامعة المستحقين: only relational adjectives stand between the head and its لل-word
        elif _complement_of(stream, words, at, end, with_article, complement):
            complement = True  # الهيئة الوطنية لمكافحة الفساد: ل + a noun and its genitive
            end += 1
        elif general and complement and _second_field(stream, words, end):
            end += 1  # الرئاسة العامة للأرصاد وحماية البيئة: a second field, a noun and its genitive
        elif key.startswith("وال") and end > at + 1 and keys[end - 1].startswith(_FIELD_STARTS[general]):
            if key in ORG_HEAD_TOKENS or key[3:] in _OTHER_BODIES or words[end - 1].adjective is not None:
                break  # وزارة المالية والمصرف المركزي، الهيئة العامة للاستثمار والجهات: a second body;
                # وزارة الثقافة الإيطالية والعاملين: a nationality closes the name
            # else وزارة الثقافة والإعلام، الشؤون الأمنية والسياسية
        elif not key.startswith(ARTICLE) or word.glued or article_form(key) != key:
            break
        end += 1
    if end == at + 1:
        return at
    if with_article and not complement and not _national_institution(words, at + 1, end) \
            and not (bare_head in NATIONAL_BODIES and end == at + 2 and words[at + 1].adjective is not None):
        return at  # المركز الخامس، الشركة العملاقة; but الجيش السوري، السفارة الروسية
    if bare_head in POSITION_HEADS and not general \
            and not (with_article and end == at + 2 and words[at + 1].adjective is not None):
        return at  # رئاسة الحكومة، الرئاسة الدورية للمجلس: a post; الرئاسة الفلسطينية: a body
    if bare_head in WEAK_ORG_HEADS and min(w.zipf for w in words[at + 1:end]) >= WEAK_HEAD_MAX_ZIPF \
            and not (bare_head != "برنامج" and _national(stream, words, at + 1, end)) \
            and not (bare_head in context.CLUB_HEADS and franchises.sporting(words)):
        return at  # حركة الملاحة، نادي الحي, لشركة السيارات (but لنادي الشباب in a sports report)
    return end


def _governs(stream: Stream, words: list[Word], i: int) -> bool:
    """A participle (or البالغ، الكائن) with a preposition or a noun with a pronoun next describes the body
    (حزب الشعب المقرب من، مجلس النواب البالغ عدده، مجلس الوزراء الموافقة على): the sentence, not its name;
    not a plural (اتحاد الطلاب المسلمين في), a field (للتدريب، والإعلام) or «العام» (هيئة الادعاء العام)."""
    after, key = i + 1, stream.keys[i]
    if after >= len(stream) or stream.breaks[after] or key.startswith(("لل", "وال")) or key in _GENERAL \
            or key.endswith(("ين", "ون", "ات")) or not (participle(key) or key in _STATIVE):
        return False
    following = stream.keys[after]
    if following in _PREPOSITIONS or (following == _IN and not key.endswith("ه")):
        return True
    return not is_stopword(following) and (words[after].suffixed or (  # عدده: «his» on a common noun
        stream.surface(after).endswith("ه") and lexicon().zipf(following[:-1]) >= _HIS_NOUN_MIN_ZIPF))


_PREPOSITIONS = frozenset(index(w) for w in "من إلى الى على عن مع لدى".split())
_IN = index("في")  # after a masculine participle only: مجلس الشؤون الخارجية المنعقد في; a feminine one
# is mostly the name's adjective and في where the body is (هيئة الأركان المشتركة في كوريا، معهد
# الدراسات المتقدمة في برينستون)
_STATIVE = frozenset(index(w) for w in "البالغ البالغة الكائن الكائنة الواقع الواقعة".split())
_HIS_NOUN_MIN_ZIPF = 4.5  # عدده: a noun this common before «his» (the ه Word.suffixed leaves to ة)


def _complement_of(stream: Stream, words: list[Word], at: int, i: int, with_article: bool, complement: bool) -> bool:
    """ل + a noun without the article + an ال-genitive after a head with the article and its relational
    adjectives (الهيئة الوطنية لمكافحة الفساد، المركز الوطني لأبحاث الفضاء): the body's field, as the
    لل-complement of ``_org_end``; not after another adjective (الشركة العملاقة لبناء: "to build")."""
    keys = stream.keys
    if not with_article or complement or i == at + 1 or i + 1 >= len(keys) or stream.breaks[i + 1] \
            or head_key(stream, words, at, ORG_HEADS) in NATIONAL_BODIES:
        return False  # الرئاسة التونسية لإصلاح القوانين: a state's body is named by its nationality alone
    key = keys[i]
    if len(key) < 4 or key[0] != "ل" or key.startswith("لل") or stream.surface(i).endswith("ه") \
            or not words[i].content or words[i].suffixed or key[1:] in _NOT_FIELDS:
        return False  # لجلبه، لمدينة الحسكة، لبقية المحافظات: "to bring him", "of the city", "to the rest"
    after = words[i + 1]  # the field is a noun (الفساد، القدم), not a man (لخلافة السويسري بلاتر)
    return keys[i + 1].startswith(ARTICLE) and not after.glued and not after.nisba and after.adjective is None \
        and all(words[j].nisba or keys[j] in _GENERAL for j in range(at + 1, i))


def _national(stream: Stream, words: list[Word], start: int, end: int) -> bool:
    """شركة الاتصالات السعودية، شركة المياه الوطنية، مركز الإعلام الأمني العراقي: a weak head's common
    words made a name by an Arab country's nationality (Arab papers name their own companies so); a
    foreign one describes a company named elsewhere (شركة التكنولوجيا الأميركية: Facebook), and a
    programme stays generic (برنامج الصواريخ الإيرانية)."""
    adjective = words[end - 1].adjective
    return stream.keys[end - 1] in _NATIONAL or (
        adjective is not None and adjective.id in ARAB_COUNTRIES and _national_institution(words, start, end))


def _national_institution(words: list[Word], start: int, end: int) -> bool:
    """البنك المركزي الإيراني: an adjective, then a nationality (الصحيفة البريطانية alone is generic)."""
    return end - start >= 2 and words[end - 1].adjective is not None and words[start].adjective is None
