"""The plugin manager: one runner for every hook, chain hooks in order, effects after commit.

The plugins used here live in ``tests/plugin_fixtures/`` and record their calls in
``tests.plugin_fixtures.calls.CALLS``.
"""

from __future__ import annotations

import inspect
import logging
from datetime import date
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from django.db import transaction
from graphql_relay import to_global_id

from backend.accounts.models import Organization
from backend.core.plugins import BasePlugin, PluginManager, get_plugins_manager
from backend.core.plugins.hooks import HOOKS
from backend.core.plugins.manager import _cached_manager
from tests.plugin_fixtures.calls import CALLS

FIRST = "tests.plugin_fixtures.first"
SECOND = "tests.plugin_fixtures.second"
INACTIVE = "tests.plugin_fixtures.inactive"
FAILING = "tests.plugin_fixtures.failing"
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _no_recorded_calls():
    CALLS.clear()
    yield
    CALLS.clear()


@pytest.fixture
def plugins_setting(settings):
    """Set ``settings.PLUGINS`` with the cached manager forgotten before and after."""

    def configure(*modules: str) -> None:
        settings.PLUGINS = list(modules)
        _cached_manager.cache_clear()

    yield configure
    _cached_manager.cache_clear()


def hooks_called(name: str) -> list[str]:
    return [plugin for plugin, hook, _ in CALLS if hook == name]


# --- chain hooks ---------------------------------------------------------------------------

def test_chain_hook_threads_previous_value_through_plugins_in_order():
    manager = PluginManager([FIRST, SECOND])

    rate = manager.run("vat_rate", Decimal("0.20"), "RU", date(2025, 6, 1))

    assert rate == Decimal("0.42")  # (0.20 + 0.01) * 2
    assert [
        ("tests.first", "vat_rate", ("RU", date(2025, 6, 1), Decimal("0.20"))),
        ("tests.second", "vat_rate", ("RU", date(2025, 6, 1), Decimal("0.21"))),
    ] == CALLS


def test_chain_hook_order_follows_the_plugin_list():
    manager = PluginManager([SECOND, FIRST])

    assert manager.run("vat_rate", Decimal("0.20"), "RU", date(2025, 6, 1)) == Decimal("0.41")
    assert hooks_called("vat_rate") == ["tests.second", "tests.first"]


def test_chain_hook_returns_the_default_when_no_plugin_implements_it():
    manager = PluginManager([FIRST, SECOND])
    default = object()

    assert manager.run("visible_products", default, None) is default
    assert PluginManager([]).run("vat_rate", Decimal("0.22"), "RU", date(2026, 1, 1)) == \
        Decimal("0.22")
    assert CALLS == []


def test_inactive_plugin_is_skipped():
    manager = PluginManager([FIRST, INACTIVE, SECOND])

    assert manager.run("vat_rate", Decimal("0.20"), "RU", date(2025, 6, 1)) == Decimal("0.42")
    assert hooks_called("vat_rate") == ["tests.first", "tests.second"]


def test_running_an_undeclared_hook_raises_key_error():
    manager = PluginManager([FIRST])

    with pytest.raises(KeyError, match="vat_rat"):
        manager.run("vat_rat", Decimal("0.20"), "RU", date(2025, 6, 1))


# --- loading -------------------------------------------------------------------------------

def test_a_plugin_module_without_a_plugin_class_is_refused():
    with pytest.raises(ImportError, match="must define Plugin"):
        PluginManager(["tests.plugin_fixtures.without_plugin"])


def test_a_plugin_without_an_id_is_refused():
    with pytest.raises(ImportError, match="PLUGIN_ID"):
        PluginManager(["tests.plugin_fixtures.without_id"])


def test_a_missing_plugin_app_fails_loudly():
    with pytest.raises(ImportError):
        PluginManager(["tests.plugin_fixtures.does_not_exist"])


def test_plugins_are_loaded_in_the_listed_order():
    manager = PluginManager([SECOND, FIRST])

    assert [p.PLUGIN_ID for p in manager.plugins] == ["tests.second", "tests.first"]
    assert all(isinstance(p, BasePlugin) for p in manager.plugins)


def test_get_plugins_manager_uses_settings_plugins(plugins_setting):
    plugins_setting(FIRST, SECOND)

    manager = get_plugins_manager()

    assert [p.PLUGIN_ID for p in manager.plugins] == ["tests.first", "tests.second"]
    assert get_plugins_manager() is manager  # built once per list
    assert manager.run("vat_rate", Decimal("0.20"), "RU", date(2025, 6, 1)) == Decimal("0.42")


def test_get_plugins_manager_follows_a_changed_plugin_list(plugins_setting):
    plugins_setting(FIRST)
    assert [p.PLUGIN_ID for p in get_plugins_manager().plugins] == ["tests.first"]

    plugins_setting(SECOND)
    assert [p.PLUGIN_ID for p in get_plugins_manager().plugins] == ["tests.second"]


# --- effect hooks --------------------------------------------------------------------------

def test_effect_hook_runs_only_after_the_transaction_commits(transactional_db):
    manager = PluginManager([FIRST, SECOND])

    with transaction.atomic():
        result = manager.run("organization_created", None, "org-1")
        assert result is None
        assert CALLS == []  # nothing sent while the change may still roll back

    assert CALLS == [
        ("tests.first", "organization_created", ("org-1",)),
        ("tests.second", "organization_created", ("org-1",)),
    ]


def test_effect_hook_never_runs_when_the_transaction_rolls_back(transactional_db):
    manager = PluginManager([FIRST, SECOND])

    with pytest.raises(RuntimeError), transaction.atomic():
        manager.run("organization_created", None, "org-1")
        raise RuntimeError("the service failed after announcing the organization")

    assert CALLS == []


