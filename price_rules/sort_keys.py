"""The viewer's price as SQL: the catalog sorts and filters products by it.

A product's key is its lowest viewer price, gross, over its variants, each at its minimum
order quantity: what ``Product.priceRange.minGross`` shows. The rules are the engine's
(``engine.resolve``), written once more as one SQL statement for a whole catalog, because
resolving 100,000 variants in Python for every sorted page would be far too slow:

- the seller's lists in the engine's order (``engine.list_sequence``, computed here in
  Python from the viewer's context: assignments, priorities, fallbacks, dates, currency),
  and in each the tier with the largest minimum quantity not above the variant's minimum
  order quantity; the first list of the sequence with such a tier wins;
- otherwise the seller's markup over its own purchase net price, the same way one link up
  (any depth: each link is one CTE);
- the seller's promotions that reach the buyer on the day (decided in Python) and target
  the variant, its product or a category above it: each ``BEST_PRICE_WINS`` promotion an
  alternative, the ``STACKS`` ones combined, the cheapest wins;
- net and gross with the seller's VAT, rounded as the engine rounds (half up to 0.01);
- the MAP floor (the variant's own, else the nearest category's percentage of the
  manufacturer's base list) raises a price below it, for every seller but the manufacturer.

``tests/test_api_catalog_prices.py`` checks the order and the filter against the prices the
fields show, rule by rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import F, Func, Q, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone

from backend.accounts.models import Organization
from backend.catalog.models import Category, Product
from backend.core.taxes import vat_rate
from backend.core.tree_paths import ancestor_ids

from . import engine
from .buyers import viewer_buyer
from .engine.promotions import applicable_promotions
from .models import MapFloor, PriceList
from .services.context import load_price_context


@dataclass
class _Sql:
    """An SQL text being assembled, with its parameters in order."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, text: str, *params: Any) -> None:
        self.parts.append(text)
        self.params.extend(params)


def _values(rows: Sequence[tuple], casts: Sequence[str]) -> tuple[str, list[Any]]:
    """``VALUES (%s::type, ...), ...`` for rows (never empty: callers check)."""
    row = "(" + ", ".join(f"%s::{cast}" for cast in casts) + ")"
    return ", ".join([row] * len(rows)), [value for r in rows for value in r]


