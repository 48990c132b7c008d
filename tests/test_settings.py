"""The settings table: parsing, one-line errors, the dataclass and README derived from it, every
NABA_ name in the source declared in it, and the CLI reading it (in-process, through CliRunner)."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import fields
from pathlib import Path

import pytest
from typer.testing import CliRunner

from naba.errors import UsageError
from naba.serve.web.server import ServerOptions
from naba.settings import BOOLEANS, SETTINGS, Settings, markdown, misspelled, setting

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "src" / "naba"
README = ROOT / "README.md"
DECLARED = {s.env for s in SETTINGS}
TEST_SWITCHES = {"NABA_TEST_POSTGRES_URL", "NABA_TEST_CLOCK"}  # the suite's own, not naba's settings
NAME = re.compile(r"NABA_[A-Z0-9_]+")


# --- the table and the dataclass --------------------------------------------------------------------

def test_the_dataclass_has_one_field_per_setting_with_its_type_and_default():
    assert [f.name for f in fields(Settings)] == [s.name for s in SETTINGS]
    annotations = {f.name: f.type for f in fields(Settings)}  # strings: the module postpones annotations
    for s in SETTINGS:
        assert annotations[s.name] == s.type.__name__, s.name
        assert type(s.default) is s.type, s.name  # a bool is no int here, nor an int a bool
        assert getattr(Settings(), s.name) == s.default, s.name
        assert len(s.help) > 20 and s.help.endswith("."), s.name


def test_the_defaults_are_the_ones_naba_always_had():
    assert Settings() == Settings.from_env({}) == Settings(
        max_page_bytes=10 * 1024 * 1024, max_file_bytes=512 * 1024 * 1024, max_compression_ratio=200,
        batch_size=500, raw_compression_level=0, db="naba.db", allow_private_addresses=False,
        serve_store_mode="per-thread", serve_threads=8, base_url="")


# --- parsing ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, raw, expected", [
    ("max_page_bytes", "1024", 1024),
    ("batch_size", " 7 ", 7),
    ("max_file_bytes", "1_000_000", 1_000_000),  # what int() reads, as before the table
    ("batch_size", "١٢", 12),  # Arabic-Indic digits too
    ("raw_compression_level", "16", 16),
    ("raw_compression_level", "0", 0),
    ("serve_threads", "256", 256),
    ("db", "postgresql://u@h:5432/naba", "postgresql://u@h:5432/naba"),
    ("db", " spaced name.db", " spaced name.db"),  # a path is taken as written
    ("serve_store_mode", "lock", "lock"),
    ("serve_store_mode", " per-thread\n", "per-thread"),
    ("base_url", "https://news.example", "https://news.example"),
    ("base_url", " http://127.0.0.1:8000/naba/ ", "http://127.0.0.1:8000/naba/"),
])
def test_a_value_is_parsed_to_the_settings_type(name, raw, expected):
    settings = Settings.from_env({setting(name).env: raw})
    assert getattr(settings, name) == expected
    assert type(getattr(settings, name)) is setting(name).type


@pytest.mark.parametrize("raw, expected", [
    ("1", True), ("0", False), ("true", True), ("false", False), ("yes", True), ("no", False),
    ("TRUE", True), (" Yes ", True), ("No", False), ("False\n", False),
])
def test_yes_no_values(raw, expected):
    assert Settings.from_env({"NABA_ALLOW_PRIVATE_ADDRESSES": raw}).allow_private_addresses is expected


def test_the_yes_no_words_are_the_documented_six():
    assert BOOLEANS == {"1": True, "0": False, "true": True, "false": False, "yes": True, "no": False}


@pytest.mark.parametrize("s", SETTINGS, ids=lambda s: s.name)
def test_empty_counts_as_unset_and_the_env_form_reads_back(s):
    assert s.read({s.env: ""}) == s.read({}) == s.default
    assert s.read({s.env: s.to_env(s.default)}) == s.default


def test_from_env_reads_the_process_environment_by_default(monkeypatch):
    monkeypatch.setenv("NABA_BATCH_SIZE", "7")
    monkeypatch.setenv("NABA_ALLOW_PRIVATE_ADDRESSES", "yes")
    settings = Settings.from_env()
    assert (settings.batch_size, settings.allow_private_addresses) == (7, True)


# --- errors: one line, naming the variable, the value and what is allowed ----------------------------

@pytest.mark.parametrize("env, raw, message", [
    ("NABA_MAX_PAGE_BYTES", "abc", "NABA_MAX_PAGE_BYTES='abc': not a whole number (bytes, >= 1)"),
    ("NABA_MAX_PAGE_BYTES", "-5", "NABA_MAX_PAGE_BYTES='-5': too small (bytes, >= 1)"),
    ("NABA_MAX_FILE_BYTES", "1.5", "NABA_MAX_FILE_BYTES='1.5': not a whole number (bytes, >= 1)"),
    ("NABA_MAX_COMPRESSION_RATIO", "0", "NABA_MAX_COMPRESSION_RATIO='0': too small (>= 1)"),
    ("NABA_BATCH_SIZE", "0", "NABA_BATCH_SIZE='0': too small (>= 1)"),
    ("NABA_BATCH_SIZE", "5\n6", "NABA_BATCH_SIZE='5\\n6': not a whole number (>= 1)"),
    ("NABA_RAW_COMPRESSION_LEVEL", "17", "NABA_RAW_COMPRESSION_LEVEL='17': too large (>= 0, <= 16)"),
    ("NABA_RAW_COMPRESSION_LEVEL", "-1", "NABA_RAW_COMPRESSION_LEVEL='-1': too small (>= 0, <= 16)"),
    ("NABA_ALLOW_PRIVATE_ADDRESSES", "maybe",
     "NABA_ALLOW_PRIVATE_ADDRESSES='maybe': not a yes/no value (one of 1, 0, true, false, yes, no)"),
    ("NABA_ALLOW_PRIVATE_ADDRESSES", "2",
     "NABA_ALLOW_PRIVATE_ADDRESSES='2': not a yes/no value (one of 1, 0, true, false, yes, no)"),
    ("NABA_SERVE_STORE_MODE", "shared",
     "NABA_SERVE_STORE_MODE='shared': not a known value (one of per-thread, lock)"),
    ("NABA_SERVE_THREADS", "257", "NABA_SERVE_THREADS='257': too large (>= 1, <= 256)"),
    ("NABA_BASE_URL", "news.example",
     "NABA_BASE_URL='news.example': not a valid value (an http(s) URL without query or fragment)"),
    ("NABA_BASE_URL", "javascript:alert(1)",
     "NABA_BASE_URL='javascript:alert(1)': not a valid value (an http(s) URL without query or fragment)"),
    ("NABA_BASE_URL", "https://news.example/?x=1",
     "NABA_BASE_URL='https://news.example/?x=1': not a valid value (an http(s) URL without query or fragment)"),
])
def test_a_bad_value_is_one_usage_error_line(env, raw, message):
    with pytest.raises(UsageError) as caught:
        Settings.from_env({env: raw})
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_an_unknown_variable_is_ignored_and_a_misspelt_one_gets_a_hint():
    environ = {"NABA_MAX_PAGE_BYTE": "abc", "naba_db": "x.db", "NABA_SERVE_THREAD": "0", "NABA_NOTHING_LIKE_IT": "1",
               "NABA_TEST_CLOCK": "2031-06-15T12:00:00+00:00", "NABA_TEST_POSTGRES_URL": "postgresql://x", "HOME": "/"}
    assert Settings.from_env(environ) == Settings()
    assert misspelled(environ) == [
        "NABA_MAX_PAGE_BYTE is not a setting of naba, and is ignored (did you mean NABA_MAX_PAGE_BYTES?)",
        "NABA_SERVE_THREAD is not a setting of naba, and is ignored (did you mean NABA_SERVE_THREADS?)",
        "naba_db is not a setting of naba, and is ignored (did you mean NABA_DB?)",
    ]
    assert misspelled({s.env: "1" for s in SETTINGS}) == []


def test_the_fetch_policy_takes_its_switch_from_the_table():
    from naba.sources.fetch import FetchPolicy

    assert FetchPolicy.from_env({"NABA_ALLOW_PRIVATE_ADDRESSES": "true"}).allow_private is True
    assert FetchPolicy.from_env({"NABA_ALLOW_PRIVATE_ADDRESSES": "no"}).allow_private is False
    with pytest.raises(UsageError, match="NABA_ALLOW_PRIVATE_ADDRESSES='on'"):
        FetchPolicy.from_env({"NABA_ALLOW_PRIVATE_ADDRESSES": "on"})


# --- the README and the source -----------------------------------------------------------------------

def test_the_readme_table_is_the_one_generated_from_the_settings():
    readme = README.read_text(encoding="utf-8")
    start = readme.index("<!-- generated from src/naba/settings.py")
    end = readme.index("<!-- end of the generated table -->")
    assert readme[readme.index("\n", start) + 1:end] == markdown(), "run: .venv/bin/python -m naba.settings"
    for s in SETTINGS:
        row = next(line for line in readme[start:end].splitlines() if line.startswith(f"| `{s.env}` |"))
        assert s.shown_default() in row and s.help in row and s.allowed in row, s.name
    assert TEST_SWITCHES <= set(NAME.findall(readme[readme.index("## Settings"):start]))


def _undeclared(text: str) -> set[str]:
    return set(NAME.findall(text)) - DECLARED


def _environment_literals(source: str) -> list[str]:
    """String constants outside docstrings that name a NABA_ variable: code that bypasses the table."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and "NABA_" in node.value and id(node) not in docstrings]