def test_effect_hook_waits_for_the_outermost_transaction(transactional_db):
    manager = PluginManager([FIRST])

    with transaction.atomic():
        with transaction.atomic():
            manager.run("organization_created", None, "org-1")
        assert CALLS == []  # a savepoint released is not a commit

    assert hooks_called("organization_created") == ["tests.first"]


def test_failing_effect_hook_neither_breaks_the_caller_nor_later_plugins(transactional_db,
                                                                          caplog):
    manager = PluginManager([FIRST, FAILING, SECOND])

    with caplog.at_level(logging.ERROR), transaction.atomic():
        manager.run("organization_created", None, "org-1")

    assert hooks_called("organization_created") == ["tests.first", "tests.failing",
                                                    "tests.second"]
    assert "ERP is down" in caplog.text


def test_inactive_plugin_gets_no_effect_hook(transactional_db):
    manager = PluginManager([INACTIVE, FIRST])

    with transaction.atomic():
        manager.run("organization_created", None, "org-1")

    assert hooks_called("organization_created") == ["tests.first"]


# --- through a real service ----------------------------------------------------------------

ORGANIZATION_CREATE = """
mutation Create($input: OrganizationInput!) {
  organizationCreate(input: $input) { organization { id name } errors { field code } }
}
"""


def test_creating_an_organization_notifies_plugins_after_commit(
        plugins_setting, api_as, staff_user, network, django_capture_on_commit_callbacks):
    plugins_setting(FIRST, FAILING, SECOND)
    client = api_as(staff_user, network["factory"])

    with django_capture_on_commit_callbacks(execute=True):
        payload = client.mutate(ORGANIZATION_CREATE, {"input": {
            "name": "Дилер Гамма", "legalName": 'ООО "Гамма"', "inn": "7707083893",
            "kind": "DEALER", "parent": to_global_id("Organization", network["factory"].pk)}},
            result="organizationCreate")

    assert payload["errors"] == []
    assert hooks_called("organization_created") == ["tests.first", "tests.failing",
                                                    "tests.second"]
    notified = CALLS[0][2][0]
    assert notified.name == "Дилер Гамма" and notified.pk is not None


@pytest.mark.django_db(transaction=True)  # a real commit, as in production
def test_a_plugin_failing_after_commit_is_logged_and_the_mutation_still_succeeds(
        plugins_setting, api_as, staff_user, network, caplog):
    plugins_setting(FIRST, FAILING, SECOND)
    client = api_as(staff_user, network["factory"])

    with caplog.at_level(logging.ERROR, logger="backend.core.plugins.manager"):
        payload = client.mutate(ORGANIZATION_CREATE, {"input": {
            "name": "Дилер Гамма", "legalName": 'ООО "Гамма"', "inn": "7707083893",
            "kind": "DEALER", "parent": to_global_id("Organization", network["factory"].pk)}},
            result="organizationCreate")

    assert payload["errors"] == [] and payload["organization"]["name"] == "Дилер Гамма"
    assert Organization.objects.filter(name="Дилер Гамма").exists()
    assert hooks_called("organization_created") == ["tests.first", "tests.failing",
                                                    "tests.second"]
    [failure] = [r for r in caplog.records if r.name == "backend.core.plugins.manager"]
    assert (failure.plugin, failure.hook) == ("tests.failing", "organization_created")
    assert "ERP is down" in caplog.text


def test_a_refused_organization_notifies_no_plugin(
        plugins_setting, api_as, staff_user, network, django_capture_on_commit_callbacks):
    plugins_setting(FIRST)
    client = api_as(staff_user, network["factory"])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        payload = client.mutate(ORGANIZATION_CREATE, {"input": {
            "name": "Дилер Гамма", "legalName": 'ООО "Гамма"', "inn": "7707083890",
            "kind": "DEALER", "parent": to_global_id("Organization", network["factory"].pk)}},
            result="organizationCreate")

    assert [e["code"] for e in payload["errors"]] == ["INVALID_INN"]
    assert callbacks == []
    assert CALLS == []


# --- the hook table ------------------------------------------------------------------------

@pytest.mark.parametrize("spec", HOOKS.values(), ids=list(HOOKS))
def test_every_hook_is_declared_with_kind_signature_and_doc(spec):
    assert spec.kind in ("chain", "effect")
    assert spec.doc.strip()
    assert spec.signature.strip()
    parameters = _spec_parameters(spec.signature)
    assert parameters[-1] == ("previous_value", inspect.Parameter.KEYWORD_ONLY)


def _spec_parameters(signature: str) -> list[tuple[str, inspect._ParameterKind]]:
    """Parameter names and kinds of a ``HookSpec.signature`` (annotations not evaluated)."""
    namespace: dict = {}
    exec(f"from __future__ import annotations\ndef hook{signature}: pass", namespace)
    return [(p.name, p.kind) for p in inspect.signature(namespace["hook"]).parameters.values()]


def _plugin_modules() -> list[str]:
    """The test plugins and every plugin shipped under ``plugins/``."""
    shipped = sorted(
        ".".join(path.parent.relative_to(REPO_ROOT).parts)
        for path in (REPO_ROOT / "plugins").glob("*/plugin.py")
    )
    return [FIRST, SECOND, INACTIVE, FAILING, *shipped]


@pytest.mark.parametrize("module", _plugin_modules())
def test_every_plugin_hook_matches_its_declared_signature(module):
    plugin = import_module(f"{module}.plugin").Plugin()
    implemented = [name for name in HOOKS if callable(getattr(plugin, name, None))]
    assert implemented, f"{module} implements no hook"
    for name in implemented:
        actual = [(p.name, p.kind)
                  for p in inspect.signature(getattr(plugin, name)).parameters.values()]
        assert actual == _spec_parameters(HOOKS[name].signature), name
