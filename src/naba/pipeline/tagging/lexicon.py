"""What the tagger knows before it reads an article, built once per process on first use.

    Lexicon.names       token → gazetteer names its clitic-free readings start, longest first
    Lexicon.titles      token → titles (الرئيس، وزير الخارجية، ...) likewise
    Lexicon.adjectives  nationality adjective (الروسي، الأمريكيين) → its country
    Lexicon.skeletons   spelling skeleton → the one gazetteer entry that has it (see ``spelling``)
    Lexicon.zipf(t)     how common a word is in Arabic (wordfreq's Zipf scale, 0-8)
    Lexicon.since       person id → the first year its ``note`` names (US president 2017–2021 → 2017):
                        a surname alone in an article written years before is suspect
    Lexicon.given       the given names of the gazetteer's people (إميلي، سام، ميشيل), without the
                        particles, titles and common words that also open their names (بن، المشير، علي)

Both tables are keyed by every clitic-bearing form of a name's first word (وبوتين، للأردن), so a
token is one dict lookup; each value lists (reading, [(tokens, name), ...]) in ``bare_forms`` order.
The name table is rebuilt from the gazetteer's public ``entries`` and checked key by key with
``Gazetteer.lookup``, so it holds exactly the loader's keys (with and without ال) and owners.

Word frequencies come from naba.text.frequency (the ``wordfreq`` package's Arabic list, inside the wheel):
nothing is downloaded and nothing corpus-derived is kept in this repository.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from naba.gazetteer import Entry, load_gazetteer
from naba.pipeline.tagging.matching import Starts, keyed_with_clitics
from naba.pipeline.tagging.spelling import MIN_LETTERS, similar, skeleton
from naba.text import ARTICLE, index, stopword_set, tokens
from naba.text.frequency import UNSEEN_ZIPF, zipf_table
from naba.text.morphology import noun_number


@dataclass(frozen=True, slots=True)
class Name:
    """One gazetteer key as index tokens, and the entries it may mean."""

    tokens: tuple[str, ...]
    owners: tuple[Entry, ...]
    ambiguous: bool  # the key alone is not evidence (?بوش, ?مالي): it needs context


@dataclass(frozen=True, slots=True)
class Lexicon:
    names: dict[str, Starts[Name]]
    titles: dict[str, Starts[int]]
    adjectives: dict[str, Entry]  # index form (one word or several) → country
    skeletons: dict[str, tuple[Entry, tuple[str, ...]]]  # skeleton → (entry, its surfaces' index forms)
    frequencies: dict[str, float]
    since: dict[str, int] = field(default_factory=dict)
    given: frozenset[str] = frozenset()
    kings: dict[str, tuple[Entry, ...]] = field(default_factory=dict)  # given name → the monarchs so named

    def spelled_like(self, tokens: tuple[str, ...] | list[str]) -> Entry | None:
        """The gazetteer entry an unknown spelling is a variant of: same skeleton, and alike."""
        code = skeleton(tokens)
        found = self.skeletons.get(code) if len(code) >= MIN_LETTERS else None
        if found is None:
            return None
        entry, surfaces = found
        text = " ".join(tokens)
        person = entry.type == "person"
        if (person and self._another_given_name(tokens, surfaces)) or (
                entry.type in PLACE_TYPES and self._common_noun(tokens)):
            return None
        return entry if any(similar(text, surface) and not (person and _other_arab_name(tokens, surface.split(" ")))
                            for surface in surfaces) else None

    def _another_given_name(self, tokens: tuple[str, ...] | list[str], surfaces: tuple[str, ...]) -> bool:
        """كريستيان is a given name of its own, not كريستيانو رونالدو respelt (كريستيانو alone still is)."""
        return len(tokens) == 1 and tokens[0] in self.given and not any(
            tokens[0] in surface.split(" ") for surface in surfaces)

    def _common_noun(self, tokens: tuple[str, ...] | list[str]) -> bool:
        """الخريج، المفارق، الانبهار: the language writes the word without its article too, so it is a
        noun, not a place name respelt (الخرج، المفرق، الأنبار); a foreign place's respelling is
        not written bare (الدنمرك، النروج, wordfreq below ``BARE_NOUN_MIN_ZIPF``)."""
        word = tokens[0]
        return len(tokens) == 1 and word.startswith(ARTICLE) and self.zipf(word[len(ARTICLE):]) >= BARE_NOUN_MIN_ZIPF

    def zipf(self, token: str) -> float:
        return self.frequencies.get(token, UNSEEN_ZIPF)

    def adjective_of(self, token: str) -> Entry | None:
        """The country a nationality adjective names (الروسي → روسيا), if exactly one."""
        return self.adjectives.get(token)


PLACE_TYPES = frozenset({"country", "city", "region"})
# Read off the skeleton's readings of all SaudiNewsNet + ANT (not the judged samples): the bare nouns
# of wrong readings are at 2.2-3.9 (خريج 3.9، مفارق 2.7، انبهار 2.4، ميجر 2.2), the bare forms of right
# ones unseen or at most 2.0 (نروج, a verb).
BARE_NOUN_MIN_ZIPF = 2.2


# God's names that follow عبد in a name: عبد + one is a given name (عبدالواحد، عبدالكريم), and العبد + one a
# family of two words (العبد الجبار)
GODS_NAMES = frozenset(index(w) for w in """الله العزيز الرحمن الكريم الرحيم الجبار اللطيف الحميد القادر
الرزاق الوهاب الهادي المحسن الخالق السلام المجيد العليم الحكيم الحليم الستار الغفور الباري الصمد المعطي
الواحد الغني الحي القيوم الملك الكبير العظيم المنعم الرؤوف الودود الفتاح الناصر الباسط""".split())
# Common given names that are also common words or too common for ``Lexicon.given`` (which skips
# words above Zipf 5): frequency alone cannot tell محسن the name from محسن the noun.
GIVEN_NAMES = frozenset(index(w) for w in """
محمد أحمد محمود مصطفى إبراهيم إسماعيل حسن حسين خالد سعد سعيد صالح عادل عمر عثمان فهد فيصل ماجد
ناصر نايف نواف هاني هشام وليد ياسر يوسف عبدالله عبدالرحمن عبدالعزيز عبدالمحسن عبدالرحيم
محسن منصور مشعل سلمان سلطان سعود بندر تركي طلال زياد سامي سمير طارق عماد رائد رامي جمال كمال
زيد حمد حمدان راشد سهيل سالم سليمان سليم مبارك مساعد مسفر متعب ثامر عايض عوض غازي فواز قاسم كريم
لؤي مازن مالك معاذ مهند نبيل نادر هيثم وائل وسام أنس أيمن أسامة باسم بدر بسام جاسم جابر حاتم
هالة هند هدى سارة نورة منى مها ريم رشا سلوى سميرة فاطمة عائشة مريم ليلى نادية أمل دينا رانيا
فهمي حلمي لطفي رشدي شكري حمدي مجدي فتحي صبري رمزي فوزي زكي
""".split()) | frozenset("عبد" + name for name in GODS_NAMES)


def _other_arab_name(read: tuple[str, ...] | list[str], known: list[str]) -> bool:
    """The skeleton is for transliterations (زيلنسكي، زيلينسكي); a person's Arab names that differ by
    a long vowel are other names: two common given names (سعد، سعيد، سعود) or two family names with
    the article (السعد، السعيدي؛ العيسى، العويس). (Places keep theirs: الدنمرك is الدنمارك.)"""
    if len(read) != len(known):
        return False
    return any(a != b and ((a in GIVEN_NAMES and b in GIVEN_NAMES) or (a.startswith(ARTICLE) and b.startswith(ARTICLE)))
               for a, b in zip(read, known, strict=True))


def given_name(key: str) -> bool:
    """A given name: a common Arab one (``GIVEN_NAMES``) or one the gazetteer's people bear."""
    return key in GIVEN_NAMES or key in lexicon().given


