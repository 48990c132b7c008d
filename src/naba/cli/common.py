"""What every command shares: the Typer app, the consoles, the common options, the store opener.

Exit codes: 0 done; 1 an error stopped the command; 2 bad usage (a UsageError too, e.g. a bad
``NABA_*`` setting); 3 done, but some input was rejected. A NabaError is one line on stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from naba.errors import NabaError, UsageError
from naba.models import IngestReport
from naba.serve.contract import IngestSummary
from naba.settings import SETTINGS, Settings, misspelled, setting
from naba.store import Store, open_store

EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 1, 2, 3
DB = setting("db")

out = Console()
err = Console(stderr=True)


def exit_code(exc: NabaError) -> int:
    return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR


def print_error(exc: NabaError) -> None:
    err.print(Text(f"error: {exc}", style="red"), soft_wrap=True)  # one line, however narrow the terminal


class _Commands(TyperGroup):
    """Every command's NabaError becomes one line on stderr and its exit code, in-process too (CliRunner)."""

    def invoke(self, ctx: Any) -> Any:  # typer's click Context (recent typer carries its own click)
        for hint in misspelled():
            err.print(Text(f"warning: {hint}", style="yellow"), soft_wrap=True)
        try:
            return super().invoke(ctx)
        except NabaError as exc:
            print_error(exc)
            raise typer.Exit(exit_code(exc)) from None


app = typer.Typer(
    cls=_Commands,
    help="naba (نبأ): an Arabic-first news aggregation engine.",
    epilog="Settings (environment): " + ", ".join(s.env for s in SETTINGS) + " (see the README, Settings).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def from_settings(name: str) -> Callable[..., Any]:
    """An option's callback: the value given on the command line, else the setting ``name``
    (``NABA_<NAME>``, else the table's default). Every setting is checked here, before the command
    starts: a bad one is a UsageError."""
    def resolve(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
        settings = Settings.from_env()
        # compared by name: recent typer carries its own copy of click, with its own ParameterSource
        source = ctx.get_parameter_source(param.name) if param.name else None
        given = getattr(source, "name", None) == "COMMANDLINE"
        return value if given else getattr(settings, name)
    return resolve


DbOption = Annotated[str, typer.Option(
    "--db", callback=from_settings(DB.name),
    help=f"Database: a path or sqlite:///path (default: ${DB.env}, else {DB.default}).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only articles published on or after this date.")]
UntilOption = Annotated[str | None, typer.Option("--until", help="Only articles published before this date.")]


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
