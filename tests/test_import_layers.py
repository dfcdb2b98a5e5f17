"""Layers point one way: core < accounts | catalog < price_rules | inventory < orders <
checkout < api | demo | plugins, without cycles; the price and inventory engines import
neither the project nor Django.

The rule is import-linter's contracts in ``pyproject.toml`` (``[tool.importlinter]``),
checked by the project's own command, ``lint-imports``; every import counts, those inside
functions too. The second group of tests runs the same contracts over a small made-up
project, to show each kind of wrong import is caught rather than trusting the config.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=project,
                          capture_output=True, text=True, timeout=120, check=False)


def test_every_import_keeps_the_layers_and_no_package_has_a_cycle():
    result = _lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# --- the contracts catch what they promise -------------------------------------------------

# A made-up project with the real one's packages, importing only downwards.
CLEAN = {
    "backend/__init__.py": "",
    "backend/core/__init__.py": "",
    "backend/core/viewer.py": "",
    "backend/core/mail.py": "from . import viewer\n",
    "backend/accounts/__init__.py": "",
    "backend/accounts/models.py": "from backend.core import viewer\n",
    "backend/catalog/__init__.py": "",
    "backend/catalog/models.py": "from backend.core import mail\n",
    "backend/api/__init__.py": "",
    "backend/api/schema.py": "import backend.accounts.models\nimport backend.catalog.models\n"
                             "import price_rules.models\n",
    "price_rules/__init__.py": "",
    "price_rules/models.py": "import django.db\nfrom backend.catalog import models\n"
                             "from price_rules.engine import tiers\n",
    "price_rules/engine/__init__.py": "",
    "price_rules/engine/amounts.py": "import decimal\n",
    "price_rules/engine/tiers.py": "from . import amounts\n",
    "inventory/__init__.py": "",
    "inventory/models.py": "import django.db\nfrom backend.catalog import models\n"
                           "from inventory.engine import allocation\n",
    "inventory/engine/__init__.py": "",
    "inventory/engine/allocation.py": "import decimal\n",
    "backend/orders/__init__.py": "",
    "backend/orders/models.py": "import inventory.models\nimport price_rules.models\n",
    "backend/checkout/__init__.py": "",
    "backend/checkout/services.py": "from backend.orders import models\n",
    "backend/demo/__init__.py": "",
    "backend/demo/command.py": "import backend.accounts.models\nimport backend.catalog.models\n",
    "plugins/__init__.py": "",
    "plugins/network/__init__.py": "",
    "plugins/network/services.py": "from backend.accounts import models\n",
    "plugins/order_workflow/__init__.py": "",
    "plugins/order_workflow/engine/__init__.py": "import decimal\n",
    "plugins/credit/__init__.py": "",
    "plugins/credit/engine/__init__.py": "import decimal\n",
}

LAZY = "def f():\n    from {module} import {name}\n"


@pytest.fixture
def made_up_project(tmp_path):
    """Write the made-up project and the real contracts; returns a function that writes
    one more module into it and lints it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (tmp_path / "pyproject.toml").write_text(_contracts_as_toml(config))
    for path, text in CLEAN.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)

    def lint_with(path: str, text: str) -> subprocess.CompletedProcess[str]:
        (tmp_path / path).write_text(text)
        return _lint_imports(tmp_path)

    return lint_with


def _contracts_as_toml(config: dict) -> str:
    def value(v) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, list):
            return "[" + ", ".join(value(item) for item in v) + "]"
        return '"' + str(v).replace('"', '\\"') + '"'

    lines = ["[tool.importlinter]"]
    lines += [f"{key} = {value(v)}" for key, v in config.items() if key != "contracts"]
    for contract in config["contracts"]:
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{key} = {value(v)}" for key, v in contract.items()]
    return "\n".join(lines) + "\n"


def test_the_made_up_project_keeps_the_contracts(made_up_project):
    result = made_up_project("backend/core/__init__.py", "")

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("module", "text", "refusal"), [
    pytest.param("backend/core/view.py", LAZY.format(module="backend.accounts.models",
                                                     name="x"),
                 "backend.core is not allowed to import backend.accounts",
                 id="core imports an app inside a function"),
    pytest.param("backend/core/view.py", "import plugins.network.services\n",
                 "backend.core is not allowed to import plugins", id="core imports a plugin"),
    pytest.param("backend/catalog/views.py", LAZY.format(module="plugins.network", name="x"),
                 "backend.catalog is not allowed to import plugins",
                 id="an app imports a plugin inside a function"),
    pytest.param("backend/demo/partners.py", "from plugins.network import services\n",
                 "backend.demo is not allowed to import plugins",
                 id="the demo command imports a plugin"),
    pytest.param("backend/catalog/prices.py", "from backend.accounts import models\n",
                 "backend.catalog is not allowed to import backend.accounts",
                 id="catalog imports accounts (they are independent)"),
    pytest.param("backend/accounts/viewer.py", "from backend.api import schema\n",
                 "backend.accounts is not allowed to import backend.api",
                 id="an app imports the API above it"),
    pytest.param("backend/core/viewer.py", LAZY.format(module="backend.core.mail", name="x"),
                 "No cycles are allowed in backend.core", id="a cycle inside core"),
    pytest.param("backend/catalog/prices.py", "import price_rules.models\n",
                 "backend.catalog is not allowed to import price_rules",
                 id="catalog imports the price rules above it"),
    pytest.param("price_rules/services.py", "from plugins.network import services\n",
                 "price_rules is not allowed to import plugins",
                 id="the price rules import a plugin"),
    pytest.param("backend/catalog/stock.py", "import inventory.models\n",
                 "backend.catalog is not allowed to import inventory",
                 id="catalog imports the inventory above it"),
    pytest.param("inventory/services.py", "import price_rules.models\n",
                 "inventory is not allowed to import price_rules",
                 id="inventory imports the price rules (they are independent)"),
    pytest.param("backend/orders/carts.py", "from backend.checkout import services\n",
                 "backend.orders is not allowed to import backend.checkout",
                 id="orders import the checkout above them"),
    pytest.param("inventory/orders.py", "import backend.orders.models\n",
                 "inventory is not allowed to import backend.orders",
                 id="inventory imports the orders above it"),
    pytest.param("inventory/engine/allocation.py", "from inventory import models\n",
                 "inventory.engine is not allowed to import django",
                 id="the allocation engine imports Django through the app"),
    pytest.param("price_rules/engine/money.py", "from backend.core import viewer\n",
                 "price_rules.engine is not allowed to import backend",
                 id="the price engine imports the backend"),
    pytest.param("price_rules/engine/tiers.py", LAZY.format(module="django.db", name="models"),
                 "price_rules.engine is not allowed to import django",
                 id="the price engine imports Django inside a function"),
    pytest.param("plugins/order_workflow/engine/progress.py",
                 "from backend.core import viewer\n",
                 "plugins.order_workflow.engine is not allowed to import backend",
                 id="the unit-status engine imports the backend"),
    pytest.param("plugins/credit/engine/figures.py", "from django.db import models\n",
                 "plugins.credit.engine is not allowed to import django",
                 id="the credit engine imports Django"),
    pytest.param("price_rules/engine/tiers.py", "from price_rules import models\n",
                 "price_rules.engine is not allowed to import django",
                 id="the price engine imports Django through the app (indirectly)"),
])
def test_a_wrong_import_breaks_a_contract(made_up_project, module, text, refusal):
    result = made_up_project(module, text)

    assert result.returncode == 1, result.stdout + result.stderr
    assert refusal in result.stdout
