"""JSON and JSON Lines: cut a file into one Record per object, and parse one object's fields.

Sources name the same field differently (SaudiNewsNet's ``content``/``date_extracted``, SemEval's
``text``/``publish_date``/``meta_keywords``), so each article field is read from the first of
several known names that holds a value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping

from naba.errors import RecordError
from naba.models import RawArticle, Record, Rejection

FORMAT = "json"
TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("content", "text", "body")
SOURCE_KEYS = ("source", "outlet", "source_url")
URL_KEYS = ("url", "link")
DATE_KEYS = ("date", "published", "publish_date", "date_extracted")
AUTHOR_KEYS = ("author", "authors")
TAG_KEYS = ("tags", "keywords", "meta_keywords")
CATEGORY_KEYS = ("categories", "category", "section")
ID_KEYS = ("id",)
LANG_KEYS = ("lang", "language")
SUMMARY_KEYS = ("summary", "description", "abstract")
AUTHOR_SEPARATOR = "، "
_LIST_SEPARATORS = re.compile(r"\s*[,،]\s*")


class TooDeep(ValueError):
    """JSON nested deeper than Python's parser goes (its recursion limit, about 1,000 levels)."""


def loads(data: bytes | str) -> object:
    """``json.loads``, with nesting too deep to parse (``[[[[...`` a thousand times over, 2 KB is
    enough) raised as a ValueError like any other bad JSON instead of a RecursionError that would
    stop the whole run."""
    try:
        return json.loads(data)
    except RecursionError:
        raise TooDeep("JSON nested too deeply to parse (more than about 1,000 levels)") from None


def _dumps(item: dict[str, object]) -> bytes:
    try:
        return json.dumps(item, ensure_ascii=False).encode()
    except RecursionError:
        raise TooDeep("JSON nested too deeply to store (more than about 1,000 levels)") from None


def split_document(data: bytes, where: str, hints: Mapping[str, str],
                   max_record_bytes: int) -> Iterator[Record | Rejection]:
    """A JSON array (one Record per object, ``where#index``) or a single object."""
    try:
        document = loads(data)
    except TooDeep as exc:
        yield Rejection(where=where, reason=str(exc))
        return
    except (ValueError, UnicodeDecodeError) as exc:
        yield Rejection(where=where, reason=f"not valid JSON ({exc})")
        return
    if isinstance(document, dict):
        yield _record(document, where, hints, max_record_bytes)
    elif isinstance(document, list):
        for index, item in enumerate(document):
            yield _record(item, f"{where}#{index}", hints, max_record_bytes)
    else:
        yield Rejection(where=where, reason=f"JSON holds a {type(document).__name__}, "
                                            "not an object or an array of objects")


def split_lines(data: bytes, where: str, hints: Mapping[str, str],
                max_record_bytes: int) -> Iterator[Record | Rejection]:
    """JSON Lines: one object per line (``where:line``); a bad line rejects that line only."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            item = loads(line)
        except TooDeep as exc:
            yield Rejection(where=f"{where}:{number}", reason=str(exc))
            continue
        except (ValueError, UnicodeDecodeError) as exc:
            yield Rejection(where=f"{where}:{number}", reason=f"line is not valid JSON ({exc})")
            continue
        yield _record(item, f"{where}:{number}", hints, max_record_bytes)


def _record(item: object, where: str, hints: Mapping[str, str],
            max_record_bytes: int) -> Record | Rejection:
    if not isinstance(item, dict):
        return Rejection(where=where, reason=f"item is a {type(item).__name__}, not a JSON object")
    try:
        payload = _dumps(item)
    except TooDeep as exc:
        return Rejection(where=where, reason=str(exc))
    if len(payload) > max_record_bytes:
        return Rejection(where=where, reason=f"record of {len(payload):,} bytes is larger than "
                                             f"the limit of {max_record_bytes:,} bytes")
    return Record(FORMAT, payload, where, tuple(sorted(hints.items())))


def parse(record: Record) -> RawArticle:
    """The article fields of one JSON object."""
    try:
        item = loads(record.payload)
    except ValueError as exc:
        raise RecordError(f"not valid JSON ({exc})", where=record.origin) from exc
    if not isinstance(item, dict):
        raise RecordError("not a JSON object", where=record.origin)
    body = _text(_first(item, BODY_KEYS))
    if not body:
        raise RecordError(f"record has no text (none of {', '.join(BODY_KEYS)})", where=record.origin)
    return RawArticle(
        body=body,
        title=_scalar(_first(item, TITLE_KEYS)),
        url=_scalar(_first(item, URL_KEYS)) or record.hint("url"),
        source=record.hint("source") or _scalar(_first(item, SOURCE_KEYS)),
        published=_scalar(_first(item, DATE_KEYS)),
        author=_joined(_first(item, AUTHOR_KEYS)),
        external_id=_scalar(_first(item, ID_KEYS)),
        summary=_text(_first(item, SUMMARY_KEYS)),
        lang=_scalar(_first(item, LANG_KEYS)),
        tags=_listed(_first(item, TAG_KEYS)),
        categories=_listed(_first(item, CATEGORY_KEYS)),
    )


def _first(item: Mapping[str, object], keys: tuple[str, ...]) -> object:
    """The value of the first key present with a non-empty value."""
    for key in keys:
        value = item.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _scalar(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value).strip() or None
    return None


def _text(value: object) -> str | None:
    """A text field; a list of paragraphs is joined with blank lines."""
    if isinstance(value, list):
        value = "\n\n".join(part for part in value if isinstance(part, str))
    return (value.strip() or None) if isinstance(value, str) else None


def _joined(value: object) -> str | None:
    if isinstance(value, list):
        names = [name.strip() for name in value if isinstance(name, str) and name.strip()]
        return AUTHOR_SEPARATOR.join(names) or None
    return _scalar(value)


def _listed(value: object) -> tuple[str, ...]:
    """A list, or a comma/Arabic-comma separated string, as a tuple without empties or repeats."""
    if isinstance(value, str):
        value = _LIST_SEPARATORS.split(value)
    if not isinstance(value, list):
        return ()
    items = (str(part).strip() for part in value if isinstance(part, (str, int)))
    return tuple(dict.fromkeys(item for item in items if item))
