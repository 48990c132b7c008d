"""A mention decided from its neighbours, not by lookup alone (hand-written Arabic news rules).

    country_adjective(...)  الجيش الروسي names Russia; يوفنتوس الإيطالي and الهولندي فان غال do not:
                            a nationality adjective is a country only when it qualifies a state
                            actor, a place, a national team or a league (``STATE_HEADS``), never a
                            player, club, company or paper (``PERSON_OR_FIRM_HEADS``, or a name:
                            محمد الجزائري is a family name)
    inside_longer(...)      a place inside a longer name: مصر للطيران، دوري أبطال أوروبا، رابيد فيينا،
                            الكويت الكويتي (a club), كوبا أميركا, an institution or a department named
                            after it (غرفة الرياض، مطار عدن الدولي، شرطة دبي), a gulf or a strait (خليج
                            عدن), an organisation inside a cup or a prize (كأس الاتحاد الأوروبي), a city
                            naming an accord or a battle (اتفاق الطائف، غزوة تبوك); the longer name, or nothing
    royal_starts(...)       after الأمير/الشيخ/الملك a first name (تركي، مشعل), never a country or a namesake
    supported(...)          a gazetteer name that is also common words (مآرب، سيول، الحزب الجمهوري)
                            counts only with a kind word, a dateline or a related entity
    club_in_play(...)       in a sports report (``sporting``), a club named by a common word (الاتفاق،
                            الوحدة) is the club; of two namesake clubs, the one of a country named

Words are compared clitic-free without the article (``key_of``: حكومه for والحكومة). The word
lists are news usage written down by hand; no library has them.
"""

from __future__ import annotations

from collections.abc import Sequence

from naba.gazetteer import Entry
from naba.pipeline.tagging.franchises import franchise_end, named_club, sporting
from naba.pipeline.tagging.lexicon import Name, given_name, lexicon
from naba.pipeline.tagging.matching import Match
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.verbs import imperfect_verb
from naba.pipeline.tagging.words import Word, words_of
from naba.text import ARTICLE, index


def _set(words: str) -> frozenset[str]:
    return frozenset(index(w).removeprefix(ARTICLE) for w in words.split())


