"""Tags and named entities of an article (the page's "كلمات دلالية").

    tag_article(title, body) -> Tags      keywords: the tags an editor would keep (3 or so, at
                                          most 12), best first (entities' canonical names and
                                          key phrases, mixed by score);
                                          entities: one Entity per canonical entity, best first
    tag_tokens(text) -> Tags              the same, of a ``naba.text.tokenize_article`` result
    resolve_entity(name) -> Entity | None any spelling a user types → its canonical entity
    usual_name(name)                      a name the gazetteer lacks in the one spelling its canonical
                                          form takes (ساره ساندرز → سارة ساندرز)
    query_names(text)                     the names in a search query, as token spans
    warm_up()                             build the lexicon now (a worker pool's initializer)
    TagOptions                            the scoring weights, tuned on AKEC train (``options``)

How it reads an article (one module each):
    stream     tokens in index and display form, punctuation breaks, clitics
    lexicon    gazetteer names, titles, spelling skeletons and word frequencies, built once
    words      what each token is (stem, frequency, adjective, ...), memoized per process
    matching   longest-first name matching over the stream
    mentions   entity mentions and the evidence that settles ambiguous ones
    newnames   names the gazetteer lacks, from titles and head nouns
    spelling   a skeleton key for transliteration variants
    phrases    key phrases and their scores
    tagger     the ranked merge of both

Pure and deterministic; safe across threads and processes (the lexicon is built once under a lock
and never changed; the word memo only grows or is dropped whole; ``naba.text.stems`` keeps
per-thread stemmers). The lexicon takes about 1 s and 100 MB (wordfreq's Arabic list, the gazetteer).
"""

from naba.pipeline.tagging.mentions import usual_name
from naba.pipeline.tagging.options import TagOptions
from naba.pipeline.tagging.resolve import QueryName, plus_as_word, query_names, resolve_entity
from naba.pipeline.tagging.tagger import Tags, tag_article, tag_tokens, warm_up
from naba.pipeline.tagging.words import forget as forget_words

__all__ = ["QueryName", "TagOptions", "Tags", "forget_words", "plus_as_word", "query_names", "resolve_entity",
           "tag_article", "tag_tokens", "usual_name", "warm_up"]
