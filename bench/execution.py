"""The GraphQL execution itself, without the database: what each answer object and field costs.

    python -m bench.execution [--runs 30] [--warmups 3]

Two workloads over objects already in memory, each executed by the portal's execution
context (``backend.core.graphql.execution``: its fast path) and by graphql-core's general
path (the same context with the fast path off: the reference), answers compared equal:

- **leaf fields**: 1,000 objects of ten plain fields (strings, decimals, an integer, a
  boolean, an enum), selecting 1, 5 and 10 of them; printed: the time per object, and per
  field (the slope between 1 and 10 fields);
- **price answers**: the part of W1 with prices that is not the engine: 500 variants, each
  with its ``price`` (``nextTier`` and ``promotions`` inside) and ``priceTiers``, of the
  shape ``bench.catalog_prices`` asks (the real ``VariantPrice``/``PriceTier`` types and
  answer objects; 1,800 tiers, a promotion on every fourth variant); printed: the time
  per page and per answer object.

The fast path must answer everything with no fallback, or the run fails. Target (this
work's, not the issue's): a leaf field under 0.1 µs and the price answers of a page under 3 ms
of process CPU time on this machine.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

TARGET_FIELD_US = 0.1
TARGET_PRICES_MS = 3.0
ROWS = 1000
VARIANTS = 500


@dataclass(frozen=True)
class Shape:
    name: str
    objects: int
    fields: int
    fast_ms: float
    general_ms: float
    fallbacks: int
    same: bool

    @property
    def fast_us_per_object(self) -> float:
        return self.fast_ms * 1000 / self.objects


@dataclass(frozen=True)
class ExecutionResult:
    runs: int
    leaves: list[Shape]
    prices: Shape

    @property
    def fast_us_per_field(self) -> float:
        """The slope between the narrowest and the widest selection of leaf fields."""
        first, last = self.leaves[0], self.leaves[-1]
        return ((last.fast_ms - first.fast_ms) * 1000
                / (last.objects * (last.fields - first.fields)))

    @property
    def general_us_per_field(self) -> float:
        first, last = self.leaves[0], self.leaves[-1]
        return ((last.general_ms - first.general_ms) * 1000
                / (last.objects * (last.fields - first.fields)))

    @property
    def passed(self) -> bool:
        shapes = [*self.leaves, self.prices]
        return (all(s.same and not s.fallbacks for s in shapes)
                and self.fast_us_per_field < TARGET_FIELD_US
                and self.prices.fast_ms < TARGET_PRICES_MS)

    def report(self) -> str:
        lines = [f"GraphQL execution over objects in memory (process CPU time, best of three "
                 f"medians of {max(1, self.runs // 3)} runs; fast path vs graphql-core's "
                 "general path)"]
        for s in [*self.leaves, self.prices]:
            lines.append(
                f"  {s.name:<28}{s.fast_ms:7.2f} ms  ({s.fast_us_per_object:5.2f} µs an object)"
                f"   general {s.general_ms:7.2f} ms  ({s.general_ms / s.fast_ms:4.1f} x)"
                f"   {s.objects} objects   fallbacks {s.fallbacks}"
                f"   {'same answer' if s.same else 'ANSWERS DIFFER'}")
        lines += [
            f"  a leaf field              {self.fast_us_per_field:7.3f} µs   general "
            f"{self.general_us_per_field:.3f} µs   (slope from 1 to 10 fields)",
            f"  target: a leaf field < {TARGET_FIELD_US} µs, price answers < "
            f"{TARGET_PRICES_MS:.0f} ms, no fallback, same answers -> "
            f"{'PASS' if self.passed else 'FAIL'}",
        ]
        return "\n".join(lines)


def _schema():
    import graphene

    from price_rules.schema.price_types import PriceTierType, VariantPriceType

    class Colour(graphene.Enum):
        RED = "RED"
        GREEN = "GREEN"

    class Row(graphene.ObjectType):
        class Meta:
            name = "BenchRow"

        name = graphene.String(required=True)
        slug = graphene.String(required=True)
        code = graphene.String()
        net = graphene.Decimal(required=True)
        gross = graphene.Decimal(required=True)
        weight = graphene.Decimal()
        width = graphene.Decimal()
        count = graphene.Int(required=True)
        active = graphene.Boolean(required=True)
        colour = graphene.Field(Colour)

    class Variant(graphene.ObjectType):
        class Meta:
            name = "BenchVariant"

        sku = graphene.String(required=True)
        min_order_quantity = graphene.Decimal(required=True)
        price = graphene.Field(VariantPriceType)
        price_tiers = graphene.NonNull(graphene.List(graphene.NonNull(PriceTierType)))

        @staticmethod
        def resolve_price(root, info):
            return root.answer

        @staticmethod
        def resolve_price_tiers(root, info):
            return root.tiers

    class Query(graphene.ObjectType):
        rows = graphene.List(graphene.NonNull(Row), required=True)
        variants = graphene.List(graphene.NonNull(Variant), required=True)

        @staticmethod
        def resolve_rows(root, info):
            return info.context["rows"]

        @staticmethod
        def resolve_variants(root, info):
            return info.context["variants"]

    return graphene.Schema(query=Query).graphql_schema


class _Row:
    __slots__ = (
        "active",
        "code",
        "colour",
        "count",
        "gross",
        "name",
        "net",
        "slug",
        "weight",
        "width",
    )

    def __init__(self, i: int) -> None:
        self.name, self.slug, self.code = f"Door {i}", f"door-{i}", None if i % 3 else f"D{i}"
        self.net, self.gross = Decimal(i) / 4, Decimal(i) * Decimal("1.25")
        self.weight, self.width = Decimal("12.500"), None if i % 2 else Decimal(800)
        self.count, self.active, self.colour = i, bool(i % 2), "RED" if i % 2 else "GREEN"


class _Variant:
    __slots__ = ("answer", "min_order_quantity", "sku", "tiers")

    def __init__(self, sku, min_order_quantity, answer, tiers) -> None:
        self.sku, self.min_order_quantity = sku, min_order_quantity
        self.answer, self.tiers = answer, tiers


def _variants() -> list[_Variant]:
    from price_rules.schema.viewer_prices import AppliedPromotion, PriceTier, VariantPrice

    promotion = AppliedPromotion("UHJvbW90aW9uOjE=", "Осенняя распродажа", "PERCENT",
                                 Decimal(10), date(2026, 12, 31))
    variants = []
    for i in range(VARIANTS):
        base = Decimal(1000 + i) / 10
        tiers = [PriceTier(Decimal(q), (base * (1 - Decimal(k) / 20)).quantize(Decimal("0.01")),
                           (base * (1 - Decimal(k) / 20) * Decimal("1.2")).quantize(
                               Decimal("0.01")))
                 for k, q in enumerate((1, 10, 50, 100)[:3 + (i % 5 > 2)])]
        first = tiers[0]
        answer = VariantPrice("RUB", first.net, first.gross, Decimal(20), False, first.net,
                              first.gross, first.min_quantity, None if i % 2 else "шт",
                              tiers[1], [promotion] if i % 4 == 0 else [])
        variants.append(_Variant(f"SKU-{i}", Decimal(1), answer, tiers))
    return variants


_LEAF_FIELDS = ("name", "net", "active", "gross", "slug", "count", "weight", "code",
                "colour", "width")
PRICES_SELECTION = """{ variants { sku minOrderQuantity
    price { currency net gross listNet listGross minQuantity unit
            nextTier { minQuantity net gross } promotions { id name kind value } }
    priceTiers { minQuantity net gross } } }"""


def _executor(schema, source: str, context_value: dict[str, Any], fast: bool):
    """A call executing ``source``; it returns (data, errors, fallbacks)."""
    from graphql import execute, parse
    from graphql_sync_dataloaders import DeferredExecutionContext

    from backend.core.graphql.execution import PortalExecutionContext

    made: list[PortalExecutionContext] = []

    class Fast(PortalExecutionContext):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    class General(Fast):
        execute_field = DeferredExecutionContext.execute_field
        complete_object_value = DeferredExecutionContext.complete_object_value
        complete_list_value = DeferredExecutionContext.complete_list_value

    document = parse(source)

    def call() -> tuple[Any, Any, int]:
        made.clear()
        result = execute(schema, document, context_value=context_value,
                         execution_context_class=Fast if fast else General)
        return result.data, result.errors, made[0].fallbacks if fast else 0

    return call


def _median_ms(call: Callable[[], object], runs: int, warmups: int) -> float:
    """The median process CPU time of ``call``: on a shared machine, the time waiting for
    a core would be most of a wall-clock figure."""
    for _ in range(warmups):
        call()
    samples = []
    for _ in range(runs):
        started = time.process_time()
        call()
        samples.append((time.process_time() - started) * 1000)
    return statistics.median(samples)


def _shape(name: str, schema, source: str, context_value: dict[str, Any], objects: int,
           fields: int, runs: int, warmups: int) -> Shape:
    fast = _executor(schema, source, context_value, fast=True)
    general = _executor(schema, source, context_value, fast=False)
    data, errors, fallbacks = fast()
    reference = general()
    fast_ms = general_ms = 0.0
    # Alternating, so that the machine's drift weighs on both.
    fast_samples, general_samples = [], []
    for _ in range(3):
        fast_samples.append(_median_ms(fast, max(1, runs // 3), warmups))
        general_samples.append(_median_ms(general, max(1, runs // 3), warmups))
    fast_ms, general_ms = min(fast_samples), min(general_samples)
    return Shape(name=name, objects=objects, fields=fields, fast_ms=fast_ms,
                 general_ms=general_ms, fallbacks=fallbacks,
                 same=(data, errors) == reference[:2] and not errors)


def run(runs: int = 30, warmups: int = 3) -> ExecutionResult:
    """Measure; Django must be set up (the price types are the real ones)."""
    schema = _schema()
    context_value: dict[str, Any] = {"rows": [_Row(i) for i in range(ROWS)],
                                     "variants": _variants()}
    leaves = [_shape(f"{n} leaf field{'s' if n > 1 else ''}", schema,
                     "{ rows { " + " ".join(_LEAF_FIELDS[:n]) + " } }", context_value, ROWS, n,
                     runs, warmups) for n in (1, 5, 10)]
    tiers = sum(len(v.tiers) for v in context_value["variants"])
    promotions = sum(len(v.answer.promotions) for v in context_value["variants"])
    objects = VARIANTS * 3 + tiers + promotions  # variant, price, next tier; tiers; promotions
    prices = _shape("price answers (W1's 500)", schema, PRICES_SELECTION, context_value,
                    objects, 0, runs, warmups)
    return ExecutionResult(runs=runs, leaves=leaves, prices=prices)


def main() -> int:
    from bench import cli

    return cli("python -m bench.execution", __doc__, run, runs=30, warmups=3)


if __name__ == "__main__":
    sys.exit(main())
