"""A given name and a family name with the article: جديع القحطاني، سهيل المزروعي، عبدالعزيز المشيطي.

Hand-written Arabic rules (no library tags Arabic names without a model download). The statistical
name tagger (``namemodel``) rarely learned these: its silver labels come from the rules, and the
given name is often a common word (محسن "benefactor", هالة "halo"). They are read off how the
language writes the two words, from its word frequencies and a short list of common given names:

- the family name is an ال-word ending in ي whose feminine the language hardly writes (القحطاني
  but not القحطانية; الاقتصادي is an adjective: الاقتصادية is common), that it writes with the
  article clearly more often than bare (المباني، الوفي: a plural, an adjective), and no nationality
  (الكويتي);
- the given name never has a clitic, is no verb, inflection or kinship noun (نجل), and reads as a
  name rather than a noun: a given name of the gazetteer's people, one of the common given names
  listed here, or a rare word the language never writes with the article that does not open or
  close like a verb or a place noun (جديع: ``Word.name_like``); a noun before a nisba («مكتب
  المالكي»، «عدد القتلى») is the far commoner reading of an unlisted common word;
- it is no part of a longer name (بن عبدالله الدوسري); a given name before it is the father's
  (ماجد فهد السبيعي) and joins it;
- the article leans on the name: the family name is said twice or the pair is in the headline.

A full name with its nasab needs no such leaning (``_nasab_names``): a given name, بن/بنت and the
fathers' names, closed by a family (a rare ال-word, a family nisba, or آل and a name) is a person
wherever it stands (محارب بن منصور المطيري).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from naba.gazetteer import load_gazetteer
from naba.pipeline.tagging import namemodel, newnames
from naba.pipeline.tagging.lexicon import given_name, lexicon
from naba.pipeline.tagging.newnames import NewName
from naba.pipeline.tagging.stream import Stream
from naba.pipeline.tagging.words import Word
from naba.text import ARTICLE, index

FEMININE_MAX_ZIPF = 3.0  # القحطانية: a family name's feminine is this rare (الاقتصادية is not)
CLITIC_REST_ZIPF = 3.0  # لاستئصال: ل + a word at least this common is a clitic, not a name
BARE_MARGIN = 0.5  # a family name is written this much more often with the article than bare
FAMILY_MAX_ZIPF = 4.8  # a family name this common at most (الدولي، العربي are adjectives anyway)
BARE_FAMILY_MAX_ZIPF = 3.0  # a nasab's family written without its article this rare (جعيثن), not خبير
HOUSE = index("آل")
KIN = frozenset(index(w) for w in "نجل نجلة شقيق شقيقة زوجة أرملة حفيد حفيدة".split())  # نجل النعيمي: a son of


def family_names(stream: Stream, words: Sequence[Word], taken: bytearray) -> list[NewName]:
    """Two untaken words, a given name and a family name, that the article leans on: new people."""
    keys = stream.keys
    said = Counter(w.shown for w in words)
    found = _nasab_names(stream, words, taken)
    for i in range(1, len(keys)):
        if taken[i] or taken[i - 1] or stream.breaks[i] or not _family(stream, words, i) \
                or not _given(stream, words, i - 1):
            continue
        start = i - 1
        if start > 0 and not stream.breaks[start] and not taken[start - 1] and _listed(stream, words, start - 1):
            start -= 1  # ماجد فهد السبيعي: a given name and the father's
        if start > 0 and not stream.breaks[start] and keys[start - 1] in newnames.NAME_LINKS:
            continue  # سعود بن عبدالله الدوسري، آل جرمان الشهراني: the end of a longer name
        if start < stream.title_end or said[words[i].shown] >= 2:
            found.append(newnames.new_name(stream, start, i + 1, "person", taken))
    return found + _house_names(stream, words, taken)


def _nasab_names(stream: Stream, words: Sequence[Word], taken: bytearray) -> list[NewName]:
    """A full Arab name, a given name, بن/بنت and the father's given name (and his father's), then the
    family (محمد بن عبد الله الجعيثن، محارب بن منصور المطيري، هزاع بن سيف الثبيتي): a person however far
    from a title and said once; a nasab closed by a family reads no other way."""
    keys, found = stream.keys, list[NewName]()
    if not newnames.NASAB_LINKS.intersection(keys):  # most articles: one scan in C
        return found
    for i in range(1, len(keys) - 2):
        if keys[i] not in newnames.NASAB_LINKS or taken[i] or taken[i - 1] or stream.breaks[i]:
            continue
        start = i - 2 if i > 1 and keys[i - 2] == "عبد" and not stream.breaks[i - 1] else i - 1  # عبد الله بن
        if taken[start] or (start > 0 and not stream.breaks[start] and keys[start - 1] in newnames.NAME_LINKS) \
                or not (start < i - 1 or _name_word(stream, words, start)):
            continue
        run = _nasab_run(stream, words, i, taken)
        end = _family_end(stream, words, run, taken) if run > i else 0
        if end > 0:
            found.append(newnames.new_name(stream, start, end, "person", taken))
    return found


def _name_word(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """A given name, listed or not (محارب، عطية: common words too), in a nasab: no article, clitic,
    verb or inflection."""
    return given_name(stream.keys[i]) or (not stream.keys[i].startswith(ARTICLE)
                                          and newnames.may_be_in_name(stream, words, i))


def _nasab_run(stream: Stream, words: Sequence[Word], i: int, taken: bytearray) -> int:
    """Past the links and the fathers' given names from ``i`` (بن محمد بن عبد الله): where they end,
    ``i`` when the word after the first link is no name's."""
    keys, end = stream.keys, i
    while end + 1 < len(keys) and keys[end] in newnames.NASAB_LINKS and not taken[end + 1] \
            and not stream.breaks[end] and not stream.breaks[end + 1]:
        if keys[end + 1] == "عبد" and end + 2 < len(keys) and not stream.breaks[end + 2]:
            end += 3
        elif _name_word(stream, words, end + 1):
            end += 2
        else:
            break
    return end


