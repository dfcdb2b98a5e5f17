"""The price-leak walk (issue 11, item 7): a sub-dealer has no path to what its dealer pays.

A manufacturer sells to a dealer through a base list with quantity tiers, a "Gold" group
list, a personal list and a running promotion; the dealer sells to its sub-dealer through
a resale list (some variants, with a tier and a promotion of its own) and a markup rule
(the others), and announces that promotion to the sub-dealer with the priced products
linked, so the walk crosses announcements too. The seed is checked first: every price the
dealer pays (each list entry as written, net and gross, and each resolved price at every
tier, before and after promotions) differs from every price the sub-dealer is quoted.

Then a sub-dealer's admin walks the whole API as the authorization matrix does (every
root query field found by introspection, with every field without required arguments
nested to the depth limit, built by the matrix's own selection builder; root fields again
with each ID argument set to each object seen) and opens every global id it saw with
``node(id:)`` and the same full selection. No number anywhere in any answer (a JSON
number, a decimal string, a number inside a message) may equal a dealer purchase price.
The walk is driven by introspection: price fields added to the catalog later (the
viewer's price of a variant, a product's price range) are walked without editing it.
"""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation

import pytest
from django.conf import settings
from django.utils import timezone
from graphql_relay import from_global_id

from backend.accounts.models import Role
from backend.api.schema import schema
from backend.core.taxes import vat_rate
from plugins.announcements.models import Announcement, AnnouncementKind
from price_rules import engine
from price_rules.models import (
    DiscountKind,
    PriceGroup,
    PriceGroupMember,
    PriceList,
    PriceListAssignment,
    PriceListEntry,
    PriceListKind,
    Promotion,
    ResaleMarkup,
    Stacking,
)
from price_rules.services.context import load_price_context
from tests.fixtures.graphql import GraphQLClient
from tests.test_authorization_matrix import (
    _is_node_type,
    _objects,
    _root_queries,
    _root_queries_by_id,
    _selection,
)

# the schema walk's documents stay prepared between its requests (tests/fixtures/graphql.py)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("walk_documents_kept")]

# Unit prices of the manufacturer's lists: (variant index, min quantity) -> price. Odd
# amounts, so that no count, quantity, date or percentage equals one by chance.
BASE = {(0, 1): "1873.41", (0, 10): "1791.17", (0, 50): "1713.93",
        (1, 1): "2437.29", (1, 10): "2368.51",
        (2, 1): "967.83", (2, 25): "931.47",
        (3, 1): "3319.61",
        (4, 1): "5281.37", (4, 10): "5177.13",
        (5, 1): "4412.69"}
GOLD = {(0, 1): "1807.53", (0, 10): "1733.39", (2, 1): "953.71", (3, 1): "3203.87"}
PERSONAL = {(1, 1): "2399.43", (1, 10): "2321.07"}
# The dealer's resale list for the sub-dealer: the doors (indexes 4 and 5), gross.
RESALE = {(4, 1): "7349.90", (4, 20): "7189.90", (5, 1): "6099.90"}