def common_dual(key: str) -> bool:
    """جنديين، مسلحان: a common noun's dual (``morphology.noun_number``) and no listed given name; for
    the words the tagger already holds for no name the language knows (خلفان، فوزان look the same)."""
    return noun_number(key, lexicon().zipf) and not given_name(key)

# Endings tried on every listed adjective when the table is built; only the forms the gazetteer's
# own ``lookup_adjective`` confirms are kept, so this may list more than the loader inflects.
_ADJECTIVE_ENDINGS = ("", "ة", "ه", "ان", "ين", "ون", "ات", "تان", "تين")


def _adjective_table() -> dict[str, Entry]:
    """Index form → the one country it is an unambiguous nationality adjective of."""
    gaz = load_gazetteer()
    table: dict[str, Entry] = {}
    for entry in gaz.entries:
        ambiguous = {index(surface) for surface in entry.ambiguous}
        for adjective in entry.adjectives:
            words = adjective.split(" ")
            for ending in _ADJECTIVE_ENDINGS:
                for article in ("", ARTICLE):
                    form = " ".join(article + w + ending for w in words)
                    key = index(form)
                    owners = gaz.lookup_adjective(form)
                    if len(owners) == 1 and owners[0] is entry and key not in ambiguous:
                        table[key] = entry
    return table


