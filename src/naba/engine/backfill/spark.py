"""The Spark executor of a backfill (``pip install 'naba[spark]'``): the same functions as ``local``, at scale.

    files ── one task each ──> mapInPandas: read, filter by language, prepare      (articles.prepare_file)
          ── group by identity (re-ingests only) ──> one version each            (articles.fold_versions)
          ── global sort on (reported time, content key, identity) ──> ids 1..N  (zipWithIndex of the sort)
          ── joins on (stem, day) keys within the window and on LSH band keys ──> candidate pairs
                                                                                 (candidates.is_candidate)
          ── join both profiles ──> mapInPandas: judge each pair                  (collection.judge_pair)
          ── kept edges to the driver ──> Placement                               (collection.place)
          ── join decisions; window per article for links; group per story ──> Parquet by month

The per-record logic stays in plain Python (as cc-pyspark keeps it); Spark only moves data. The tagger's
tables load once per Python worker (they are module-level caches, and Spark reuses its workers). A key
that many articles share (a stem every article of a day has, a templated notice's band) is salted: its
rows are spread over ``ceil(rows / hot_key_rows)`` sub-keys, the probing side copied to each, so no one
task holds the whole group. Intermediate results are written under ``OUT/_work`` and read back, so a
failed task is recomputed from them; Spark's commit protocol writes each task's output once, however
often the task is retried. pyspark is imported only here.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.pandas.types import from_arrow_schema

from naba.engine.backfill import schema as tables
from naba.engine.backfill.articles import Options, fold_versions, prepare_file
from naba.engine.backfill.collection import judge_pair, place, summary_row
from naba.engine.backfill.output import Report, write_report
from naba.stories.candidates import DAY_SECONDS, LINK_SIMILARITY, MAX_GAP_HOURS, MAX_LINKS, MIN_SHARED
from naba.stories.placement import KEEP

HOT_KEY_ROWS = 20_000  # rows of one join key past which it is salted
LOCAL_SHUFFLE_PARTITIONS = 8
BATCH_ROWS = 256  # prepared articles per Arrow batch out of a Python worker
READ_BATCH_ROWS = 256  # rows per batch when Spark reads the prepared articles back from Parquet
LOCAL_DRIVER_MEMORY = "4g"  # heap of a local run's one JVM (the machine's memory is the limit, not this)
_KEYED = pa.schema([*tables.PREPARED, pa.field("id_ts", pa.float64()), pa.field("id_key", pa.string())])
_JUDGED = pa.schema([pa.field("later", pa.int64()), pa.field("earlier", pa.int64()), pa.field("copy", pa.bool_()),
                     pa.field("same", pa.float64()), pa.field("similarity", pa.float64()),
                     pa.field("score", pa.float64())])
_STORY_MEMBER_COLUMNS = ["id", "first_seen_at", "fetched_at", "title", "body", "source", "published_at",
                         "keywords", "entities", "external_id", "url", "canonical_url", "summary", "author",
                         "lang", "credited_source", "feed_only", "tags", "categories", "page_tags", "page_similar",
                         "page_related_leaks", "attribution", "page_read_also"]

PrepareFile = Callable[[str, Options], Iterator[dict[str, Any]]]


def session(master: str = "local[*]", name: str = "naba backfill") -> SparkSession:
    """A Spark session for a backfill (on a cluster, spark-submit's own settings win). Local workers run
    this very Python, so they import the same naba."""
    builder = SparkSession.builder.master(master).appName(name)
    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        # one machine: a few shuffle partitions, not a cluster's 200 (each costs a task per stage); the
        # tasks run in the driver's JVM, whose default 1 GB heap is short for whole articles
        builder = (builder.config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS))
                   .config("spark.driver.memory", LOCAL_DRIVER_MEMORY))
    return (builder
            # a row is a whole prepared article (text, search document, profile): Parquet's default
            # 4,096-row read batches asked the heap for one contiguous 27 MB column and failed
            .config("spark.sql.parquet.columnarReaderBatchSize", str(READ_BATCH_ROWS))
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate())


def run_spark(spark: SparkSession, files: Sequence[str], out: str, options: Options,
              hot_key_rows: int = HOT_KEY_ROWS, prepare: PrepareFile = prepare_file) -> Report:
    """Backfill ``files`` into the Parquet tables under ``out`` (the same tables as ``run_local``)."""
    work = os.path.join(out, "_work")
    report = Report(inputs=len(files))
    prepared = _stage(spark, _prepare(spark, files, options, prepare), work, "prepared")
    _count(prepared, report)
    articles = _stage(spark, _numbered(_folded(prepared.where("status = 'article'"))), work, "articles")
    pairs = _candidates(articles, hot_key_rows)
    judged = _stage(spark, _judged(pairs, articles), work, "judged")
    groupings = _placed(spark, articles, judged)
    final = articles.join(groupings, "id").select(*tables.ARTICLES.names)
    _write(final, out, "articles")
    _write(_links(judged, articles), out, "links")
    _write(_stories(final), out, "stories")
    _write(prepared.where("status = 'rejected'").select("where", "reason").orderBy("where"), out, "rejections")
    report.stored, report.stories = articles.count(), final.select("story_id").distinct().count()
    report.links = spark.read.parquet(os.path.join(out, "links")).count()
    shutil.rmtree(work, ignore_errors=True)  # a cluster's object store keeps it: remove it there by hand
    write_report(out, report)
    return report


# -- the per-article half ----------------------------------------------------------------------

def _prepare(spark: SparkSession, files: Sequence[str], options: Options, prepare: PrepareFile) -> DataFrame:
    """One task per input file; each yields Arrow batches of prepared rows."""
    paths = spark.createDataFrame([(path,) for path in files], "path string").repartition(max(len(files), 1), "path")

    def run(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for frame in frames:
            for path in frame["path"]:
                rows: list[dict[str, Any]] = []
                for row in prepare(path, options):
                    rows.append(row)
                    if len(rows) >= BATCH_ROWS:
                        yield _frame(rows, tables.PREPARED)
                        rows = []
                if rows:
                    yield _frame(rows, tables.PREPARED)

    return paths.mapInPandas(run, from_arrow_schema(tables.PREPARED))


def _frame(rows: list[dict[str, Any]], schema: pa.Schema) -> pd.DataFrame:
    return pa.Table.from_pylist(rows, schema=schema).to_pandas()


def _count(prepared: DataFrame, report: Report) -> None:
    counts = {row["status"]: row["n"] for row in prepared.groupBy("status").agg(F.count("*").alias("n")).collect()}
    report.articles, report.skipped = counts.get("article", 0), counts.get("skipped", 0)
    report.rejected = counts.get("rejected", 0)
    report.records = report.articles + report.skipped + report.rejected
    for row in prepared.where("status = 'rejected'").select("where", "reason").orderBy("where").limit(10_000).collect():
        report.rejections.append({"where": row["where"], "reason": row["reason"]})


def _folded(articles: DataFrame) -> DataFrame:
    """One row per identity: the rare identities read more than once are folded in Python."""
    repeated = articles.groupBy("identity").count().where("count > 1").select("identity")
    single = (articles.join(repeated, "identity", "left_anti")
              .withColumn("id_ts", F.col("order_ts")).withColumn("id_key", F.col("content_key")))

    def fold(group: pa.Table) -> pa.Table:
        return pa.Table.from_pylist([fold_versions(group.to_pylist())], schema=_KEYED)

    folded = articles.join(repeated, "identity", "left_semi").groupBy("identity").applyInArrow(
        fold, from_arrow_schema(_KEYED))
    return single.select(*_KEYED.names).unionByName(folded.select(*_KEYED.names))


def _numbered(articles: DataFrame) -> DataFrame:
    """Ids 1..N in (reported time, content key, identity) order: a total order, so the same every run."""
    keys = articles.select("id_ts", "id_key", "identity").orderBy("id_ts", "id_key", "identity")
    ids = keys.rdd.zipWithIndex().map(lambda pair: (pair[0]["identity"], pair[1] + 1)).toDF("identity string, id long")
    return articles.join(ids, "identity").drop("status", "where", "reason", "id_ts", "id_key")


# -- the collection-wide half ------------------------------------------------------------------

def _later(a: str, b: str) -> Any:
    """Whether article ``a`` comes after ``b`` in order (reported time, content key, id)."""
    return F.struct(f"{a}_ts", f"{a}_key", a) > F.struct(f"{b}_ts", f"{b}_key", b)


def _candidates(articles: DataFrame, hot_key_rows: int) -> DataFrame:
    """(later, earlier) of every pair the candidate rule admits, each once."""
    slim = articles.select("id", "order_ts", "content_key", "signature", "bands")
    posted = slim.select(F.col("id").alias("b"), F.col("order_ts").alias("b_ts"), F.col("content_key").alias("b_key"),
                         F.explode("signature").alias("stem"),
                         F.floor(F.col("order_ts") / DAY_SECONDS).cast("long").alias("day"))
    gap = MAX_GAP_HOURS * 3600.0
    probes = slim.select(F.col("id").alias("a"), F.col("order_ts").alias("a_ts"), F.col("content_key").alias("a_key"),
                         F.explode("signature").alias("stem"),
                         F.floor((F.col("order_ts") - gap) / DAY_SECONDS).cast("long").alias("lo"),
                         F.floor((F.col("order_ts") + gap) / DAY_SECONDS).cast("long").alias("hi"))
    probes = probes.select("*", F.explode(F.sequence("lo", "hi")).alias("day")).drop("lo", "hi")
    by_stems = (_salted_join(probes, posted, ["stem", "day"], hot_key_rows)
                .where(_later("a", "b") & (F.abs(F.col("a_ts") - F.col("b_ts")) <= gap))
                .groupBy("a", "b").count().where(F.col("count") >= MIN_SHARED).select("a", "b"))
    banded = slim.select("id", "order_ts", "content_key", F.posexplode("bands").alias("band_table", "band"))
    left = banded.select(F.col("id").alias("a"), F.col("order_ts").alias("a_ts"), F.col("content_key").alias("a_key"),
                         "band_table", "band")
    right = banded.select(F.col("id").alias("b"), F.col("order_ts").alias("b_ts"),
                          F.col("content_key").alias("b_key"), "band_table", "band")
    by_bands = _salted_join(left, right, ["band_table", "band"], hot_key_rows).where(_later("a", "b")).select("a", "b")
    return by_stems.unionByName(by_bands).distinct().withColumnsRenamed({"a": "later", "b": "earlier"})


def _salted_join(probes: DataFrame, posted: DataFrame, keys: list[str], hot_key_rows: int) -> DataFrame:
    """probes ⋈ posted on ``keys``; a key with more than ``hot_key_rows`` posted rows is split into
    sub-keys (posted rows by a hash of their id, probes copied to every sub-key)."""
    hot = (posted.groupBy(*keys).count().where(F.col("count") > hot_key_rows)
           .select(*keys, F.ceil(F.col("count") / hot_key_rows).cast("int").alias("salts")))
    posted = (posted.join(F.broadcast(hot), keys, "left").fillna(1, ["salts"])
              .withColumn("salt", F.pmod(F.xxhash64("b"), F.col("salts")).cast("int")).drop("salts"))
    probes = (probes.join(F.broadcast(hot), keys, "left").fillna(1, ["salts"])
              .withColumn("salt", F.explode(F.sequence(F.lit(0), F.col("salts") - 1))).drop("salts"))
    return probes.join(posted, [*keys, "salt"]).drop("salt")


def _judged(pairs: DataFrame, articles: DataFrame) -> DataFrame:
    profiles = articles.select("id", "order_ts", "profile")
    both = (pairs.join(profiles.withColumnsRenamed({"id": "later", "order_ts": "later_ts", "profile": "later_p"}),
                       "later")
            .join(profiles.withColumnsRenamed({"id": "earlier", "order_ts": "earlier_ts", "profile": "earlier_p"}),
                  "earlier"))

    def run(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for frame in frames:
            rows = []
            for pair in frame.itertuples(index=False):
                judged = judge_pair(pair.later, pair.later_ts, pair.later_p, pair.earlier, pair.earlier_ts,
                                    pair.earlier_p)
                rows.append({**judged._asdict(), "score": round(judged.similarity, 4)})
            yield _frame(rows, _JUDGED)

    return both.mapInPandas(run, from_arrow_schema(_JUDGED))


def _placed(spark: SparkSession, articles: DataFrame, judged: DataFrame) -> DataFrame:
    """Placement on the driver: every article's (id, time, key) and the kept edges are streamed to it."""
    nodes = ((row["id"], row["order_ts"], row["content_key"])
             for row in articles.select("id", "order_ts", "content_key").toLocalIterator())
    edges = (_judged_row(row) for row in
             judged.where(F.col("copy") | (F.col("same") >= KEEP)).toLocalIterator())
    rows = [(g.article_id, g.duplicate_of, g.story_id, g.parent_id, g.parent_score) for g in place(nodes, edges)]
    frame = pd.DataFrame(rows, columns=["id", "duplicate_of", "story_id", "story_parent", "story_score"])
    return spark.createDataFrame(frame.astype({"duplicate_of": "Int64", "story_parent": "Int64"}),
                                 "id long, duplicate_of long, story_id long, story_parent long, story_score double")


def _judged_row(row: Any) -> Any:
    from naba.engine.backfill.collection import Judged

    return Judged(row["later"], row["earlier"], row["copy"], row["same"], row["similarity"])


def _links(judged: DataFrame, articles: DataFrame) -> DataFrame:
    """The best MAX_LINKS judged pairs of each article with an earlier one, from LINK_SIMILARITY up
    (``naba.stories.candidates.best_links``: the same order, ties by the other id)."""
    rank = Window.partitionBy("later").orderBy(F.col("similarity").desc(), F.col("earlier"))
    best = (judged.where(F.col("similarity") >= LINK_SIMILARITY).withColumn("rank", F.row_number().over(rank))
            .where(F.col("rank") <= MAX_LINKS))
    months = articles.select(F.col("id").alias("later"), "month")
    return best.join(months, "later").select(F.col("later").alias("article_id"), F.col("earlier").alias("other_id"),
                                             "score", "month")


def _stories(articles: DataFrame) -> DataFrame:
    members = articles.select("story_id", *_STORY_MEMBER_COLUMNS)

    def summarize(group: pa.Table) -> pa.Table:
        rows = group.to_pylist()
        return pa.Table.from_pylist([{**summary_row(rows[0]["story_id"], rows), "month": None}],
                                    schema=tables.STORIES)

    # Arrow, not pandas, in and out: lists of structs (entities) pass through pandas poorly
    summaries = members.groupBy("story_id").applyInArrow(summarize, from_arrow_schema(tables.STORIES))
    months = articles.select(F.col("id"), F.col("month").alias("story_month"))
    return (summaries.drop("month").join(months, "id").withColumnRenamed("story_month", "month")
            .select(*tables.STORIES.names))


def _stage(spark: SparkSession, frame: DataFrame, work: str, name: str) -> DataFrame:
    """Write an intermediate result and read it back: later steps (and retried tasks) start from it."""
    path = os.path.join(work, name)
    frame.write.mode("overwrite").parquet(path)
    return spark.read.parquet(path)


def _write(frame: DataFrame, out: str, name: str) -> None:
    writer = frame.write.mode("overwrite")
    if "month" in frame.columns:
        writer = writer.partitionBy("month")
    writer.parquet(os.path.join(out, name))
