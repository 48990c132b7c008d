"""The suite's own clock: NABA_TEST_CLOCK moves every test to another moment (see conftest)."""

from __future__ import annotations

import time
from datetime import datetime

from conftest import TEST_CLOCK


def test_the_suite_runs_at_the_clock_it_was_given(tmp_path):
    marker = tmp_path / "now"
    marker.touch()
    kernel_now = marker.stat().st_mtime  # the kernel's clock, which time-machine does not move
    seen = time.time()
    if TEST_CLOCK:  # the session began at the given moment and ticks on: a suite takes minutes, not a day
        assert 0 <= seen - datetime.fromisoformat(TEST_CLOCK).timestamp() < 86400
    else:
        assert abs(seen - kernel_now) < 60