def _name_table() -> dict[str, tuple[tuple[tuple[str, ...], Name], ...]]:
    gaz = load_gazetteer()
    seen: dict[tuple[str, ...], Name] = {}
    # written forms only: a name's form with its article cut (يمن of اليمن) is a common word
    # ("bestows"), and للمغرب is read as المغرب by the clitic rules
    for entry in gaz.entries:
        for surface in (entry.canonical, *entry.variants, *entry.latin):
            key = tuple(tokens(surface))
            owners = gaz.lookup(surface)
            if key and owners and key not in seen:
                seen[key] = Name(key, tuple(owners), gaz.is_ambiguous(surface))
    table: dict[str, list[Name]] = defaultdict(list)
    for key, name in seen.items():
        table[key[0]].append(name)
    return {first: tuple((n.tokens, n) for n in sorted(names, key=lambda n: (-len(n.tokens), n.tokens)))
            for first, names in table.items()}


def _title_table() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """First token → (title tokens, their count), longest first."""
    table: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for title in load_gazetteer().titles:
        key = tuple(tokens(title))
        if key:
            table[key[0]].add(key)
    return {first: tuple((k, len(k)) for k in sorted(keys, key=lambda k: (-len(k), k)))
            for first, keys in table.items()}


def _skeleton_table() -> dict[str, tuple[Entry, tuple[str, ...]]]:
    """Skeletons of unambiguous surfaces; a skeleton two entries share is dropped (a guess on a guess),
    an ambiguous surface's included (?إريكسن keeps اريكسن from إريكسون)."""
    owners: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    gaz = load_gazetteer()
    for entry in gaz.entries:
        for surface in (entry.canonical, *entry.variants):
            words = tokens(surface)
            key = skeleton(words)
            if len(key) >= MIN_LETTERS:
                forms = owners[key][entry.id]  # an ambiguous surface claims its skeleton, is no answer
                if surface not in entry.ambiguous:
                    forms.append(" ".join(words))
    table: dict[str, tuple[Entry, tuple[str, ...]]] = {}
    for key, ids in owners.items():
        if len(ids) == 1:
            [(entry_id, forms)] = ids.items()
            if forms and (owner := gaz.get(entry_id)) is not None:
                table[key] = (owner, tuple(forms))
    return table


_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _since_table() -> dict[str, int]:
    """Person id → the earliest year its note names (offices and dates, see data/README.md)."""
    table = {}
    for entry in load_gazetteer().of_type("person"):
        years = [int(y) for y in _YEAR_RE.findall(entry.note)]
        if years:
            table[entry.id] = min(years)
    return table


GIVEN_MAX_ZIPF = 5.0  # a first word more common than this (علي: "on") is not taken as a given name
_NOT_GIVEN = "بن ابن بنت أبو أبي أم عبد آل دي دو فون فان سان"  # particles that open names
# First names of mined people (``people_corpus.tsv``) that news writes far more often as words: «في عهد
# جاك شيراك» (in the era of), «روى حسن نصرالله» (narrated), سفر (travel), شامل، مطلق، وحيد، أصغر
_WORDS_MORE_THAN_NAMES = "عهد روى سفر شامل مطلق وحيد أصغر"


