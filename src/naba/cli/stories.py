"""Commands on how articles relate: compare (a first piece of the story-intelligence issue)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from naba.cli.articles import find_article
from naba.cli.common import DbOption, JsonOption, app, open_db, out, print_json
from naba.similarity import compare as compare_articles


@app.command()
def compare(
    first: Annotated[str, typer.Argument(metavar="A", help="An article id or URL.")],
    second: Annotated[str, typer.Argument(metavar="B", help="Another article id or URL.")],
    db: DbOption = "naba.db",
    as_json: JsonOption = False,
) -> None:
    """How similar two stored articles are (0 to 1), whether they tell one story, and why."""
    store = open_db(db)
    try:
        a, b = find_article(store, first), find_article(store, second)
    finally:
        store.close()
    result = compare_articles(a.article, b.article)
    if as_json:
        print_json({"a": a.id, "b": b.id, **result.as_dict()})
        return
    verdict = "the same story" if result.same_story else "not the same story"
    out.print(Text.assemble(("similarity ", "dim"), (f"{result.similarity:.2f}", "bold"), f"  ·  {verdict}"))
    if result.shared_entities:
        out.print(Text.assemble(("shared entities: ", "dim"), "، ".join(result.shared_entities[:8])))
    if result.shared_terms:
        out.print(Text.assemble(("shared terms: ", "dim"), "، ".join(result.shared_terms[:12])))
    gap = "unknown" if result.time_gap_hours is None else f"{result.time_gap_hours:.1f} hours"
    out.print(Text.assemble(("time gap: ", "dim"), gap))
