"""Story intelligence: what is a copy of what, which articles tell one story, what to read next.

    copies/       near and exact duplicates: sketch, LSH band index, copy groups, templated-notice guard
    features.py   the story stage's per-article profile and pair score
    sketch.py     the stage's per-article work, done in the pipeline's workers
    stage.py      StoryStage: duplicate_of, stories and similar-article links, decided as batches are stored
    summaries.py  what a story's summary says (the store keeps it)
    related.py    an article's "similar" and "read also" lists
    ranking.py    the home page's order of stories
    view.py       one story as its page shows it
    similarity/   the pairwise similarity ``naba compare`` prints
"""

from naba.stories.stage import StoryStage, story_verdict
from naba.stories.view import StoryDetail, TimelineEntry, story_detail

__all__ = ["StoryDetail", "StoryStage", "TimelineEntry", "story_detail", "story_verdict"]