# Heads a nationality adjective may qualify and still name the country: the state, its people,
# its territory, its national team. Not a league: الدوري الإنجليزي is a competition, not England.
STATE_HEADS = _set("""
حكومة جيش قوات قوة سلطات رئيس رئاسة رئيسة وزير وزيرة وزراء وزارة خارجية داخلية دفاع برلمان مجلس شرطة أمن
استخبارات مخابرات سفارة سفير سفيرة قنصلية قنصل شعب دولة عاصمة مدن مدينة أراضي أرض حدود سواحل مياه أجواء
منتخب نظام معارضة جنود جندي عسكريين عسكري مقاتلات طائرات بحرية ملك أمير ملكة عهد مركزي بنك انتخابات
اقتصاد عملة أزمة حرب ملف جانب طرف وفد مسؤولين مسؤول دبلوماسيين دبلوماسي دبلوماسيا دبلوماسيون نيابة قضاء
محكمة محاكم تلفزيون رسمي رسمية موقف مواطنين مواطنون جالية لاجئين سوق بورصة سياحة صادرات واردات مناطق منطقة
محافظة ولاية إقليم جزيرة بلدة قرية مجتمع جنسية شمال جنوب شرق غرب وسط حدودي ساحل سلاح ضربة ضربات غارات هجوم حرس
نظيره نظيرته نظراءه قيادة قادة قائد زعيم زعماء نواب نائب مجلس حزب أحزاب مصادر وكالة علاقات علاقة شراكة أراض
""")
SEA_HEADS = _set("محيط بحر")
# A direction is the country's territory (شمال سوريا، الجنوب اللبناني) except after a player, where
# it is his position (لاعب الوسط الإنجليزي).
DIRECTIONS = _set("شمال جنوب شرق غرب وسط")
# Heads that make the adjective describe a person, a club, a company, a paper or a product (and the
# media: وسائل إعلام إسبانية are papers, not Spain).
PERSON_OR_FIRM_HEADS = _set("""
لاعب لاعبة لاعبين لاعبي نجم نجمة مدرب مدربة مدافع مهاجم حارس دولي ناد نادي أندية فريق صحيفة مجلة موقع قناة
شركة مجموعة عملاق كاتب كاتبة صحفي صحافي صحفية فنان فنانة ممثل ممثلة مطرب مطربة مغني مخرج روائي شاعر ناشط
ناشطة قس داعية ملاكم بطل بطلة مصرف علامة سيارة فيلم أسطورة مواطن مواطنة شاب فتاة رجل امرأة طفل طفلة سائح
سائحة طالب طالبة مهندس طبيب عامل عاملة خادمة مقيم زميله زميل مواطنه محترف مالك رئيسه
مغرد مغردة مغردون مغردين مدون مدونة الجنسية جنسية الجنسيات جنسيات سائق سائقة وافد وافدة وافدين
إعلام صحافة صحف وسائل تقارير
مقاتل مقاتلون مقاتلين مدنيون مدنيين لاجئ لاجئون لاجئين مهاجر مهاجرون مهاجرين أسرة أسر عائلة عائلات
""")
# Words before a place that make it part of a longer name (a competition, an airline, a club, ...).
_TOURS = _set("دورة")  # دورة روما: a tournament in a sports report, named after its city (not دورة البرازيل)
COMPETITION_HEADS = _TOURS | _set("دوري كأس بطولة جائزة مهرجان معرض ماراثون رالي أبطال أمم سباق خام مونديال أولمبياد")
ORG_HEADS = _set("""
طيران جامعة بنك مصرف بورصة نادي فريق أكاديمية اتحاد أنصار جند كتائب لواء سرايا ريال فلاي رابيد ستيوا دينامو
سبارتاك لوكوموتيف زينيت شاختار أياكس سبورتينغ بوروسيا أولمبيك إنتر
غرفة شركة ملعب استاد ستاد مطار ميناء مستشفى معهد كلية متحف مجمع جمرك جمارك
""")
# A place's department (شرطة دبي، بلدية القدس، مرور الرياض، جوازات جازان), not the place; إمارة دبي is the emirate.
DEPARTMENT_HEADS = _set("شرطة بلدية أمانة مرور جوازات")
# A sea's or a strait's name on a place (خليج عدن، خليج المكسيك، مضيق تايوان): another place.
WATER_HEADS = _set("خليج مضيق")
# Heads of a place or an institution named after a king or a prince (مطار الملك خالد، جامعة الملك سعود)
NAMED_AFTER_HEADS = ORG_HEADS | _set("""
طريق شارع جسر جامع مسجد مركز مؤسسة مدينة حي ميدان قاعدة مدرسة صالة حديقة جائزة كأس برنامج وقف صندوق
قصر مجمع منتزه مكتبة دارة واحة كرسي مهرجان مشروع دوري بطولة باب سد نفق مخطط كورنيش توسعة ممشى وسام قلادة
""")
# named after a king, these are places; the others institutions
ROAD_HEADS = _set("طريق شارع جسر حي ميدان باب سد نفق مخطط كورنيش ممشى")
# Heads of a place or an institution named after anyone (مدرسة مارجوري ستونمان دوجلاس، شارع محمد علي):
# a person named right after one is its name. Not برنامج، صندوق، مركز: «برنامج ترامب» is his programme.
PERSON_NAMED_HEADS = ROAD_HEADS | _set("""
مدرسة ثانوية متوسطة ابتدائية جامعة مستشفى مطار ملعب استاد ستاد مسجد جامع قاعة مكتبة حديقة""")
VENUE_HEADS = _set("ملعب استاد ستاد")  # a rare word after the place is still the stadium's name
# Only these name a field after the place (معهد كاليفورنيا للتكنولوجيا); not an airport's لل-word.
FIELD_NAMED_HEADS = _set("معهد كلية مجمع شركة مستشفى أكاديمية جامعة مركز")
# Before an organisation's name, these make it part of a competition or a prize: كأس الاتحاد الأوروبي
# is UEFA's cup, not the EU; جائزة الاتحاد الأفريقي is CAF's award, not the African Union.
PRIZE_HEADS = _set("كأس جائزة")
# ل + ال + these after a place: a company named after it (مصر للطيران، قطر للبترول).
COMPANY_WORDS = _set("""
الطيران التأمين البترول الاتصالات الكهرباء الألومنيوم الاستثمار التنمية الصناعات الأسمنت الغاز العقارات
التعدين الحديد الملاحة السياحة الإسكان الصلب الأسمدة البتروكيماويات الأغذية الأدوية
""")
PRAYER_WORDS = _set("بعد قبل صلاة صلاتي أذان عقب وقت حتى موعد")  # بعد المغرب: after the sunset prayer
_PRAYER_NAMES = _set("المغرب")
_PARTICIPLE_NAMES = _set("الموصل")  # الطريق الموصل إلى: the road leading to
_LEADING_TO = frozenset(index(w) for w in "إلى بين".split())
_BIRTHPLACE_NAMES = _set("مسقط")  # مسقط الرأس، مسقط رأسه: a birthplace, not Muscat
_HEAD_WORDS = frozenset(index(w) for w in "الرأس رأس رأسه رأسها رأسي رأسهم".split())
_FORCE_NAMES = _set("القاهرة")  # القوة القاهرة: force majeure, not Cairo
_FORCE_WORDS = _set("قوة")
_COMMON_READ_NAMES = _PRAYER_NAMES | _PARTICIPLE_NAMES | _BIRTHPLACE_NAMES | _FORCE_NAMES
COMMON_CLUB_WORD_ZIPF = 5.0  # الشباب 5.4، الاتحاد 5.6 (not الهلال 4.7، النصر 4.7)
CLUB_SUFFIXES = _set("سيتي يونايتد ستي")
GIVEN_MAX_ZIPF = 4.5  # a given name this common at most before a place (not أمير of أمير قطر)
ACCORD_HEADS = _set("اتفاق اتفاقية اتفاقيات معاهدة معاهدات ميثاق غزوة")  # اتفاق الطائف، معاهدات جنيف، غزوة تبوك
LONGER_HEADS = COMPETITION_HEADS | ORG_HEADS | PRIZE_HEADS | DEPARTMENT_HEADS | WATER_HEADS | ACCORD_HEADS
PLACE_HEADS = _set("مدينة محافظة ولاية منطقة بلدة قرية إقليم عاصمة جزيرة مديرية حي ميناء مطار بلاد")
CLUB_HEADS = _set("نادي فريق ناد لاعب نجم مدرب")
ROYAL_TITLES = _set("أمير أميرة شيخ شيخة ملك ملكة سلطان سمو")
KINSHIP = _set("""طفلته طفله ابنته ابنه زوجته زوجها شقيقته شقيقه والدته والده أخته أخيه أمه أبيه حفيدته حفيده
ابنتها ابنها""")
NASAB = _set("بن ابن بنت")
LOCATIVES = frozenset(index(w) for w in "في إلى من".split())
PASSIVE_AUXILIARIES = frozenset(index(w) for w in "تم يتم سيتم وتم ويتم".split())
NAME_TAIL_MAX_ZIPF = 3.5  # a word after head + place this rare (برنابيو، أرينا) is part of the name
HEAD_WINDOW = 3  # words looked back for the head a nationality adjective qualifies


