"""Stopwords in index form: the Arabic-Stopwords list, a short list of news-wire verbs and fillers,
and common English stopwords (for the English articles).

Every entry goes through ``index()``, so ``is_stopword`` takes tokens from ``tokens()`` as they are.
The set is built on first use (importing ``arabicstopwords`` and folding its ~13,500 forms takes
about 0.1 s, which a CLI command that never looks at stopwords should not pay).
"""

from __future__ import annotations

import functools

from naba.text.normalize import index

# Reporting verbs and connectives that open or pad nearly every news paragraph. The Arabic-Stopwords
# list covers the function words but not these (checked: none of them is in it).
NEWS_STOPWORDS_AR = """
قال وقال قالت وقالت يقول وأضاف أضاف وأضافت أضافت أكد وأكد أكدت وأكدت أشار وأشار أشارت وأشارت
ذكر وذكر ذكرت وذكرت أوضح وأوضح أوضحت وأوضحت لفت ولفت وتابع تابع وتابعت مضيفا مشيرا موضحا مؤكدا
لافتا بدوره بدورها يذكر ويذكر وفقا وفق إضافة بالإضافة بشأن عقب إثر كانت وكانت يكون تكون اليوم أمس
كما حيث خلال عبر أيضا جدا حيال جراء بسبب
"""

ENGLISH_STOPWORDS = """
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she should
so some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves also said says mr mrs ms
"""


@functools.cache
def stopword_set() -> frozenset[str]:
    """All stopwords, index-normalized."""
    import arabicstopwords.arabicstopwords as arabic_stopwords  # deferred: see the module docstring

    words = [*arabic_stopwords.stopwords_list(), *NEWS_STOPWORDS_AR.split(), *ENGLISH_STOPWORDS.split()]
    return frozenset(index(word) for word in words)


def is_stopword(token: str) -> bool:
    """True for an index-form token (from ``tokens()``) that carries no search or topic value."""
    return token in stopword_set()


def __getattr__(name: str) -> frozenset[str]:
    # ``STOPWORDS`` is a module attribute computed on first access (PEP 562).
    if name == "STOPWORDS":
        return stopword_set()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
