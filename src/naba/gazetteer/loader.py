"""Read the gazetteer's TSV files into one in-memory lookup table.

Each file in ``data/`` is UTF-8 TSV with a header row; the columns a file does not need may be left
out (see ``data/README.md``). Every surface form of an entry (canonical, variants) becomes a key in
the ``naba.text.index`` normal form, so a lookup is one dict access:

    key(surface)   = index(surface)                       ترمب, ترامب → ترمب, ترامب
    folded(surface)= index(surface minus its leading ال)   الأردن → اردن (only for entries without
                     the ``exact`` flag, never for people or ambiguous surfaces, and only when
                     no other entry claims the folded key)

Nationality adjectives live in a second table (``lookup_adjective``) because a word like المصري is
also a family name. A masculine nisba listed as ``أمريكي`` also gives أمريكية أمريكيان أمريكيين
أمريكيون أمريكيات أمريكيتان أمريكيتين, each with and without ال (every word of a phrase agrees:
الكوري الجنوبي → الكوريين الجنوبيين).

A surface written ``?بوش`` is *ambiguous*: several entries share it, or it is also an ordinary word or
a common first name. It is still a key, but the entry lists it in ``Entry.ambiguous`` so the tagger can
ask for context (a title, a co-occurring full name) before trusting it. Any other key that leads to
two entries is a data error, reported by ``Gazetteer.conflicts()``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from naba.errors import RecordError

try:  # the package's profile (naba.text exports it once the text module settles)
    from naba.text import index
except ImportError:  # pragma: no cover - older naba.text without the re-export
    from naba.text.normalize import index

TYPES = ("country", "city", "region", "org", "person", "event")
REQUIRED_COLUMNS = ("id", "canonical", "type")
KNOWN_COLUMNS = (*REQUIRED_COLUMNS, "subtype", "variants", "adjectives", "country", "en", "flags", "note")
FLAGS = ("exact", "cue")
AMBIGUOUS_MARK = "?"
ARTICLE = "ال"
NISBA_SUFFIXES = ("", "ة", "ان", "ين", "ون", "ات", "تان", "تين")


OUTLET_SUBTYPES = frozenset({"agency", "media"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One named thing and every way the news writes it."""

    id: str  # stable, ASCII: "country:usa", "person:donald-trump"
    canonical: str  # the Arabic display form
    type: str  # one of TYPES
    subtype: str = ""  # org: intl, arab, agency, armed-group, party, club, ...; person: role kind
    variants: tuple[str, ...] = ()  # other spellings, as written in the data (without the ? mark)
    adjectives: tuple[str, ...] = ()  # nationality adjectives as listed (masculine singular, ...)
    country: str = ""  # id of the related country entry, if any
    en: str = ""  # English name
    note: str = ""  # disambiguating information (office and years, ...)
    ambiguous: tuple[str, ...] = ()  # surfaces of this entry that are not unique evidence of it
    flags: tuple[str, ...] = ()
    latin: tuple[str, ...] = ()  # Latin spellings derived from ``en`` (see ``latin_spellings``)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A key that leads to several entries without being marked ambiguous."""

    key: str
    ids: tuple[str, ...]
    table: str  # "names" or "adjectives"


@dataclass
class Gazetteer:
    """Entries plus two key → entries tables (names and adjectives) and the titles list."""

    entries: tuple[Entry, ...]
    titles: tuple[str, ...] = ()
    _names: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _adjectives: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _title_keys: frozenset[str] = field(default_factory=frozenset, repr=False)
    _by_id: dict[str, Entry] = field(default_factory=dict, repr=False)
    _ambiguous: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, entries: list[Entry], titles: list[str]) -> Gazetteer:
        entries = latin_spellings(entries)
        by_id: dict[str, Entry] = {}
        for entry in entries:
            if entry.id in by_id:
                raise RecordError(f"duplicate gazetteer id {entry.id!r}", where=entry.id)
            by_id[entry.id] = entry
        keys = _index_all(_all_surfaces(entries, titles))
        ambiguous = {e.id: frozenset(keys[s] for s in e.ambiguous) for e in entries}
        names = _name_table(entries, keys)
        adjectives = _adjective_table(entries, keys)
        return cls(entries=tuple(entries), titles=tuple(titles), _names=names, _adjectives=adjectives,
                   _title_keys=frozenset(keys[t] for t in titles), _by_id=by_id, _ambiguous=ambiguous)

    def lookup(self, surface: str) -> list[Entry]:
        """Entries whose name (canonical or variant) has the same index form as ``surface``."""
        return list(self._names.get(index(surface), ()))

    def lookup_adjective(self, surface: str) -> list[Entry]:
        """Entries (countries) whose nationality adjective has the same index form as ``surface``."""
        return list(self._adjectives.get(index(surface), ()))

    def is_ambiguous(self, surface: str) -> bool:
        """True when ``surface`` is a name key that some entry marks as not unique evidence."""
        key = index(surface)
        return any(key in self._ambiguous[entry.id] for entry in self._names.get(key, ()))

    def is_title(self, surface: str) -> bool:
        return index(surface) in self._title_keys

    def is_outlet(self, surface: str) -> bool:
        """A news agency, paper, channel or site: an article's source, rarely its subject."""
        return any(entry.subtype in OUTLET_SUBTYPES for entry in self._names.get(index(surface), ()))

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def of_type(self, type_: str) -> list[Entry]:
        return [e for e in self.entries if e.type == type_]

    def conflicts(self) -> list[Conflict]:
        """Keys leading to several entries that do not all mark them ambiguous (data errors).

        Computed on demand (the tests call it); loading does not pay for it.
        """
        return (_conflicts(self._names, self._ambiguous, "names")
                + _conflicts(self._adjectives, self._ambiguous, "adjectives"))

    @functools.cached_property
    def max_words(self) -> int:
        """Words in the longest name key: the tagger's n-gram window."""
        return max((k.count(" ") + 1 for k in self._names), default=0)

    def __len__(self) -> int:
        return len(self.entries)


