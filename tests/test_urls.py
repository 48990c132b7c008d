"""Canonical URLs: one form for the same page, however the link spelled it."""

from __future__ import annotations

import pytest

from naba.urls import canonical_url

AAWSAT_RAW = "http://aawsat.com/home/article/410826/بريطانيا-أربعة-محاور"
AAWSAT_CANONICAL = (
    "http://aawsat.com/home/article/410826/"
    "%D8%A8%D8%B1%D9%8A%D8%B7%D8%A7%D9%86%D9%8A%D8%A7-%D8%A3%D8%B1%D8%A8%D8%B9%D8%A9-%D9%85%D8%AD%D8%A7%D9%88%D8%B1"
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # scheme and host case, default ports, fragment, empty query, empty path
        ("HTTP://WWW.Alarabiya.NET/ar/x.html", "http://www.alarabiya.net/ar/x.html"),
        ("http://www.alriyadh.com:80/1068151", "http://www.alriyadh.com/1068151"),
        ("https://www.bbc.com:443/arabic", "https://www.bbc.com/arabic"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://www.bbc.com/arabic#comments", "https://www.bbc.com/arabic"),
        ("https://www.bbc.com/arabic?", "https://www.bbc.com/arabic"),
        ("https://www.bbc.com", "https://www.bbc.com/"),
        ("  https://www.bbc.com/arabic  ", "https://www.bbc.com/arabic"),
        # raw Arabic (SaudiNewsNet) and its percent-encoded copies agree
        (AAWSAT_RAW, AAWSAT_CANONICAL),
        (AAWSAT_CANONICAL, AAWSAT_CANONICAL),
        (AAWSAT_CANONICAL.lower(),  # lower-case escapes
         AAWSAT_CANONICAL),
        ("http://www.al-madina.com/node/620519/علاجان-لـ-السكري.html?live",
         "http://www.al-madina.com/node/620519/"
         "%D8%B9%D9%84%D8%A7%D8%AC%D8%A7%D9%86-%D9%84%D9%80-%D8%A7%D9%84%D8%B3%D9%83%D8%B1%D9%8A.html?live"),
        ("https://example.com/a%2Fb?x=%41%7e", "https://example.com/a%2Fb?x=A~"),  # %2F stays: it is reserved
        ("https://example.com/a b", "https://example.com/a%20b"),
        # tracking parameters dropped, the rest kept in order
        ("https://example.com/a?utm_source=rss&id=5&utm_medium=feed", "https://example.com/a?id=5"),
        ("https://example.com/a?b=2&fbclid=XYZ&a=1&gclid=1", "https://example.com/a?b=2&a=1"),
        ("https://example.com/a?ref=rss", "https://example.com/a"),
        ("https://example.com/a?ref=home", "https://example.com/a?ref=home"),  # not a feed: kept
        ("https://example.com/a?src=Rss&format=simple", "https://example.com/a"),
        ("https://example.com/a?format=json", "https://example.com/a?format=json"),
        ("https://example.com/a?mc_cid=1&mc_eid=2&at_medium=x&at_campaign=y&_ga=3", "https://example.com/a"),
        ("https://example.com/s?q=بحث&page=2", "https://example.com/s?q=%D8%A8%D8%AD%D8%AB&page=2"),
        ("https://example.com/s?flag&x=", "https://example.com/s?flag&x="),
        # hosts
        ("http://مثال.مصر/خبر", "http://xn--mgbh0fb.xn--wgbh1c/%D8%AE%D8%A8%D8%B1"),
        ("http://[::1]:8080/a", "http://[::1]:8080/a"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        None, "", "   ", "not a url", "mailto:desk@example.com", "javascript:alert(1)", "ftp://example.com/a",
        "//example.com/a", "www.example.com/a", "http://", "https:///path", "http://[::1", "http://example.com:99999/",
        "http://exa mple.com/\x00",
    ],
)
def test_not_a_web_url(url):
    assert canonical_url(url) is None


def test_idempotent_on_real_shapes():
    for url in (AAWSAT_RAW, "https://example.com/a?b=2&fbclid=XYZ&a=1#x", "HTTP://X.COM"):
        once = canonical_url(url)
        assert canonical_url(once) == once