def key_of(words: Sequence[Word], i: int) -> str:
    """Token ``i`` clitic-free and without the article: what the word lists hold."""
    return words[i].shown.removeprefix(ARTICLE)


def country_adjective(stream: Stream, words: list[Word], i: int, names_at: dict[int, str]) -> bool:
    """True when the nationality adjective at ``i`` names its country (see the module docstring).

    ``names_at`` maps each token inside a mention to its kind ("person", "place", "org").
    """
    if i > 0 and not stream.breaks[i] and key_of(words, i - 1) in DIRECTIONS and _definite(words, i - 1) \
            and not _definite(words, i):
        return False  # الجنوب أفريقي: one adjective, "South African", not Africa
    for j in range(i - 1, max(-1, i - 1 - HEAD_WINDOW), -1):
        if stream.breaks[j + 1]:
            break
        kind, key = names_at.get(j), key_of(words, j)
        if key in PERSON_OR_FIRM_HEADS or key in SEA_HEADS or kind in ("person", "org", "new") \
                or (j == i - 1 and kind is None and _given_name(stream, words, j, arab=True)):  # محمد الجزائري
            return False  # also المحيط الهندي، بحر العرب: a sea's name, not the country
        if key in STATE_HEADS or kind == "place":
            return not (key in DIRECTIONS and j > 0 and not stream.breaks[j]
                        and key_of(words, j - 1) in PERSON_OR_FIRM_HEADS)
        if _name_like(words, j):  # يوفنتوس الإيطالي، اياكس الهولندي: an unknown name before it
            return False
    after = i + 1
    if after < len(stream) and not stream.breaks[after] and (
            names_at.get(after) == "person" or _name_like(words, after) or given_name(stream.keys[after])):
        return False  # الهولندي فان غال، الجنوب أفريقي كيفن أندرسون: it describes the person named next
    # alone, a plural names the people (الأتراك، الإيرانيون) and so the country
    return key_of(words, i).endswith(("ين", "ون", "اك", "اس", "ان")) and i > stream.title_end


