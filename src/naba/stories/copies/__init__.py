"""Exact and near duplicates, found online (see ``index`` for now)."""

from naba.stories.copies.index import DuplicateIndex, Match, gazetteer_name_of

__all__ = ["DuplicateIndex", "Match", "gazetteer_name_of"]