# --- keys -------------------------------------------------------------------------------------

def _index_all(surfaces: list[str]) -> dict[str, str]:
    """``{surface: index(surface)}`` in one pass of ``index`` over all surfaces joined by newlines.

    ``index`` is character-wise but for whitespace tidying, and never adds or removes a newline
    between one-line strings that do not fold to nothing, so the parts line up once each is stripped;
    a test pins that each key equals ``index(surface)``. Falls back to one call each.
    """
    unique = list(dict.fromkeys(s for s in surfaces if s))
    folded = [part.strip(" ") for part in index("\n".join(unique)).split("\n")]
    if len(folded) != len(unique):
        folded = [index(s) for s in unique]
    return dict(zip(unique, folded, strict=True))


def _all_surfaces(entries: list[Entry], titles: list[str]) -> list[str]:
    surfaces = list(titles)
    for entry in entries:
        names = _name_surfaces(entry)
        surfaces += names
        surfaces += (bare for bare in map(_drop_article, names) if bare)
        surfaces += entry.ambiguous
        surfaces += (form for adjective in entry.adjectives for form in _inflect(adjective))
    return surfaces


@functools.cache
def _drop_article(surface: str) -> str | None:
    """الأردن → الأردن minus ال; None when the first word is not ال + at least three letters.

    Works on the written form, so ألمانيا (hamza on the alef) is never taken for an article.
    """
    first = surface.split(" ", 1)[0]
    if not first.startswith(ARTICLE) or len(first) < len(ARTICLE) + 3 or first.endswith(("ية", "يه")):
        return None  # النبطية → نبطية is the adjective (قصيدة نبطية), not the town
    return surface[len(ARTICLE):]


def _name_surfaces(entry: Entry) -> list[str]:
    return [entry.canonical, *entry.variants, *entry.latin]


def _latin_names(entry: Entry) -> list[str]:
    names = [entry.en] if entry.en else []
    if entry.en.endswith("+"):  # OPEC+ is said OPEC plus
        names.append(entry.en[:-1].rstrip() + " plus")
    if entry.type == "person" and " " in entry.en and entry.canonical.split(" ")[-1] in entry.variants:
        names.append(entry.en.split(" ")[-1])
    return list(dict.fromkeys(names))


def latin_spellings(entries: list[Entry]) -> list[Entry]:
    """Each entry with the Latin spellings its ``en`` gives: the English name (Donald Trump, OPEC+),
    and for a person whose Arabic surname alone is a listed variant (ترامب), the English surname
    (Trump). A Latin spelling two entries would share is left out (Bush, Clinton): a guess."""
    wanted: dict[str, list[str]] = {}
    for entry in entries:
        for name in _latin_names(entry):
            wanted.setdefault(index(name), []).append(entry.id)
    shared = {key for key, ids in wanted.items() if len(ids) > 1}
    result = []
    for entry in entries:
        latin = tuple(n for n in _latin_names(entry) if index(n) not in shared)
        result.append(replace(entry, latin=latin) if latin else entry)
    return result


def _name_table(entries: list[Entry], keys: dict[str, str]) -> dict[str, list[Entry]]:
    table: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for key in dict.fromkeys(keys[s] for s in _name_surfaces(entry)):
            table[key].append(entry)
    derived: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.type == "person" or "exact" in entry.flags:
            continue
        surfaces = [s for s in _name_surfaces(entry) if s not in entry.ambiguous]  # a guess on a guess: no
        for bare in dict.fromkeys(filter(None, map(_drop_article, surfaces))):
            key = keys[bare]
            if key not in table and entry not in derived[key]:
                derived[key].append(entry)
    # A folded key two entries would share is dropped: it is a guess, and a wrong merge costs more.
    table.update((k, v) for k, v in derived.items() if len(v) == 1)
    return dict(table)