def _name_like(words: list[Word], j: int) -> bool:
    """A word that is no Arabic noun or verb one knows: rare and never written with the article."""
    word = words[j]
    return word.content and not word.nominal and not word.glued and word.zipf < 3.5


def royal_starts(stream: Stream, titles: list[Match[int]], words: list[Word]) -> set[int]:
    """Positions right after a royal title (الأمير، الشيخ، الملك، السلطان), where a first name starts;
    not after آل (تركي آل الشيخ رئيس ...: a family name, the sentence going on)."""
    return {t.end for t in titles if t.end < len(stream) and not stream.breaks[t.end]
            and key_of(words, t.end - 1) in ROYAL_TITLES
            and not (t.start > 0 and not stream.breaks[t.start] and stream.keys[t.start - 1] == "ال")}


def inside_longer(stream: Stream, words: list[Word], hit: Match[Name], kind_at: dict[int, str]
                  ) -> tuple[int, int, str] | None:
    """The longer name a place hit (or an organisation after كأس/جائزة) is part of, as (start, end,
    kind), kind "" for "drop it". In a sports report (``sporting``) سيتي or يونايتد after a city makes
    a club (نيويورك سيتي، أوكلاهوما سيتي), and so does a franchise's name (تورونتو رابتورز: ``franchises``).

    None when the name stands as itself.
    """
    start, end = hit.start, hit.end
    if hit.form != stream.keys[start]:
        return None  # بالرياض، لموسكو، والكويت: a preposition or a conjunction, the place stands as itself
    before = start - 1 if start > 0 and not stream.breaks[start] else -1
    after = end if end < len(stream) and not stream.breaks[end] else -1
    if kind_at.get(start) == "org" or named_club(words, hit, before, after):
        if before >= 0 and key_of(words, before) in PRIZE_HEADS:
            return before, _nisba_run(stream, words, end), "other"
        return None
    if after >= 0 and key_of(words, after) in COMPANY_WORDS and stream.keys[after].startswith("لل"):
        return start, after + 1, "org"  # (شركة) مصر للطيران: the company's own name
    if before >= 0 and kind_at.get(before) == "other" and key_of(words, before) in COMPETITION_HEADS:
        return None if _definite(words, before) else (before, end, "")  # مونديال روسيا: the World Cup's host
    if before >= 0 and kind_at.get(before) is None:
        head = key_of(words, before)
        if head == "غرب" and before > 0 and key_of(words, before - 1) == "خام":  # خام غرب تكساس
            return before - 1, end, "other"
        if head in COMPETITION_HEADS and not _definite(words, before) and (head not in _TOURS or (
                hit.value.owners[0].type in ("city", "region") and sporting(words))):  # المونديال مصر: no construct
            first = before - 1 if before > 0 and not stream.breaks[before] and key_of(words, before - 1) in \
                COMPETITION_HEADS and not _definite(words, before - 1) else before
            while end < len(stream) and not stream.breaks[end] and kind_at.get(end) == "place":
                end += 1  # بطولة كوبا أميركا
            return first, _nisba_run(stream, words, end), "other"
        if head in ACCORD_HEADS and not _definite(words, before) and hit.value.owners[0].type == "city" \
                and not (after >= 0 and kind_at.get(after) == "place"):  # اتفاق أنقرة وموسكو: the two states'
            return before, end, "other"  # the accord or the battle, not the city
        if head in ORG_HEADS or head in DEPARTMENT_HEADS:
            return _institution(stream, words, before, end, kind_at)
        if head in WATER_HEADS and kind_at.get(start) == "place":
            return before, end, "place"
        if kind_at.get(start) == "place" and _latin(stream.keys[before]) and not stream.keys[start].isascii():
            return before, end, ""  # MBC مصر: a Latin name ends in the place
        if kind_at.get(start) == "place" and _given_name(stream, words, before):
            return before, end, ""  # عبدالله بن محمد السويد، فهد السويد: a man's surname
    if after >= 0 and stream.keys[after] in CLUB_SUFFIXES and kind_at.get(start) == "place" and sporting(words):
        return start, after + 1, "org"  # نيويورك سيتي
    if after >= 0 and hit.value.owners[0].type == "city" \
            and (franchise := franchise_end(stream, words, after, kind_at)) > after and sporting(words):
        return start, franchise, "org"  # تورونتو رابتورز، فيلادلفيا سيفنتي سيكسرز
    if after >= 0:
        adjective = words[after].adjective
        owner = hit.value.owners[0]
        if adjective is not None and (adjective.id == owner.id or adjective.id == owner.country) \
                and not stream.keys[after].endswith("ه"):  # لوس أنجلوس الأمريكية: the city, in its country
            return start, after + 1, "org"  # الكويت الكويتي, هلسنكي الفنلندي: a club
        if kind_at.get(after) == "place" and stream.keys[after][0] not in "وف" and not words[after].glued:
            return start, end, ""  # كوبا أميركا: two places side by side are one name we lack; not أبها بمنطقة عسير
    return None


