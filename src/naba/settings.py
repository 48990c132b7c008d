"""Settings as one table of (name, default, help), read into one frozen value object.

Every entry point takes a ``Settings``; nothing reads these from module globals. A setting can be
overridden from the environment as ``NABA_<NAME>`` (upper case), e.g. ``NABA_MAX_PAGE_BYTES``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import NamedTuple


class Setting(NamedTuple):
    name: str
    default: int | float | str
    help: str


MiB = 1024 * 1024

SETTINGS: tuple[Setting, ...] = (
    Setting("max_page_bytes", 10 * MiB,
            "Largest single page (HTML or plain text) or JSON record accepted, in bytes."),
    Setting("max_file_bytes", 512 * MiB,
            "Largest JSON document or archive member read into memory, in bytes."),
    Setting("max_compression_ratio", 200,
            "An archive member that expands more than this many times its compressed size is "
            "treated as a zip bomb and rejected."),
    Setting("batch_size", 500,
            "Articles written to the store per transaction during ingest."),
    Setting("raw_compression_level", 0,
            "LZ4 frame level for the raw inputs kept for reprocess (0 fastest .. 16 smallest); "
            "0 compresses a news record in ~17 µs to 0.59 of its size."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    max_page_bytes: int = SETTINGS[0].default  # type: ignore[assignment]
    max_file_bytes: int = SETTINGS[1].default  # type: ignore[assignment]
    max_compression_ratio: int = SETTINGS[2].default  # type: ignore[assignment]
    batch_size: int = SETTINGS[3].default  # type: ignore[assignment]
    raw_compression_level: int = SETTINGS[4].default  # type: ignore[assignment]

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """Defaults, overridden by ``NABA_<NAME>`` variables."""
        environ = os.environ if environ is None else environ
        overrides = {}
        for setting in SETTINGS:
            value = environ.get(f"NABA_{setting.name.upper()}")
            if value is not None:
                overrides[setting.name] = type(setting.default)(value)
        return replace(cls(), **overrides)


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]
