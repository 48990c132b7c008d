"""Verbs read from a word's shape, so that no name is made of one (hand-written Arabic rules: no
Arabic morphological analyser is a dependency). Each asks the language's word frequencies whether the
word's kin exist: an Arabic verb conjugates, a foreign name has no kin.

    imperfect_verb   يرأس، يتجه، تساعد (kin يتجه/تتجه), نتصدى (يتصدى), not توران، يوفنتوس، نتنياهو
    future_verb      ستنقل، سيغادر (تنقل is common), not ستيفاني، سيرجي
    perfect_verb     اختلس، واعتصموا، واتلاف (يختلس، يعتصم، يتلف), not امستردام، انشيلوتي
    past_verb        قاد، خسر، ركز (يقود، يخسر، يركز): a plain past, not جون، كلاوس
    conjugated_past  خاض، كرر (خاضت، خاضوا، يخوض): a looser test where a name was expected
    participle       المعتدلة، مروج، مخزون، المستفيدين (يعتدل، يروج، يخزن، يستفيد), not مدريد، المونديال
    SPEECH_VERBS     the reporting verbs (دعا، حث، يتوعد), listed: too short or too common for the rules

``namemodel`` reads the future after a conjunction (وسيتقاسم) with its own bar.
"""

from __future__ import annotations

from naba.pipeline.tagging.lexicon import given_name, lexicon
from naba.pipeline.tagging.words import Word
from naba.text import index

PAST_TWIN_MIN_ZIPF = 4.0  # يقود، يخسر: a past's imperfect this common (not يعمر of عمر, 3.1)
CONJUGATED_MIN_ZIPF = 3.0  # خاضت، يخوض; كررت، يكرر (a given name's سعدت 3.3 fails on سعدوا)
THEY_PAST_MIN_ZIPF = 2.4  # خاضوا 3.1، كرروا 2.5; سعدوا 2.1، حسنوا 2.2
VERB_TWIN_MIN_ZIPF = 2.3  # يشار (تشار 2.5) is a verb; توران (يوران unseen) is not
WE_FORM_MIN_ZIPF = 3.0  # يتصدى of نتصدى: the he-form of a "we" imperfect this common (نتنياهو: يتنياهو unseen)
FIRST_PERSON_REST_ZIPF = 3.0  # أظل 3.2, أكمل 4.4
TRAILING_SHE_PAST_LETTERS = 4  # a she-past that ends a name span this long at least: أصيبت، ملأت; not فيت
SHE_PAST_TWIN_ZIPF = 3.5  # يبقي 5.0، ينكر 4.0, against يكاي، يجولي 1.5 (كايت، جوليت: names)
# given names in ت whose rest is a verb's (رفعت: يرفع): محمد رفعت، طلعت حرب، نشأت الديهي
_T_NAMES = frozenset(index(w) for w in "رفعت طلعت حكمت نشأت نعمت مدحت عزت عصمت بهجت رأفت صفوت ثروت جودت حشمت".split())
FUTURE_REST_MIN_ZIPF = 4.0  # the imperfect after a future's س this common (تنقل 4.3; not تيفاني of ستيفاني, 3.3)
# given names that start with the imperfect's ي (a verb otherwise)
Y_NAMES = frozenset(index(w) for w in """
يوسف يحيى ياسر يزيد يونس يعقوب ياسين يسري يامن يعرب يسرى ياسمين يمنى تامر تميم تيسير توفيق تغريد تهاني تيريزا توني
تيري تييري توماس تشارلز تيد
""".split())

# The verbs news reports people with (past, he and she; imperfect, he and she), never a name's word: a
# span that takes one in runs on (دعا عدنان المعيبد، وحث دانيلو، لم يلتق كوشنير). Hand-written: they are
# too short or too common for the inflection rules (naba.text.morphology) to read as verbs.
_SPEECH_PAST = """
قال أكد دعا شدد حث أشاد نفى أعلن أوضح أضاف أشار لفت اعتبر رأى كشف أفاد صرح أعرب ندد هدد توعد
التقى استقبل حذر رحب أدان انتقد طالب أبدى أبلغ تابع
"""
_SPEECH_PRESENT = """
يقول يؤكد يدعو يشدد يحث يشيد ينفي يعلن يوضح يضيف يشير يلفت يعتبر يرى يكشف يفيد يصرح يعرب يندد يهدد
يتوعد يلتقي يلتق يستقبل يحذر يرحب يدين ينتقد يطالب يبدي يبلغ يتابع
"""
SPEECH_VERBS = frozenset(form for verb in _SPEECH_PAST.split() for written in (verb, verb + "ت")
                         for form in (index(written), index("و" + written), index("ف" + written))) \
    | frozenset(form for verb in _SPEECH_PRESENT.split() for written in (verb, "ت" + verb[1:])
                for form in (index(written), index("و" + written)))