class _Builder:
    """The CTEs of one viewer's prices over the variants of some products."""

    def __init__(self, context: engine.PriceContext, root: Organization, products_sql: str,
                 products_params: Sequence[Any]):
        self.context = context
        self.root = root
        self.sql = _Sql()
        self.sql.add(
            "kv AS (SELECT v.id, v.product_id, v.min_order_quantity AS q, p.category_id "
            "FROM catalog_productvariant v JOIN catalog_product p ON p.id = v.product_id "
            f"WHERE v.product_id IN ({products_sql}))", *products_params)
        self._descendants: dict[int, set[int]] | None = None
        self._floors_added = False

    # -- categories -------------------------------------------------------------------
    def _category_tree(self) -> dict[int, set[int]]:
        """Each category id -> itself and every category below it."""
        if self._descendants is None:
            below: dict[int, set[int]] = {}
            for category_id, path in Category.objects.values_list("id", "path"):
                below.setdefault(category_id, set()).add(category_id)
                for ancestor in ancestor_ids(path):
                    below.setdefault(ancestor, set()).add(category_id)
            self._descendants = below
        return self._descendants

    def _under(self, category_ids) -> list[int]:
        tree = self._category_tree()
        return sorted({c for category in category_ids for c in tree.get(category, ())})

    # -- one link of the chain ----------------------------------------------------------
    def link(self, index: int) -> str:
        """The CTE ``l<index>`` (variant_id, net, gross): the price at link ``index``."""
        chain = self.context.chain
        link = chain[index]
        sequence = engine.list_sequence(link.seller, link.buyer, self.context.on_date)
        name = f"l{index}"
        sources = []
        if sequence:
            rows, params = _values([(pl.id, rank, pl.prices_include_vat)
                                    for rank, pl in enumerate(sequence)],
                                   ("bigint", "int", "boolean"))
            self.sql.add(
                f"{name}_list AS (SELECT DISTINCT ON (e.variant_id) e.variant_id, "
                "e.price AS amount, s.vat FROM price_rules_pricelistentry e "
                f"JOIN (VALUES {rows}) s(list_id, rank, vat) ON s.list_id = e.price_list_id "
                "JOIN kv ON kv.id = e.variant_id WHERE e.min_quantity <= kv.q "
                "ORDER BY e.variant_id, s.rank, e.min_quantity DESC)", *params)
            sources.append(f"SELECT variant_id, amount, vat FROM {name}_list")
        markup = link.seller.markup
        if (markup is not None and index + 1 < len(chain)
                and chain[index + 1].buyer.currency == link.buyer.currency):
            upper = self.link(index + 1)
            quantum = 2 if markup.rounding is engine.Rounding.CENT else 0
            priced = (f"AND NOT EXISTS (SELECT 1 FROM {name}_list x "
                      f"WHERE x.variant_id = u.variant_id)" if sequence else "")
            sources.append(
                f"SELECT u.variant_id, round(u.net * %s * (1 + %s / 100.0) + %s, {quantum}) "
                f"AS amount, false AS vat FROM {upper} u WHERE true {priced}")
            markup_params = [markup.factor, markup.percent, markup.amount]
        else:
            markup_params = []
        if not sources:
            self.sql.add(f"{name} AS (SELECT NULL::bigint AS variant_id, NULL::numeric AS net, "
                         "NULL::numeric AS gross WHERE false)")
            return name
        self.sql.add(f"{name}_base AS ({' UNION ALL '.join(sources)})", *markup_params)
        promoted, promo_params = self._promoted(index, link.buyer.currency)
        rate = self.context.vat_rate
        self.sql.add(
            f"{name}_taxed AS (SELECT b.variant_id, b.vat, {promoted} AS p FROM {name}_base b "
            "JOIN kv ON kv.id = b.variant_id)", *promo_params)
        taxed = (f"SELECT variant_id, CASE WHEN vat THEN p - round(p * %s / (1 + %s), 2) "
                 "ELSE p END AS net, CASE WHEN vat THEN p ELSE p + round(p * %s, 2) END AS gross "
                 f"FROM {name}_taxed")
        floors = self.context.floors
        seller_id = link.seller.organization_id
        if floors.binds(seller_id) and floors.currency == link.buyer.currency and self._floors():
            self.sql.add(
                f"{name} AS (SELECT t.variant_id, GREATEST(t.net, f.floor) AS net, "
                "CASE WHEN f.floor > t.net THEN f.floor + round(f.floor * %s, 2) "
                f"ELSE t.gross END AS gross FROM ({taxed}) t "
                "LEFT JOIN floors f ON f.variant_id = t.variant_id)", rate, rate, rate, rate)
        else:
            self.sql.add(f"{name} AS ({taxed})", rate, rate, rate)
        return name

    def _promoted(self, index: int, currency: str) -> tuple[str, list[Any]]:
        """The price after the seller's promotions for this buyer, as an expression over
        ``b.amount`` and the variant ``kv`` (text and parameters in the text's order)."""
        link = self.context.chain[index]
        promotions = sorted(
            (p for p in applicable_promotions(link.seller.promotions,
                                              link.seller.organization_id, link.buyer,
                                              self.context.on_date)
             if p.kind is engine.DiscountKind.PERCENT or p.currency == currency),
            key=lambda p: p.id)
        if not promotions:
            return "b.amount", []

        def targets(promotion: engine.Promotion) -> _Sql:
            return _Sql(["(kv.id = ANY(%s::bigint[]) OR kv.product_id = ANY(%s::bigint[]) "
                         "OR kv.category_id = ANY(%s::bigint[]))"],
                        [sorted(promotion.variant_ids), sorted(promotion.product_ids),
                         self._under(promotion.category_ids)])

        def percent(promotion: engine.Promotion) -> bool:
            return promotion.kind is engine.DiscountKind.PERCENT

        expression = _Sql()
        expression.add("LEAST(b.amount")
        for promotion in promotions:
            if promotion.stacking is engine.Stacking.BEST_PRICE_WINS:
                condition = targets(promotion)
                cut = "b.amount * (1 - %s / 100.0)" if percent(promotion) else "b.amount - %s"
                expression.add(f", CASE WHEN {condition.parts[0]} THEN "
                               f"round(GREATEST({cut}, 0), 2) END",
                               *condition.params, promotion.value)
        stacking = [p for p in promotions if p.stacking is engine.Stacking.STACKS]
        if stacking:
            # Percentages compounded, then fixed amounts, never below zero, rounded once.
            ordered = [p for p in stacking if percent(p)] + [p for p in stacking
                                                             if not percent(p)]
            conditions = [targets(p) for p in stacking]
            expression.add(", CASE WHEN " + " OR ".join(c.parts[0] for c in conditions)
                           + " THEN round(GREATEST(b.amount",
                           *(value for c in conditions for value in c.params))
            for promotion in ordered:
                condition = targets(promotion)
                if percent(promotion):
                    expression.add(f" * CASE WHEN {condition.parts[0]} THEN 1 - %s / 100.0 "
                                   "ELSE 1 END", *condition.params, promotion.value)
                else:
                    expression.add(f" - CASE WHEN {condition.parts[0]} THEN %s ELSE 0 END",
                                   *condition.params, promotion.value)
            expression.add(", 0), 2) END")
        expression.add(")")
        return "".join(expression.parts), expression.params

    # -- MAP floors ---------------------------------------------------------------------
    def _floors(self) -> bool:
        """Add the CTE ``floors`` (variant_id, floor) once; False when the manufacturer
        set no floor at all."""
        if self._floors_added:
            return True
        root = self.root
        rows = MapFloor.objects.filter(owner_id=root.id, currency=root.currency)
        if not rows.exists():
            return False
        percents = dict(rows.filter(category__isnull=False)
                        .values_list("category_id", "percent"))
        nearest: list[tuple[int, Decimal]] = []
        if percents:
            for category_id, path in Category.objects.values_list("id", "path"):
                for ancestor in (category_id, *reversed(ancestor_ids(path))):
                    if ancestor in percents:
                        nearest.append((category_id, percents[ancestor]))
                        break
        base = PriceList.objects.filter(owner_id=root.id, is_base=True).first()
        by_percent = ""
        params: list[Any] = [root.id, root.currency]
        if nearest and base is not None:
            rows_sql, rows_params = _values(nearest, ("bigint", "numeric"))
            rate = vat_rate(root.country, self.context.on_date)
            first_tier = ("(SELECT DISTINCT ON (e.variant_id) e.variant_id, e.price "
                          "FROM price_rules_pricelistentry e JOIN kv ON kv.id = e.variant_id "
                          "WHERE e.price_list_id = %s ORDER BY e.variant_id, e.min_quantity)")
            base_net = ("bp.price - round(bp.price * %s / (1 + %s), 2)"
                        if base.prices_include_vat else "bp.price")
            by_percent = (f"round(({base_net}) * cp.percent / 100, 2)")
            joins = (f" LEFT JOIN (VALUES {rows_sql}) cp(category_id, percent) "
                     f"ON cp.category_id = kv.category_id LEFT JOIN {first_tier} bp "
                     "ON bp.variant_id = kv.id")
            rate_params = [rate, rate] if base.prices_include_vat else []
            floor = f"COALESCE(mf.amount, {by_percent})"
            self.sql.add(
                f"floors AS (SELECT kv.id AS variant_id, {floor} AS floor FROM kv "
                "LEFT JOIN price_rules_mapfloor mf ON mf.variant_id = kv.id "
                f"AND mf.owner_id = %s AND mf.currency = %s{joins})",
                *rate_params, *params, *rows_params, base.id)
        else:
            self.sql.add(
                "floors AS (SELECT mf.variant_id, mf.amount AS floor "
                "FROM price_rules_mapfloor mf JOIN kv ON kv.id = mf.variant_id "
                "WHERE mf.owner_id = %s AND mf.currency = %s)", *params)
        self._floors_added = True
        return True


