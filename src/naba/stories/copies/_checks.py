"""The one way the parts of naba.stories.copies refuse a bad constructor argument."""

from __future__ import annotations

from naba.errors import UsageError


def check(ok: bool, owner: str, name: str, value: object, hint: str) -> None:
    """Raise a UsageError naming ``owner``'s parameter ``name`` and its bad ``value`` unless ``ok``."""
    if not ok:
        raise UsageError(f"{owner}: {name}={value!r}", hint=hint)
