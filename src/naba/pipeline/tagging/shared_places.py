"""A name a city and a country share (عمان: Amman and Oman), settled by the article, for ``mentions``.

Hand-written news rules (the gazetteer marks the name ambiguous, and before these rules it was dropped:
on SaudiNewsNet + ANT 407 of the 630 articles that write «عمان» listed neither):
- before a comma and its own country it is the city («عمان، الأردن»: a dateline); in a list of names written side
  by side (السعودية والإمارات والبحرين وعمان، دمشق وعمان وبيروت) it is what its neighbours are: a
  country among countries, a city among cities;
- else the one the rest of the article points to: Oman when it names Oman (سلطنة عمان، العماني), Amman
  when it names Jordan (الأردن، العاصمة الأردنية، the dateline «عمان، الأردن»); neither when it names both.
"""

from __future__ import annotations

from collections.abc import Sequence

from naba.gazetteer import Entry
from naba.pipeline.tagging.lexicon import Name
from naba.pipeline.tagging.matching import Match
from naba.pipeline.tagging.stream import Stream

_INSIDE_A_COUNTRY = frozenset(("city", "region"))


def shared_place(stream: Stream, hit: Match[Name], hits: Sequence[Match[Name]], related: set[str]) -> Entry | None:
    """The owner a city-or-country name means here, or None (not such a name, or nothing settles it)."""
    owners = hit.value.owners
    countries = [owner for owner in owners if owner.type == "country"]
    places = [owner for owner in owners if owner.type in _INSIDE_A_COUNTRY]
    if len(countries) != 1 or len(places) != 1 or len(owners) != 2:
        return None
    country, place = countries[0], places[0]
    if _dateline(stream, hit, hits, place):
        return place
    kinds = {owner.type for owner in _neighbours(hit, hits)}
    if kinds == {"country"}:
        return country
    if kinds and kinds <= _INSIDE_A_COUNTRY:
        return place
    pointed = [owner for owner, id_ in ((country, country.id), (place, place.country)) if id_ in related]
    return pointed[0] if len(pointed) == 1 else None


def _neighbours(hit: Match[Name], hits: Sequence[Match[Name]]) -> list[Entry]:
    """The names written right before and after it (a list: وعمان، «، عمان»), by their first owner."""
    return [other.value.owners[0] for other in hits if other.end == hit.start or other.start == hit.end]


def _dateline(stream: Stream, hit: Match[Name], hits: Sequence[Match[Name]], place: Entry) -> bool:
    """«عمان، الأردن»: the city, a comma and its own country (not «وعمان والأردن», a list)."""
    return hit.end < len(stream) and bool(stream.breaks[hit.end]) and not stream.keys[hit.end].startswith("و") \
        and any(other.start == hit.end and other.value.owners[0].id == place.country for other in hits)
