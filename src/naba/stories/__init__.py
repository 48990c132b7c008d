"""Story intelligence over stored articles: duplicates and stories (the stage), and a story's page."""

from naba.stories.stage import StoryStage, story_verdict
from naba.stories.view import StoryDetail, TimelineEntry, story_detail

__all__ = ["StoryDetail", "StoryStage", "TimelineEntry", "story_detail", "story_verdict"]
