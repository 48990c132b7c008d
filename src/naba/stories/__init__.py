"""Story intelligence: what is a copy of what, which articles tell one story, what to read next.

    sameness/     the one model of sameness: per-article profile, pair evidence, copy / same-event decisions
    copies/       the text side of copies: shingle sketches, LSH band index, filled-in-template guard
    placement.py  the rules that place each article: copy groups and stories with a core, decided in order
    stage.py      StoryStage: the online executor (memory, candidates, store), decided as batches are stored
    compare.py    two stored articles judged as the stage judges them (``naba compare``)
    summaries.py  what a story's summary says (the store keeps it)
    related.py    an article's "similar" and "read also" lists: computed with the stage, stored, read
    related_sources.py, related_rank.py, related_facets.py   their candidates, their ranker, their "why"
    ranking.py    the home page's order of stories
    view.py       one story as its page shows it
"""


from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from naba.stories.stage import StoryStage
    from naba.stories.view import StoryDetail, TimelineEntry, story_detail

# Imported when first named: a reader of one part (``naba show`` needs only ``summaries``) does not
# load the stage's sketches, numpy and the sameness model with it.
_HOMES = {"StoryStage": "naba.stories.stage", "StoryDetail": "naba.stories.view",
          "TimelineEntry": "naba.stories.view", "story_detail": "naba.stories.view"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


__all__ = ["StoryDetail", "StoryStage", "TimelineEntry", "story_detail"]
