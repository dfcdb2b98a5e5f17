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

from django.db.models import QuerySet

from backend.accounts.models import Organization
from backend.catalog.models import Category, Product
from backend.core.taxes import vat_rate
from backend.core.tree_paths import ancestor_ids

from . import engine
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
        self._promoted_links: set[str] = set()

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
        """The CTE ``l<index>`` (variant_id, product_id, net, gross): the price at link
        ``index`` of the chain."""
        chain = self.context.chain
        link = chain[index]
        name = f"l{index}"
        try:
            sequence = engine.list_sequence(link.seller, link.buyer, self.context.on_date)
        except engine.PriceRuleError:  # a fallback cycle: the engine prices nothing here
            return self._empty(name)
        sources: list[str] = []
        params: list[Any] = []
        if sequence:
            rows, list_params = _values([(pl.id, rank, pl.prices_include_vat)
                                         for rank, pl in enumerate(sequence)],
                                        ("bigint", "int", "boolean"))
            # The first list of the sequence, then the largest tier not above the minimum
            # order: the smallest (rank, -min_quantity), as arrays compare, without a sort.
            self.sql.add(
                f"{name}_list AS (SELECT kv.id AS variant_id, min(kv.product_id) AS product_id,"
                " min(kv.category_id) AS category_id, min(ARRAY[s.rank * 1000000000000 - "
                "e.min_quantity, e.price, s.vat::int]) AS best "
                "FROM price_rules_pricelistentry e "
                f"JOIN (VALUES {rows}) s(list_id, rank, vat) ON s.list_id = e.price_list_id "
                "JOIN kv ON kv.id = e.variant_id WHERE e.min_quantity <= kv.q GROUP BY kv.id)",
                *list_params)
            sources.append("SELECT variant_id, product_id, category_id, best[2] AS amount, "
                           f"best[3] = 1 AS vat FROM {name}_list")
        markup = link.seller.markup
        if (markup is not None and index + 1 < len(chain)
                and chain[index + 1].buyer.currency == link.buyer.currency):
            upper = self.link(index + 1)
            quantum = 2 if markup.rounding is engine.Rounding.CENT else 0
            unpriced = (f"WHERE NOT EXISTS (SELECT 1 FROM {name}_list x "
                        "WHERE x.variant_id = u.variant_id)" if sequence else "")
            sources.append(
                "SELECT u.variant_id, u.product_id, u.category_id, "
                f"round(u.net * %s * (1 + %s / 100.0) + %s, {quantum}) AS amount, "
                f"false AS vat FROM {upper} u {unpriced}")
            params += [markup.factor, markup.percent, markup.amount]
        if not sources:
            return self._empty(name)
        self.sql.add(f"{name}_base AS ({' UNION ALL '.join(sources)})", *params)
        promoted, promoted_params = self._promoted(index, link.buyer.currency)
        rate = self.context.vat_rate
        self.sql.add(
            f"{name}_promoted AS (SELECT b.variant_id, b.product_id, b.category_id, b.vat, "
            f"{promoted} AS p FROM {name}_base b{self._promotion_join(name)})", *promoted_params)
        taxed = ("SELECT variant_id, product_id, category_id, "
                 "CASE WHEN vat THEN p - round(p * %s / (1 + %s), 2) ELSE p END AS net, "
                 "CASE WHEN vat THEN p ELSE p + round(p * %s, 2) END AS gross "
                 f"FROM {name}_promoted")
        floors = self.context.floors
        seller_id = link.seller.organization_id
        if floors.binds(seller_id) and floors.currency == link.buyer.currency and self._floors():
            self.sql.add(
                f"{name} AS (SELECT t.variant_id, t.product_id, t.category_id, "
                "GREATEST(t.net, f.floor) AS net, "
                "CASE WHEN f.floor > t.net THEN f.floor + round(f.floor * %s, 2) "
                f"ELSE t.gross END AS gross FROM ({taxed}) t "
                "LEFT JOIN floors f ON f.variant_id = t.variant_id)", rate, rate, rate, rate)
        else:
            self.sql.add(f"{name} AS ({taxed})", rate, rate, rate)
        return name

    def _empty(self, name: str) -> str:
        self.sql.add(f"{name} AS (SELECT NULL::bigint AS variant_id, NULL::bigint AS "
                     "product_id, NULL::bigint AS category_id, NULL::numeric AS net, "
                     "NULL::numeric AS gross WHERE false)")
        return name

    def _promotion_join(self, name: str) -> str:
        if name in self._promoted_links:
            return f" LEFT JOIN {name}_promos pr ON pr.variant_id = b.variant_id"
        return ""

    def _promoted(self, index: int, currency: str) -> tuple[str, list[Any]]:
        """The price after the seller's promotions for this buyer, as an expression over
        ``b.amount`` and ``pr.ids`` (the promotions that target the variant, found by joins
        in the CTE ``l<index>_promos``), with its parameters in the text's order."""
        link = self.context.chain[index]
        promotions = sorted(
            (p for p in applicable_promotions(link.seller.promotions,
                                              link.seller.organization_id, link.buyer,
                                              self.context.on_date)
             if p.kind is engine.DiscountKind.PERCENT or p.currency == currency),
            key=lambda p: p.id)
        if not promotions:
            return "b.amount", []
        self._add_targets(f"l{index}", promotions)

        def cut(promotion: engine.Promotion, price: str) -> tuple[str, list[Any]]:
            if promotion.kind is engine.DiscountKind.PERCENT:
                return f"{price} * (1 - %s / 100.0)", [promotion.value]
            return f"{price} - %s", [promotion.value]

        expression = _Sql()
        expression.add("CASE WHEN pr.ids IS NULL THEN b.amount ELSE LEAST(b.amount")
        for k, promotion in enumerate(promotions):
            if promotion.stacking is engine.Stacking.BEST_PRICE_WINS:
                text, values = cut(promotion, "b.amount")
                expression.add(f", CASE WHEN {k} = ANY(pr.ids) THEN "
                               f"round(GREATEST({text}, 0), 2) END", *values)
        stacking = [(k, p) for k, p in enumerate(promotions)
                    if p.stacking is engine.Stacking.STACKS]
        if stacking:
            # Percentages compounded, then fixed amounts, never below zero, rounded once.
            ordered = sorted(stacking, key=lambda kp: kp[1].kind is not engine.DiscountKind.PERCENT)
            indexes = ", ".join(str(k) for k, _ in stacking)
            expression.add(f", CASE WHEN pr.ids && ARRAY[{indexes}] THEN round(GREATEST(b.amount")
            for k, promotion in ordered:
                if promotion.kind is engine.DiscountKind.PERCENT:
                    expression.add(f" * CASE WHEN {k} = ANY(pr.ids) THEN 1 - %s / 100.0 "
                                   "ELSE 1 END", promotion.value)
                else:
                    expression.add(f" - CASE WHEN {k} = ANY(pr.ids) THEN %s ELSE 0 END",
                                   promotion.value)
            expression.add(", 0), 2) END")
        expression.add(") END")
        return "".join(expression.parts), expression.params

    def _add_targets(self, name: str, promotions: list[engine.Promotion]) -> None:
        """The CTE ``<name>_promos`` (variant_id, ids): which of ``promotions`` (by their
        index) target each variant, by the variant, its product or its category."""
        by_kind: dict[str, tuple[list[int], list[int]]] = {
            "id": ([], []), "product_id": ([], []), "category_id": ([], [])}
        for k, promotion in enumerate(promotions):
            for column, targets in (("id", promotion.variant_ids),
                                    ("product_id", promotion.product_ids),
                                    ("category_id", self._under(promotion.category_ids))):
                by_kind[column][0].extend(targets)
                by_kind[column][1].extend([k] * len(targets))
        branches, params = [], []
        for column, (targets, indexes) in by_kind.items():
            if targets:
                branches.append("SELECT kv.id AS variant_id, u.k FROM kv JOIN "
                                "unnest(%s::bigint[], %s::int[]) u(target, k) "
                                f"ON u.target = kv.{column}")
                params += [targets, indexes]
        self.sql.add(f"{name}_promos AS (SELECT t.variant_id, array_agg(DISTINCT t.k) AS ids "
                     f"FROM ({' UNION ALL '.join(branches)}) t GROUP BY t.variant_id)", *params)
        self._promoted_links.add(name)

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
        own = ("SELECT mf.variant_id, mf.amount AS floor FROM price_rules_mapfloor mf "
               "JOIN kv ON kv.id = mf.variant_id WHERE mf.owner_id = %s AND mf.currency = %s")
        if nearest and base is not None:
            rows_sql, rows_params = _values(nearest, ("bigint", "numeric"))
            rate = vat_rate(root.country, self.context.on_date)
            # The base list's first tier (smallest minimum quantity), net.
            price = "bp.first[2]"
            base_net = (f"{price} - round({price} * %s / (1 + %s), 2)"
                        if base.prices_include_vat else price)
            rate_params = [rate, rate] if base.prices_include_vat else []
            self.sql.add(
                f"floors AS (SELECT variant_id, min(floor) AS floor FROM ({own} "
                f"UNION ALL SELECT bp.variant_id, round(({base_net}) * cp.percent / 100, 2) "
                "FROM (SELECT e.variant_id, min(kv.category_id) AS category_id, "
                "min(ARRAY[e.min_quantity, e.price]) AS first "
                "FROM price_rules_pricelistentry e JOIN kv ON kv.id = e.variant_id "
                "WHERE e.price_list_id = %s GROUP BY e.variant_id) bp "
                f"JOIN (VALUES {rows_sql}) cp(category_id, percent) "
                "ON cp.category_id = bp.category_id WHERE NOT EXISTS (SELECT 1 FROM "
                "price_rules_mapfloor o WHERE o.variant_id = bp.variant_id AND o.owner_id = %s "
                "AND o.currency = %s)) f GROUP BY variant_id)",
                root.id, root.currency, *rate_params, base.id, *rows_params, root.id,
                root.currency)
        else:
            self.sql.add(f"floors AS ({own})", root.id, root.currency)
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
    sql = (f"WITH {ctes} SELECT product_id, MIN(gross) AS price FROM {top} "
           "GROUP BY product_id")
    return sql, builder.sql.params
