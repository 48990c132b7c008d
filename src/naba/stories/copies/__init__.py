"""Exact and near duplicates, found online (see ``index`` for now)."""

from naba.stories.copies.index import DuplicateIndex, Match, gazetteer_name_of
from naba.stories.copies.sketch import Sketcher, TextSketch

__all__ = ["DuplicateIndex", "Match", "Sketcher", "TextSketch", "gazetteer_name_of"]
