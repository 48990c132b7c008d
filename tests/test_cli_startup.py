"""`naba` starts at once: no heavy part is imported before a command needs it (issue 13).

Timing is left to the start-up figures of docs/benchmarks.md (never timed in tests); what is checked here is what
made the start slow: which modules a process has imported after ``import naba.cli``, after
``naba --help`` and after ``naba show ID``, each in a fresh interpreter. Then the table of lazy
commands (``naba.cli.lazy``) against the commands themselves, and one run of the real entry point
(``python -m naba``) per command module.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from naba.cli import app
from naba.cli.lazy import COMMANDS, module_group

# Never needed to start naba or list its commands: the pipeline and what it reads pages with, the
# gazetteer's tables, the stories, the web and its pydantic contract, numpy, the store's drivers.
HEAVY = ("trafilatura", "lxml", "numpy", "httpx", "fastapi", "starlette", "jinja2", "uvicorn", "pyarrow",
         "psycopg", "wordfreq", "naba.pipeline", "naba.engine", "naba.gazetteer", "naba.sources", "naba.stories",
         "naba.store", "naba.serve", "naba.evaluation", "naba.dates")
# Not needed to show one stored article either (the store and the article's headline are).
HEAVY_FOR_SHOW = ("trafilatura", "lxml", "numpy", "httpx", "fastapi", "starlette", "jinja2", "uvicorn", "pyarrow",
                  "psycopg", "wordfreq", "naba.pipeline", "naba.engine", "naba.gazetteer", "naba.sources",
                  "naba.stories.stage", "naba.stories.related", "naba.stories.sameness", "naba.stories.copies",
                  "naba.serve", "naba.evaluation", "naba.cli.ingest", "naba.cli.stories", "naba.cli.sources")
COMMAND_MODULES = sorted({entry.module for entry in COMMANDS.values()})


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def _loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


def test_importing_the_cli_imports_no_heavy_part():
    modules = _modules_after("import naba.cli")
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, tuple(COMMAND_MODULES)) == []


def test_help_lists_every_command_without_importing_one():
    modules = _modules_after(f"""
        from typer.testing import CliRunner
        from naba.cli import app
        result = CliRunner().invoke(app, ["--help"], env={{"COLUMNS": "200"}})
        assert result.exit_code == 0, result.output
        for name in {list(COMMANDS)!r}:
            assert " " + name + " " in result.stdout, name
    """)
    assert _loaded(modules, HEAVY) == []
    assert _loaded(modules, tuple(COMMAND_MODULES)) == []


def test_show_imports_only_what_showing_an_article_needs(tmp_path):
    db = tmp_path / "one.db"
    record = {"title": "خبر للاختبار", "content": "نص خبر قصير للاختبار", "source": "مصدر"}
    (tmp_path / "one.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["ingest", str(tmp_path / "one.jsonl"), "--db", str(db)]).exit_code == 0
    modules = _modules_after(f"""
        from typer.testing import CliRunner
        from naba.cli import app
        result = CliRunner().invoke(app, ["show", "1", "--db", {str(db)!r}])
        assert result.exit_code == 0 and "خبر للاختبار" in result.stdout, result.output
    """)
    assert "naba.cli.articles" in modules and "naba.store" in modules  # it did run the command
    assert _loaded(modules, HEAVY_FOR_SHOW) == []


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_table_lists_each_command_with_its_own_first_line_of_help(name):
    command = module_group(COMMANDS[name].module).get_command(None, name)
    assert command is not None, f"{COMMANDS[name].module} has no command {name}"
    first_paragraph = " ".join((command.help or "").split("\n\n")[0].split())
    assert COMMANDS[name].help == first_paragraph


@pytest.mark.parametrize("module", COMMAND_MODULES)
def test_every_command_of_a_module_is_in_the_table(module):
    names = set(module_group(module).list_commands(None))
    assert names and all(COMMANDS.get(n) is not None and COMMANDS[n].module == module for n in names), names


def test_an_unknown_command_suggests_the_closest():
    result = CliRunner().invoke(app, ["shw", "1"])
    assert result.exit_code == 2 and "Did you mean 'show'" in result.output


# -- the real entry point, once per command module -------------------------------------------------

@pytest.fixture(scope="module")
def smoke_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("smoke")
    (folder / "in.jsonl").write_text(json.dumps({"title": "خبر أول", "content": "نص الخبر الأول للاختبار",
                                                 "source": "مصدر"}, ensure_ascii=False) + "\n", encoding="utf-8")
    db = str(folder / "naba.db")
    done = _naba("ingest", str(folder / "in.jsonl"), "--json", "--db", db)  # naba.cli.ingest
    assert json.loads(done.stdout)["stored"] == 1
    return db


def _naba(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "naba", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.parametrize("args, printed", [
    (["show", "1", "--json"], '"title": "خبر أول"'),  # naba.cli.articles
    (["stories", "--json"], '"items"'),  # naba.cli.stories
    (["sources", "list", "--json"], "[]"),  # naba.cli.sources
    (["db", "upgrade"], "up to date"),  # naba.cli.db
    (["eval", "--help"], "keywords"),  # naba.cli.evaluate (an evaluation itself needs the data)
    (["serve", "--help"], "--store-mode"),  # naba.cli.serve (serving is tested in test_web_browser.py)
])
def test_the_entry_point_runs_a_command_of_each_module(smoke_db, args, printed):
    db = [] if args[-1] == "--help" else ["--db", smoke_db]
    assert printed in _naba(*args, *db).stdout
