"""Settings: one declared table, read into one frozen value object.

Each row of ``SETTINGS`` is a ``Setting``: name, type, default, help, and what a value may be (a
minimum and maximum, a list of choices). Everything else is derived from it: the ``Settings``
dataclass's defaults, the checking of the environment, the README's table (``python -m
naba.settings`` prints it) and the variables ``naba --help`` lists.

Every entry point takes a ``Settings``; nothing reads these from module globals. A setting is
overridden from the environment as ``NABA_<NAME>`` (upper case), e.g. ``NABA_MAX_PAGE_BYTES``.
``Settings.from_env`` checks every one it finds and raises ``UsageError`` with one line that names
the variable, the value and what is allowed::

    NABA_MAX_PAGE_BYTES='abc': not a whole number (bytes, >= 1)

A variable set to the empty string counts as unset. A ``NABA_`` variable that is no setting is
ignored; ``misspelled`` says which setting it looks like. No other module names a ``NABA_``
variable except through this table (tests/test_settings.py greps the source); the test suite's own
switches (tests/conftest.py, tests/pg_server.py) are not settings of naba.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from naba.errors import UsageError

PREFIX = "NABA_"
MiB = 1024 * 1024
# what a yes/no setting accepts (any case, surrounding spaces ignored)
BOOLEANS = {"1": True, "0": False, "true": True, "false": False, "yes": True, "no": False}

Value = int | bool | str


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, the type of its value, its default, its help, and its bounds."""

    name: str
    type: type[int | bool | str]
    default: Value
    help: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""  # said in the message, e.g. "bytes"
    pattern: str = ""  # a text setting's value must match this regular expression, when given
    pattern_help: str = ""  # what ``pattern`` allows, in words, for the message and the README

    @property
    def env(self) -> str:
        """The environment variable that overrides it: ``NABA_<NAME>``."""
        return PREFIX + self.name.upper()

    @property
    def allowed(self) -> str:
        """What a value may be, as the error message and the README say it."""
        if self.type is bool:
            return "one of " + ", ".join(BOOLEANS)
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.pattern_help:
            return self.pattern_help
        if self.type is int:
            bounds = [f">= {self.minimum}"] if self.minimum is not None else []
            bounds += [f"<= {self.maximum}"] if self.maximum is not None else []
            return ", ".join(([self.unit] if self.unit else []) + bounds) or "a whole number"
        return "any text"

    def parse(self, raw: str) -> Value:
        """``raw`` (from the environment) as this setting's value; UsageError if it is not one."""
        if self.type is bool:
            flag = BOOLEANS.get(raw.strip().lower())
            if flag is None:
                raise self._error(raw, "not a yes/no value")
            return flag
        if self.type is int:
            try:
                number = int(raw)
            except ValueError:
                raise self._error(raw, "not a whole number") from None
            if self.minimum is not None and number < self.minimum:
                raise self._error(raw, "too small")
            if self.maximum is not None and number > self.maximum:
                raise self._error(raw, "too large")
            return number
        if self.choices:
            if raw.strip() not in self.choices:
                raise self._error(raw, "not a known value")
            return raw.strip()
        if self.pattern:
            if not re.fullmatch(self.pattern, raw.strip()):
                raise self._error(raw, "not a valid value")
            return raw.strip()
        return raw

    def read(self, environ: Mapping[str, str] | None = None) -> Value:
        """The value ``NABA_<NAME>`` sets, checked; the default when it is unset or empty."""
        raw = (os.environ if environ is None else environ).get(self.env, "")
        return self.parse(raw) if raw else self.default

    def to_env(self, value: Value) -> str:
        """``value`` written as ``NABA_<NAME>`` takes it back (``parse(to_env(v)) == v``)."""
        if isinstance(value, bool):
            return "1" if value else "0"
        return str(value)

    def shown_default(self) -> str:
        """The default as the docs show it."""
        if isinstance(self.default, bool):
            return self.to_env(self.default)
        if self.unit == "bytes" and isinstance(self.default, int) and self.default % MiB == 0:
            return f"{self.default} ({self.default // MiB} MiB)"
        return str(self.default) if self.default != "" else "(empty)"

    def _error(self, raw: str, problem: str) -> UsageError:
        return UsageError(problem, where=f"{self.env}={raw!r}", hint=self.allowed)


