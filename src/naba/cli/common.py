"""What every command shares: the Typer app, the consoles, the common options, the store opener.

Exit codes: 0 done; 1 an error stopped the command; 2 bad usage; 3 done, but some input was rejected.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from naba.models import IngestReport
from naba.serve.contract import IngestSummary
from naba.settings import Settings
from naba.store import Store, open_store

EXIT_REJECTED = 3

app = typer.Typer(
    help="naba (نبأ): an Arabic-first news aggregation engine.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option(
    "--db", envvar="NABA_DB", help="Database: a path or sqlite:///path (default: $NABA_DB, else naba.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SinceOption = Annotated[Optional[str], typer.Option("--since", help="Only articles published on or after this date.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", help="Only articles published before this date.")]


def open_db(db: str) -> Store:
    return open_store(db, Settings.from_env())


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def run_with_progress(label: str, work) -> IngestReport:
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[counts]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(label, counts="")

        def update(report: IngestReport) -> None:
            progress.update(task, counts=f"{report.read:,} read · {report.stored:,} stored · "
                                         f"{len(report.rejected):,} rejected")

        return work(update)


def report_summary(report: IngestReport, as_json: bool) -> None:
    if as_json:
        print_json(IngestSummary.of(report).model_dump(mode="json"))
    else:
        for rejection in report.rejected:
            err.print(Text(f"rejected: {rejection}", style="yellow"))
        table = Table(show_header=False, box=None)
        for name, value in (("read", report.read), ("stored", report.stored), ("updated", report.updated),
                            ("unchanged re-ingests", report.unchanged), ("rejected", len(report.rejected))):
            table.add_row(name, f"{value:,}")
        out.print(table)
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)