def _definite(words: list[Word], i: int) -> bool:
    """The word has the article: the first noun of a construct (كأس العالم، مونديال روسيا) never does."""
    return words[i].shown.startswith(ARTICLE)


def common_reading(stream: Stream, words: list[Word], hit: Match[Name]) -> bool:
    """A name read as the common words it also is, by the word before or after it (hand-written
    Arabic rules): بعد المغرب, صلاة المغرب (the sunset prayer); مسقط الرأس (a birthplace); القوة القاهرة
    (force majeure); after an ال-word,
    الموصل إلى is "leading to" (الخط الإسفلتي الموصل إلى), not Mosul (من الموصل إلى بغداد is). Outside a
    sports report a club named by a word this common and its nationality is that phrase: «الشباب السعودي»
    are young Saudis."""
    at = hit.start
    if hit.end - at == 2 and words[at].zipf >= COMMON_CLUB_WORD_ZIPF and words[at + 1].adjective is not None:
        return [owner.subtype for owner in hit.value.owners] == ["club"] and not sporting(words)
    form = key_of(words, at)
    if hit.end - at != 1 or form not in _COMMON_READ_NAMES:  # most hits: one set lookup
        return False
    before = key_of(words, at - 1) if at > 0 and not stream.breaks[at] else ""
    after = stream.keys[at + 1] if at + 1 < len(stream) and not stream.breaks[at + 1] else ""
    return (form in _PRAYER_NAMES and before in PRAYER_WORDS) or (form in _BIRTHPLACE_NAMES and after in _HEAD_WORDS) \
        or (form in _PARTICIPLE_NAMES and after in _LEADING_TO and _definite(words, at - 1)) \
        or (form in _FORCE_NAMES and before in _FORCE_WORDS)


