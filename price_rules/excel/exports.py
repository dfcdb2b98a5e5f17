"""The rows of the two price workbooks, produced lazily in batches so memory stays bounded
whatever the size of the list or the catalog.

- ``list_rows``: the entries of one list, as its owner (or staff) sees them.
- ``my_price_rows``: every variant the viewer may see, priced for the viewer's
  organization by the engine exactly as the catalog prices it (``load_price_context`` and
  ``resolve_many``), one row per tier. Only resolved figures leave: the unit prices, the
  VAT rate, the unit, the promotions of the viewer's own seller. Nothing names the list
  or the upper links of the chain, so a sub-dealer's file holds no dealer purchase price.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from backend.accounts.models import Organization
from backend.catalog.visibility import visible_variants
from backend.core.viewer import Viewer

from .. import engine
from ..models import PriceList, PriceListEntry
from ..services.context import load_price_context
from ..visibility import visible_promotions
from .workbook_file import Cell

LIST_BATCH = 5000
PRICE_BATCH = 5000


def list_rows(price_list: PriceList) -> Iterator[list[Cell]]:
    """SKU, product, minimum quantity, price, unit, currency: one row per tier, by SKU."""
    entries = (PriceListEntry.objects.filter(price_list=price_list)
               .order_by("variant__sku", "min_quantity")
               .values_list("variant__sku", "variant__product__name", "variant__name",
                            "min_quantity", "price", "unit"))
    for sku, product, variant, quantity, price, unit in entries.iterator(chunk_size=LIST_BATCH):
        yield [sku, _name(product, variant), _quantity(quantity), price, unit,
               price_list.currency]


def my_price_rows(viewer: Viewer, organization: Organization,
                  on_date: date) -> Iterator[list[Cell]]:
    """SKU, product, variant, from quantity, net, gross, VAT %, unit, currency, promotions:
    the viewer's prices for every variant it may see that its seller prices."""
    variants = visible_variants(viewer).order_by("sku").values_list(
        "id", "sku", "product__name", "name", "min_order_quantity", "unit")
    last = ""
    while True:
        batch = list(variants.filter(sku__gt=last)[:PRICE_BATCH])
        if not batch:
            return
        last = batch[-1][1]
        context = load_price_context(organization, [row[0] for row in batch], on_date)
        tiers = _tiers(context, [(row[0], row[4]) for row in batch])
        names = _promotion_names(viewer, tiers)
        for variant_id, sku, product, variant, _minimum, unit in batch:
            for price in tiers.get(variant_id, ()):
                yield [sku, product, variant, _quantity(price.quantity), price.unit_net,
                       price.unit_gross, _quantity(price.vat_rate * 100), price.unit or unit,
                       price.currency,
                       ", ".join(names[i] for i in price.promotion_ids if i in names)]


def _tiers(context: engine.PriceContext, wanted: list[tuple[int, Decimal]]
           ) -> dict[int, list[engine.ResolvedPrice]]:
    """Each variant's price at its minimum order quantity, then at each next tier, in as
    many bulk resolutions as the longest ladder has steps."""
    found: dict[int, list[engine.ResolvedPrice]] = {}
    lines = [engine.Line(variant_id, quantity) for variant_id, quantity in wanted]
    resolver = engine.Resolver(context)  # the list order and promotions computed once
    while lines:
        following = []
        for price in _resolve_many(resolver, lines):
            if price is None:
                continue
            ladder = found.setdefault(price.variant_id, [])
            if ladder and ladder[-1].quantity >= price.quantity:
                continue  # a ladder never goes down; guards against a loop
            ladder.append(price)
            if price.next_tier is not None:
                following.append(engine.Line(price.variant_id, price.next_tier.min_quantity))
        lines = following
    return found


def _resolve_many(resolver: engine.Resolver, lines: list[engine.Line]
                  ) -> list[engine.ResolvedPrice | None]:
    """``engine.resolve_many`` over one resolver. As the catalog does, a fallback cycle
    (refused at write time, should one slip in) leaves the variants it touches without a
    price instead of failing the whole file."""
    found: list[engine.ResolvedPrice | None] = []
    for line in lines:
        try:
            found.append(resolver.resolve(line.variant_id, line.quantity))
        except engine.PriceRuleError:
            found.append(None)
    return found


def _promotion_names(viewer: Viewer, tiers: dict[int, list[engine.ResolvedPrice]]
                     ) -> dict[int, str]:
    ids = {i for ladder in tiers.values() for price in ladder for i in price.promotion_ids}
    if not ids:
        return {}
    return dict(visible_promotions(viewer).filter(id__in=ids).values_list("id", "name"))


def _name(product: str, variant: str) -> str:
    return f"{product} — {variant}" if variant else product


def _quantity(value: Decimal) -> Decimal:
    """10.000 -> 10, 2.500 -> 2.5: what a person types."""
    normalized = value.normalize()
    return normalized.quantize(Decimal(1)) if normalized == normalized.to_integral() else normalized
