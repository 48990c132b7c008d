"""What every command shares: the Typer app, the consoles, the common options, the store opener.

Exit codes: 0 done; 1 an error stopped the command; 2 bad usage (a UsageError too, e.g. a bad
``NABA_*`` setting); 3 done, but some input was rejected. A NabaError is one line on stderr.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

from naba.cli.lazy import COMMANDS, load
from naba.errors import NabaError, UsageError
from naba.settings import SETTINGS, Settings, misspelled, setting

if TYPE_CHECKING:  # imported where used: `naba --help` needs none of them (see naba.cli.lazy)
    from naba.models import IngestReport, Rejection
    from naba.store import Store

EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED = 1, 2, 3
DB = setting("db")

# Control characters (escape sequences above all) that stored text must not send to a terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")


def printable(text: str) -> str:
    """Text with the control characters a terminal would act on removed (line breaks and tabs kept)."""
    return _UNPRINTABLE.sub("", text)


def one_line(text: str) -> str:
    """A message as one line: line breaks become spaces, control characters go."""
    return printable(_LINE_BREAKS.sub(" ", text))


class PlainConsole(Console):
    """A console that reads every string it prints as plain text.

    Stored text (a title, an outlet, a query) is printed, never interpreted: no console markup (``[/x]``
    would stop the command, ``[link=...]`` would become a terminal link), no ``:emoji:`` codes, no
    escape sequences. Styles are given as ``Text`` styles instead of markup. Table cells go through
    ``render_str`` too, so they are covered.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(markup=False, emoji=False, **kwargs)
        # Rich fixes the width from $COLUMNS when the console is made (at import); read it when printing
        # instead, so a command run in-process (CliRunner, with its own environment) sees its own.
        self._width = kwargs.get("width")
        self._height = kwargs.get("height")

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(printable(text), **kwargs)


out = PlainConsole()
err = PlainConsole(stderr=True)


def exit_code(exc: NabaError) -> int:
    return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR


def print_line(message: str, style: str = "") -> None:
    """One line on stderr, whatever the width and whether stderr is a terminal, a pipe or a file: a
    log gets exactly one line per message (Rich would otherwise wrap at the console's width, 80
    columns when stderr is not a terminal)."""
    err.print(Text(one_line(message), style=style), soft_wrap=True, overflow="ignore", crop=False)


def print_error(exc: NabaError) -> None:
    print_line(f"error: {exc}", style="red")


class _LazyCommands(Mapping[str, Any]):
    """The root's commands by name (``naba.cli.lazy.COMMANDS``): looking one up imports its module."""

    def __getitem__(self, name: str) -> Any:
        command = load(name, None)
        if command is None:
            raise KeyError(name)
        return command

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Commands(TyperGroup):
    """The root group: its commands are imported when named (see ``naba.cli.lazy``); its own help lists
    them from the table without importing any. Every command's NabaError becomes one line on stderr
    and its exit code, in-process too (CliRunner)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.commands = _LazyCommands()  # type: ignore[assignment]
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self._listing:  # `naba --help`: a name and a line, nothing imported
            entry = COMMANDS.get(cmd_name)
            return None if entry is None else TyperCommand(cmd_name, short_help=entry.help, help=entry.help)
        return load(cmd_name, ctx)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def invoke(self, ctx: Any) -> Any:  # typer's click Context (recent typer carries its own click)
        for hint in misspelled():
            print_line(f"warning: {hint}", style="yellow")
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


@app.callback()
def _root() -> None:
    """naba (نبأ): an Arabic-first news aggregation engine."""  # the commands themselves are lazy


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
    from naba.store import open_store

    return open_store(db, Settings.from_env())


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def run_with_progress(label: str, work) -> IngestReport:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[counts]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task(label, counts="")

        def update(report: IngestReport) -> None:
            progress.update(task, counts=f"{report.read:,} read · {report.stored:,} stored · "
                                         f"{len(report.rejected):,} rejected")

        return work(update)


def print_rejection(rejection: Rejection) -> None:
    """``rejected: WHERE: WHY`` on one line of stderr (the README's promise, for logs and pipes)."""
    print_line(f"rejected: {rejection}", style="yellow")


def report_summary(report: IngestReport, as_json: bool) -> None:
    from rich.table import Table

    from naba.serve.contract import IngestSummary

    if as_json:
        print_json(IngestSummary.of(report).model_dump(mode="json"))
    else:
        for rejection in report.rejected:
            print_rejection(rejection)
        table = Table(show_header=False, box=None)
        for name, value in (("read", report.read), ("stored", report.stored), ("updated", report.updated),
                            ("unchanged re-ingests", report.unchanged), ("rejected", len(report.rejected)),
                            ("related lists computed", report.lists)):
            table.add_row(name, f"{value:,}")
        out.print(table)
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)