def _family_end(stream: Stream, words: Sequence[Word], at: int, taken: bytearray) -> int:
    """The end of the family name at ``at`` (a rare ال-word that is no nationality, or آل and a name),
    0 when none closes the nasab there."""
    keys = stream.keys
    if at >= len(keys) or stream.breaks[at] or taken[at]:
        return 0
    if keys[at] == ARTICLE:  # آل folds to ال
        return at + 2 if at + 1 < len(keys) and not stream.breaks[at + 1] else 0  # آل الشيخ: a title too
    rare = newnames.has_article(stream, at) and words[at].adjective is None and keys[at] not in newnames.DESCRIBING \
        and lexicon().zipf(keys[at].removeprefix(ARTICLE)) < BARE_FAMILY_MAX_ZIPF  # الجعيثن; not الخبير، الملقب
    return at + 1 if rare or _family(stream, words, at) else 0


def _house_names(stream: Stream, words: Sequence[Word], taken: bytearray) -> list[NewName]:
    """A given name (and the father's), آل and the house (تركي آل الشيخ، محمد سعيد آل جابر): a man of that
    family, when the headline names him or the article says the house twice. Not the end of a nasab (بن سعود
    آل سعود)."""
    keys, found = stream.keys, list[NewName]()
    if HOUSE not in keys:  # most articles: one scan in C
        return found
    gazetteer = load_gazetteer()  # آل الشيخ: a house named like a title
    for i in (i for i, key in enumerate(keys) if key == HOUSE and 0 < i < len(keys) - 1):
        if taken[i - 1] or taken[i] or (taken[i + 1] and not gazetteer.is_title(stream.surface(i + 1))) \
                or stream.breaks[i] or stream.breaks[i + 1] or not _given(stream, words, i - 1) \
                or not given_name(keys[i - 1]) or not stream.surface(i).startswith("آل"):
            continue
        start = i - 1
        if start > 0 and not stream.breaks[start] and not taken[start - 1] and _listed(stream, words, start - 1):
            start -= 1  # محمد سعيد آل جابر: a given name and the father's
        if start > 0 and not stream.breaks[start] and keys[start - 1] in newnames.NAME_LINKS:
            continue
        said = sum(1 for j in range(len(keys) - 1) if keys[j] == HOUSE and keys[j + 1] == keys[i + 1])
        if start < stream.title_end or said >= 2:
            found.append(newnames.new_name(stream, start, i + 2, "person", taken))
    return found


def _family(stream: Stream, words: Sequence[Word], i: int) -> bool:
    key, word = stream.keys[i], words[i]
    if not key.endswith("ي") or not key.startswith(ARTICLE) or key != word.shown or word.adjective is not None \
            or word.number or len(key) < 5 or not stream.surface(i).startswith(ARTICLE):  # ي first: most fail it
        return False
    zipf = lexicon().zipf
    if word.zipf >= FAMILY_MAX_ZIPF or zipf(key + "ه") >= FEMININE_MAX_ZIPF \
            or zipf(key.removeprefix(ARTICLE)) > word.zipf - BARE_MARGIN:
        return False  # الاقتصادية is common; مباني، وفي are written bare as much: a plural, an adjective
    return stream.surface(i).endswith("ي")  # written ي, not ى: الجرحى is a plural


def _listed(stream: Stream, words: Sequence[Word], i: int) -> bool:
    """A father's name before a given name is a listed one (فهد of ماجد فهد), not any rare word
    (خراسان of «جماعة خراسان محسن الفضلي»)."""
    key = stream.keys[i]
    return given_name(key) and _given(stream, words, i)


def _given(stream: Stream, words: Sequence[Word], i: int) -> bool:
    key, word = stream.keys[i], words[i]
    if key.startswith(ARTICLE) or key != word.shown or key in newnames.NAME_LINKS or key in KIN \
            or namemodel.not_name(stream, words, i):
        return False
    if given_name(key):
        return True
    if key[0] in "يتوأ" or key.endswith(("ت", "ه", "يتي")):
        return False  # a rare verb (يتعود، وأثنت، أشاد، فاقت) or place noun (مديريتي، حدرية)
    return word.name_like and not (key[0] in "وفبلك" and lexicon().zipf(key[1:]) >= CLITIC_REST_ZIPF)
