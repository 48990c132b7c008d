"""Schema fuzzing: schemathesis generates requests from /openapi.json and sends them to the app
in-process. No request may crash the app (no 500), and every answer must match the documented
status codes, content types and schemas (errors included). Bounded by max_examples."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from naba.serve.web import create_app
from naba.store import open_store
from web_server import EVIL, load_sample

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# Reading the schema at import time starts the app once on an empty store in _DIR (serving opens stores
# read-only, so a writer creates it first); the fixture below fills that store and starts the app again
# before any generated request.
_DIR = Path(tempfile.mkdtemp(prefix="naba-schema-"))  # removed by the fixture below
open_store(str(_DIR / "sample.db")).close()
app = create_app(str(_DIR / "sample.db"))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture(scope="module", autouse=True)
def started_app():
    load_sample(_DIR / "sample.db", [EVIL])
    with TestClient(app):
        yield
    shutil.rmtree(_DIR, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_crashes_the_api_or_breaks_its_schema(case):
    case.call_and_validate(checks=CHECKS)
