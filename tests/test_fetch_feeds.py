"""Feeds, sitemaps and home pages into items: from fixture files, and end to end from the local server."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from fetch_server import FIXTURES, Answer, FakeClock
from naba.sources.fetch import (
    FeedError,
    FeedItem,
    FetchPolicy,
    PoliteClient,
    ResponseTooLarge,
    dedup_items,
    detect_kind,
    discover_feeds,
    parse_feed,
    parse_sitemap,
    poll_source,
    read_listing,
)

BASE = "http://news.example"


def fixture(name: str, base: str = BASE) -> bytes:
    return (FIXTURES / name).read_bytes().replace(b"{base}", base.encode())


@pytest.mark.parametrize("body, content_type, kind", [
    (b'<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">', None, "rss"),
    (b'\xef\xbb\xbf<rdf:RDF xmlns:rdf="x">', None, "rss"),
    ('<?xml version="1.0" encoding="utf-16"?><feed>'.encode("utf-16"), None, "atom"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "text/html", "atom"),  # the root beats the header
    (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><urlset>', None, "sitemap"),
    (b"<sitemapindex>", None, "sitemap"),
    (gzip.compress(b"<urlset/>", mtime=0), "application/octet-stream", "sitemap"),
    (b"<!DOCTYPE html><html lang=ar>", "application/xml", "html"),
    (b"garbage", "application/rss+xml; charset=utf-8", "rss"),  # no root: the header decides
    (b"garbage", "application/atom+xml", "atom"),
    (b"garbage", None, "html"),
])
def test_detect_kind(body, content_type, kind):
    assert detect_kind(body, content_type) == kind


@pytest.mark.parametrize("name, charset, version, titles", [
    ("rss-windows-1256.xml", None, "rss20", ["افتتاح مكتبة عامة جديدة في وسط المدينة",
                                             "ارتفاع أسعار الخضار في الأسواق الشعبية",
                                             "مدرسة القرية تفوز بمسابقة العلوم"]),
    ("rss-iso-8859-6.xml", "iso-8859-1", "rss20", ["انطلاق موسم الصيد في الميناء القديم"]),  # wrong charset
    ("rss-iso-8859-6.xml", None, "rss20", ["انطلاق موسم الصيد في الميناء القديم"]),  # no declaration at all
    ("atom-utf8.xml", None, "atom10", ["افتتاح مكتبة عامة جديدة في وسط المدينة",
                                       "تدشين خط حافلات يربط الجامعة بالمطار"]),
])
def test_feeds_in_arabic_encodings(name, charset, version, titles):
    feed = parse_feed(fixture(name), f"{BASE}/feeds/{name}", charset)
    assert feed.version == version and [item.title for item in feed.items] == titles
    assert feed.errors == () and feed.warnings == ()


@pytest.mark.parametrize("guid, published, published_at", [
    ("wahat-1001", "Sun, 29 Nov 2026 08:15:00 +0300", "2026-11-29T08:15:00+03:00"),   # RFC 822, offset kept
    ("wahat-1002", "الأحد 29 نوفمبر 2026 - 10:30 ص", "2026-11-29T10:30:00"),           # Arabic month name
    ("wahat-1003", "28 تشرين الثاني 2026", "2026-11-28T00:00:00"),                      # Levantine month name
    ("tag:nakheel.example,2026:2002", "2026-11-29T07:00:00Z", "2026-11-29T07:00:00+00:00"),  # Atom, updated only
])
def test_feed_dates_of_the_arab_world(guid, published, published_at):
    items = {item.guid: item for name in ("rss-windows-1256.xml", "atom-utf8.xml")
             for item in parse_feed(fixture(name), f"{BASE}/{name}").items}
    assert (items[guid].published, items[guid].published_at) == (published, published_at)


def test_item_fields_come_out_as_text():
    rss = {item.guid: item for item in parse_feed(fixture("rss-windows-1256.xml"), f"{BASE}/rss").items}
    atom = parse_feed(fixture("atom-utf8.xml"), f"{BASE}/atom").items
    first = rss["wahat-1001"]
    assert first.summary == "افتتحت البلدية صباح اليوم مكتبة عامة تضم أكثر من عشرين ألف كتاب."  # <p> gone
    assert first.tags == ("ثقافة",) and first.feed == f"{BASE}/rss"
    assert rss["wahat-1002"].author == "سعاد الحربي"
    assert atom[0].content == ("افتتحت البلدية صباح اليوم مكتبة عامة في وسط المدينة.\n"
                               "وتضم المكتبة قاعة للأطفال وأخرى للمطالعة.")
    assert atom[0].author == "مراسل النخيل" and atom[1].url == f"{BASE}/news/bus.html"  # relative link resolved
    assert atom[1].summary == "خط جديد للحافلات يعمل كل نصف ساعة."
    raw = first.to_raw_article(source="الواحة")
    assert (raw.body, raw.title, raw.published, raw.external_id) == (
        first.summary, first.title, "2026-11-29T08:15:00+03:00", "wahat-1001")


def test_a_broken_item_is_reported_and_the_good_items_go_on():
    url = f"{BASE}/feeds/broken.xml"
    feed = parse_feed(fixture("rss-broken-item.xml"), url)
    assert [item.url for item in feed.items] == [f"{BASE}/news/rain.html", f"{BASE}/news/trees.html"]
    assert [(error.kind, error.where) for error in feed.errors] == [
        ("feed_item", f"{url}#item-2"), ("feed_item", f"{url}#item-3")]
    assert "'خبر بلا رابط'" in feed.errors[0].message and "no link" in feed.errors[0].message
    assert "javascript:alert(1)" in feed.errors[1].message


def test_a_not_well_formed_feed_is_read_leniently_with_a_warning():
    body = fixture("rss-broken-item.xml").replace("موقع البادية".encode(), "موقع & البادية".encode())
    feed = parse_feed(body, f"{BASE}/feed")
    assert len(feed.items) == 2 and feed.warnings and "not well-formed" in feed.warnings[0]


@pytest.mark.parametrize("body", [fixture("not-a-feed.xml"), b"", "نص عادي بلا وسوم".encode("cp1256")])
def test_a_broken_feed_is_a_clear_error(body):
    with pytest.raises(FeedError) as caught:
        parse_feed(body, f"{BASE}/feed.xml")
    assert caught.value.where == f"{BASE}/feed.xml" and "not an RSS or Atom feed" in caught.value.message


def test_the_same_article_in_two_feeds_is_one_item():
    items = [*parse_feed(fixture("rss-windows-1256.xml"), f"{BASE}/rss").items,
             *parse_feed(fixture("atom-utf8.xml"), f"{BASE}/atom").items,
             *parse_sitemap(fixture("news-sitemap.xml"), f"{BASE}/sitemap.xml").items]
    unique = dedup_items(items)
    assert len(items) == 8 and len(unique) == 5
    library = unique[0]
    assert library.canonical_url == f"{BASE}/news/library.html"  # utm_* and ref=rss dropped
    assert library.guid == "wahat-1001" and library.content is not None  # the Atom copy filled the content
    assert [item.canonical_url for item in dedup_items(unique)] == [item.canonical_url for item in unique]


@pytest.mark.parametrize("items, kept", [
    ([FeedItem("http://a.example/x?utm_source=rss"), FeedItem("HTTP://A.example:80/x#top")], 1),
    ([FeedItem("http://a.example/x"), FeedItem("https://a.example/x")], 2),  # the scheme is identity
    ([FeedItem("http://a.example/x?id=1"), FeedItem("http://a.example/x?id=2")], 2),
    ([], 0),
])
def test_dedup_items_table(items, kept):
    assert len(dedup_items(items)) == kept


def test_news_sitemap_items():
    url = f"{BASE}/sitemaps/news.xml"
    sitemap = parse_sitemap(fixture("news-sitemap.xml"), url)
    first, bus, rain = sitemap.items
    assert (first.title, first.published_at, first.tags) == (
        "افتتاح مكتبة عامة جديدة في وسط المدينة", "2026-11-29T08:15:00+03:00", ("ثقافة", "مكتبات"))
    assert (bus.published, bus.published_at) == ("2026-11-29", "2026-11-29T00:00:00")
    assert (rain.title, rain.published_at) == (None, "2026-11-29T06:00:00+03:00")  # plain <url> + <lastmod>
    assert [(e.where, "mailto:" in e.message) for e in sitemap.errors] == [(f"{url}#url-3", True)]
    assert not sitemap.is_index


def test_sitemap_index_and_gzip():
    index = parse_sitemap(fixture("sitemap-index.xml"), f"{BASE}/sitemap.xml")
    assert index.is_index and index.sitemaps == (f"{BASE}/sitemaps/news.xml", f"{BASE}/sitemaps/archive-2025.xml.gz")
    zipped = parse_sitemap(gzip.compress(fixture("news-sitemap.xml")), f"{BASE}/s.xml.gz")
    assert len(zipped.items) == 3


@pytest.mark.parametrize("body, error", [
    (gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>", mtime=0), ResponseTooLarge),  # a small gzip bomb
    (b"<urlset><url><loc>x</loc>", FeedError),
    (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>', None),
    (b"<rss/>", FeedError),
], ids=["gzip-bomb", "truncated", "external-entity", "not-a-sitemap"])
def test_bad_sitemaps(body, error):
    if error is None:  # entities are not resolved: the file's content never appears
        assert all("root:" not in (item.url or "") for item in parse_sitemap(body, f"{BASE}/s.xml").items)
        return
    with pytest.raises(error):
        parse_sitemap(body, f"{BASE}/s.xml", max_bytes=1_000_000)


def test_feed_autodiscovery():
    feeds = discover_feeds(fixture("home.html"), f"{BASE}/")
    assert [(feed.url, feed.kind, feed.title) for feed in feeds] == [
        (f"{BASE}/feeds/wahat.xml", "rss", "آخر الأخبار"),  # its utm_source copy dropped
        (f"{BASE}/feeds/nakheel.atom", "atom", "أتوم"),
    ]


def test_autodiscovery_honours_base_and_windows_1256():
    page = '<html><head><base href="https://cdn.example/ar/"><link rel="Alternate feed" ' \
           'type="application/RSS+XML" title="الأخبار" href="rss.xml"></head>' \
           '<body><p>صحيفة يومية تصدر من المدينة المنورة وتغطي أخبار المنطقة</p></body></html>'
    feeds = discover_feeds(page.encode("cp1256"), f"{BASE}/")
    assert [(feed.url, feed.title) for feed in feeds] == [("https://cdn.example/ar/rss.xml", "الأخبار")]
    assert discover_feeds(b"<html><body>no feeds</body></html>", f"{BASE}/") == []


# -- end to end: the local server, the polite client, poll_source ---------------------------------

@pytest.fixture
def client():
    clock = FakeClock()
    policy = FetchPolicy(min_delay=0.0, connect_timeout=5.0, read_timeout=5.0, allowed_networks=("127.0.0.0/8",))
    with PoliteClient(policy, clock=clock, sleep=clock.sleep) as opened:
        yield opened


def test_rss_in_windows_1256_with_no_charset_header(fetch_server, client):
    url = fetch_server.add_fixture("/feeds/wahat.xml", "rss-windows-1256.xml", "application/rss+xml")
    poll = poll_source(client, url)
    assert poll.ok and poll.result.charset is None and poll.listing.kind == "rss"
    assert poll.listing.title == "جريدة الواحة - آخر الأخبار" and len(poll.listing.items) == 3
    assert fetch_server.paths() == ["/robots.txt", "/feeds/wahat.xml"]


def test_a_wrong_charset_header_does_not_garble_the_feed(fetch_server, client):
    url = fetch_server.add_fixture("/feeds/sahel.xml", "rss-iso-8859-6.xml", "text/xml; charset=utf-8")
    poll = poll_source(client, url)
    assert poll.result.charset == "utf-8"
    assert [item.title for item in poll.listing.items] == ["انطلاق موسم الصيد في الميناء القديم"]


def test_home_page_to_feeds_to_items(fetch_server, client):
    home = fetch_server.add_fixture("/", "home.html", "text/html; charset=utf-8")
    fetch_server.add_fixture("/feeds/wahat.xml", "rss-windows-1256.xml", "application/rss+xml")
    fetch_server.add_fixture("/feeds/nakheel.atom", "atom-utf8.xml", "application/atom+xml")
    page = poll_source(client, home)
    assert page.listing.kind == "html" and page.listing.items == ()
    polls = [poll_source(client, feed) for feed in page.listing.follow]
    items = dedup_items(item for poll in polls for item in poll.listing.items)
    assert [poll.listing.kind for poll in polls] == ["rss", "atom"] and len(items) == 4
    disallowed = [item.url for item in items if not client.allowed(item.url)]  # the store keeps feed fields only
    assert disallowed == [] and fetch_server.paths() == ["/robots.txt", "/", "/feeds/wahat.xml", "/feeds/nakheel.atom"]


def test_a_disallowed_item_page_is_never_requested(fetch_server, client):
    fetch_server.add_fixture("/robots.txt", "robots.txt", "text/plain")
    feed = fetch_server.add_fixture("/feeds/wahat.xml", "rss-windows-1256.xml", "application/rss+xml")
    for name in ("library", "vegetables"):
        fetch_server.add_fixture(f"/news/{name}.html", "article-library.html", "text/html")
    items = poll_source(client, feed).listing.items
    pages = [client.fetch(item.url) for item in items if client.allowed(item.url)]
    assert [page.status for page in pages] == ["ok", "ok"]
    assert "/private/science.html" not in fetch_server.paths()
    assert items[2].url.endswith("/private/science.html") and not client.allowed(items[2].url)


def test_a_feed_with_a_broken_item_end_to_end(fetch_server, client):
    url = fetch_server.add_fixture("/feeds/badia.xml", "rss-broken-item.xml", "application/rss+xml")
    poll = poll_source(client, url)
    assert poll.ok and len(poll.listing.items) == 2 and len(poll.listing.errors) == 1 + 1


def test_a_broken_feed_end_to_end_is_an_error_not_an_exception(fetch_server, client):
    url = fetch_server.add_fixture("/feeds/bad.xml", "not-a-feed.xml", "application/rss+xml")
    poll = poll_source(client, url)
    assert not poll.ok and poll.result.ok and poll.error.kind == "feed" and poll.listing is None


def test_re_poll_with_etag_gives_not_modified_and_no_listing(fetch_server, client):
    url = fetch_server.add_fixture("/feeds/nakheel.atom", "atom-utf8.xml", "application/atom+xml", etag='W/"42"')
    first = poll_source(client, url)
    second = poll_source(client, url, first.result.validators)
    assert first.listing.kind == "atom" and second.result.not_modified and second.listing is None and second.ok
    assert fetch_server.requests_to("/feeds/nakheel.atom")[1].headers["if-none-match"] == 'W/"42"'


def test_a_sitemap_index_end_to_end(fetch_server, client):
    index = fetch_server.add_fixture("/sitemap.xml", "sitemap-index.xml", "application/xml")
    fetch_server.add_fixture("/sitemaps/news.xml", "news-sitemap.xml", "application/xml")
    fetch_server.add("/sitemaps/archive-2025.xml.gz",
                     Answer(body=gzip.compress(fixture("news-sitemap.xml", fetch_server.base))))
    listing = poll_source(client, index).listing
    children = [poll_source(client, url).listing for url in listing.follow]
    assert listing.kind == "sitemap" and listing.items == () and len(listing.follow) == 2
    assert [len(child.items) for child in children] == [3, 3]


def test_read_listing_of_a_page_without_feeds():
    listing = read_listing(fixture("article-library.html"), f"{BASE}/news/library.html", "text/html")
    assert (listing.kind, listing.items, listing.follow) == ("html", (), ())


def test_fixtures_are_in_the_encodings_they_claim():
    raw = (FIXTURES / "rss-windows-1256.xml").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "مكتبة".encode("cp1256") in raw
    assert "الصيد".encode("iso8859_6") in (FIXTURES / "rss-iso-8859-6.xml").read_bytes()
    assert Path(FIXTURES / "atom-utf8.xml").read_text(encoding="utf-8").count("<entry>") == 2
