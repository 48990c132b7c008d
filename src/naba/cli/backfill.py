"""naba backfill: an archive (WARC files, dumps) into Parquet tables, on Apache Spark; naba db load reads them."""

from __future__ import annotations

from typing import Annotated

import typer

from naba.cli.common import EXIT_REJECTED, JsonOption, out, print_json, print_rejection
from naba.dates import parse_user_date
from naba.errors import UsageError
from naba.models import Rejection

cli = typer.Typer()


@cli.command()
def backfill(
    paths: Annotated[list[str], typer.Argument(help="WARC/WARC.gz files and every dump naba ingest reads; "
                                               "folders and globs.")],
    output: Annotated[str, typer.Option("--out", help="The folder to write the Parquet tables into.")],
    master: Annotated[str, typer.Option(help="Spark master: local[*], local[4], spark://host:7077, yarn, k8s://...")]
    = "local[*]",
    since: Annotated[str | None, typer.Option(help="Keep articles reported from this date on.")] = None,
    until: Annotated[str | None, typer.Option(help="Keep articles reported before this date.")] = None,
    seen_at: Annotated[str | None, typer.Option("--seen-at", help="First-seen time of every article "
                                                "(default: the newest input file's time).")] = None,
    lang: Annotated[str, typer.Option(help="Keep articles in this language (ar, en), or 'any'.")] = "ar",
    executor: Annotated[str, typer.Option(help="spark, or local: the same output in this one process, no JVM.")]
    = "spark",
    as_json: JsonOption = False,
) -> None:
    """Backfill an archive with naba's own pipeline and story rules: Parquet by month, for naba db load."""
    try:  # the backfill needs the optional extra: say so in one line rather than fail on an import
        from naba.engine.backfill.articles import Options
        from naba.engine.backfill.run import backfill as run
        from naba.engine.backfill.run import default_seen_at, plan
    except ImportError as exc:
        raise UsageError(f"naba backfill needs {exc.name}", hint="pip install 'naba[spark]'") from None
    if executor not in ("spark", "local"):
        raise UsageError(f"--executor {executor!r}: not spark or local")
    files = plan(paths).files
    options = Options(
        seen_at=parse_user_date(seen_at).isoformat() if seen_at else default_seen_at(files),
        lang=None if lang == "any" else lang,
        since_ts=parse_user_date(since).timestamp() if since else None,
        until_ts=parse_user_date(until).timestamp() if until else None)
    report = run(paths, output, options, master=master, executor=executor)
    if as_json:
        print_json(report.summary())
    else:
        for rejection in report.rejections:
            print_rejection(Rejection(rejection["where"], rejection["reason"]))
        out.print(f"read {report.records:,} records from {report.inputs:,} files: {report.articles:,} articles, "
                  f"{report.skipped:,} skipped (language or dates), {report.rejected:,} rejected; wrote "
                  f"{report.stored:,} articles, {report.stories:,} stories, {report.links:,} links to {output}")
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)