@pytest.fixture
def chain(network, catalog, make_user):
    factory, dealer, sub = network["factory"], network["dealer_a"], network["sub_a"]
    variants = [v for key in ("facade_white", "interior_grey", "door")
                for v in catalog[key].variants.order_by("sku")]
    today = timezone.localdate()

    def price_list(owner, name, prices, **fields):
        made = PriceList.objects.create(owner=owner, name=name, **fields)
        PriceListEntry.objects.bulk_create(
            PriceListEntry(price_list=made, variant=variants[index], min_quantity=quantity,
                           price=Decimal(price))
            for (index, quantity), price in prices.items())
        return made

    base = price_list(factory, "Базовый", BASE, is_base=True)
    PriceListAssignment.objects.create(price_list=base, is_owner_default=True)
    gold = PriceGroup.objects.create(owner=factory, name="Золотые")
    PriceGroupMember.objects.create(group=gold, organization=dealer)
    gold_list = price_list(factory, "Золотой", GOLD, priority=5, fallback=base)
    PriceListAssignment.objects.create(price_list=gold_list, price_group=gold)
    personal = price_list(factory, "Персональный Альфа", PERSONAL, priority=9)
    PriceListAssignment.objects.create(price_list=personal, organization=dealer)
    to_dealer = Promotion.objects.create(
        owner=factory, name="Скидка дилерам", kind=DiscountKind.PERCENT,
        value=Decimal("7.00"), stacking=Stacking.STACKS, starts=today - timedelta(days=2),
        ends=today + timedelta(days=20))
    to_dealer.variants.add(variants[2], variants[4])

    resale = price_list(dealer, "Для субдилеров", RESALE, kind=PriceListKind.RESALE,
                        prices_include_vat=True)
    PriceListAssignment.objects.create(price_list=resale, organization=sub)
    ResaleMarkup.objects.create(organization=dealer, percent=Decimal(25))
    to_sub = Promotion.objects.create(
        owner=dealer, name="Скидка субдилерам", kind=DiscountKind.PERCENT,
        value=Decimal("3.00"), starts=today - timedelta(days=1), ends=today + timedelta(days=9))
    to_sub.variants.add(variants[4])
    announcement = Announcement.objects.create(
        author_organization=dealer, kind=AnnouncementKind.PROMOTION, title="Двери дешевле",
        text="Скидка на двери всю неделю.", promotion=to_sub,
        publish_at=timezone.now() - timedelta(hours=1))
    announcement.products.add(*{v.product for v in variants})

    admin = make_user("admin@sub-a.test", sub, Role.ADMIN)
    return {"client": GraphQLClient(admin, sub), "variants": variants, "dealer": dealer,
            "sub": sub, "factory": factory}


QUANTITIES = sorted({Decimal(q) for _, q in {**BASE, **GOLD, **PERSONAL, **RESALE}}
                    | {Decimal(5), Decimal(100)})


def _resolved_amounts(organization, variant_ids) -> set[Decimal]:
    """Every amount of ``organization``'s resolved prices at every tier quantity: net,
    gross, before promotions (as written, net and gross) and the next tier's."""
    context = load_price_context(organization, variant_ids, timezone.localdate())
    found: set[Decimal] = set()
    for variant_id in variant_ids:
        for quantity in QUANTITIES:
            price = engine.resolve(context, variant_id, quantity)
            if price is None:
                continue
            listed = engine.net_and_gross(price.list_unit_price, price.prices_include_vat,
                                          price.vat_rate)
            found |= {price.unit_net, price.unit_gross, price.list_unit_price, listed.net,
                      listed.gross}
            if price.next_tier is not None:
                found |= {price.next_tier.unit_net, price.next_tier.unit_gross}
    return found


def dealer_purchase_prices(chain) -> set[Decimal]:
    """What the dealer pays, every way it can be written."""
    rate = vat_rate(chain["factory"].country, timezone.localdate())
    written: set[Decimal] = set()
    for price, includes_vat in PriceListEntry.objects.filter(
            price_list__owner=chain["factory"]).values_list(
            "price", "price_list__prices_include_vat"):
        amounts = engine.net_and_gross(price, includes_vat, rate)
        written |= {price, amounts.net, amounts.gross}
    ids = [v.pk for v in chain["variants"]]
    return written | _resolved_amounts(chain["dealer"], ids)


def test_the_seed_prices_the_sub_dealer_differently_from_every_dealer_purchase_price(chain):
    ids = [v.pk for v in chain["variants"]]
    context = load_price_context(chain["sub"], ids, timezone.localdate())
    priced = {v: engine.resolve(context, v, Decimal(1)) for v in ids}
    assert all(priced.values()), "every variant has a sub-dealer price"
    assert {v for v, p in priced.items() if p.by_markup} == set(ids[:4])
    assert {v for v, p in priced.items() if not p.by_markup} == set(ids[4:])
    assert priced[ids[4]].promotion_ids  # the dealer's promotion applies
    dealer = load_price_context(chain["dealer"], ids, timezone.localdate())
    used = {engine.resolve(dealer, v, Decimal(1)).list_id for v in ids}
    assert len(used) == 3  # base (with tiers), gold and personal lists all price the dealer
    overlap = dealer_purchase_prices(chain) & _resolved_amounts(chain["sub"], ids)
    assert not overlap, f"the seed quotes the sub-dealer a dealer price: {overlap}"


