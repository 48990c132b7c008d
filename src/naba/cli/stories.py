"""Commands on how articles relate: stories, one story, related articles, an entity, compare."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from naba.cli.articles import _timestamp_or_none, find_article
from naba.cli.common import DbOption, JsonOption, SinceOption, open_db, out, print_json
from naba.errors import NotFound
from naba.pipeline.tagging import resolve_entity, usual_name
from naba.serve.contract import Comparison, EntityPage, Related, StoryDetail, StoryList
from naba.serve.paging import articles_slice, stories_slice
from naba.stories import story_detail
from naba.stories.compare import judge_pair
from naba.stories.related import related as related_articles
from naba.stories.summaries import headline, outlet_count
from naba.text import index

cli = typer.Typer()
LimitOption = Annotated[int, typer.Option("-n", "--limit", min=1, help="How many to list.")]


@cli.command()
def stories(
    db: DbOption = "naba.db",
    since: SinceOption = None,
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """Stories, latest update first: the title, how many articles and outlets, who reported first."""
    store = open_db(db)
    try:  # one story more than shown says whether there is a next page (the API's cursor)
        page = stories_slice(store, None, limit, since_ts=_timestamp_or_none(since))
    finally:
        store.close()
    if as_json:
        print_json(StoryList.of(page).model_dump(mode="json"))
        return
    table = Table("id", "story", "articles", "outlets", "first", "latest")
    for s in page.items:
        table.add_row(str(s.id), s.title, str(s.articles), "، ".join(s.outlets) or "outlet unknown",
                      s.first_source or "", (s.last_at or "date unknown")[:16])
    out.print(table)


@cli.command()
def story(
    story_id: Annotated[int, typer.Argument(metavar="ID", help="A story id (from `naba stories`).")],
    db: DbOption = "naba.db",
    as_json: JsonOption = False,
) -> None:
    """One story: its articles by outlet and time, the first reporter, attribution and entities."""
    store = open_db(db)
    try:
        detail = story_detail(store, story_id)
    finally:
        store.close()
    if detail is None:
        raise NotFound("no such story", where=str(story_id), hint="list stories with `naba stories`")
    if as_json:
        print_json(StoryDetail.of(detail).model_dump(mode="json"))
        return
    summary = detail.summary
    out.print(Text(summary.title, style="bold"))
    out.print(Text.assemble(("first reported by ", "dim"), summary.first_source or "outlet unknown", (" at ", "dim"),
                            summary.first_at or "date unknown", ("  ·  ", "dim"), f"{summary.articles} articles, "
                            f"{outlet_count(summary)} outlets"))
    table = Table("time", "outlet", "title", "id", "copy of")
    for entry in detail.timeline:
        table.add_row((entry.at or "date unknown")[:16], entry.source or "outlet unknown", entry.title,
                      str(entry.article_id),
                      "" if entry.duplicate_of is None else str(entry.duplicate_of))
    out.print(table)
    for article_id, source, credits in detail.attribution:
        out.print(Text.assemble(("attribution: ", "dim"), f"{source} ({article_id}) ← " + "، ".join(credits)))
    if detail.entities:
        out.print(Text.assemble(("entities: ", "dim"), "، ".join(c for c, _, _ in detail.entities[:10])))
    for link in detail.linked:
        out.print(Text.assemble(("linked story: ", "dim"), f"{link.summary.title} ({link.summary.id}, "
                                f"{link.summary.articles} articles, {(link.summary.first_at or 'date unknown')[:10]})"))


@cli.command()
def related(
    ref: Annotated[str, typer.Argument(metavar="ID|URL", help="An article id or URL.")],
    db: DbOption = "naba.db",
    k: Annotated[int, typer.Option("-k", min=1, help="How many similar articles.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """An article's similar articles (one per story) and read-also picks, each with its score and why."""
    store = open_db(db)
    try:
        article = find_article(store, ref)
        found = related_articles(store, article.id, k=k)
    finally:
        store.close()
    assert found is not None  # the article exists
    if as_json:
        print_json(Related.of(article.id, found).model_dump(mode="json"))
        return
    for label, items in (("مقالات مشابهة · similar", found.similar), ("اقرأ أيضا · read also", found.read_also)):
        out.rule(label)
        for item in items:
            outlets = "، ".join(item.outlets)
            out.print(Text.assemble((f"{item.score:.2f} ", "bold"), headline(item.article.article),
                                    (f"  [{item.article.id}] {outlets}", "dim")))
            if item.why:
                out.print(Text.assemble(("     why: ", "dim"), "، ".join(item.why)))


@cli.command()
def entity(
    name: Annotated[str, typer.Argument(help="Any spelling of a name: زيلنسكي, بيونج يانج, ترمب ...")],
    db: DbOption = "naba.db",
    limit: LimitOption = 20,
    as_json: JsonOption = False,
) -> None:
    """An entity's canonical form, the spellings seen, its latest articles and stories."""
    resolved = resolve_entity(name)
    canonical = resolved.canonical if resolved else usual_name(name)  # a learned name's canonical form
    store = open_db(db)
    try:
        spellings = store.entities.spellings(canonical)
        if resolved is None and not spellings:  # as typed, then a plain tag's index form
            for other in (name.strip(), index(name)):
                canonical, spellings = other, store.entities.spellings(other)
                if spellings:
                    break
        page = articles_slice(store, None, limit, entity=canonical)
        story_list = store.stories.newest(entity=canonical, limit=limit)
    finally:
        store.close()
    kind = resolved.kind if resolved else None
    if as_json:
        print_json(EntityPage.of(canonical, kind, spellings, page, story_list).model_dump(mode="json"))
        return
    out.print(Text.assemble((canonical, "bold"), (f"  ({kind or 'unknown'})", "dim")))
    if spellings:
        out.print(Text.assemble(("spellings: ", "dim"), "، ".join(f"{s} ({n})" for s, n in spellings.items())))
    table = Table("id", "title", "outlet", "published", "story")
    for a in page.items:
        table.add_row(str(a.id), headline(a.article), a.article.source or "",
                      (a.article.published_at or "date unknown")[:16],
                      str(a.story_id or ""))
    out.print(table)


@cli.command()
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
    judged = judge_pair(a, b)
    if as_json:
        print_json(Comparison.of(a, b, judged).model_dump(mode="json"))
        return
    said = "a copy" if judged.copy else "the same story" if judged.same_event else "not the same story"
    out.print(Text.assemble(("similarity ", "dim"), (f"{judged.similarity:.2f}", "bold"), f"  ·  {said}",
                            (f"  (P(copy) {judged.copy_probability:.2f}, P(same event) "
                             f"{judged.same_probability:.2f})", "dim")))
    evidence = judged.evidence
    if evidence.shared_entities:
        out.print(Text.assemble(("shared entities: ", "dim"), "، ".join(evidence.shared_entities)))
    if evidence.shared_terms:
        out.print(Text.assemble(("shared terms: ", "dim"), "، ".join(evidence.shared_terms)))
    if evidence.gap_hours is not None:
        out.print(Text.assemble(("time gap: ", "dim"), f"{evidence.gap_hours:.1f} hours"))
    decided = ", ".join(f"{name} {value:+.2f}" for name, value in judged.reasons()[:5])
    out.print(Text.assemble(("what decided: ", "dim"), decided))
    if judged.ruling:
        out.print(Text.assemble(("ruled out: ", "dim"), judged.ruling))
    stories = "one story" if a.story_id == b.story_id else f"stories {a.story_id} and {b.story_id}"
    out.print(Text.assemble(("stored in: ", "dim"), stories))
