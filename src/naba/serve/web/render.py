"""Jinja2 templates with autoescaping on, and the filters the pages use.

Scraped text is only ever passed to templates as text: autoescaping escapes it, and highlighted
snippets are handed over as (text, matched) pieces so the template writes the ``<mark>`` itself.
No template marks anything from a source ``|safe``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote, urlencode

import fastapi_offline
import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request

from naba.serve.search import Snippet
from naba.serve.web import dates
from naba.serve.web.headers import asset_url
from naba.stories.summaries import headline, outlet_count

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
SWAGGER_STATIC = Path(fastapi_offline.__file__).parent / "static"  # Swagger UI, shipped by the package
KINDS = {"person": "شخص", "place": "مكان", "org": "مؤسسة", "other": "وسم"}
_PARAGRAPHS = re.compile(r"\n\s*\n+")


def entity_url(name: str) -> str:
    return "/entity/" + quote(name, safe="")


@functools.lru_cache(maxsize=4096)  # a few hundred outlets; quoting an Arabic name is ~50 µs
def source_url(name: str) -> str:
    return "/source/" + quote(name, safe="")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPHS.split(text or "") if p.strip()]


def highlight(snippet: Snippet) -> list[tuple[str, bool]]:
    """The snippet cut into (text, is_match) pieces."""
    pieces, at = [], 0
    for start, end in sorted(snippet.highlights):
        if start < at:
            continue
        if start > at:
            pieces.append((snippet.text[at:start], False))
        pieces.append((snippet.text[start:end], True))
        at = end
    if at < len(snippet.text):
        pieces.append((snippet.text[at:], False))
    return pieces


def plural(n: int, one: str, two: str, few: str, many: str) -> str:
    """Arabic counting: ١ مقال، مقالان، ٣ مقالات، ١١ مقالًا (the noun agrees with the number)."""
    if n == 1:
        return one
    if n == 2:
        return two
    number = dates.arabic_number(n)
    return f"{number} {few}" if 3 <= n % 100 <= 10 else f"{number} {many}"


UNKNOWN_DATE = "تاريخ غير معروف"
UNKNOWN_OUTLET = "منفذ غير معروف"


def when(iso: str | None) -> Markup:
    """A ``<time>`` element: the Arabic date for people, ISO 8601 for machines (both escaped); for no
    date, "date unknown" (a page's ingest time is never shown as its date)."""
    return Markup(_time_element(iso))


# A search page shows 20 dates: parsing each three times was 1 ms a page. The cache holds plain
# strings, which the garbage collector does not track (Markup is tracked: 65,536 of them made every
# full collection of a busy server walk them).
@functools.lru_cache(maxsize=8192)
def _time_element(iso: str | None) -> str:
    machine = dates.machine_datetime(iso) if iso else ""
    if not machine:
        return f'<span class="unknown-date">{escape(UNKNOWN_DATE)}</span>'
    # escape() and an f-string: Markup.format builds a formatter each call (~50 µs, 20 dates a page)
    return f'<time datetime="{escape(machine)}">{escape(dates.arabic_datetime(iso))}</time>'


def count_outlets(n: int) -> str:
    return plural(n, "منفذ واحد", "منفذان", "منافذ", "منفذًا")


def count_articles(n: int) -> str:
    return plural(n, "مقال واحد", "مقالان", "مقالات", "مقالًا")


def safe_href(url: str | None) -> str | None:
    """A source's URL for a link, only if it is http(s): never a javascript: or data: URL."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def with_params(params: dict[str, str], **changes: object) -> str:
    merged = {**params, **{k: str(v) for k, v in changes.items() if v is not None}}
    return "?" + urlencode({k: v for k, v in merged.items() if v})


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters.update(
        datetime=dates.arabic_datetime, date=dates.arabic_date, time=dates.arabic_time,
        isotime=dates.machine_datetime, number=dates.arabic_number, digits=dates.arabic_digits,
        entity_url=entity_url, source_url=source_url, safe_href=safe_href, when=when,
        outlets=count_outlets, articles=count_articles, paragraphs=paragraphs, highlight=highlight,
        headline=headline, outlet_count=outlet_count,
        kind=lambda kind: KINDS.get(kind or "other", "وسم"))
    env.globals.update(with_params=with_params, plural=plural, zone_name=dates.SITE_ZONE_NAME,
                       asset=asset_url(STATIC, "/static"),
                       swagger_asset=asset_url(SWAGGER_STATIC, "/static/swagger-ui"),
                       unknown_outlet=UNKNOWN_OUTLET)
    return env


ENV = _environment()


def render(name: str, request: Request, **context: object) -> str:
    return ENV.get_template(name).render(request=request, path=request.url.path, **context)
