"""``naba backfill``: archives at scale, on Apache Spark or in one process, with naba's own rules.

    articles.py    the per-article half: an input file into prepared rows (read, Arabic only, prepare)
    collection.py  the collection-wide half as pure functions: judge a pair, place, summarize a story
    local.py       the plain-Python executor (the reference; no JVM)
    spark.py       the Spark executor (``naba[spark]``; the only module that imports pyspark)
    schema.py      the output tables;  output.py  writing and reading them, and the report
    load.py        ``naba db load``: the output into a store, in one swap

Nothing here is imported by the rest of naba: the base install needs neither pyarrow nor pyspark.
"""