def imperfect_verb(key: str, word: Word) -> bool:
    """يرأس، يتجه، تساعد: a common word starting with the imperfect's ي or ت that never takes the
    article and conjugates: one of its kin (``_verb_kin``) is a word too. توران، يوفنتوس، تايلور
    have no kin, they are names. Given names that start with them and have kin are listed apart."""
    if key.startswith("نت") and len(key) >= 5 and not word.nominal:  # نتصدى، نتطلع: "we", its he-form common
        return lexicon().zipf("ي" + key[1:]) >= WE_FORM_MIN_ZIPF
    if key[0] not in "يت" or len(key) < 4 or word.nominal or word.zipf < 3.0 or key in Y_NAMES:
        return False
    zipf = lexicon().zipf
    return any(zipf(form) >= VERB_TWIN_MIN_ZIPF for form in _verb_kin(key))


def future_verb(key: str) -> bool:
    """ستنقل، سيغادر، ستواصل: the future's س before an imperfect verb that is a commoner word than the
    whole (تنقل، يغادر); not ستيفاني، سيمون، ستالين, whose rest is rare, nor a given name (سيرجي)."""
    if len(key) < 5 or key[0] != "س" or key[1] not in "يتن" or key in lexicon().given:  # سيرجي (يرجى)
        return False
    zipf = lexicon().zipf
    return zipf(key[1:]) >= FUTURE_REST_MIN_ZIPF and zipf(key[1:]) > zipf(key)


def first_person_future(surface: str) -> bool:
    """سأظل، سأكمل: the future's س before «I» written with its hamza, and an imperfect the language
    knows (أظل). Read off the written form: names write ا there (ساجد، سانتي، ساري), whose rest is as
    common a word (أجد، أنتِ، أرى)."""
    return surface.startswith("سأ") and len(surface) >= 4 \
        and lexicon().zipf(index(surface[1:])) >= FIRST_PERSON_REST_ZIPF


def perfect_verb(key: str) -> bool:
    """اختلس، اعتصموا، واتلاف: a perfect verb of the derived forms that start with ا (انفعل، افتعل، استفعل)
    or their verbal noun (إفعال، افتعال، استفعال), behind و/ف or with the plural's وا, whose imperfect
    (يختلس، يعتصم، يتلف) is a word the language knows. Names that start with ا have none (امستردام،
    انشيلوتي); short ones (أمين → يمين، أنور → ينور) are left alone. Hand-written like ``_verb_kin``."""
    base = key[1:] if key[0] in "وف" and len(key) > 5 else key
    if base.endswith("وا") and len(base) > 5:
        base = base[:-2]
    if len(base) < 5 or base[0] != "ا" or key in lexicon().given:
        return False
    twins = ["ي" + base[1:]]
    for vowel_at in (3, 4, 5):  # اتلاف → يتلف، اختلاس → يختلس، استقبال → يستقبل
        if len(base) == vowel_at + 2 and base[vowel_at] == "ا":
            twins.append("ي" + base[1:vowel_at] + base[-1])
    zipf = lexicon().zipf
    return any(zipf(twin) >= VERB_TWIN_MIN_ZIPF for twin in twins)


def past_verb(key: str) -> bool:
    """قاد، خسر، ركز: a three-letter past of the plain form whose imperfect (يقود، يخسر، يركز; a hollow
    verb's ا is و or ي there) is a common word, and no given name (زيد: يزيد; حسن: يحسن)."""
    if len(key) != 3 or given_name(key):
        return False
    return max(map(lexicon().zipf, _imperfects(key))) >= PAST_TWIN_MIN_ZIPF


