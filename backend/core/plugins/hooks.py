"""The hooks a plugin may implement: one typed, documented list.

Two kinds:

- ``chain`` hooks transform a value. The manager calls each enabled plugin in
  ``settings.PLUGINS`` order with the previous plugin's result as ``previous_value``; the
  first plugin gets the core's default. The last result wins.
- ``effect`` hooks are notifications with no result. The manager calls them after the
  surrounding transaction commits (``transaction.on_commit``), so a rolled-back change
  sends nothing.

A plugin implements a hook by defining a method of the same name taking the hook's
arguments and a keyword ``previous_value``. ``HookSpec.signature`` documents the arguments;
``tests/test_plugin_manager.py`` checks every hook of every shipped plugin against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

HookKind = Literal["chain", "effect"]


@dataclass(frozen=True)
class HookSpec:
    name: str
    kind: HookKind
    signature: str
    doc: str


HOOKS: dict[str, HookSpec] = {
    spec.name: spec
    for spec in (
        HookSpec(
            "vat_rate",
            "chain",
            "(country: str, on: date, *, previous_value: Decimal) -> Decimal",
            "The VAT rate applied for a country on a date; the default comes from "
            "backend.core.taxes.VAT_RATES. A plugin may apply reduced rates or exemptions.",
        ),
        HookSpec(
            "visible_products",
            "chain",
            "(viewer: Viewer, *, previous_value: QuerySet[Product]) -> QuerySet[Product]",
            "Narrows the products a viewer may see in the catalog (price list visibility, "
            "assortment restrictions). Must only filter, never widen the queryset.",
        ),
        HookSpec(
            "product_created",
            "effect",
            "(product: Product, *, previous_value: None) -> None",
            "A product was created (after commit): export to an ERP, warm caches.",
        ),
        HookSpec(
            "product_updated",
            "effect",
            "(product: Product, *, previous_value: None) -> None",
            "A product or one of its variants changed (after commit).",
        ),
        HookSpec(
            "organization_created",
            "effect",
            "(organization: Organization, *, previous_value: None) -> None",
            "An organization was created (after commit): notify its parent, sync to the ERP.",
        ),
        HookSpec(
            "delivery_quote",
            "chain",
            "(shipment: PlannedShipment, destination: Destination, *, "
            "previous_value: Quote | None) -> Quote | None",
            "The delivery quote of one planned shipment (inventory.engine.types): the "
            "default is the rate table's (None when no rate serves it). A carrier's API may "
            "replace it; a quote it gives clears the shipment's NO_RATE / NO_DELIVERY_ZONE.",
        ),
        HookSpec(
            "credit_check",
            "chain",
            "(buyer: Organization, seller: Organization, amount: Decimal, currency: str, "
            "order_id: int | None = None, *, previous_value: CreditVerdict | None) "
            "-> CreditVerdict | None",
            "Whether the buyer may owe the seller ``amount`` more (an order's grand total "
            "with VAT), asked inside the placing (or confirming, forwarding) transaction "
            "before stock is taken. ``order_id``: an order already saved whose whole "
            "``amount`` is asked again (a confirmation after its total grew): its own "
            "exposure is left out. None (no plugin, no account) allows; a "
            "``backend.orders.credit.CreditVerdict`` allows, refuses (CREDIT_REFUSED, "
            "nothing saved) or holds the order (OVER_LIMIT, CARD_REQUIRED). The credit "
            "plugin locks the buyer's credit account here until commit.",
        ),
        HookSpec(
            "card_payments_enabled",
            "chain",
            "(currency: str, *, previous_value: bool) -> bool",
            "Whether buyers can pay by card in ``currency`` now (a card payment plugin is "
            "configured). The default, False, makes a seller's «require card payment» "
            "policy hold the order for its moderator instead (OVER_LIMIT).",
        ),
        HookSpec(
            "order_confirmed",
            "chain",
            "(order: Order, *, previous_value: None) -> None",
            "The seller confirmed ``order`` (a moderator or an auto-confirm rule), inside "
            "that transaction, the order locked: the credit plugin issues its invoice here "
            "when the seller invoices on confirmation. Return ``previous_value``.",
        ),
        HookSpec(
            "order_dispatched",
            "chain",
            "(order: Order, dispatch: Model, *, previous_value: None) -> None",
            "Units of ``order`` left the warehouse as ``dispatch`` (the order workflow's "
            "Dispatch with its lines written), inside that transaction: the credit plugin "
            "issues the dispatch's invoice here when the seller invoices per shipment. "
            "Return ``previous_value``.",
        ),
        HookSpec(
            "order_submitted",
            "chain",
            "(order: Order, *, previous_value: None) -> None",
            "An order reached its seller (placed with no approval needed, or approved), "
            "inside that transaction, its lines written: the order workflow opens its "
            "moderation and the lines' unit statuses here. Return ``previous_value``.",
        ),
        HookSpec(
            "order_reject",
            "chain",
            "(viewer: Viewer, order: Order, comment: str, *, previous_value: Order | None) "
            "-> Order | None",
            "``orderReject`` for an order that does not wait for the buyer's approval: the "
            "order workflow rejects an order its seller moderates (the order, locked and "
            "changed; a refusal raises DomainValidationError). None, the default, leaves "
            "the core's NOT_AWAITING_APPROVAL.",
        ),
        HookSpec(
            "order_event",
            "effect",
            "(event: OrderEvent, *, previous_value: None) -> None",
            "Something happened to an order (after commit): placed, sent for approval, "
            "approved, rejected... ``event.order`` is loaded. Notifications, an ERP export.",
        ),
    )
}


def get_hook(name: str) -> HookSpec:
    """The spec of hook ``name``; an unknown name is a programming error."""
    try:
        return HOOKS[name]
    except KeyError:
        raise KeyError(f"unknown plugin hook {name!r}; declare it in backend.core.plugins.hooks")