# Foreign given names the news writes often, in their usual Arabic spellings: the gazetteer's people
# bear only some of them, and a place or a famous surname after one is another man's name (فابيو ليما،
# جورج واشنطن، جيمس كاميرون). None that is as often a surname or a word (سيمون، باول، كيم، روس
# "Russians", سام "toxic"). Hand-written: no package lists given names in Arabic script.
FOREIGN_GIVEN = """
جيمس جون جوني مايكل مايك ديفيد دافيد دانيال دانييل ماثيو ماتيو بيتر بول روبرت روبرتو ريتشارد ويليام
وليام توماس توم جوزيف جوزيه خوسيه خوان كارلوس لويس لويز فرانك فرانسيس فرانسوا بيير جان جاك
ميشيل فيليب نيكولا نيكولاس أندريه أندريا أندرو أنطونيو أنتوني ألكسندر ألكسندرو سيرجي سيرغي إيفان
فلاديمير ديمتري ديميتري ميخائيل بوريس إيغور أولغا ماريا ماري ماريو ماركو مارك ماركوس ماتياس فابيو
فابيان فرناندو فيرناندو جابرييل غابرييل غابريال رونالدو ريكاردو ستيفن ستيفان ستيف كريستيان كريستوفر
كريس هنري هاري جورج جيرارد إدوارد إدواردو ألبرتو أليكس أليكسيس صامويل بنيامين برونو جوليان جوليو
لوكاس لوكا ماسيمو باولو بابلو رافائيل رافاييل دييغو إيميليو كيفن كيفين براين ريان جيسون أدريان
أوليفر هانز كلاوس يورغن فولفغانغ هيلموت أنغيلا أنجيلا آنا إيما إيميلي سارة جينيفر جيسيكا إليزابيث
كاترين كاثرين ميلانيا هيلاري نانسي ليندا باربرا دونالد ترينت أرنولد تيري غاري لاري تيد رون جيف جيفري
بيل
"""
_FOREIGN_GIVEN = frozenset(tokens(FOREIGN_GIVEN))


def _given_names(frequencies: dict[str, float]) -> frozenset[str]:
    """The first words of the gazetteer's people's names of two words or more, and the foreign given
    names listed above, as index forms."""
    zipf, skip = frequencies.get, frozenset(tokens(_NOT_GIVEN + " " + _WORDS_MORE_THAN_NAMES)) | stopword_set()
    firsts = {words[0] for entry in load_gazetteer().of_type("person")
              for words in map(tokens, (entry.canonical, *entry.variants)) if len(words) > 1} | _FOREIGN_GIVEN
    return frozenset(w for w in firsts if w not in skip and not w.startswith(ARTICLE)
                     and zipf(w, UNSEEN_ZIPF) < GIVEN_MAX_ZIPF)


def _kings() -> dict[str, tuple[Entry, ...]]:
    """Given name (index form) → the gazetteer's kings and sultans of that name (``«الملك فهد»``)."""
    found: dict[str, list[Entry]] = defaultdict(list)
    for entry in load_gazetteer().of_type("person"):
        if entry.subtype == "head-of-state" and entry.note.startswith(("King ", "Sultan ", "Queen ")):
            found[tokens(entry.canonical)[0]].append(entry)
    return {given: tuple(entries) for given, entries in found.items()}


_LOCK = threading.Lock()
_LEXICON: list[Lexicon] = []


def lexicon() -> Lexicon:
    """The process's lexicon, built on first call (about 1 s, mostly the word-frequency list)."""
    if not _LEXICON:
        with _LOCK:
            if not _LEXICON:
                frequencies = zipf_table()
                _LEXICON.append(Lexicon(names=keyed_with_clitics(_name_table()),
                                        titles=keyed_with_clitics(_title_table()),
                                        adjectives=_adjective_table(), skeletons=_skeleton_table(),
                                        frequencies=frequencies, since=_since_table(),
                                        given=_given_names(frequencies), kings=_kings()))
    return _LEXICON[0]
