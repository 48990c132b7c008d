"""Who an article says it is republishing or quoting as its source: the outlets it credits.

Every credit form of Arabic news is read (hand-written rules: no library reads Arabic attribution; the
words are in ``credit_words``):

    a reporting phrase, then an outlet     «نقلا عن»، «بحسب»، «حسبما أفادت»، «وفقا لـ»، «ذكرت»، «نقل»،
                                           «قالت»، «المصدر:» ... then a media word and a name («وكالة
                                           الأنباء الفرنسية»، «لصحيفة ...»), a known outlet («سكاي نيوز»،
                                           «رويترز»), an agency's abbreviation (واس، قنا، وام، بنا، كونا،
                                           سبأ، سانا، د ب أ، أ ف ب) or a wire's short name in quotes
                                           («بحسب "الألمانية"»); the outlet may sit in its site
                                           («البوابة الإلكترونية لصحيفة الأهرام»، «موقع صحيفة "ماركا"»)
    an outlet told                         «وقال الشاهد لرويترز»، «بحسب حصيلة لوكالة فرانس برس»،
                                           «في مقابلة مع صحيفة ...» (not «كان يكتب لصحيفة ...»)
    an outlet another one quotes           «نقلت صحيفة "ديلي ميل" عن "ذي غارديان"»
    a second outlet in the same credit     «بحسب قناة "تي إم سي" وصحيفة "لوموند"»، «صحيفتا «ذي دايلي مايل»
                                           و«دايلي تلغراف»» (a dual media word, each outlet named once:
                                           ``credit_dual``)
    a credit in parentheses                «(واس)»، «(د ب أ)»، «(رويترز)»
    a name after the medium's description  «نشرت الصحيفة اليونانية (كاثيميريني)»، «القناة الرسمية "أرت 1"»:
                                           quoted or in parentheses, never a quote of what it said
                                           («وصفها التلفزيون الحكومي "بقضايا ضد الأمن"»)
    an agency in the dateline              «الرياض - واس»
    a press review's paper                 «وفي صحيفة ... مقال»، «أما صحيفة ... فكتبت»، «على غلاف صحيفة ...»، its
                                           name alone as a paragraph's heading (``credit_press``)

Names resolve through the entity layer (``naba.gazetteer``, organisations of subtype agency or media):
one canonical name per outlet, so «شينخوا» and «وكالة أنباء الصين الجديدة» are one entry, a known
name written after its description is found («وكالة الأنباء الكورية الجنوبية "يونهاب"»، «وكالة
الأنباء السورية (سانا)»), and «شبكة سي إن إن» is read whole (a name's own words are never cut at a
function word). An outlet the gazetteer does not know keeps its media word and its name: the quoted
words when the name is quoted («صحيفة «ذا تايمز أوف إنديا»»), else a few words (``credit_unknown``)
ending at punctuation, a function word, a verb or its object («مجلة التايم حوارا»), a descriptor
(«الفضائية»), a nationality adjective («صحيفة تشرين السورية أن» → «صحيفة تشرين»; but «وكالة الأنباء
الإثيوبية» keeps it) or "today". An unknown
«وكالة» must be a news agency (not «وكالة الفضاء»), an unknown «موقع» must have a quoted or foreign
name (not «موقع الحادث»). The subject of a story is never its source: an outlet its title names (a
story about Anadolu) is not a credit, unless the page's own credit line («المصدر:») names it; nor is the
outlet that published the text.

Beside these rules, a learned ranker (``credit_ranker``) reads every other outlet the text names and
adds the ones its context makes a credit (a press round-up's papers, an agency opening a later
paragraph, a statement an agency received).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from naba.pipeline.clean import credit_ranker
from naba.pipeline.clean import credit_words as cw
from naba.pipeline.clean.credit_context import TOLD_WINDOW
from naba.pipeline.clean.credit_dual import TwoOutlets
from naba.pipeline.clean.credit_names import (
    MAX_OUTLET_WORDS,
    canonical,
    in_dateline,
    named_outlets,
    own_site,
    parenthesised,
    publisher,
    signed_off,
    unique,
)
from naba.pipeline.clean.credit_quotes import MAX_QUOTED_WORDS, OPENING
from naba.pipeline.clean.credit_text import pieces, split_glued, word_key, word_spans
from naba.pipeline.clean.credit_words import credit_tables, is_adjective
from naba.text import dateline_end, index, without_conjunction
from naba.text.normalize import fold_for_index, fold_for_index_with_origins

MAX_FILLERS = 4  # words between a media word and a known name («وكالة الأنباء الكورية الجنوبية "يونهاب"»)
_SENTENCE_END = re.compile(r"[.!?؟؛][\"'«»“”]*$")


def find_attribution(text: str, credited_source: str | None = None, title: str | None = None,
                     outlet: str | None = None) -> tuple[str, ...]:
    """The outlets ``text`` credits, credited source first, each once (canonical when known), in order.

    ``outlet`` is the outlet that published the text: «قال الخبير لقناة المدار» in a report of قناة
    المدار credits nobody (it told the outlet itself). The rules' credits stand; every other outlet the
    text names is a candidate the learned ranker (``credit_ranker``) may add; credits in parentheses
    and in the dateline are taken as they are."""
    found, marks = candidates(text, title, outlet)
    credited = [canonical(credited_source)] if credited_source else []
    return unique(credited + [c.name for c in found if credit_ranker.credited(c)] + marks)


def candidates(text: str, title: str | None = None,
               outlet: str | None = None) -> tuple[list[credit_ranker.Candidate], list[str]]:
    """Every outlet the text names outside its title's subjects and its publisher, with the features the
    ranker reads, and the outlets credited in parentheses or the dateline.

    The text is read a piece at a time (``pieces``): per-character offsets and per-word lists of a
    whole 10 MB page would cost several hundred MB."""
    found: list[credit_ranker.Candidate] = []
    marks: list[str] = []
    subject = _subjects(title or "") | ({index(publisher(outlet))} if outlet else set())
    paragraphs = 0
    for paragraphs, piece in enumerate(pieces(text), 1):
        reader = _Piece(piece)
        for name, start, end, rule in reader.mentions():
            if index(name) not in subject and not own_site(name):
                media = reader.bare(start)
                features = [] if rule else credit_ranker.local_features(reader, name, start, end, media)
                found.append(credit_ranker.Candidate(name, paragraphs - 1, start, end, rule,
                                                     credit_ranker.is_paper(media), features))
        marks += [*parenthesised(reader.folded), *signed_off(reader.folded)]
    marks += [*in_dateline(fold_for_index(text[:dateline_end(text)])), *_title_credit(title or "")]
    credit_ranker.add_document(found, paragraphs)
    return found, [name for name in marks if index(name) not in subject]


def _title_opening(title: str) -> str | None:
    """The words opening a title before a colon, quotes off («"رويترز": المقاومة تسيطر ...»), unless the
    rest of the title refers back to them («الأناضول: إصابة مراسل الوكالة في غزة»)."""
    opening = re.match(r"\s*[«\"“]?([^:«»\"“”]{2,40}?)[»\"”]?\s*:(.*)", title)
    if opening is None or any(without_conjunction(key) in cw.GENERIC for key in _Piece(opening.group(2)).keys):
        return None
    return opening.group(1)


def _title_credit(title: str) -> list[str]:
    """An outlet opening a title before a colon is the story's credit line («صحيفة ماركا: ريال مدريد أعاد
    ...»): a known outlet (not a word that is also a common one) or a media word and its name, quoted or a
    proper name (not «صحيفة كشفت الفضيحة: ...», a sentence)."""
    if (opening := _title_opening(title)) is None:
        return []
    tables = credit_tables()
    if (known := tables.outlets.get(index(opening))) is not None and index(opening) not in tables.ambiguous:
        return [known]
    reader = _Piece(opening)
    if len(reader.keys) < 2 or reader.bare(0) not in cw.MEDIA:
        return []
    found = reader.unknown(0, strict=not reader.reading(0).proper)
    return [found[0]] if found is not None and found[1] == len(reader.keys) else []


def _subjects(title: str) -> set[str]:
    """The outlets a title names (index forms): the story is about them («البحرين تسمح لصحيفة “الوسط”
    باستئناف نشاطها»), known or not; but an outlet opening the title before a colon («بلومبرغ: فودافون
    ترحل عن قطر») is the story's source, as in a credit line, unless the rest of the title is about it
    («الأناضول: إصابة مراسل الوكالة في غزة»)."""
    subjects = set(named_outlets(title))
    reader = _Piece(title)
    for at in range(len(reader.keys)):
        if reader.bare(at) in cw.MEDIA and (found := reader.unknown(at)) is not None:
            subjects.add(index(found[0]))
    if (opening := _title_opening(title)) is not None:
        subjects.discard(index(canonical(opening)))
    return subjects


class _Piece(TwoOutlets):
    """One paragraph read word by word: each word's key (for names), its folded form (for quotes and
    punctuation), where it is in the text (to show a name as written), whether it ends a sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.origins = fold_for_index_with_origins(text)
        self.spans = word_spans(self.folded)
        self.shown = [self.folded[a:b] for a, b in self.spans]
        self.keys = list(map(word_key, self.shown))
        self.bares = [word for _, word in map(split_glued, self.keys)]

    @functools.cached_property
    def ends(self) -> list[bool]:  # type: ignore[override]  # read only where a word opens an outlet's name
        return [bool(_SENTENCE_END.search(w)) for w in self.shown]

    def mentions(self) -> list[tuple[str, int, int, bool]]:
        """Every outlet named here: (name, first word, end, whether the rules credit it), in order."""
        if all(bare is None for bare in self.bares):  # no word opens an outlet's name (most paragraphs)
            return []
        read = self.credits()
        taken = {i for _, start, end in read for i in range(start, end)}
        named: list[tuple[str, int, int, bool]] = [(name, start, end, True) for name, start, end in read]
        at = 0
        while at < len(self.keys):
            if at in taken or self.bare(at) is None:
                at += 1
                continue
            found = self.named_here(at) or (self.unknown(at) if self.bare(at) in cw.MEDIA else None)
            if found is None or any(i in taken for i in range(at, found[1])):
                at += 1
                continue
            named.append((found[0], at, found[1], False))
            at = found[1]
        return sorted(named, key=lambda mention: mention[1])

    def credits(self) -> list[tuple[str, int, int]]:
        """The outlets the hand-written rules credit here: (name, first word, end)."""
        names: list[tuple[str, int, int]] = []
        at, last = 0, -1
        while at < len(self.keys):
            found, found_at = None, at
            if self.bare(at) is not None and (self.reported(at) or self.coordinated(at, last)):
                # «ووصفت صحيفة دايلي ستار رحيل تشيك»: what is described follows the name, so only a
                # name the gazetteer knows or one quoted is read after a verb of describing
                found = self.resolve(at) or self.unknown(at, strict=self.described(at))
                if found is None and self.as_for(at, saying=True):  # «أما موقع اللواء فقد وصف»: any name
                    found = self.unknown(at, loose=True)
            elif self.bare(at) is None:
                pass
            elif (known := self.named_here(at)) is not None and self.reports_after(known[1]):
                found = known  # a known outlet's name: «وأظهر مسح لرويترز نشرت نتائجه» credits it too
            elif at == 0 and (heading := self.heading(known)) is not None:
                found = heading  # «الغد الأردنية» alone: a press review's heading (``credit_press``)
            elif self.bare(at) in cw.MEDIA and self.subject(at) \
                    and (shaped := known or self.unknown(
                        at, strict=not (self.opens_report(at) or self.relative_says(at)))) \
                    and self.reports_after(shaped[1]):
                # «وكانت صحيفة "إل كونفيدنسيال" قد أفادت»، «القناة العاشرة الإسرائيلية قالت»; opening its
                # sentence, an unquoted name too («صحيفة ليمانيتيه الفرنسية كتبت إن»: a press review); a known
                # name first («صحيفة ليبراسيون أعادت نشر»: the unknown reading runs into the verb)
                found = shaped
            if found is None:
                at += 1
                continue
            names.append((found[0], found_at, found[1]))
            at = last = found[1]
            if self.bare(found_at) in cw.DUAL_MEDIA and (second := self.second_of_two(found_at, at)) is not None:
                names.append((second[0], at, second[1]))  # «صحيفتا «ذي دايلي مايل» و«دايلي تلغراف»»
                at = last = second[1]
        return names

    def reported(self, at: int) -> bool:
        """Whether an outlet named at ``at`` is credited: a reporting phrase before it (its site's words
        skipped), an outlet told («قال ... لرويترز»), one quoted by another («نقلت ... عن "ذي غارديان"»)
        or interviewed («في مقابلة مع صحيفة ...»), or a piece it ran quoted («في مقال بصحيفة ...»)."""
        keys = self.keys
        before = at
        if at > 2 and keys[at - 1] == "في" and keys[at - 2] in cw.PUBLISHED_IN and keys[at - 3] in cw.CONTAINERS:
            before -= 2  # «حسب تقرير نشر في صحيفة ...»: the report's words
        while before > 0 and at - before < 3 and keys[before - 1] in cw.CONTAINERS:
            before -= 1
        if before > 0 and keys[before - 1] in cw.ALSO:
            before -= 1
        if before > 1 and keys[before - 1] in cw.PREPOSITION_PRONOUNS \
                and without_conjunction(keys[before - 2]) in cw.PRESS_REVIEW:
            return True
        if before > 1 and keys[before - 1] in cw.TONGUE and keys[before - 2] == "علي":  # على لسانه
            before -= 2
        if self.reporting_ends(before) and not self.writes_for(at, before):
            return not self.journal(at, before)
        if self.opens_review(at) or self.as_for(at) or self.on_cover(at) or self.opens_piece(before, at):
            return True  # a press review's paragraph a paper (``credit_press``)
        if "ل" in self.glued(at):  # «وفقا لوكالة ...»، «قال ... لرويترز»، «في تقرير لموقع ...»
            # «في حوار لمجلة ...»، «في تصريحات لصحيفة ...»: words said to it; not «مقال كتبه لصحيفة ...»
            return not self.writes_for(at, before) and (
                (before > 0 and keys[before - 1] in cw.GLUED_REPORTING | cw.SAID_TO) or self.told(at)
                or self.in_piece(at))
        if at > 2 and keys[at - 1] == "في" and tuple(keys[at - 3:at - 1]) in cw.FRONT_PAGES:
            return True  # «وعلى الصفحة الأولى في صحيفة «البلاد» ...»
        if "ب" in self.glued(at) or (at > 0 and keys[at - 1] == "في"):
            return self.in_piece(at if "ب" in self.glued(at) else at - 1) or self.said_in(at)
        if at > 0 and keys[at - 1] == "عن":
            return self.back_to(at - 1, cw.TRANSMITTING, TOLD_WINDOW)
        if at > 0 and keys[at - 1] == "الي":  # إلى in index form
            return self.back_to(at - 1, cw.SAID_TO, 2)
        if at > 0 and keys[at - 1] == "علي":  # «في لقاء تليفزيوني على القناة المصرية "إكسترا نيوز"»
            return self.back_to(at - 1, cw.SAID_TO, 4) and self.bare(at) not in credit_tables().short
        if before > 0 and keys[before - 1] in cw.CHOSE:  # «العنوان الذي اختارته صحيفة ...»
            return self.back_to(before - 1, cw.HEADLINES, 3)
        return (at > 0 and keys[at - 1] == "مع" and self.back_to(at - 1, cw.INTERVIEWS, 3)) or self.told_directly(at)

    def writes_for(self, at: int, before: int) -> bool:
        """«كانت تكتب لصحيفة ...»: a press review's verb before an outlet glued to ل is writing for it."""
        return "ل" in self.glued(at) and before > 0 and without_conjunction(self.keys[before - 1]) in cw.PRESS_REVIEW

    def described(self, at: int) -> bool:
        key = self.keys[at - 1] if at > 0 else ""
        return key in cw.DESCRIBING or without_conjunction(key) in cw.DESCRIBING

    def opens_report(self, at: int) -> bool:
        """Whether a media word opens its sentence with a reporting verb in the few words after it (read
        first: the name tagger is run only then)."""
        return (at == 0 or self.ends[at - 1] or self.keys[at - 1] in cw.CLAUSE_OPENERS) and any(
            key in cw.REPORTING_AFTER for key in self.keys[at + 2:at + MAX_FILLERS + 3])

    def subject(self, at: int) -> bool:
        """Whether an outlet at ``at`` may be the subject of a verb after it: not after a preposition
        («على موقع «Vox.eu»، قال فابيو»، «بجريدة «الرياض»، أورد فيه»)."""
        return not set(self.glued(at)) & {"ل", "ب"} and (at == 0 or self.keys[at - 1] not in cw.PREPOSITIONS)

    def named_here(self, at: int) -> tuple[str, int] | None:
        """A known outlet's whole name at ``at``, or right after its media word («صحيفة "ليكيب"»): no
        filler skipped, and a name that is also a common word («الجزيرة») only after a media word."""
        starts = [at, at + 1] if self.bare(at) in cw.MEDIA and at + 1 < len(self.keys) else [at]
        if len(starts) > 1 and self.keys[at + 1] in cw.FOREIGN_ARTICLES and at + 2 < len(self.keys):
            starts.append(at + 2)  # «صحيفة ذي وال ستريت جورنال»
        return next((hit for start in starts if (hit := self.known_at(start, unambiguous=start == at))), None)

    def known_at(self, start: int, unambiguous: bool) -> tuple[str, int] | None:
        """The longest known outlet name starting at ``start``, not cut inside a quoted name and, when
        ``unambiguous``, not one that is also a common word: its canonical name and where it ends."""
        tables = credit_tables()
        run = [self.bare(start) or self.keys[start], *self.keys[start + 1:start + MAX_OUTLET_WORDS]]
        for size in range(min(len(run), MAX_OUTLET_WORDS), 0, -1):
            name = " ".join(run[:size])
            hit = tables.outlets.get(name)
            if hit is not None and not self.quote_goes_on(start + size - 1) \
                    and not (unambiguous and name in tables.ambiguous):
                return hit, start + size
        return None

    def reports_after(self, end: int) -> bool:
        """«صحيفة "ليكيب" الفرنسية ذكرت»، «وكانت شبكة "الجزيرة نت" قد ذكرت»، «وكالة الأنباء الإماراتية
        "وام"، أعلنت»، «صحيفة «الوطن» السورية في عددها»: a reporting verb or the outlet's issue right after
        its name (its adjectives, descriptors, quoted abbreviation and a «قد» skipped), in the sentence."""
        keys = self.keys
        while end < len(keys) and not self.ends[end - 1] and (
                is_adjective(keys[end]) or keys[end] in cw.DESCRIPTORS or keys[end] == "قد"
                or (self.shown[end][:1] in OPENING + '"(' and keys[end] in credit_tables().outlets)):
            end += 1
        if end >= len(keys) or self.ends[end - 1]:
            return False
        if keys[end] in cw.RELATIVES and self.says_past_clause(end):
            return True  # «صحيفة "ذي ناشونال" التي تصدر بالإنكليزية، قالت إن» (``credit_press``)
        if keys[end - 1] in cw.LEANINGS or keys[end] in cw.LEANINGS:  # «المؤيدة للحكومة قالت»: past whom
            for after in range(end + 1, min(len(keys), end + cw.LEANING_WINDOW)):
                if self.ends[after - 1]:
                    return False
                if keys[after] in cw.REPORTING_AFTER:
                    return True
        verb = keys[end]
        if verb.startswith("ف") and verb[1:] in cw.REPORTING_AFTER | {"قد"}:  # «أما صحيفة «الأيام» فحمل عنوانها»
            verb = verb[1:] if verb[1:] != "قد" or end + 1 >= len(keys) else keys[end + 1]
        return verb in cw.REPORTING_AFTER or (verb == "في" and end + 1 < len(keys) and keys[end + 1] in cw.ISSUE) \
            or self.says_after(end)

    def coordinated(self, at: int, last: int) -> bool:
        """«بحسب قناة "تي إم سي" التلفزيونية وصحيفة "لوموند"»: a second outlet joined to the one just read."""
        return last >= 0 and self.glued(at)[:1] == "و" and at - last <= 2 and all(
            key in cw.DESCRIPTORS or is_adjective(key) for key in self.keys[last:at])

    def resolve(self, at: int) -> tuple[str, int] | None:
        """A known outlet at ``at``, its media word optional, or after its description («وكالة الأنباء
        الكورية الجنوبية "يونهاب"»): its canonical name and where it ends. The longest name first."""
        tables, first = credit_tables(), self.bare(at) or ""
        for start in self.name_starts(at):
            # «قنا» after «وكالة الأنباء العربية» is no outlet: a described name must not be a common word
            found = self.known_at(start, unambiguous=start > at + 1)
            if found is not None:
                return found
        if first in tables.short and at > 0:
            return tables.short[first], at + 1
        if (paper := self.quoted_bare_paper(at)) is not None:
            return paper
        if first in cw.AGENCY_WORDS and at + 1 < len(self.keys) and self.keys[at + 1] in tables.short:
            return tables.short[self.keys[at + 1]], at + 2  # «نقلت "فرانس برس" عن الوكالة الألمانية»
        return None

    def quoted_bare_paper(self, at: int) -> tuple[str, int] | None:
        """«نقلا عن "الشرق الأوسط" اللندنية»: a paper named without its media word, in quotes; or right
        after a piece's noun, unquoted («تقول افتتاحية القدس الفلسطينية»: an editorial is a paper's)."""
        if self.shown[at][:1] not in OPENING + '"':
            return self.bare_paper(at, shown=at > 0 and self.keys[at - 1] in cw.PIECE_NOUNS)
        for end in range(at, min(len(self.keys), at + MAX_QUOTED_WORDS)):
            if self.closes(end):
                hit = credit_tables().bare_papers.get(" ".join(self.keys[at:end + 1]))
                return (hit, end + 1) if hit is not None else None
        return None

    def name_starts(self, at: int) -> Iterator[int]:
        """Where a known name may start: at ``at``; after a media word, also after it and its fillers."""
        yield at
        if self.bare(at) in cw.MEDIA:
            start = at + 1
            while start < len(self.keys) and start - at <= MAX_FILLERS + 1:
                yield start
                if not self.filler(start):
                    return
                start += 1

    def filler(self, at: int) -> bool:
        key = self.keys[at]
        return key in cw.FILLERS or key in cw.MEDIA or key in cw.FOREIGN_ARTICLES \
            or (is_adjective(key) and not self.ends[at])