def _given_name(stream: Stream, words: list[Word], i: int, arab: bool = False) -> bool:
    """A given name written bare: a common Arab one (محمد; not باسم, "in the name of") or, unless ``arab``,
    one the gazetteer's people bear that is no common word (سيب of سيب بلاتر; not أمير of أمير قطر)."""
    from naba.pipeline.tagging.namesakes import common_given_name  # it reads this module's lists

    key, lex = stream.keys[i], lexicon()
    return words[i].shown == key and (
        common_given_name(key, lex) or (not arab and key in lex.given and words[i].zipf < GIVEN_MAX_ZIPF))


def _latin(key: str) -> bool:
    return key.isascii() and key.isalnum() and not key.isdigit()


def _institution(stream: Stream, words: list[Word], head: int, end: int, kind_at: dict[int, str]
                 ) -> tuple[int, int, str] | None:
    """Head + place (غرفة الرياض، مطار عدن الدولي، ملعب سانتياغو برنابيو، معهد كاليفورنيا للتكنولوجيا):
    the institution. Not when the place is shared by two heads (مدينة وميناء الحديدة: the city is
    named too); a head with the article before a place and nothing saying what it does (الشركة
    السعودية لحامض ...) reads as "the Saudi company": the place is dropped, no name made."""
    if stream.keys[head] != words[head].shown and stream.keys[head][0] == "و" and head > 0 \
            and not stream.breaks[head] and key_of(words, head - 1) in PLACE_HEADS | ORG_HEADS:
        return None
    at = end
    if key_of(words, head) in VENUE_HEADS and end < len(stream) and not stream.breaks[end] \
            and kind_at.get(end) is None and _name_tail(stream, words, end):
        end += 1
    end = _nisba_run(stream, words, end)
    if key_of(words, head) in FIELD_NAMED_HEADS and end < len(stream) and not stream.breaks[end] \
            and kind_at.get(end) is None and stream.keys[end].startswith("لل") and words[end].content:
        end = _nisba_run(stream, words, end + 1)
    if end == at and _definite(words, head):
        return head, end, ""
    return head, end, "org"


def _name_tail(stream: Stream, words: list[Word], i: int) -> bool:
    """A rare word with no article, clitic, pronoun, number or accusative ending (قصفا): the rest of
    a stadium's name (برنابيو، أرينا)."""
    word, key = words[i], stream.keys[i]
    return word.content and word.zipf < NAME_TAIL_MAX_ZIPF and key[0] != "و" and not (
        word.glued or word.suffixed or word.number or word.shown.startswith(ARTICLE)) and word.adjective is None \
        and not (key.endswith("ا") and lexicon().zipf(key[:-1]) >= NAME_TAIL_MAX_ZIPF)


def named_after_end(stream: Stream, words: list[Word], head: int, end: int) -> int:
    """The end of an institution's name that runs to ``end`` (the king's name), with its relational
    adjectives and, after a head named for a field, its لل-field (مستشفى الملك فهد التخصصي، جامعة
    الملك فهد للبترول والمعادن)."""
    end = _nisba_run(stream, words, end)
    if key_of(words, head) in FIELD_NAMED_HEADS and end < len(stream) and not stream.breaks[end] \
            and stream.keys[end].startswith("لل") and words[end].content:
        end = _nisba_run(stream, words, end + 1)
    return end


def _nisba_run(stream: Stream, words: list[Word], at: int) -> int:
    """The end of the relational adjectives that follow a name (بنك دبي الإسلامي)."""
    end = at
    while end < len(stream) and end - at < 2 and not stream.breaks[end] and words[end].nisba \
            and words[end].adjective is None and stream.keys[end].startswith(ARTICLE):
        end += 1
    return end


COMMON_MAX_ZIPF = 5.0  # a name as common as العربية (5.8) is not settled by a related entity alone


