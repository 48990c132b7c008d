"""clean_article: every field of the Article, on small real-shaped inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from naba.errors import RecordError
from naba.models import RawArticle, ReadAlso
from naba.pipeline.clean import clean_article

P1 = "ارتكبت الميليشيات الحوثية مجزرة في مدينة عدن، جنوب اليمن، مما أدى إلى مقتل 43 مدنيا على الأقل."
P2 = "وجاء هذا القصف بينما استمرت الاشتباكات في دار سعد وصبر، وفي منطقة المعاشيق بمديرية كريتر."
P3 = "ودخلت «المقاومة الشعبية» ليلا إلى حي التواهي، وقال مصدر عسكري إن تلك القوات تتقدم."


def test_fields_from_a_json_record():
    raw = RawArticle(
        body=f" {P1}\n\n {P2}\n\n {P3}",
        title="  اليمن:  مجزرة حوثية في عدن\u200f ",
        url="http://aawsat.com/home/article/410826/عدن?utm_source=rss#top",
        source="aawsat",
        published="2015-07-21 02:51:32",
        author="عدن: «الشرق الأوسط»",
        tags=("اليمن", "الیمن", "اليَمَن", "عدن", "الحوثيون", "الحوثيّون"),
        categories=("أخبار", "اخبار"),
    )
    article = clean_article(raw)
    assert article.body == f"{P1}\n\n{P2}\n\n{P3}"
    assert article.title == "اليمن: مجزرة حوثية في عدن"
    assert article.url == "http://aawsat.com/home/article/410826/عدن?utm_source=rss#top"
    assert article.canonical_url == "http://aawsat.com/home/article/410826/%D8%B9%D8%AF%D9%86"
    assert article.published_at == "2015-07-21T02:51:32"
    assert article.author == "عدن: «الشرق الأوسط»"
    assert article.lang == "ar"
    assert article.tags == ("اليمن", "عدن", "الحوثيون")  # first spelling kept, index-form duplicates dropped
    assert article.categories == ("أخبار",)
    assert (article.credited_source, article.page_tags, article.page_read_also) == (None, (), None)
    assert (article.page_similar, article.page_related_leaks) == ((), ())


def test_presentation_forms_in_title_are_normalised():
    article = clean_article(RawArticle(body=P1, title="\ufefb\ufe8e\ufe91\ufeae"))  # لا + presentation letters
    assert article.title.startswith("لا")
    assert all(not 0xFB50 <= ord(c) <= 0xFEFF for c in article.title)


@pytest.mark.parametrize(
    ("raw_lang", "body", "expected"),
    [
        (None, P1, "ar"),
        (None, "The Houthi militia shelled the city of Aden, killing at least 43 civilians.", "en"),
        ("fr", P1, "fr"),  # the source's word wins
    ],
)
def test_language(raw_lang, body, expected):
    assert clean_article(RawArticle(body=body, lang=raw_lang)).lang == expected


def test_paragraph_per_line_input_is_rejoined_with_blank_lines():
    assert clean_article(RawArticle(body=f"{P1}\n{P2}\n{P3}")).body == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_galleries_next_previous_controls_are_not_text():
    body = f"Next Previous عين اليوم – الرياض\n\n{P1}\n\nصورة من الحفل. Next Previous صورة أخرى من الحفل\n\n{P2}"
    cleaned = clean_article(RawArticle(body=body)).body
    assert "Next" not in cleaned and "Previous" not in cleaned
    assert cleaned.startswith("عين اليوم – الرياض\n\n" + P1)
    assert "صورة من الحفل." in cleaned and "صورة أخرى من الحفل" in cleaned and cleaned.endswith(P2)


def test_a_columns_sms_line_to_its_writer_is_not_text():
    body = (f"{P1}\n\n{P2}\n\nm.writer@gmail.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (61) ثم مسافة ثم نص "
            "الرسالة إلى 88591 - Stc 635031 - Mobily 737221 - Zain")
    cleaned = clean_article(RawArticle(body=body)).body
    assert "Mobily" not in cleaned and "للتواصل" not in cleaned
    assert cleaned.startswith(P1) and P2 in cleaned  # the column itself stays
    okaz = f"{P1}\n\nwriter@gmail.com\n\nللتواصل أرسل SMS إلى 88548 الاتصالات ،636250 موبايلي،\n 738303 زين تبدأ بالرمز 165"
    assert "موبايلي" not in clean_article(RawArticle(body=okaz)).body
    four_lines = f"{P1}\n\nللتواصل مع الكاتب ارسل رسالة SMS\nتبدأ بالرمز (136) ثم مسافة\n88591 - Stc\n635031 - Mobily\n737221 - Zain"
    assert clean_article(RawArticle(body=four_lines)).body == P1


def test_boilerplate_and_teasers():
    body = "\n".join([
        P1, "اقرأ أيضا: سجن رجل أعمال أمريكي عرض مكافأة", P2,
        "يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.",
        "للمزيد: ما سر التغيرات العسكرية في السعودية؟", P3, "إقرأ أيضاً: عنوان ثان",
    ])
    article = clean_article(RawArticle(body=body))
    assert article.body == f"{P1}\n\n{P2}\n\n{P3}"
    # the first inline "اقرأ أيضا" is the page's read-also teaser; the other teasers are leaks
    assert article.page_read_also == ReadAlso("سجن رجل أعمال أمريكي عرض مكافأة", None)
    assert article.page_related_leaks == ("ما سر التغيرات العسكرية في السعودية؟", "عنوان ثان")


def test_trailing_blocks_and_a_leak_known_from_the_similar_list():
    headline = "زعيم كوريا الشمالية يصدر أوامر خطيرة بشأن إنتاج الأسلحة النووية"
    body = "\n\n".join([
        P1, headline, P2, "المصدر: وكالات", "كلمات دلالية: اليمن، عدن",
        "أخبار ذات صلة", f"- {headline}\n- بوتين: المحادثات مع أوكرانيا ممكنة باستثناء زيلنسكي",
    ])
    article = clean_article(RawArticle(body=body))
    assert article.body == f"{P1}\n\n{P2}"
    assert article.credited_source == "وكالات"
    assert article.page_tags == ("اليمن", "عدن")
    assert article.page_similar == (headline, "بوتين: المحادثات مع أوكرانيا ممكنة باستثناء زيلنسكي")
    assert article.page_related_leaks == (headline,)


def test_read_also_block():
    lede = "وجّه زعيم كوريا الشمالية المسئولين إلى تعزيز الترسانة النووية."
    article = clean_article(RawArticle(body=f"{P1}\n\nاقرأ أيضا\n\nعنوان مقال آخر\n\n{lede}"))
    assert (article.body, article.page_read_also) == (P1, ReadAlso("عنوان مقال آخر", lede))


@pytest.mark.parametrize(
    ("published", "expected"),
    [("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18T21:35:43+04:00"), ("© 2015", None), (None, None)],
)
def test_published(published, expected):
    assert clean_article(RawArticle(body=P1, published=published)).published_at == expected


@pytest.mark.parametrize(
    "body",
    ["", "   \n\n \u200f ", "شارك\nتابعونا على تويتر", "المصدر: وكالات"],
)
def test_empty_body_after_cleaning_is_a_record_error(body):
    with pytest.raises(RecordError) as caught:
        clean_article(RawArticle(body=body, url="http://example.com/a"))
    assert caught.value.where == "http://example.com/a"


SAMPLE = Path(__file__).parents[1] / "src" / "naba" / "sample"


@pytest.mark.parametrize("page", ["pages/kremlin-truce-response.txt", "pages/opec-cut-oil-prices.txt"])
def test_bundled_sample_pages_match_their_ground_truth(page):
    truth = json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))["pages"][page]
    article = clean_article(RawArticle(body=(SAMPLE / page).read_text(encoding="utf-8")))
    read_also = article.page_read_also
    assert article.body.split("\n\n") == truth["body_paragraphs"]
    assert article.credited_source == truth["credited_source"]
    assert list(article.page_tags) == truth["page_tags"]
    assert {"title": read_also.title, "lede": read_also.lede} == truth["page_read_also"]
    assert list(article.page_similar) == truth["page_similar"]
    assert list(article.page_related_leaks) == truth["page_related_leaks"]


@pytest.mark.parametrize("title,expected", [
    ("&#8220;أرامكو&#8221; تعلن نتائجها", "“أرامكو” تعلن نتائجها"),
    ("مجلس &quot;الشورى&quot; يناقش", 'مجلس "الشورى" يناقش'),
    ("AT&T تطلق خدمة", "AT&T تطلق خدمة"),
])
def test_html_entities_left_in_scraped_text_are_decoded(title, expected):
    article = clean_article(RawArticle(body="نص الخبر &amp; تفاصيله.", title=title))
    assert article.title == expected and article.body == "نص الخبر & تفاصيله."


def test_a_comment_policy_block_inside_the_story_container_is_not_article_text():
    from naba.engine import prepare
    from naba.models import Record

    page = Path(__file__).parent / "fixtures" / "readers" / "comment_policy.html"
    article = prepare(Record("html", page.read_bytes(), str(page))).article
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("افتتح محافظ المدينة") and paragraphs[-1].startswith("وقال المحافظ")
    assert paragraphs[2].startswith("وفي تعليقات على الافتتاح")  # news about comments stays
    assert not any(word in article.body for word in ("سياسة التعليقات", "نرحب", "أصحابها", "welcome"))
    assert article.page_related_leaks == ()
