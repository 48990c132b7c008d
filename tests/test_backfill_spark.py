"""naba backfill on Spark (``pytest -m spark``; needs pyspark and Java): the Spark job's output equals
the plain-Python executor's, which equals the online story stage fed in chronological order, on the
sample corpus and on two days of SaudiNewsNet written to WARC files; a retried task writes once; a
re-run gives the same output."""

from __future__ import annotations

import os

import pytest

from backfill_helpers import OPTIONS, every_row, from_output, from_store, online
from conftest import shared_path
from naba.engine.backfill.articles import prepare_file
from naba.engine.backfill.local import run_local
from naba.sample import sample_paths
from naba.store import open_store
from warc_files import saudinewsnet_warc

pytestmark = pytest.mark.spark


@pytest.fixture(scope="session")
def spark():
    """One local Spark for every test: 2 threads, a failed task tried up to twice (local[N,F])."""
    from naba.engine.backfill.spark import session

    spark = session("local[2,2]", "naba tests")
    spark.sparkContext.setLogLevel("ERROR")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def snn_warcs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("snn")
    return [str(saudinewsnet_warc(shared_path("data", "saudinewsnet", f"{day}.zip"), folder / f"{day}.warc.gz"))
            for day in ("2015-07-21", "2015-07-22")]


def _three_ways(spark, files, tmp_path, hot_key_rows):
    from naba.engine.backfill.spark import run_spark

    spark_report = run_spark(spark, files, str(tmp_path / "spark"), OPTIONS, hot_key_rows=hot_key_rows)
    local_report = run_local(files, str(tmp_path / "local"), OPTIONS)
    assert spark_report.summary() == local_report.summary() or (
        {k: v for k, v in spark_report.summary().items() if k != "rejections"}
        == {k: v for k, v in local_report.summary().items() if k != "rejections"})
    assert every_row(str(tmp_path / "spark")) == every_row(str(tmp_path / "local"))
    store = open_store(str(tmp_path / "online.db"))
    try:
        online(store, files)
        assert from_output(str(tmp_path / "spark")) == from_store(store)
    finally:
        store.close()
    return spark_report


def test_spark_equals_local_equals_online_on_the_sample(spark, tmp_path):
    # hot_key_rows=3: nearly every key is salted, so the salted joins are what is compared
    report = _three_ways(spark, sample_paths(), tmp_path, hot_key_rows=3)
    assert report.stored > 90 and report.stories < report.stored


def test_spark_equals_local_equals_online_on_two_days_of_saudinewsnet_as_warc(spark, snn_warcs, tmp_path):
    report = _three_ways(spark, snn_warcs, tmp_path, hot_key_rows=200)
    assert report.stored > 3000
    rows = every_row(str(tmp_path / "spark"))["articles"]
    assert sum(r["duplicate_of"] is not None for r in rows) > 100  # wire copies across outlets were found
    assert all(r["url"].startswith("http") for r in rows)


def _fails_once(path, options):
    """The per-file work, failing on the first try of the task that reads the pages folder."""
    from pyspark import TaskContext

    if "opec" in path and TaskContext.get().attemptNumber() == 0:
        raise RuntimeError("a worker lost on its first try")
    yield from prepare_file(path, options)


def test_a_retried_task_writes_once_and_a_rerun_gives_the_same_output(spark, tmp_path):
    from pyspark import cloudpickle  # pyspark pickles with its own copy, not the cloudpickle package

    import test_backfill_spark
    from naba.engine.backfill.spark import run_spark

    cloudpickle.register_pickle_by_value(test_backfill_spark)  # the workers cannot import the tests
    files = sample_paths()
    run_spark(spark, files, str(tmp_path / "clean"), OPTIONS)
    run_spark(spark, files, str(tmp_path / "retried"), OPTIONS, prepare=_fails_once)
    clean, retried = every_row(str(tmp_path / "clean")), every_row(str(tmp_path / "retried"))
    assert len({r["identity"] for r in retried["articles"]}) == len(retried["articles"])
    assert retried == clean
    assert not os.path.exists(tmp_path / "clean" / "_work")
