"""`naba eval keywords|sameness|stories|related`: the quality evaluations, as markdown tables.

They read third-party data in place (default ``../shared/data``, see its README); nothing is copied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from naba.errors import UsageError

cli = typer.Typer()
evaluate = typer.Typer(help="Run an evaluation and print its table (needs the data folder).", no_args_is_help=True)
cli.add_typer(evaluate, name="eval")

DataOption = Annotated[Path, typer.Option("--data", help="The folder holding akec/, ant/, saudinewsnet/, semeval-ar/.")]
DEFAULT_DATA = Path("../shared/data")


def _require(data: Path, *folders: str) -> None:
    missing = [f for f in folders if not (data / f).exists()]
    if missing:
        raise UsageError(f"no {', '.join(missing)} under {data}", hint="point --data at the shared data folder")


@evaluate.command("keywords")
def keywords(data: DataOption = DEFAULT_DATA,
             ant_limit: Annotated[int, typer.Option("--ant-limit", help="Al Arabiya files to score.")] = 1000) -> None:
    """Tags against YAKE and TF-IDF: AKEC F1@5/F1@10 (exact, partial), ANT hashtag recall@10."""
    from naba.evaluation.keywords import format_table, run_keyword_eval

    _require(data, "akec")
    print(format_table(run_keyword_eval(data, ant_limit=ant_limit)))


@evaluate.command("sameness")
def sameness(data: DataOption = DEFAULT_DATA,
             db: Annotated[str | None, typer.Option(
                 "--db", help="A store holding all of SaudiNewsNet + ANT: also score its copies and stories.")] = None,
             ) -> None:
    """Copies and same-story decisions on naba's labelled pairs (test half), against baselines."""
    from naba.evaluation.sameness import run_sameness_eval

    _require(data, "saudinewsnet", "ant")
    print(run_sameness_eval(data, db))


@evaluate.command("stories")
def stories(data: DataOption = DEFAULT_DATA) -> None:
    """Same-story decisions on SemEval-2022 ar-ar pairs; stories on the labelled sample corpus."""
    from naba.evaluation.stories import run_story_eval

    print(run_story_eval(data))


@evaluate.command("related")
def related(
    data: DataOption = DEFAULT_DATA,
    db: Annotated[str | None, typer.Option(
        "--db", help="A store holding ANT (default: build one from the data).")] = None,
    fit: Annotated[bool, typer.Option(
        "--fit", help="Rank a grid of ranking weights on the labelled sample instead.")] = False,
) -> None:
    """Similar-article lists: recall@10 of other outlets' versions, repeated stories, latency."""
    from naba.evaluation.related import fit_rank_weights, run_related_eval

    print(fit_rank_weights() if fit else run_related_eval(data, db))
