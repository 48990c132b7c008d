"""How politely and how safely naba fetches: one frozen value object, read once from the environment.

Nothing here does I/O. ``FetchPolicy.from_env()`` takes ``NABA_ALLOW_PRIVATE_ADDRESSES`` and
``NABA_MAX_PAGE_BYTES`` from ``naba.settings``; everything else is a plain field to override with
``dataclasses.replace``. Benchmarks set ``min_delay=0``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from naba import __version__ as naba_version
from naba.settings import Settings, setting

ALLOW_PRIVATE_ENV = setting("allow_private_addresses").env
DEFAULT_USER_AGENT = f"naba/{naba_version} (Arabic news aggregator; +https://github.com/naba-news/naba)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Every knob of the network layer.

    Backoff after a failure on a host: ``backoff_base * 2 ** (failures - 1)`` seconds, capped at
    ``backoff_max``. A Retry-After is honoured as given, capped at ``retry_after_max`` so that a
    hostile server cannot park a source for a year.
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # one response, headers to last byte: stops a slow drip
    max_bytes: int = Settings().max_page_bytes
    max_robots_bytes: int = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
    max_redirects: int = 5
    min_delay: float = 1.0  # seconds between two requests to one host
    backoff_base: float = 60.0
    backoff_max: float = 6 * 3600.0
    retry_after_max: float = 24 * 3600.0
    robots_ttl: float = 24 * 3600.0
    obey_robots: bool = True
    allow_private: bool = False  # loopback, private, link-local ... (never the metadata endpoints)
    allowed_networks: tuple[str, ...] = ()  # CIDRs let through whatever the other rules say
    schemes: frozenset[str] = field(default=frozenset({"http", "https"}))

    def __post_init__(self) -> None:
        for name in ("connect_timeout", "read_timeout", "total_timeout"):
            if getattr(self, name) <= 0:
                raise ValueError(f"FetchPolicy.{name} must be positive, got {getattr(self, name)!r}")
        if self.max_bytes <= 0 or self.max_redirects < 0 or self.min_delay < 0:
            raise ValueError("FetchPolicy: max_bytes must be positive, max_redirects and min_delay >= 0")
        if "naba" not in self.user_agent.lower():
            raise ValueError("FetchPolicy.user_agent must name naba so that site owners know who calls")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> FetchPolicy:
        """Defaults, the environment's settings (a bad one: UsageError), then ``overrides``."""
        settings = Settings.from_env(environ)
        values: dict[str, Any] = {"max_bytes": settings.max_page_bytes,
                                  "allow_private": settings.allow_private_addresses}
        values.update(overrides)
        return cls(**values)

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt groups are matched against."""
        return "naba"
