"""Single article pages by URL (`naba fetch`): fetched, prepared, stored and grouped as a crawl stores
its pages, then their related lists computed."""

from __future__ import annotations

from collections.abc import Iterator

from naba import engine
from naba.models import IngestReport, PreparedArticle, Record, Rejection
from naba.settings import Settings
from naba.sources.fetch import FetchResult, PoliteClient
from naba.store import Store
from naba.stories import StoryStage


def fetch_pages(store: Store, client: PoliteClient, urls: list[str], settings: Settings,
                source: str | None = None) -> IngestReport:
    """Fetch article pages by URL and store them (``naba fetch``)."""
    report = IngestReport()

    def prepared() -> Iterator[PreparedArticle]:
        for url in urls:
            result = client.fetch(url)
            if not result.ok:
                report.rejected.append(Rejection(url, _fetch_problem(url, result)))
                continue
            report.read += 1
            hints = {"url": result.final_url, "source": source, "charset": result.charset}
            record = Record("html", result.body, result.final_url,
                            tuple(sorted((k, v) for k, v in hints.items() if v)))
            outcome = engine.prepare_checked(record)
            if isinstance(outcome, Rejection):
                report.rejected.append(outcome)
            else:
                yield outcome

    stage = StoryStage(store)
    engine.store_prepared(store, prepared(), settings, report,
                          on_written=lambda written: engine.group_written(stage, written))
    report.lists = engine.refresh_lists(store, profiles=stage.profiles).computed
    return report


def _fetch_problem(url: str, result: FetchResult) -> str:
    """Why ``url`` was not fetched, without repeating it (a rejection line names it already)."""
    error = result.error
    if error is None:
        return result.status
    problem = f"{error.message} ({error.hint})" if error.hint else error.message
    return problem if error.where in (None, url) else f"{error.where}: {problem}"