SETTINGS: tuple[Setting, ...] = (
    Setting("max_page_bytes", int, 10 * MiB,
            "Largest single page (HTML or plain text) or JSON record accepted, in bytes.",
            minimum=1, unit="bytes"),
    Setting("max_file_bytes", int, 512 * MiB,
            "Largest JSON document or archive member read into memory, in bytes.",
            minimum=1, unit="bytes"),
    Setting("max_compression_ratio", int, 200,
            "An archive member that expands more than this many times its compressed size is "
            "treated as a zip bomb and rejected.",
            minimum=1),
    Setting("batch_size", int, 500,
            "Articles written to the store per transaction during ingest.",
            minimum=1),
    Setting("raw_compression_level", int, 0,
            "LZ4 frame level for the raw inputs kept for reprocess (0 fastest .. 16 smallest); "
            "0 compresses a news record in ~17 µs to 0.59 of its size.",
            minimum=0, maximum=16),
    Setting("db", str, "naba.db",
            "The store every command opens when --db is not given: a path, sqlite:///path or "
            "postgresql://user@host:port/db."),
    Setting("allow_private_addresses", bool, False,
            "Let crawl, watch and fetch connect to loopback, private and link-local addresses "
            "(cloud metadata addresses stay blocked)."),
    Setting("serve_store_mode", str, "per-thread",
            "naba serve's --store-mode when not given: per-thread, a store per worker thread; lock, "
            "one shared store, one request at a time.",
            choices=("per-thread", "lock")),
    Setting("serve_threads", int, 8,
            "naba serve's --threads when not given: worker threads per server process.",
            minimum=1, maximum=256),
    Setting("base_url", str, "",
            "The site's public address, which naba serve builds absolute links from (Atom feeds, "
            "redirects), never from a request's Host header; empty: the address and port it listens on.",
            pattern=r"https?://[^\s/?#@]+(/[^\s?#]*)?", pattern_help="an http(s) URL without query or fragment"),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The row of ``SETTINGS`` called ``name``."""
    return _BY_NAME[name]


def _default(name: str) -> Any:
    return _BY_NAME[name].default


@dataclass(frozen=True, slots=True)
class Settings:
    """One field per row of ``SETTINGS``, in its order, with its default.

    Written out rather than made by ``dataclasses.make_dataclass``: mypy cannot see the fields of a
    class made at run time, and every stage annotates ``settings: Settings`` and reads its fields.
    The defaults are read from the table, not retyped; tests/test_settings.py checks that the names,
    types and order agree with it.
    """

    max_page_bytes: int = _default("max_page_bytes")
    max_file_bytes: int = _default("max_file_bytes")
    max_compression_ratio: int = _default("max_compression_ratio")
    batch_size: int = _default("batch_size")
    raw_compression_level: int = _default("raw_compression_level")
    db: str = _default("db")
    allow_private_addresses: bool = _default("allow_private_addresses")
    serve_store_mode: str = _default("serve_store_mode")
    serve_threads: int = _default("serve_threads")
    base_url: str = _default("base_url")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Defaults, overridden by ``NABA_<NAME>`` variables; UsageError (one line) for a bad one."""
        values: dict[str, Any] = {s.name: s.read(environ) for s in SETTINGS}
        return cls(**values)


def misspelled(environ: Mapping[str, str] | None = None) -> list[str]:
    """A line for each ``NABA_`` variable that is no setting but looks like one (it is ignored)."""
    known = [s.env for s in SETTINGS]
    hints = []
    for key in sorted(os.environ if environ is None else environ):
        if key in known or not key.upper().startswith(PREFIX):
            continue
        close = difflib.get_close_matches(key.upper(), known, n=1, cutoff=0.8)
        if close:
            hints.append(f"{key} is not a setting of naba, and is ignored (did you mean {close[0]}?)")
    return hints


def markdown() -> str:
    """The README's table of settings."""
    rows = [f"| `{s.env}` | {s.shown_default()} | {s.allowed} | {s.help} |" for s in SETTINGS]
    return "\n".join(["| variable | default | allowed | what it sets |", "|---|---|---|---|", *rows]) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
