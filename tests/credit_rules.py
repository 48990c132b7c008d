"""What the hand-written attribution rules alone credit in a text, for the credit-form tests."""

from __future__ import annotations

from naba.pipeline.clean.attribution import candidates


def ruled(text: str) -> tuple[str, ...]:
    """The outlets the hand-written rules credit in ``text``."""
    return tuple(c.name for c in candidates(text)[0] if c.rule)
