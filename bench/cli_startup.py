"""Benchmark: how long naba takes to start, in fresh processes (issue 13: ``naba --help`` <= 0.3 s).

    .venv/bin/python bench/cli_startup.py --db STORE [--runs 5] [--before-python PY --before-src SRC]

Each command runs ``--runs`` times in a new process; printed: the median wall time and the median CPU
time (user + system, from ``getrusage`` of the child: less sensitive to a busy machine), beside
``python -c pass`` measured in the same run. ``--before-python``/``--before-src`` also time another
checkout (for example ``git archive main`` unpacked in /tmp, run with its own venv's Python and
``PYTHONPATH`` on its ``src``). ``naba show`` reads the first article of ``--db`` (``naba ingest --sample
--db /tmp/naba-sample.db`` makes one).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def timed(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float, list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus), sorted(walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="a store with at least one article, for naba show")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before-python", help="another checkout's Python, timed as 'before'")
    parser.add_argument("--before-src", help="that checkout's src folder (put on PYTHONPATH)")
    args = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"NO_COLOR": "1"}
    runs: list[tuple[str, list[str], dict[str, str]]] = [
        ("baseline: python -c pass", [sys.executable, "-c", "pass"], env)]
    checkouts = [("", sys.executable, env)]
    if args.before_python:
        checkouts.insert(0, ("before: ", args.before_python, env | {"PYTHONPATH": args.before_src or ""}))
        checkouts[1] = ("after: ", sys.executable, env)
    for label, python, checkout_env in checkouts:
        naba = [python, "-m", "naba"]
        runs.append((f"{label}naba --help", [*naba, "--help"], checkout_env))
        runs.append((f"{label}naba show 1", [*naba, "show", "1", "--db", args.db], checkout_env))
    print(f"{args.runs} fresh processes each; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| command | wall s (median) | CPU s (median) | wall s, every run |\n|---|---:|---:|---|")
    for label, cmd, run_env in runs:
        wall, cpu, walls = timed(cmd, run_env, args.runs)
        print(f"| {label} | {wall:.2f} | {cpu:.2f} | {' '.join(f'{w:.2f}' for w in walls)} |")


if __name__ == "__main__":
    main()
