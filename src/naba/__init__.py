"""naba (نبأ): an Arabic-first news aggregation engine."""

__version__ = "0.1.0"
