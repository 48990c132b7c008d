"""The gazetteer: countries, cities, regions, organisations and people, with every known spelling.

    from naba.gazetteer import load_gazetteer
    gaz = load_gazetteer()                 # read once, cached
    gaz.lookup("زيلنسكي")                 # [Entry(id="person:volodymyr-zelensky", canonical="فولوديمير زيلينسكي", ...)]
    gaz.lookup_adjective("الأمريكيين")    # [Entry(id="country:usa", ...)]
    gaz.is_title("وزير الخارجية")         # True

The data is TSV in ``data/`` (conventions in ``data/README.md``); keys are ``naba.text.index`` forms.
"""

from naba.gazetteer.loader import OUTLET_SUBTYPES, Conflict, Entry, Gazetteer, load_gazetteer, read_directory

__all__ = ["OUTLET_SUBTYPES", "Conflict", "Entry", "Gazetteer", "load_gazetteer", "read_directory"]
