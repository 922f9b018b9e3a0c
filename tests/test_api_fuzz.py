"""Schema-driven fuzzing of the API: every operation in /openapi.json, bounded in count.

No generated request may produce a server error (5xx) or a response that breaks its schema.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path

from test_api_data import build_fixture_db

from eventwire.api import create_app
from eventwire.records import Article, Document

with warnings.catch_warnings():  # schemathesis pulls in starlette's test client
    warnings.simplefilter("ignore")
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis import checks


def _fake_extract(article: Article) -> Document:
    return Document(article=article)


def _app():
    root = Path(tempfile.mkdtemp(prefix="eventwire-fuzz-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    # schemathesis's client sends Host: testserver
    return create_app(build_fixture_db(root / "events.duckdb"), extractor=_fake_extract,
                      allowed_hosts=("127.0.0.1", "localhost", "testserver"))


APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
# Random generation only, bounded by max_examples: the exhaustive coverage phase alone takes
# over a minute here.
schema.config.phases.coverage.enabled = False


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_fuzz_no_server_errors(case) -> None:
    response = case.call()
    case.validate_response(response, checks=[checks.not_a_server_error,
                                              checks.response_schema_conformance])


def test_api_fuzz_covers_every_route() -> None:
    paths = {route.path for route in APP.routes if getattr(route, "path", "").startswith("/api/")}
    assert len(paths) >= 9, paths
    assert Path(__file__).name == "test_api_fuzz.py"
