"""The clean stage: display-normalise an article, cut its trailing blocks, boilerplate and leaked headlines.

    clean_article(raw)              RawArticle -> Article (the stage's entry point)
    split_trailing_blocks(text)     source credit, tags, read-also, similar list -> PageBlocks
    strip_boilerplate(text)         inline teasers, share/follow prompts, app and rights notices
    extract_leaks(paragraphs, ...)  other articles' headlines run into the body
"""

from naba.pipeline.clean.article import clean_article, clean_body, split_paragraphs
from naba.pipeline.clean.blocks import PageBlocks, split_trailing_blocks
from naba.pipeline.clean.boilerplate import read_also_headline, strip_boilerplate, teaser_headline
from naba.pipeline.clean.leaks import extract_leaks

__all__ = [
    "PageBlocks", "clean_article", "clean_body", "extract_leaks", "split_paragraphs",
    "read_also_headline", "split_trailing_blocks", "strip_boilerplate", "teaser_headline",
]
