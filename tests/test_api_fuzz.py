"""No request makes an internal error: a bounded fuzz run over the live schema.

Schemathesis reads the schema by introspection and, for every root query and mutation
field (found anew on each run, so new ones are covered without editing this file), writes
documents with generated arguments: empty and huge strings, NUL escapes, odd unicode,
negative and enormous numbers, nulls, missing and unknown enum values, decimals that are
NaN or Infinity. Each document goes through the HTTP endpoint twice over: anonymously and
as a staff user with every permission, acting for the manufacturer (a JWT issued for a
user made for the run). Any HTTP 5xx or any ``INTERNAL_ERROR`` in the answer fails.

The run is bounded and repeatable: at most ``FUZZ_EXAMPLES`` documents per operation and
viewer, generated with a fixed seed (``derandomize``), so correct code never fails by chance
and a failure reproduces on every run; and at most ``FUZZ_SECONDS`` in all (each operation
and viewer gets an equal share; on a busy machine a share may end before its examples do,
which only shortens the run). The last line of the run says how many requests were sent.
"""

from __future__ import annotations

import contextlib
import json
import os
import time

import pytest
import schemathesis
from django.db import transaction
from graphql import get_introspection_query
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from backend.api.schema import schema as portal_schema

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "100"))

# Strategies for the portal's own scalars (schemathesis knows the built-in ones).
_decimal_text = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["NaN", "-Infinity", "1e400", "-1e-400", "1e17", "0.001", "", "12,5"]),
    st.text(max_size=20),
)
schemathesis.graphql.scalar("Decimal", st.one_of(
    _decimal_text.map(nodes.String),
    st.integers(min_value=-(10**30), max_value=10**30).map(nodes.Int),
))
# A multipart file cannot be written inline: whatever stands in its place is refused.
schemathesis.graphql.scalar("Upload", st.text(max_size=10).map(nodes.String))
schemathesis.graphql.scalar("JSONString", st.sampled_from(["{}", "[1]", "x"]).map(nodes.String))

_INTROSPECTION = portal_schema.execute(get_introspection_query()).data
API = schemathesis.graphql.from_dict(_INTROSPECTION)
OPERATIONS = sorted(
    (root["name"], field["name"])
    for root_key in ("queryType", "mutationType")
    for root in [_INTROSPECTION["__schema"][root_key]]
    for type_ in _INTROSPECTION["__schema"]["types"] if type_["name"] == root["name"]
    for field in type_["fields"]
)


VIEWERS = ("anonymous", "staff")
SHARE = SECONDS / (len(OPERATIONS) * len(VIEWERS))  # seconds per operation and viewer
_sent = {"requests": 0, "started": time.monotonic()}


class _ShareUsed(Exception):
    """This operation's time share is over: stop generating, nothing failed."""


def _internal_errors(body) -> list[dict]:
    errors = body.get("errors") or [] if isinstance(body, dict) else []
    return [e for e in errors if (e.get("extensions") or {}).get("code") == "INTERNAL_ERROR"]


@pytest.fixture(scope="module", autouse=True)
def _report_the_run(request):
    _sent["started"] = time.monotonic()
    yield
    if not _sent["requests"]:
        return
    line = (f"fuzz: {_sent['requests']} requests over {len(OPERATIONS)} operations x "
            f"{len(VIEWERS)} viewers in {time.monotonic() - _sent['started']:.0f} s")
    workeroutput = getattr(request.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: conftest.py prints it at the end
        workeroutput["fuzz"] = line
        return
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("\n" + line)


@pytest.fixture
def viewers(api, api_as, staff_user, network):
    return {"anonymous": api, "staff": api_as(staff_user, network["factory"])}


@pytest.mark.parametrize("viewer", VIEWERS)
@pytest.mark.parametrize(("root", "field"), OPERATIONS, ids=[f"{r}.{f}" for r, f in OPERATIONS])
def test_no_generated_request_makes_an_internal_error(viewers, viewer, root, field):
    client = viewers[viewer]
    strategy = API[root][field].as_strategy()
    share_ends = time.monotonic() + SHARE

    # No shrinking: a failure names its document as generated (and replays as is).
    @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
              phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def request_answers_without_internal_error(case):
        if time.monotonic() > share_ends:
            raise _ShareUsed
        _sent["requests"] += 1
        # A savepoint per request: a database error cannot poison the requests after it.
        with transaction.atomic():
            response = client.client.post(
                "/graphql/", json.dumps({"query": case.body}),
                content_type="application/json", **client.headers)
            assert response.status_code < 500, (response.status_code, case.body)
            body = json.loads(response.content)
            assert not _internal_errors(body), (case.body, _internal_errors(body))

    with contextlib.suppress(_ShareUsed):
        request_answers_without_internal_error()


def test_every_operation_is_fuzzed():
    """The list comes from introspection: a new root field is fuzzed without edits."""
    assert ("Query", "products") in OPERATIONS and ("Mutation", "tokenCreate") in OPERATIONS
    assert len(OPERATIONS) >= 50
