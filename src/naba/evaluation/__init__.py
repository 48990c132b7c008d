"""Evaluations run by the benchmarks in ``bench/``: naba against named baselines on third-party data,
read in place (nothing is copied into the repository)."""
