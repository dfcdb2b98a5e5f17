"""The credit plugin's root fields and their costs, joined to the API by
``backend.api.schema``.

Each module of this package may define ``Queries`` and ``Mutations`` (graphene
ObjectTypes) and ``COSTS``; they are gathered here, modules in name order, so a part
(accounts, invoices, payments, statements...) joins the API by being a module of the package, and
parts written apart never edit the same lines. Importing a module also runs its
``add_fields`` on the orders' types (``Order.invoices``...).
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

import graphene

# The core apps' schema modules first, in the order backend.api.schema imports them: their
# types extend each other's (add_fields) at import, and the printed schema follows that
# order; importing the orders' types from here first would reorder it.
for _app in ("backend.checkout", "backend.orders", "backend.accounts", "backend.catalog",
             "inventory", "price_rules", "plugins.order_workflow"):
    import_module(f"{_app}.schema")

_PARTS = [import_module(f"{__name__}.{name}")
          for _, name, _ in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)]


def _gathered(attribute: str) -> tuple:
    return tuple(getattr(part, attribute) for part in _PARTS if hasattr(part, attribute))


COSTS = {key: cost for costs in _gathered("COSTS") for key, cost in costs.items()}

if _gathered("Queries"):
    Queries = type("Queries", (*_gathered("Queries"), graphene.ObjectType), {})
if _gathered("Mutations"):
    Mutations = type("Mutations", (*_gathered("Mutations"), graphene.ObjectType), {})
