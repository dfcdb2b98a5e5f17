"""Shared fixtures. Entity fixtures live in tests/fixtures/ and are registered here."""

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.fixtures.accounts import *  # noqa: F403
from tests.fixtures.catalog import *  # noqa: F403
from tests.fixtures.graphql import *  # noqa: F403
from tests.fixtures.mail import *  # noqa: F403
from tests.fixtures.price_api import *  # noqa: F403
from tests.fixtures.prices import *  # noqa: F403
from tests.fixtures.worker import *  # noqa: F403

# Generated tests draw the same examples on every run: a failure repeats on every run, and
# correct code never fails by chance (nothing is kept between runs in .hypothesis/). The
# "too slow" health check is off: it measures the machine's load, not the code, and failed
# property tests while other suites shared the cores.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("repeatable")

_worker_reports: list[str] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """A pytest-xdist worker ended: keep what its fuzz run reported (test_api_fuzz.py)."""
    line = getattr(node, "workeroutput", {}).get("fuzz")
    if line:
        _worker_reports.append(f"{node.gateway.id} {line}")


def pytest_terminal_summary(terminalreporter):
    for line in sorted(_worker_reports):
        terminalreporter.write_line(line)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files and thumbnails go to a temporary folder, never the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Start every test with an empty local cache (the throttles count in the database,
    rolled back or flushed after each test, or in a test's own Redis)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use MD5.
    test_ops checks that the configured hasher is Argon2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _strict_fast_path(settings):
    """An exception inside the execution fast path that is not a planned fallback is a
    bug: in tests it propagates (an error in the answer) rather than quietly sending the
    object down the general path (``backend/core/graphql/execution.py``)."""
    settings.GRAPHQL_FAST_PATH_STRICT = True


@pytest.fixture(autouse=True)
def _celery_joins_allowed():
    """Celery's "inside a task" flag is one global for the process, which an eager task
    sets and restores around itself (``denied_join_result``). Eager tasks run from
    concurrent threads (the concurrency tests' orders) restore it out of turn and can leave
    it set; a later test's ``task.apply().get()`` in that process then refuses ("Never
    call result.get() within a task!"), depending on which tests ran before. Every test
    starts with it cleared."""
    from celery._state import _set_task_join_will_block

    _set_task_join_will_block(False)