_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _numbers(value, path: str = ""):
    """``(path, number)`` of every number in a GraphQL answer: JSON numbers, and numbers
    written inside strings (decimals, messages). Global ids are opaque and skipped."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "id" and not (key.endswith("Id") and isinstance(item, str)):
                yield from _numbers(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, f"{path}[{index}]")
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        yield path, Decimal(str(value))
    elif isinstance(value, str):
        for match in _NUMBER.findall(value):
            try:
                yield path, Decimal(match.replace(",", "."))
            except InvalidOperation:
                continue


def _node_document(type_name: str) -> str:
    type_ = schema.graphql_schema.get_type(type_name)
    selection = _selection(type_, frozenset(), settings.GRAPHQL_MAX_DEPTH - 3)
    return f"query($id: ID!) {{ node(id: $id) {{ ... on {type_name} {{ {selection} }} }} }}"


def walk(client) -> tuple[list[tuple[str, dict]], set[str]]:
    """Every answer of the walk (what was asked, the whole body) and the types seen."""
    answers: list[tuple[str, dict]] = []
    seen: dict[str, str] = {}

    def ask(label, document, variables=None):
        response = client(document, variables or {})
        assert response.status == 200 and not response.errors, (label, response.body)
        answers.append((label, response.body))
        _objects(response.body.get("data") or {}, seen)

    for name, document in _root_queries():
        ask(f"Query.{name}", document)
    for name, document, id_type in _root_queries_by_id():
        for global_id in sorted(g for g in seen if from_global_id(g)[0] == id_type):
            ask(f"Query.{name}({global_id})", document, {"id": global_id})
    opened: set[str] = set()
    while set(seen) - opened:  # a node's answer may name more objects: open them too
        for global_id in sorted(set(seen) - opened):
            opened.add(global_id)
            # The id names its node type (an AppliedPromotion carries a Promotion's id).
            type_name, pk = from_global_id(global_id)
            if _is_node_type(type_name):
                ask(f"node({type_name} {pk})", _node_document(type_name), {"id": global_id})
    return answers, set(seen.values()) | {from_global_id(g)[0] for g in seen}


def leaks(answers, forbidden: set[Decimal]) -> list[str]:
    return [f"{label}: {path} = {number}" for label, body in answers
            for path, number in _numbers(body) if number in forbidden]


def test_a_sub_dealer_finds_no_dealer_purchase_price_anywhere_in_the_api(chain):
    forbidden = dealer_purchase_prices(chain)
    answers, types = walk(chain["client"])
    # The walk went through the catalog and the price rules the sub-dealer may see.
    assert {"Product", "ProductVariant", "Organization", "Promotion",
            "Announcement"} <= types, types
    found = leaks(answers, forbidden)
    assert not found, "dealer purchase prices reach the sub-dealer:\n" + "\n".join(found)
    # ... and it read the sub-dealer's own prices, so the catalog's price fields were walked.
    shown = {number for _, body in answers for _, number in _numbers(body)}
    at_one = load_price_context(chain["sub"], [v.pk for v in chain["variants"]],
                                timezone.localdate())
    own = {engine.resolve(at_one, v.pk, Decimal(1)).unit_gross for v in chain["variants"]}
    assert own <= shown, own - shown


def test_the_walk_finds_a_purchase_price_when_one_is_shown(chain):
    """The detector itself: a dealer price written anywhere in an answer is found, in a
    decimal string, a JSON number or a sentence."""
    forbidden = dealer_purchase_prices(chain)
    price = sorted(forbidden)[0]
    answers = [("a", {"data": {"x": {"price": str(price)}}}),
               ("b", {"data": {"y": [float(price)]}}),
               ("c", {"errors": [{"message": f"below {price} for DV-1"}]}),
               ("d", {"data": {"id": "UHJpY2VMaXN0OjE=", "count": 3}})]
    assert [line.split(":")[0] for line in leaks(answers, forbidden)] == ["a", "b", "c"]