def product_keys_sql(buyer: Organization, products: QuerySet[Product],
                     on_date: date) -> tuple[str, list[Any]]:
    """SQL selecting ``(product_id, price)`` for the products of ``products`` that have a
    price for ``buyer``: the lowest gross price over their variants."""
    products_sql, products_params = (products.order_by().values("pk")
                                     .query.sql_with_params())
    context = load_price_context(buyer, [], on_date)
    if not context.chain:
        return "SELECT NULL::bigint AS product_id, NULL::numeric AS price WHERE false", []
    root = Organization.objects.get(id=context.floors.owner_id) if context.floors.owner_id \
        else buyer
    builder = _Builder(context, root, products_sql, products_params)
    top = builder.link(0)
    ctes = ", ".join(builder.sql.parts)
    sql = (f"WITH {ctes} SELECT kv.product_id, MIN({top}.gross) AS price FROM kv "
           f"JOIN {top} ON {top}.variant_id = kv.id GROUP BY kv.product_id")
    return sql, builder.sql.params


class ViewerPriceKeys:
    """``backend.catalog.prices``' provider for one viewer (``CATALOG_VIEWER_PRICES``)."""

    def __init__(self, buyer: Organization | None):
        self.buyer = buyer
        self.on_date = timezone.localdate()

    def sort_key(self, products: QuerySet[Product]):
        """Each product's key, NULL without a price: one map of every product's price is
        computed once per statement (an uncorrelated subquery), then looked up per row."""
        if self.buyer is None:
            return RawSQL("NULL::numeric", ())
        sql, params = product_keys_sql(self.buyer, products, self.on_date)
        prices = RawSQL(f"(SELECT jsonb_object_agg(k.product_id::text, k.price) FROM ({sql}) k)",
                        params)
        return Func(prices, Cast(F("pk"), TextField()), arg_joiner=" ->> ",
                    template="((%(expressions)s)::numeric)")

    def within(self, products: QuerySet[Product], minimum: Decimal | None,
               maximum: Decimal | None) -> Q:
        if self.buyer is None:
            return Q(pk__in=[])
        sql, params = product_keys_sql(self.buyer, products, self.on_date)
        bounds, bound_params = ["true"], []
        if minimum is not None:
            bounds.append("k.price >= %s")
            bound_params.append(minimum)
        if maximum is not None:
            bounds.append("k.price <= %s")
            bound_params.append(maximum)
        return Q(pk__in=RawSQL(f"SELECT k.product_id FROM ({sql}) k WHERE "
                               f"{' AND '.join(bounds)}", [*params, *bound_params]))


def viewer_price_keys(viewer) -> ViewerPriceKeys:
    """The provider named by ``settings.CATALOG_VIEWER_PRICES``."""
    return ViewerPriceKeys(viewer_buyer(viewer))
