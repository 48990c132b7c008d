"""The network layer of live ingestion: polite, safe fetching and reading of feeds and sitemaps.

    policy.py     FetchPolicy: user agent, timeouts, size and redirect limits, delays, backoff
    guard.py      which addresses may be connected to (after DNS, on every hop)
    transport.py  the httpx transport that connects only to checked addresses (no DNS rebinding)
    robots.py     robots.txt per origin, cached
    client.py     PoliteClient.fetch(url, validators) -> FetchResult; allowed(url); next_allowed_at(url)
    detect.py     detect_kind(bytes, content_type) -> "rss" | "atom" | "sitemap" | "html"
    feeds.py      parse_feed: RSS/Atom -> FeedItems (+ one error per broken item)
    sitemap.py    parse_sitemap: sitemaps, sitemap indexes, Google News sitemaps -> FeedItems
    discovery.py  discover_feeds: a home page's <link rel="alternate"> feeds
    items.py      FeedItem; dedup_items by canonical URL
    listing.py    read_listing / poll_source: fetch + detect + read, failures returned, not raised

Nothing here touches the store or the CLI.
"""

from naba.sources.fetch.client import PoliteClient
from naba.sources.fetch.detect import detect_kind
from naba.sources.fetch.discovery import DiscoveredFeed, discover_feeds
from naba.sources.fetch.errors import (
                                       BlockedAddress,
                                       Cancelled,
                                       ConnectFailed,
                                       Deferred,
                                       Disallowed,
                                       FeedError,
                                       FeedItemError,
                                       FetchError,
                                       FetchTimeout,
                                       HTTPStatusError,
                                       InvalidURL,
                                       RateLimited,
                                       ResponseTooLarge,
                                       TooManyRedirects,
                                       UnsupportedScheme,
)
from naba.sources.fetch.feeds import ParsedFeed, parse_feed
from naba.sources.fetch.guard import address_problem, check_address
from naba.sources.fetch.items import FeedItem, dedup_items
from naba.sources.fetch.listing import Listing, SourcePoll, poll_source, read_listing
from naba.sources.fetch.policy import FetchPolicy
from naba.sources.fetch.results import FetchResult, Validators
from naba.sources.fetch.sitemap import ParsedSitemap, parse_sitemap

__all__ = [
    "BlockedAddress", "Cancelled", "ConnectFailed", "Deferred", "Disallowed", "DiscoveredFeed", "FeedError", "FeedItem",
    "FeedItemError", "FetchError", "FetchPolicy", "FetchResult", "FetchTimeout", "HTTPStatusError", "InvalidURL",
    "Listing",
    "ParsedFeed", "ParsedSitemap", "PoliteClient", "RateLimited", "ResponseTooLarge", "SourcePoll",
    "TooManyRedirects", "UnsupportedScheme", "Validators", "address_problem", "check_address", "dedup_items",
    "detect_kind", "discover_feeds", "parse_feed", "parse_sitemap", "poll_source", "read_listing",
]