def supported(stream: Stream, words: list[Word], hit: Match[Name], kind: str, related: set[str]) -> bool:
    """A common-word name (مآرب، ميلان، الحزب الجمهوري) counts only with context: a kind word or its own name's
    head before it (مدينة، نادي; تنظيم of تنظيم القاعدة), a dateline (the body's first word), or a related
    entity named in the article (its country or a place of it; judged by the name's rarest word, and not when
    another country's nationality follows: مجلس الشيوخ الإيطالي); a ``cue`` entry (الخبر) only with a kind word
    or a dateline."""
    owner, after = hit.value.owners[0], words[hit.end].adjective if hit.end < len(stream) else None
    if (owner.id in related or (owner.country and owner.country in related)) and "cue" not in owner.flags \
            and min(words[i].zipf for i in range(hit.start, hit.end)) < COMMON_MAX_ZIPF and owner.subtype != "club" \
            and (after is None or stream.breaks[hit.end] or after.id == owner.country):
        return True  # not a club: التعاون in a Saudi article is cooperation (see club_in_play)
    before, named = hit.start - 1, owner.canonical.split(" ")
    if before >= 0 and len(named) == hit.end - before and hit.start not in stream.text.sentence_starts \
            and key_of(words, before) == index(named[0]).removeprefix(ARTICLE):
        return True  # its own head before it, quoted or not: «تنظيم "الدولة الإسلامية"»، «حركة "حماس"»
    if before >= 0 and not stream.breaks[hit.start]:
        head = key_of(words, before)
        if (kind == "place" and head in PLACE_HEADS) or (kind == "org" and head in CLUB_HEADS):
            return True
    if kind == "place" and _verb_after_preposition(stream, words, hit):
        return True
    return kind == "place" and hit.start == stream.title_end and hit.end < len(stream) and bool(stream.breaks[hit.end])


def _verb_after_preposition(stream: Stream, words: list[Word], hit: Match[Name]) -> bool:
    """ينبع، تدمر are verbs too ("springs", "destroys"), but no verb follows a preposition: بينبع، في
    ينبع، إلى تدمر are the places (لينبع is not: ل before a verb is "so that")."""
    at = hit.start
    if hit.end - at != 1 or not imperfect_verb(hit.form, words_of([hit.form], lexicon())[0]):
        return False
    if stream.keys[at] != hit.form:
        return stream.keys[at] == "ب" + hit.form
    return at > 0 and not stream.breaks[at] and stream.keys[at - 1] in _PREPOSITIONS


_PREPOSITIONS = LOCATIVES | _set("عن حتى نحو قرب داخل")


def after_kinship(stream: Stream, words: list[Word], at: int) -> bool:
    """طفلته مكة: a word after a kinship noun is a person's name."""
    return at > 0 and not stream.breaks[at] and key_of(words, at - 1) in KINSHIP


def outside_sport(hit: Match[Name]) -> Entry | None:
    """Outside a sports report a name a club shares means its other owner, as if there were no club:
    الخليج is the Gulf (unless that owner marks the name ambiguous too)."""
    others = [owner for owner in hit.value.owners if owner.subtype != "club"]
    key = " ".join(hit.value.tokens)
    if len(others) != 1 or any(index(surface) == key for surface in others[0].ambiguous):
        return None
    return others[0]


def club_in_play(stream: Stream, hit: Match[Name], related: set[str]) -> Entry | None:
    """The club an ambiguous one-word name means in a sports report: its only club owner, or of
    namesake clubs (الوحدة of Mecca and of Abu Dhabi) the one whose country the article names. Not a
    longer name: «الاتحاد السعودي» is the football federation as often as the club; and a name a
    club shares with a place is the place after في/إلى/من or a place word (a coach's career «في الخليج»,
    «منطقة نجران»)."""
    if hit.end - hit.start > 1:
        return None
    before = stream.keys[hit.start - 1] if hit.start > 0 and not stream.breaks[hit.start] else ""
    if before in PASSIVE_AUXILIARIES:
        return None  # «تم الاتفاق على»: the passive's verbal noun, "it was agreed"
    if (before in LOCATIVES or before.removeprefix(ARTICLE) in PLACE_HEADS) \
            and (place := outside_sport(hit)) is not None:
        return place  # في نجران، منطقة نجران: the place, even in a sports report
    clubs = [owner for owner in hit.value.owners if owner.subtype == "club"]
    if len(clubs) > 1:
        clubs = [club for club in clubs if club.country in related]
    return clubs[0] if len(clubs) == 1 else None