def test_the_source_checks_catch_a_bypass():
    code = ('"""Reads NABA_DB."""\nimport os\n'
            'limit = int(os.environ.get("NABA_FOO", "1"))\nhint = f"set NABA_DB=1"\n')
    assert _undeclared(code) == {"NABA_FOO"}
    assert sorted(_environment_literals(code)) == ["NABA_FOO", "set NABA_DB=1"]


def test_every_naba_variable_in_the_source_is_a_declared_setting():
    found = {}
    for path in SOURCE.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            for name in _undeclared(path.read_bytes().decode("utf-8", "replace")):
                found.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert found == {}
    assert _undeclared(README.read_text(encoding="utf-8")) == TEST_SWITCHES


def test_only_the_settings_module_spells_out_a_variable_in_code():
    bypasses = {str(path.relative_to(ROOT)): literals for path in sorted(SOURCE.rglob("*.py"))
                if path.name != "settings.py" or path.parent != SOURCE
                if (literals := _environment_literals(path.read_text(encoding="utf-8")))}
    assert bypasses == {}


def test_the_former_bypasses_name_their_variables_through_the_table():
    from naba.sources.fetch.policy import ALLOW_PRIVATE_ENV

    assert ALLOW_PRIVATE_ENV == "NABA_ALLOW_PRIVATE_ADDRESSES"


