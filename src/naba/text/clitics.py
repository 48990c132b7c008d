"""Leading clitics: the one place that knows how news Arabic glues words together.

Arabic writes the conjunctions و ف, the prepositions ب ل ك and the article ال as part of the next
word (وبوتين، للأردن، بالكتاب، والأدباء). Every stage that looks a word up, shows it or compares it
goes through these functions, on index-form tokens (``naba.text.tokens``):

    bare_forms(key)        the token and its readings without leading clitics, the token first
                           (وللأردن → وللاردن, للاردن, الاردن, لاردن); the article itself stays
    with_clitics(key)      the inverse: every token whose readings include ``key`` (lookup tables)
    article_form(key)      what is glued before the article dropped (بالكتاب → الكتاب; للقراءه →
                           القراءه, but للاعبي → لاعبي: ل + a word that starts with ل)
    without_clitics(surface, key, form)   a written surface cut down to one of those readings
    clitic_free(key)       the reading a reader would see: the bare word when the token is a clitic
                           glued to a word the language uses clearly more (بمدارس → مدارس, وكتبت →
                           كتبت) and the token itself otherwise (وليد، فيصل، بسام are names)
    glued(key)             True when ``clitic_free`` strips something: the token is clitic + word
    without_conjunction(key)   a leading و or ف gone (وقال → قال، فقالت → قالت), nothing else
    stripped(key)          every clitic and the article gone, for comparing phrases (والكتب → كتب)

Hand-written rules (no library splits clitics this cheaply). Two letters must look like a clitic
*and* the rest must be a word: a clitic is only stripped while three letters remain, and
``clitic_free`` asks wordfreq's Arabic list (``naba.text.frequency``) whether the bare rest is
clearly the commoner word, because many names and words start with these letters (وليد، بلال،
كمال: the bare rest ليد، لال، مال is not the reading).
"""

from __future__ import annotations

import functools
import re

from naba.text.frequency import zipf

ARTICLE = "ال"
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
CLITIC_LETTERS = CONJUNCTIONS + PREPOSITIONS
# The bare rest must be this much more common (Zipf) than the token for the token to count as a
# clitic glued to it: بإعداد 4.0 / إعداد 4.7 and وكتبت 4.0 / كتبت 4.75 are glued; بسام 3.8 / سام 4.35
# and فيصل 4.8 / يصل 5.1 are names.
GLUED_MARGIN_ZIPF = 0.6
_MIN_REST = 3  # letters that must remain after a clitic
# و/ف, then ب/ك before ال, or ل that ate the article's alef (للقراءه); three letters must remain
_BEFORE_ARTICLE_RE = re.compile(r"^([وف]?[بك]?(?=ال...)|[وف]?لل(?=...))")
# every clitic and the article, for ``stripped``
_ALL_CLITICS_RE = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل|ال)(?=...)")


def bare_forms(key: str, min_rest: int = _MIN_REST) -> list[str]:
    """An index token and its readings without leading clitics, the token itself first.

    وللأردن → وللاردن, للاردن, الاردن, لاردن. Only strips while at least three letters remain (or
    ``min_rest``: a closed word list may hold shorter words, بحي → حي). The article itself stays: a
    name written without it (آبل، مصر) must not match الإبل or المصر; the gazetteer keys ال-names with
    and without their article where that is safe.
    """
    forms = [key]
    rest = key
    if len(rest) > min_rest and rest[0] in CONJUNCTIONS:
        rest = rest[1:]
        forms.append(rest)
    if len(rest) > min_rest and rest[0] in PREPOSITIONS:
        if rest.startswith("لل") and len(rest) > min_rest + 1:
            forms.append(ARTICLE + rest[2:])
        rest = rest[1:]
        forms.append(rest)
    return forms


@functools.lru_cache(maxsize=8192)
def with_clitics(key: str) -> tuple[str, ...]:
    """Every token whose ``bare_forms`` include ``key``: the inverse, for building lookup tables."""
    bare = key.removeprefix(ARTICLE)
    stems = {key, ARTICLE + bare, "ل" + bare if key.startswith(ARTICLE) else "لل" + bare}
    candidates = {c + p + s for s in stems for c in ("", "و", "ف") for p in ("", "ب", "ل", "ك")}
    return tuple(sorted(t for t in candidates if key in bare_forms(t)))


def article_form(key: str) -> str:
    """The reading of ``key`` that keeps the article but drops what is glued before it
    (والادباء → الادباء, للقراءه → القراءه, بالكتاب → الكتاب); ``key`` itself otherwise.

    لل is ل + ال with the alef dropped, or ل before a word that itself starts with ل (للاعبي = ل +
    لاعبي): the commoner of the two readings wins.
    """
    match = _BEFORE_ARTICLE_RE.match(key)
    if not match:
        return key
    glued_part = match.group(1)
    rest = key[len(glued_part):]
    if not glued_part.endswith("لل"):
        return rest
    with_article, with_lam = ARTICLE + rest, "ل" + rest
    return with_lam if zipf(with_lam) > zipf(with_article) else with_article


def without_clitics(surface: str, key: str, form: str) -> str:
    """``surface`` (whose index token is ``key``) cut down to the bare ``form`` of ``key``.

    وبوتين / بوتين → بوتين; للأردن / الاردن → الأردن (لل is ل + ال that lost its alef).
    Clitics are single letters, so ``len(key) - len(form)`` letters go; marks inside a clitic
    (rare in news) would shift this by one and leave a letter, never cut into the word.
    """
    if form == key:
        return surface
    cut = len(key) - len(form)
    if form.startswith(ARTICLE) and key[cut:cut + 2] == "لل":
        return "ا" + surface[cut + 1:]
    return surface[cut:]


@functools.lru_cache(maxsize=65536)
def clitic_free(key: str) -> str:
    """The reading of ``key`` a reader would write alone: the article form when something is glued
    before an article, else the barest reading that is clearly the commoner word, else ``key``."""
    form = article_form(key)
    if form != key:  # بالعلماء → العلماء, but فالفيردي is a name, not ف + الفيردي
        return form if zipf(form) > zipf(key) else key
    if len(key) <= _MIN_REST or key[0] not in CLITIC_LETTERS:
        return key
    threshold = zipf(key) + GLUED_MARGIN_ZIPF
    for reading in reversed(bare_forms(key)[1:]):  # barest first
        if not reading.startswith(ARTICLE) and zipf(reading) >= threshold:
            return reading
    return key


def glued(key: str) -> bool:
    """True when ``key`` is a clitic glued to a word (بإعداد، لرئاسة، وكتبت), not a word of its own."""
    return clitic_free(key) != key


def without_conjunction(key: str) -> str:
    """``key`` without a leading conjunction و or ف while three letters remain (وقال → قال): how a
    cue word (a verb of saying, a relative) is matched whatever joins it to what comes before."""
    return key[1:] if len(key) > _MIN_REST and key[0] in CONJUNCTIONS else key


def stripped(key: str) -> str:
    """``key`` without any leading clitic or the article (والكتب, بالكتب, للكتب → كتب), while three
    letters remain: the form in which two phrases are compared, never shown."""
    return _ALL_CLITICS_RE.sub("", key)
