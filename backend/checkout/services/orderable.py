"""Whether lines may be ordered by a buyer, each with the one reason it may not: one answer
for the cart, quick order, order files, saved carts and copies of old orders.

A line names a variant (by id) or a SKU (as typed: spaces around and case do not matter)
and a quantity. It is orderable when the variant exists (else UNKNOWN_SKU, with the nearest
SKUs the buyer may order), its product is published and visible to the buyer, and the
buyer has a price for it (else NOT_ORDERABLE), and the quantity keeps the variant's rules
(``quantities.quantity_problem``: BELOW_MINIMUM, NOT_MULTIPLE, FRACTIONAL_QUANTITY with the
nearest valid quantity). The buyer's catalog is the buyer's own, not the viewer's: a
manager ordering for a client offers only what the client may order (``buyer_viewer``).

Checking any number of lines costs a constant number of queries (variants, visibility, the
price context), plus one per unknown SKU for its suggestions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import ProductVariant
from backend.catalog.visibility import visible_variants
from backend.core.errors import ErrorDetail
from backend.core.viewer import Viewer
from price_rules.engine import PriceRuleError, Resolver
from price_rules.services.context import load_price_context

from ..errors import CheckoutErrorCode as Code
from .quantities import QuantityRules, quantity_problem
from .suggestions import nearest_skus, sku_key


@dataclass(frozen=True)
class LineInput:
    quantity: Decimal | None  # None: not a number
    variant_id: int | None = None
    sku: str | None = None  # as written, when no variant id
    field: str | None = None  # where an error points ("lines.3")


@dataclass
class CheckedLine:
    line: LineInput
    variant: ProductVariant | None  # None for an unknown SKU
    problem: ErrorDetail | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def buyer_viewer(user, buyer: Organization) -> Viewer:
    """``buyer``'s catalog as seen by ``user`` ordering for it: no staff rights, so an
    unpublished product is no more orderable for a manager than for the client."""
    return Viewer(user=user, organization=buyer)


def check_lines(user, buyer: Organization, lines: Sequence[LineInput]) -> list[CheckedLine]:
    """Each of ``lines`` with its variant and its problem (None: orderable)."""
    variants = _variants(lines)
    found = {v.pk: v for v in variants.values()}
    visible = set(visible_variants(buyer_viewer(user, buyer))
                  .filter(pk__in=list(found)).values_list("pk", flat=True)) if found else set()
    named = [(line, variants.get(("id", line.variant_id)) if line.variant_id is not None
              else variants.get(("sku", sku_key(line.sku or "")))) for line in lines]
    priced = _priced(buyer, [(variant, line.quantity) for line, variant in named
                             if variant is not None and variant.pk in visible])
    viewer = buyer_viewer(user, buyer)
    return [CheckedLine(line, variant, _problem(viewer, line, variant, visible, priced))
            for line, variant in named]


def _problem(viewer: Viewer, line: LineInput, variant: ProductVariant | None,
             visible: set[int], priced: set[int]) -> ErrorDetail | None:
    if variant is None:
        written = (line.sku or "").strip()
        if line.variant_id is not None or not written:
            return ErrorDetail(Code.UNKNOWN_SKU, "No such item.", line.field,
                               {"skus": [written] if written else [], "suggestions": []})
        return ErrorDetail(Code.UNKNOWN_SKU, f"No item has the SKU {written}.", line.field,
                           {"skus": [written], "suggestions": nearest_skus(viewer, written)})
    if variant.pk not in visible or variant.pk not in priced:
        return ErrorDetail(Code.NOT_ORDERABLE, f"{variant.sku} cannot be ordered.",
                           line.field, {"skus": [variant.sku]})
    problem = quantity_problem(QuantityRules.of(variant), line.quantity)
    if problem is None:
        return None
    return ErrorDetail(problem.code, problem.message, line.field,
                       {"skus": [variant.sku], "nearest_quantity": problem.nearest})


def _variants(lines: Sequence[LineInput]) -> dict[tuple[str, object], ProductVariant]:
    """The variants the lines name, by ("id", pk) and by ("sku", sku key): one query."""
    ids = {line.variant_id for line in lines if line.variant_id is not None}
    keys = {sku_key(line.sku) for line in lines if line.variant_id is None and line.sku}
    keys.discard("")
    if not ids and not keys:
        return {}
    rows = (ProductVariant.objects.select_related("product").annotate(sku_upper=Upper("sku"))
            .filter(Q(pk__in=ids) | Q(sku_upper__in=keys)))
    found: dict[tuple[str, object], ProductVariant] = {}
    for row in rows:
        found[("id", row.pk)] = row
        found[("sku", row.sku_upper)] = row
    return found


def _priced(buyer: Organization,
            lines: list[tuple[ProductVariant, Decimal | None]]) -> set[int]:
    """The variants ``buyer`` has a price for: at the line's quantity, or at the minimum
    order when the quantity is not one."""
    if not lines:
        return set()
    context = load_price_context(buyer, {v.pk for v, _ in lines}, timezone.localdate())
    if not context.chain:  # buys from nobody
        return set()
    resolver = Resolver(context)
    priced = set()
    for variant, quantity in lines:
        if variant.pk in priced:
            continue
        rules = QuantityRules.of(variant)
        if quantity is None or quantity_problem(rules, quantity) is not None:
            quantity = rules.minimum
        try:
            if resolver.resolve(variant.pk, quantity) is not None:
                priced.add(variant.pk)
        except PriceRuleError:
            pass  # refused at write time; if one slipped in, the variant has no price
    return priced