# --- the command line, in-process -------------------------------------------------------------------

def _naba(*args: str, **env: str | None):
    from naba.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "NABA_DB": None, **env})


def _jsonl(path: Path) -> str:
    path.write_text(json.dumps({"title": "خبر للاختبار", "content": "نص خبر قصير للاختبار فقط"}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    return str(path)


def test_a_bad_setting_stops_a_command_with_one_line_and_exit_code_2(tmp_path):
    db = tmp_path / "never.db"
    result = _naba("ingest", "x", NABA_MAX_PAGE_BYTES="abc", NABA_DB=str(db))
    assert result.exit_code == 2
    assert result.stderr == "error: NABA_MAX_PAGE_BYTES='abc': not a whole number (bytes, >= 1)\n"
    assert result.stdout == "" and not db.exists()  # checked before the store is opened
    given = _naba("stats", "--db", str(db), NABA_SERVE_STORE_MODE="shared")  # --db given: still checked
    assert given.exit_code == 2 and given.stderr.count("\n") == 1 and "NABA_SERVE_STORE_MODE='shared'" in given.stderr


def test_naba_db_is_the_default_store_and_db_wins_over_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = _jsonl(tmp_path / "one.jsonl")
    assert _naba("ingest", source, "--json", NABA_DB=str(tmp_path / "env.db")).exit_code == 0
    assert (tmp_path / "env.db").exists() and not (tmp_path / "naba.db").exists()
    counted = _naba("stats", "--json", NABA_DB=str(tmp_path / "env.db"))
    assert json.loads(counted.stdout)["articles"] == 1
    other = _naba("stats", "--json", "--db", str(tmp_path / "given.db"), NABA_DB=str(tmp_path / "env.db"))
    assert json.loads(other.stdout)["articles"] == 0 and (tmp_path / "given.db").exists()
    fallback = _naba("stats", "--json", NABA_DB="")  # empty: unset, the table's default
    assert fallback.exit_code == 0 and (tmp_path / "naba.db").exists()


def test_usage_errors_exit_2_and_other_errors_exit_1(tmp_path):
    nothing = _naba("ingest", "--db", str(tmp_path / "a.db"))
    assert nothing.exit_code == 2 and nothing.stderr.startswith("error: nothing to ingest")
    missing = _naba("show", "999", "--db", str(tmp_path / "a.db"))
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1 and "999" in missing.stderr


def test_a_misspelt_variable_is_a_warning_not_a_failure(tmp_path):
    result = _naba("stats", "--json", "--db", str(tmp_path / "a.db"), NABA_BATCH_SIZ="abc")
    assert result.exit_code == 0 and json.loads(result.stdout)["articles"] == 0
    assert result.stderr == ("warning: NABA_BATCH_SIZ is not a setting of naba, and is ignored "
                             "(did you mean NABA_BATCH_SIZE?)\n")


def test_help_lists_every_variable():
    shown = " ".join(_naba("--help").stdout.split())
    for s in SETTINGS:
        assert s.env in shown, s.env


@pytest.fixture
def served(monkeypatch):
    """What `naba serve` would start: the app's arguments, uvicorn's or the server processes', without serving."""
    import uvicorn

    import naba.serve.web.app as web_app
    import naba.store
    from naba.serve.web import server

    calls: dict = {}

    def create_app(db, *, store_mode, worker_threads, freeze_heap=False):
        calls["app"] = (db, store_mode, worker_threads)
        calls["freeze_heap"] = freeze_heap
        return "app"

    def run(target, **options):
        calls["run"] = target

    def serve_processes(options, processes):  # what several server processes would be started with
        calls["processes"] = (options, processes)

    class Store:
        def close(self):
            calls["store_checked"] = True

    monkeypatch.setattr(naba.store, "open_store", lambda url, read_only=False: Store())
    monkeypatch.setattr(web_app, "create_app", create_app)
    monkeypatch.setattr(server, "serve_processes", serve_processes)
    monkeypatch.setattr(uvicorn, "run", run)
    return calls


def test_serve_takes_threads_and_store_mode_from_the_settings_unless_given(served):
    assert _naba("serve", NABA_SERVE_THREADS="3", NABA_SERVE_STORE_MODE="lock").exit_code == 0
    assert served["app"] == ("naba.db", "lock", 3)
    assert served["freeze_heap"] is True  # a server process freezes its startup heap (tests' apps do not)
    assert _naba("serve", "--db", "x.db", "--threads", "5", "--store-mode", "per-thread",
                 NABA_DB="y.db", NABA_SERVE_THREADS="3", NABA_SERVE_STORE_MODE="lock").exit_code == 0
    assert served["app"] == ("x.db", "per-thread", 5)
    bad = _naba("serve", NABA_SERVE_THREADS="0")
    assert bad.exit_code == 2 and bad.stderr == "error: NABA_SERVE_THREADS='0': too small (>= 1, <= 256)\n"


def test_serve_refuses_a_missing_store_in_one_line(tmp_path):
    result = _naba("serve", "--db", str(tmp_path / "none.db"), "--workers", "2")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'none.db'}: no store here (create one with `naba ingest` or " \
                                    "`naba demo`)"


def test_serve_hands_its_processes_the_options_given(served):
    result = _naba("serve", "--db", "inner.db", "--workers", "2", "--threads", "4", "--port", "0",
                   "--no-access-log", NABA_DB="outer.db")
    assert result.exit_code == 0, result.output
    assert served["store_checked"]  # opened once before any process starts
    assert served["processes"] == (ServerOptions("inner.db", "127.0.0.1", 0, "per-thread", 4, False), 2)
    assert "run" not in served  # uvicorn's own --workers (one shared socket) is not used