@functools.cache
def _inflect(adjective: str) -> tuple[str, ...]:
    """أمريكي → the nisba's gender/number forms, each bare and with ال; other words as written.

    Every word of a phrase ending in ي takes the same suffix, so the phrase agrees with itself.
    """
    words = adjective.split(" ")
    regular = all(w.endswith("ي") for w in words)
    with_article = not any(w.startswith(ARTICLE) for w in words)
    forms = []
    for suffix in NISBA_SUFFIXES if regular else ("",):
        inflected = [w + suffix for w in words]
        forms.append(" ".join(inflected))
        if with_article:
            forms.append(" ".join(ARTICLE + w for w in inflected))
    return tuple(forms)


def _adjective_table(entries: list[Entry], keys: dict[str, str]) -> dict[str, list[Entry]]:
    table: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for key in dict.fromkeys(keys[form] for adjective in entry.adjectives for form in _inflect(adjective)):
            table[key].append(entry)
    return dict(table)


def _conflicts(table: dict[str, list[Entry]], ambiguous: dict[str, frozenset[str]], name: str) -> list[Conflict]:
    """Keys owned by several entries that do not all mark the key ambiguous. A club that marks it may
    share it with one other entry that does not (الخليج: the tagger reads the club only in a sports
    report, the Gulf elsewhere)."""
    def marked(entry: Entry, key: str) -> bool:
        return key in ambiguous[entry.id]

    conflicts = []
    for key, owners in table.items():
        others = [e for e in owners if not (e.subtype == "club" and marked(e, key))]
        if len(owners) > 1 and not all(marked(e, key) for e in owners) and len(others) > 1:
            conflicts.append(Conflict(key, tuple(e.id for e in owners), name))
    return conflicts


# --- files ------------------------------------------------------------------------------------

def _split(cell: str) -> tuple[list[str], list[str]]:
    """``a|?b|c`` → (["a", "b", "c"], ["b"]): the surfaces, and those marked ambiguous."""
    surfaces, ambiguous = [], []
    for part in cell.split("|"):
        part = part.strip()
        if not part:
            continue
        if part.startswith(AMBIGUOUS_MARK):
            part = part[1:].strip()
            ambiguous.append(part)
        surfaces.append(part)
    return surfaces, ambiguous


def _entry(row: dict[str, str], where: str) -> Entry:
    for column in REQUIRED_COLUMNS:
        if not row.get(column):
            raise RecordError(f"missing {column}", where=where)
    if row["type"] not in TYPES:
        raise RecordError(f"unknown type {row['type']!r}", where=where, hint=f"one of {', '.join(TYPES)}")
    canonical, canonical_ambiguous = _split(row["canonical"])
    if len(canonical) != 1 or canonical_ambiguous:
        raise RecordError(f"canonical must be one unmarked name, got {row['canonical']!r}", where=where)
    variants, ambiguous = _split(row.get("variants", ""))
    adjectives, ambiguous_adjectives = _split(row.get("adjectives", ""))
    flags = tuple(f.strip() for f in row.get("flags", "").split(",") if f.strip())
    unknown = set(flags) - set(FLAGS)
    if unknown:
        raise RecordError(f"unknown flags {sorted(unknown)}", where=where, hint=f"known: {', '.join(FLAGS)}")
    ambiguous_forms = [f for a in ambiguous_adjectives for f in _inflect(a)]
    return Entry(id=row["id"], canonical=canonical[0], type=row["type"], subtype=row.get("subtype", ""),
                 variants=tuple(v for v in dict.fromkeys(variants) if v != canonical[0]),
                 adjectives=tuple(adjectives), country=row.get("country", ""), en=row.get("en", ""),
                 note=row.get("note", ""), ambiguous=tuple(dict.fromkeys(ambiguous + ambiguous_forms)),
                 flags=flags)


def _rows(path: Path, text: str) -> list[tuple[dict[str, str], str]]:
    lines = text.splitlines()
    if not lines:
        return []
    header = lines[0].split("\t")
    unknown = set(header) - set(KNOWN_COLUMNS) - {"title"}
    if unknown:
        raise RecordError(f"unknown columns {sorted(unknown)}", where=f"{path.name}:1")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > len(header):
            raise RecordError(f"{len(cells)} cells for {len(header)} columns", where=f"{path.name}:{number}")
        rows.append((dict(zip(header, (c.strip() for c in cells), strict=False)), f"{path.name}:{number}"))
    return rows


def read_directory(directory: Path) -> Gazetteer:
    """Every ``*.tsv`` in ``directory``; ``titles.tsv`` holds the titles, the rest hold entries."""
    entries: list[Entry] = []
    titles: list[str] = []
    seen: dict[str, str] = {}  # id -> where it was first defined
    for path in sorted(directory.glob("*.tsv")):
        rows = _rows(path, path.read_text(encoding="utf-8"))
        if path.name == "titles.tsv":
            titles.extend(row["title"] for row, _ in rows if row.get("title"))
            continue
        for row, where in rows:
            entry = _entry(row, where)
            if entry.id in seen:
                raise RecordError(f"duplicate gazetteer id {entry.id!r}", where=where,
                                  hint=f"first in {seen[entry.id]}")
            seen[entry.id] = where
            entries.append(entry)
    return Gazetteer.build(entries, titles)


DATA_DIR = Path(__file__).parent / "data"


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped in the package, read once per process."""
    return read_directory(DATA_DIR)