def _imperfects(key: str) -> list[str]:
    """A three-letter past's imperfect (قاد: يقاد، يقود، يقيد: a hollow verb's ا is و or ي there)."""
    return ["ي" + key] + (["ي" + key[0] + "و" + key[2], "ي" + key[0] + "ي" + key[2]] if key[1] == "ا" else [])


def conjugated_past(key: str) -> bool:
    """خاض، كرر: a past of three letters whose she-form, they-form and imperfect are all words
    (خاضت، خاضوا، يخوض), a looser test than ``past_verb`` for where a name was expected; not a given
    name (سعد: سعدوا is rare)."""
    if len(key) != 3 or given_name(key):
        return False
    zipf = lexicon().zipf
    return zipf(key + "ت") >= CONJUGATED_MIN_ZIPF and zipf(key + "وا") >= THEY_PAST_MIN_ZIPF \
        and max(map(zipf, _imperfects(key))) >= CONJUGATED_MIN_ZIPF


def she_past(key: str, shortest: int = 3) -> bool:
    """بقيت، أنكرت، أصيبت، أثبتت: a past in «she»'s ت whose imperfect (يبقي، ينكر، يصيب، يثبت) is a
    common word; not كايت، جوليت (no يكاي، يجولي), nor a given name. A passive or hollow past (شوهدت،
    فازت) is left alone. ``shortest``: fewer letters than this are too short to tell (ظلت after a
    feminine title is a verb; فيت، ايت ending a foreign name are not)."""
    if len(key) < shortest or not key.endswith("ت") or given_name(key) or key in _T_NAMES:
        return False
    rest = key[:-1].removeprefix("ا")  # أنكرت: ينكر
    return lexicon().zipf("ي" + rest) >= SHE_PAST_TWIN_ZIPF


def participle(key: str) -> bool:
    """المعتدلة، مروج، مخزون، المستفيدين: a word on a verb's م-pattern (a participle, or a noun of place
    or instrument: مجلس، معرض) whose imperfect (يعتدل، يروج، يخزن، يستفيد) is a word; its ال, a
    feminine or plural ending and a مفعول's و are read off first. مدريد، المونديال have no such verb."""
    bare = key.removeprefix("ال")
    for ending in ("ات", "ين", "ون", "ه"):
        if bare.endswith(ending) and len(bare) - len(ending) >= 4:
            bare = bare[:-len(ending)]
            break
    if len(bare) < 4 or bare[0] != "م":
        return False
    twins = ["ي" + bare[1:]]
    if len(bare) == 5 and bare[3] == "و":  # مخزون → يخزن
        twins.append("ي" + bare[1:3] + bare[4])
    zipf = lexicon().zipf
    return any(zipf(twin) >= VERB_TWIN_MIN_ZIPF for twin in twins)


def _verb_kin(key: str) -> list[str]:
    """The words a verb or verbal noun starting with ي/ت shares its stem with, one of which the
    language knows when it is Arabic: the other person (يتجه، تتجه; يهاجمون، تهاجم; يرحمه، ترحم),
    the imperfect of a تفعّل past (تضاعفت، يتضاعف), the participle or past of a تفعّل/تفاعل noun
    (تدني، متدني; تضافر، تضافرت), the imperfect of a تفعلة noun (تبرئة، يبرئ), and a تفعيل noun's
    own shape (تسميم، تدشين). Hand-written: no Arabic morphological analyser is a dependency."""
    other = "ت" if key[0] == "ي" else "ي"
    bases = {key}
    if len(key) > 4 and (key.endswith("ت") or (key[0] == "ي" and key.endswith(("ون", "ان", "وا")))):
        bases.add(key[:-2] if key.endswith(("ون", "ان", "وا")) else key[:-1])
    if len(key) > 4 and key.endswith(("ه", "ا")):  # يرحمه، تحسبا: a pronoun or the accusative on it
        bases.add(key[:-1])
    kin = [other + base[1:] for base in bases]
    if key[0] == "ت":
        kin += ["ي" + base for base in bases] + ["م" + key, key + "ت"]  # متدني، تضافرت
    if key[0] == "ت" and len(key) == 5 and key[-2] == "ي":
        kin.append(key)  # تسميم، تدشين: the تفعيل noun's own shape is Arabic
    if key[0] == "ت" and key[-1] in "ةهي":
        kin += ["ي" + key[1:-1], "يت" + key[1:]]
    return kin
