"""Authorization matrix, from the outside: for every root query field of the schema (found
by introspection, so new fields and types are covered without editing this test), every
role in every organization of two dealer networks, check that nothing comes back that the
viewer's organization may not see, at any depth of the answer.

Selections are built by introspection: every field without required arguments, objects
expanded once per path (a type met again on the same path gets its plain fields only, so
``Organization.parent.id`` is still checked), within the depth limit. Root fields are also
asked with each optional ID argument (directly or in a filter input) named after a Node
type, set to every such object the viewer received (``members(filter: {organization:})``
for each organization it sees).

Every object the walk returns is checked twice:

- Consistency: an object of a Node type that a viewer receives anywhere, at any depth, is
  returned to the same viewer by ``node(id:)``: nested fields go through the same
  visibility as lookups. Types that are not Nodes (limited summaries such as
  ``PersonSummary``) have no lookup and carry no ID to check.
- The rule, derived from the models rather than listed per type: an Organization row is
  visible to a member of O only if it is O, below O, O's supplier (parent) or an
  organization the viewer belongs to; any other row linked to organizations (a ForeignKey
  to Organization) only if one of those organizations is O or below O; a User row only if
  the user is the viewer or a member of O or below; rows with no link to organizations
  (the catalog) are shared. Price rules are stricter: a row of the price_rules app
  belongs to one owner (its ``owner``, else the owner of the price rules row it hangs
  from, such as an entry's list, else its ``organization``), which must be O or below O;
  only two rows of the seller chain reach further up, as the rules of issue 11 say: the
  promotions of O's own seller (its parent) and the manufacturer's minimum resale prices
  for an O that sells to organizations below it. Anonymous viewers see no
  organization-linked row at all.
  Announcements travel down instead (plugins/announcements/README.md): one is visible to a
  member of O when O's publisher wrote it (a member of a dealer or distributor allowed to
  manage its sub-dealers sees all of its own, drafts and scheduled ones too), or when it is
  published (``publish_at`` reached), written by one of O's ancestors, and its audience
  holds O (everyone below, a price group O is in, or O's region).
  Stock follows the seller chain (issue 12, inventory/visibility.py): a warehouse is
  visible to a member of O when O owns it, when O's seller owns it and its display is not
  HIDDEN, when an organization further up O's chain owns it and its network display is
  not HIDDEN, or when it is an active stock center shared with the network by one of O's
  seller's other buyers or by one of O's own buyers; its stock rows and incoming supply go
  with it; its movements only to O owning it; its leftovers to O owning it and, published,
  to O buying from its owner. Carriers and delivery zones are shared.
  Notifications (plugins/notifications) are their recipient's alone, whichever
  organization the recipient acts for; their order goes through the orders' visibility.
  Credit (plugins/credit, plugins/stripe_payments) is between a buyer and its seller: a
  credit account is visible to a member of O only when O is its buyer (holding
  VIEW_INVOICES, MANAGE_PAYMENTS, PLACE_ORDERS or APPROVE_ORDERS) or its seller (holding
  VIEW_INVOICES, MANAGE_PAYMENTS or MANAGE_CREDIT), never to an organization further down
  (a sub-dealer never sees its dealer's account with the manufacturer); its invoices,
  payments, allocations, ledger entries and comparisons go with it, but on the buyer's
  side only to VIEW_INVOICES or MANAGE_PAYMENTS; a card payment also to the member who
  started it, acting for the buyer; bank statements are their seller's alone (MANAGE_PAYMENTS
  or MANAGE_CREDIT); requisites to their organization's members and to whoever sees an
  account of theirs. Each member opens by id EXACTLY the credit rows this rule allows.
  Objects seen by anyone are then asked for through ``node(id:)`` by every other viewer,
  with the same rule. Staff (who see everything, or a regional manager's subtree) are
  walked too, for the consistency check.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

import pytest
from django.conf import settings
from django.db import models
from django.utils import timezone
from graphene_django.registry import get_global_registry
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    parse,
)
from graphql_relay import from_global_id, to_global_id

from backend.accounts.inn import complete_inn
from backend.accounts.models import (
    CustomRole,
    Organization,
    OrganizationKind,
    Role,
    StaffAssignment,
    User,
)
from backend.accounts.services.members import invite_member
from backend.api.schema import schema
from backend.core.graphql.cost import _plan, field_costs_of
from backend.core.permissions import OrgPerm, Perm
from backend.core.tree_paths import ancestor_ids
from backend.orders.models import Order
from inventory.models import Carrier, DeliveryZone, QuantityDisplay, Warehouse, WarehouseKind
from plugins.announcements.models import Announcement, AnnouncementKind, AnnouncementRead
from plugins.credit.models import (
    BankStatementImport,
    BankStatementRow,
    CreditAccount,
    Requisites,
)
from plugins.dealer_network.services import (
    ApplicationData,
    approve_application,
    submit_application,
)
from plugins.notifications.models import Notification
from plugins.stripe_payments.models import CardPayment
from price_rules.models import PriceGroup, PriceGroupMember, Promotion
from tests.fixtures.graphql import GraphQLClient
from tests.fixtures.moderation import on_moderation
from tests.fixtures.prices import create_price_rules, running_promotion
from tests.fixtures.stock_world import seed_stock
from tests.forwarding_seed import seed_forward
from tests.orders_world import make_order
from tests.receivables_world import seed_credit

PAGE = 50
# Connections nested in a list's rows (a warehouse's stock) are asked for a few rows
# each: a page of pages at the root's size would exceed the cost limit.
NESTED_PAGE = 1


def _unwrap(type_):
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


def _is_node_type(type_name: str) -> bool:
    type_ = schema.graphql_schema.get_type(type_name)
    return isinstance(type_, GraphQLObjectType) and any(
        interface.name == "Node" for interface in type_.interfaces)


def _selection(type_: GraphQLObjectType, path: frozenset[str], depth_left: int,
               query_fields: list[int] | None = None) -> str:
    """``__typename`` and every field without required arguments; objects, lists and
    connections expanded unless their type is already on the path (then plain fields
    only) or the depth limit is near. Fields that run a database query of their own (a
    connection's ``totalCount``, an account's ledger entries) are taken while the
    document stays within ``GRAPHQL_MAX_QUERY_FIELDS`` (``query_fields``: how many more,
    the root field counted), first met first: an account's entries under every
    organization of an order's page would exceed it."""
    if query_fields is None:
        query_fields = [settings.GRAPHQL_MAX_QUERY_FIELDS - 1]
    costs = field_costs_of(schema.graphql_schema)
    parts = ["__typename"]
    expand = type_.name not in path and depth_left > 1
    for name, field in type_.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        cost = costs.get(type_.name, name)
        inner = _unwrap(field.type)
        runs_query = cost is not None and cost.query and (
            isinstance(inner, GraphQLScalarType | GraphQLEnumType) or expand)
        if runs_query:
            if query_fields[0] <= 0:
                continue
            query_fields[0] -= 1
        if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
            parts.append(name)
        elif isinstance(inner, GraphQLObjectType) and expand:
            args = f"(first: {NESTED_PAGE})" if "edges" in inner.fields else ""
            sub = _selection(inner, path | {type_.name}, depth_left - 1, query_fields)
            parts.append(f"{name}{args} {{ {sub} }}")
    return " ".join(parts)


def _is_lookup(field) -> bool:
    """A single object found by ``id`` (and perhaps another key such as ``slug``)."""
    return "id" in field.args and not isinstance(field.type, GraphQLList) and not isinstance(
        getattr(field.type, "of_type", None), GraphQLList) and "edges" not in getattr(
        _unwrap(field.type), "fields", {})


def _id_arguments(field) -> list[tuple[str, str]]:
    """``(argument text, Node type)`` for each optional ID argument of ``field``, directly
    or in an input object, named after a Node type (``organization`` -> Organization)."""
    found = []
    for arg_name, arg in field.args.items():
        inner = _unwrap(arg.type)
        if isinstance(inner, GraphQLScalarType) and inner.name == "ID":
            candidates = [(f"{arg_name}: $id", arg_name)]
        elif isinstance(inner, GraphQLInputObjectType):
            candidates = [(f"{arg_name}: {{{name}: $id}}", name)
                          for name, input_field in inner.fields.items()
                          if getattr(_unwrap(input_field.type), "name", None) == "ID"]
        else:
            candidates = []
        for text, name in candidates:
            type_name = name[:1].upper() + name[1:]
            if _is_node_type(type_name):
                found.append((text, type_name))
    return found


# Values for root fields' required arguments: {field: {argument: GraphQL literal}}.
REQUIRED_ARGUMENTS = {"invitationLink": {"token": '"a-token-nobody-was-given"'},
                      "allocationPreview": {"lines": "[]"},
                      "skuSuggestions": {"query": '"KR"'}}


@cache
def _root_fields() -> tuple[tuple[str, object, str], ...]:
    """``(name, field, selection)`` of every root field but lookups by id. The schema's
    alone, so made once per test process: finding each field's depth and page parses
    hundreds of candidate documents (13 s), which every viewer's walk would pay again."""
    return tuple(_root_field_walks())


def _root_field_walks():
    query_type = schema.graphql_schema.query_type
    depth_left = settings.GRAPHQL_MAX_DEPTH - 2
    for name, field in query_type.fields.items():
        if _is_lookup(field):
            continue  # lookups by id are covered by the node(id:) pass
        required = [a for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)
                    and a not in REQUIRED_ARGUMENTS.get(name, {})]
        assert not required, (
            f"Query.{name} needs arguments {required}: teach this test how to call it")
        inner = _unwrap(field.type)
        selection = ""
        if isinstance(inner, GraphQLObjectType):
            # as deep as the limits let one document go: a root whose rows each lead to a
            # whole order, invoice and account (payments) is walked less deep; those types
            # are walked in full from their own roots
            for depth in range(depth_left, 2, -1):
                selection = f" {{ {_selection(inner, frozenset(), depth)} }}"
                if _fits(name, selection):
                    break
        yield name, field, selection


def _fits(name: str, selection: str) -> bool:
    document = f"{{ {name}(first: 4){selection} }}"
    tokens = len(re.findall(r"[A-Za-z_][A-Za-z0-9_]*|[^\sA-Za-z0-9_,]", document))
    return (tokens < settings.GRAPHQL_MAX_DOCUMENT_TOKENS
            and _cost(document) <= settings.GRAPHQL_MAX_COST)


def _cost(document: str) -> int:
    parsed = parse(document)
    return _plan(parsed, parsed.definitions[0], schema.graphql_schema).cost_for({})


def _page(name: str, field, selection: str) -> int:
    """``PAGE``, or for a root whose walk would exceed the cost limit at that size (rows
    with nested connections, such as a list of warehouses with their stock) the largest
    smaller page that fits: still more rows than the tests' worlds hold, but for payments,
    whose walk (each payment's order, invoice and account, each fully expanded) fits 4 a
    page; every row is read by id as well (``node(id:)``), whatever the lists show."""
    for page in (PAGE, 20, 12, 8, 4):
        if _cost(f"{{ {name}(first: {page}){selection} }}") <= settings.GRAPHQL_MAX_COST:
            return page
    raise AssertionError(f"Query.{name}: the walk's selection is too expensive")


def _call(name: str, field, arguments: list[str], selection: str = "") -> str:
    is_list = "edges" in getattr(_unwrap(field.type), "fields", {})
    page = [f"first: {_page(name, field, selection)}"] if is_list else []
    given = [f"{a}: {value}" for a, value in REQUIRED_ARGUMENTS.get(name, {}).items()]
    args = ", ".join(page + given + arguments)
    return f"{name}({args})" if args else name


@cache
def _root_queries() -> tuple[tuple[str, str], ...]:
    """``(field, document)`` for every root field but lookups by id, without arguments."""
    return tuple((name, f"{{ {_call(name, field, [], selection)}{selection} }}")
                 for name, field, selection in _root_fields())


@cache
def _root_queries_by_id() -> tuple[tuple[str, str, str], ...]:
    """``(field, document, Node type of its $id variable)``: every root field once per
    optional ID argument named after a Node type."""
    return tuple(
        (name, f"query($id: ID) {{ {_call(name, field, [text], selection)}{selection} }}",
         id_type)
        for name, field, selection in _root_fields()
        for text, id_type in _id_arguments(field))


def _is_node(type_name: str | None) -> bool:
    type_ = schema.graphql_schema.get_type(type_name) if type_name else None
    return any(interface.name == "Node" for interface in getattr(type_, "interfaces", ()))


def _objects(value, found: dict[str, str]) -> dict[str, str]:
    """``{global id: type name}`` of every Node object anywhere in ``value`` (an object
    that only carries another object's id, such as ``AppliedPromotion``, is not one)."""
    if isinstance(value, dict):
        if isinstance(value.get("id"), str) and _is_node(value.get("__typename")):
            found[value["id"]] = value["__typename"]
        for item in value.values():
            _objects(item, found)
    elif isinstance(value, list):
        for item in value:
            _objects(item, found)
    return found


def _model_for(type_name: str):
    for django_type in get_global_registry()._registry.values():
        if django_type._meta.name == type_name:
            return django_type._meta.model
    return None


def _organization_links(model) -> list[str]:
    return [f.name for f in model._meta.get_fields()
            if isinstance(f, models.ForeignKey) and f.related_model is Organization]


def _price_rule_owner(row) -> Organization | None:
    """The organization a price_rules row belongs to, derived from its links: ``owner``,
    else the owner of the price rules row it hangs from, else ``organization``."""
    fields = [f for f in row._meta.get_fields() if isinstance(f, models.ForeignKey)]
    for field in fields:
        if field.name == "owner":
            return getattr(row, field.name)
    for field in fields:
        if (field.related_model._meta.app_label == "price_rules"
                and field.related_model is not type(row)):
            return _price_rule_owner(getattr(row, field.name))
    return getattr(row, "organization", None)


def _price_rule_violation(row, type_name: str, org: Organization | None) -> str | None:
    owner = _price_rule_owner(row)
    if org is not None and owner is not None:
        if owner.path.startswith(org.path):
            return None
        if type_name == "Promotion" and owner.pk == org.parent_id:
            return None  # the seller's promotions that reach O
        above = ancestor_ids(org.path)
        if (type_name == "MapFloor" and above and owner.pk == above[0]
                and org.children.exists()):
            return None  # the floors O's resale must respect
    return f"{type_name} {row.pk} of {owner.name if owner else 'nobody'}"


def _warehouse_violation(warehouse: Warehouse, org: Organization | None) -> str | None:
    """Issue 12's rule, from the tree: a member of O sees O's own warehouses, its seller's
    active ones unless their display is HIDDEN, those further up its chain only when their
    network display is not HIDDEN, and the active stock centers that its seller's other
    buyers and its own buyers share with the network."""
    why = f"warehouse {warehouse.code} of {warehouse.owner.name}"
    if org is None:
        return why
    owner = warehouse.owner
    if owner.pk == org.pk:
        return None
    if not warehouse.is_active:
        return why
    chain = ancestor_ids(org.path)
    if chain and owner.pk == chain[-1]:
        return None if warehouse.display != QuantityDisplay.HIDDEN else why
    if owner.pk in chain[:-1]:
        return None if warehouse.network_display != QuantityDisplay.HIDDEN else why
    shared = (warehouse.shared_with_network and warehouse.kind == WarehouseKind.STOCK_CENTER
              and warehouse.display != QuantityDisplay.HIDDEN)
    if shared and (owner.parent_id == org.pk or (chain and owner.parent_id == chain[-1])):
        return None
    return why


def _inventory_violation(row, type_name: str, org: Organization | None) -> str | None:
    """Stock rows and incoming supply go with their warehouse; the stock history only to
    the warehouse's own organization; leftovers to it and, published, to its buyers."""
    if isinstance(row, Warehouse):
        return _warehouse_violation(row, org)
    warehouse = row.warehouse
    why = f"{type_name} {row.pk} of {warehouse.code}"
    if type_name in ("StockItem", "IncomingSupply"):
        return _warehouse_violation(warehouse, org) and why
    owner_id = warehouse.owner_id
    if org is not None and owner_id == org.pk:
        return None
    if (type_name == "Leftover" and org is not None and row.is_published
            and warehouse.is_active and owner_id == org.parent_id):
        return None
    return why


def _publishes_for(viewer_user: User | None, org: Organization) -> bool:
    """The viewer speaks for ``org`` to the organizations below it: a dealer's or
    distributor's member whose role lets it manage the sub-dealers."""
    if viewer_user is None or org.kind not in (OrganizationKind.DEALER,
                                               OrganizationKind.DISTRIBUTOR):
        return False
    membership = org.memberships.filter(user=viewer_user).select_related("custom_role").first()
    return membership is not None and OrgPerm.MANAGE_SUB_DEALERS in membership.permissions()


def _announcement_violation(row: Announcement, viewer_user: User | None,
                            org: Organization | None) -> str | None:
    """The plugin's stated rule: the publisher's own in every state; else published, by an
    ancestor of O, to an audience holding O."""
    author = row.author_organization
    why = f"announcement «{row.title}» of {author.name}"
    if org is None:
        return why
    if author.pk == org.pk and _publishes_for(viewer_user, org):
        return None
    published = row.publish_at is not None and row.publish_at <= timezone.now()
    if not published or author.pk not in ancestor_ids(org.path):
        return why
    if row.audience_everyone:
        return None
    if org.region and org.region in row.audience_regions:
        return None
    if PriceGroupMember.objects.filter(group__in=row.audience_price_groups.all(),
                                       organization=org).exists():
        return None
    return why


CREDIT_APPS = ("credit", "stripe_payments")
BUYER_FIGURES = {OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS, OrgPerm.PLACE_ORDERS,
                 OrgPerm.APPROVE_ORDERS}
BUYER_DOCUMENTS = {OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS}
SELLER_SIDE = {OrgPerm.VIEW_INVOICES, OrgPerm.MANAGE_PAYMENTS, OrgPerm.MANAGE_CREDIT}


def _member_perms(viewer_user: User | None, org: Organization | None) -> frozenset:
    if viewer_user is None or org is None:
        return frozenset()
    membership = org.memberships.filter(user=viewer_user).select_related(
        "custom_role").first()
    return membership.permissions() if membership is not None else frozenset()


def _sees_account(account: CreditAccount, perms, org: Organization | None, *,
                  documents: bool) -> bool:
    if org is None:
        return False
    if account.buyer_id == org.pk:
        return bool(perms & (BUYER_DOCUMENTS if documents else BUYER_FIGURES))
    return account.seller_id == org.pk and bool(perms & SELLER_SIDE)


def _account_of(row) -> CreditAccount | None:
    """The credit account a credit row belongs to (None: a row of no account)."""
    if isinstance(row, CreditAccount):
        return row
    if hasattr(row, "account_id"):
        return row.account if row.account_id is not None else None
    invoice = getattr(row, "invoice", None)  # an invoice's line, a payment's allocation
    return invoice.account if invoice is not None else None


def _credit_violation(row, type_name: str, viewer_user: User | None,
                      org: Organization | None) -> str | None:
    """The credit rule of the module's docstring, from the rows' links."""
    why = f"{type_name} {row.pk}"
    perms = _member_perms(viewer_user, org)
    if isinstance(row, BankStatementImport | BankStatementRow):
        seller_id = row.seller_id if isinstance(row, BankStatementImport) else (
            row.statement.seller_id)
        allowed = org is not None and seller_id == org.pk and bool(
            perms & {OrgPerm.MANAGE_PAYMENTS, OrgPerm.MANAGE_CREDIT})
        return None if allowed else why
    if isinstance(row, Requisites):
        if org is not None and row.organization_id == org.pk:
            return None
        parties = CreditAccount.objects.filter(
            models.Q(buyer_id=row.organization_id) | models.Q(seller_id=row.organization_id))
        return None if any(_sees_account(a, perms, org, documents=False)
                           for a in parties) else why
    account = _account_of(row)
    if account is None:
        return why  # a row of no account (a counter, a webhook event): nobody's to see
    if isinstance(row, CreditAccount):
        return None if _sees_account(account, perms, org, documents=False) else why
    if _sees_account(account, perms, org, documents=True):
        return None
    if (isinstance(row, CardPayment) and viewer_user is not None and org is not None
            and row.created_by_id == viewer_user.pk and account.buyer_id == org.pk):
        return None
    return why


def _violation(viewer_user: User | None, org: Organization | None, global_id: str) -> str | None:
    """Why ``global_id`` must not be visible to this viewer, or None when it may be."""
    type_name, raw_pk = from_global_id(global_id)
    model = _model_for(type_name)
    if model is None:
        return None  # not a model row (a plain object type)
    row = model._default_manager.filter(pk=raw_pk).first()
    if row is None:
        return None
    subtree = org.path if org is not None else None

    def inside(other: Organization | None) -> bool:
        return other is not None and subtree is not None and other.path.startswith(subtree)

    if model is Organization:
        if inside(row) or (org is not None and row.pk == org.parent_id):
            return None
        if viewer_user is not None and row.memberships.filter(
                user=viewer_user, is_active=True).exists():
            return None  # one of the viewer's organizations (to switch to)
        return f"organization {row.name}"
    if model is User:
        if viewer_user is not None and row.pk == viewer_user.pk:
            return None
        if any(inside(m.organization) for m in row.memberships.select_related("organization")):
            return None
        return f"user {row.email}"
    if model._meta.app_label == "price_rules":
        return _price_rule_violation(row, type_name, org)
    if model is Announcement:
        return _announcement_violation(row, viewer_user, org)
    if model is Notification:
        if viewer_user is not None and row.recipient_id == viewer_user.pk:
            return None
        return f"notification {row.pk} of {row.recipient.email}"
    if model._meta.app_label == "inventory" and model not in (Carrier, DeliveryZone):
        return _inventory_violation(row, type_name, org)
    if model._meta.app_label in CREDIT_APPS:
        return _credit_violation(row, type_name, viewer_user, org)
    links = _organization_links(model)
    if not links:
        return None  # shared (catalog)
    linked = [getattr(row, name) for name in links]
    if any(inside(o) for o in linked):
        return None
    if viewer_user is not None and getattr(row, "user_id", None) == viewer_user.pk:
        return None  # the viewer's own membership in another organization
    return f"{type_name} {raw_pk} of {', '.join(o.name for o in linked if o)}"


def _is_owned(global_id: str) -> bool:
    """Rows the rule applies to (the catalog is shared)."""
    model = _model_for(from_global_id(global_id)[0])
    return model is not None and (model in (Organization, User)
                                  or model._meta.app_label in ("price_rules", "inventory",
                                                               *CREDIT_APPS)
                                  or bool(_organization_links(model)))


def seed_prices(network, catalog) -> None:
    """Price rules of every kind in both networks (the factory's lists, groups,
    promotions, discounts and floors; each dealer's resale list and markup), and running
    promotions down each chain, so every price type is reached, at every depth."""
    door, paint = catalog["door"], catalog["facade_white"]
    for dealer, sub, product, category, suffix in (
            ("dealer_a", "sub_a", paint, catalog["facade"], ""),
            ("dealer_b", "sub_b", door, catalog["doors"], " Б")):
        create_price_rules(network["factory"], network[dealer], network[sub],
                           product.variants.first(), category, product, suffix)
        for owner, buyer, name in ((network["factory"], network[dealer], "Заводская акция"),
                                   (network[dealer], network[sub], "Акция дилера")):
            promotion = running_promotion(owner, f"{name}{suffix}", buyer)
            promotion.variants.add(*product.variants.all())
            promotion.products.add(product)
            promotion.categories.add(category)


def seed_announcements(network, catalog, viewers) -> dict[str, Announcement]:
    """Announcements down both chains, in every audience and state: the manufacturer's to
    everyone below, to its Gold dealers (dealer A is in the group, its sub-dealer is not),
    to a region (dealer B's), a draft and a scheduled one; dealer A's to its sub-dealers
    and a draft of its own. Products and promotions linked, some read."""
    factory, dealer = network["factory"], network["dealer_a"]
    now = timezone.now()
    gold = PriceGroup.objects.get(owner=factory, name="Золотые дилеры")
    factory_promotion = Promotion.objects.get(owner=factory, name="Заводская акция")
    dealer_promotion = Promotion.objects.get(owner=dealer, name="Акция дилера")
    products = [catalog["facade_white"], catalog["door"]]

    def announce(author, title, publish_at=now - timedelta(hours=1), **fields):
        made = Announcement.objects.create(author_organization=author, title=title,
                                           text="Текст.", publish_at=publish_at, **fields)
        made.products.add(*products)
        return made

    made = {
        "everyone": announce(factory, "Новый склад", kind=AnnouncementKind.PROMOTION,
                             promotion=factory_promotion),
        "gold": announce(factory, "Только золотым", audience_everyone=False),
        "region": announce(factory, "Для Татарстана", audience_everyone=False,
                           audience_regions=[network["dealer_b"].region]),
        "factory_draft": announce(factory, "Черновик завода", publish_at=None),
        "scheduled": announce(factory, "Завтрашняя новость",
                              publish_at=now + timedelta(days=1)),
        "to_sub_dealers": announce(dealer, "Самовывоз по субботам",
                                   kind=AnnouncementKind.PROMOTION,
                                   promotion=dealer_promotion),
        "dealer_draft": announce(dealer, "Черновик дилера", publish_at=None,
                                 promotion=dealer_promotion),
    }
    made["gold"].audience_price_groups.add(gold)
    for user, org, _ in viewers:
        if user is not None and org in (network["dealer_a"], network["sub_a"]):
            AnnouncementRead.objects.create(announcement=made["everyone"], user=user)
    return made


def seed_moderation(network, catalog, dealer, sub, admins):
    """An order of the sub-dealer on its dealer's moderation, with a proposal and a
    dialogue entry (issue 14). (Not one of the dealer's to the manufacturer: a regional
    manager of the dealer sees that order but not its seller, the manufacturer, and
    ``Order.seller`` is required: an error of the orders' API, left to its owner.)"""
    variants = list(catalog["facade_white"].variants.all()[:2])
    on_moderation(make_order(network[sub], admins[sub], variants), admins[dealer])


@pytest.fixture
def world(network, make_user, staff_user, catalog, make_org):
    """Two dealer networks, every built-in role and a custom role in each organization,
    invitations and audit events, some made by people of the supplier: the dealer's admin
    inviting a sub-dealer's admin (as ``subDealerCreate`` does) and the manufacturer's
    staff inviting a dealer's member; price rules in both (``seed_prices``) and
    announcements down them (``seed_announcements``); warehouses, stock, supply,
    movements and leftovers down both (``seed_stock``)."""
    seed_prices(network, catalog)
    seed_stock(network, catalog, make_org)
    viewers = [(None, None, "anonymous")]
    admins = {}
    for key in ("dealer_a", "sub_a", "dealer_b", "sub_b"):
        org, domain = network[key], key.replace("_", "-")
        for role in Role.values:
            user = make_user(f"{role.lower()}@{domain}.test", org, role)
            viewers.append((user, org, f"{role} of {key}"))
        admins[key] = org.memberships.get(role=Role.ADMIN).user
        custom = CustomRole.objects.create(organization=org, name=f"Склад {key}",
                                           permissions=["VIEW_ORDERS", "VIEW_AUDIT"])
        clerk = make_user(f"clerk@{domain}.test", org, phone="+7 900 000-00-00")
        clerk.memberships.update(custom_role=custom)
        viewers.append((clerk, org, f"custom role of {key}"))
        invite_member(org, f"invited@{domain}.test", invited_by=user)
    for dealer, sub in (("dealer_a", "sub_a"), ("dealer_b", "sub_b")):
        invite_member(network[sub], f"second-admin@{network[sub].pk}.test", role=Role.ADMIN,
                      invited_by=admins[dealer])
        invite_member(network[dealer], f"support@{network[dealer].pk}.test", invited_by=staff_user)
        seed_moderation(network, catalog, dealer, sub, admins)
    seed_announcements(network, catalog, viewers)
    seed_forwarding(network, catalog, admins)
    seed_notifications(network)
    seed_credit_rows(network, staff_user)
    return viewers


def seed_credit_rows(network, staff_user) -> None:
    """Every credit row kind down both chains (tests/receivables_world.py: accounts of
    both dealers and both sub-dealers, invoices, payments, refunds, requisites, bank
    statements, comparisons) and card payments: one started by sub-dealer A's buyer
    (who sees it, not the rest of its account's documents), one by dealer A's accountant."""
    accounts = seed_credit(network, staff_user)
    for key, email in (("sub_a", "buyer@sub-a.test"), ("dealer_a", "accountant@dealer-a.test")):
        account = accounts[key]
        CardPayment.objects.create(
            intent_id=f"pi_matrix_{key}", account=account, invoice=account.invoices.first(),
            amount=100, currency="RUB", created_by=User.objects.get(email=email))


def seed_forwarding(network, catalog, admins) -> None:
    """Sub-dealer B's order forwarded by dealer B to the manufacturer (plugins/
    order_workflow): the forwarded order is dealer B's, so the rule keeps it from sub-dealer
    B, whose order links to it (``Order.forwardedTo``, ``OrderLine.forwardedTo``). In
    network B: dealer A's regional manager sees dealer A's orders but not their seller,
    the manufacturer (``Order.seller`` is non-null), which no orders' test has met yet."""
    variants = [catalog["facade_white"].variants.order_by("sku").first()]
    seed_forward(network["sub_b"], admins["sub_b"], network["dealer_b"], admins["dealer_b"],
                 variants, sub_price="120.00", dealer_price="100.00")


def seed_notifications(network) -> None:
    """An order of each sub-dealer to its dealer, told to the sub-dealer's buyer and the
    dealer's admin; and, so that a notification whose order its reader may not see is
    walked too, dealer B's order told to sub-dealer A's buyer."""
    from backend.orders.models import Order, OrderEvent, OrderStatus

    made = {}
    for serial, (dealer, sub) in enumerate((("dealer_a", "sub_a"), ("dealer_b", "sub_b")), 1):
        buyer = User.objects.get(email=f"buyer@{sub.replace('_', '-')}.test")
        order = Order.objects.create(
            seller=network[dealer], buyer=network[sub], year=2026, serial=900 + serial,
            status=OrderStatus.PLACED, placed_by=buyer, placed_as=network[sub],
            idempotency_key=f"matrix-{serial}", currency="RUB", vat_rate=20,
            subtotal_net=100, total_net=100, total_vat=20, total_gross=120,
            grand_total_gross=120, placed_at=timezone.now())
        event = OrderEvent.objects.create(order=order, event_type="PLACED", user=buyer,
                                          acting_as=network[sub])
        made[sub] = event
        admin = User.objects.get(email=f"admin@{dealer.replace('_', '-')}.test")
        for recipient in (buyer, admin):
            Notification.objects.create(recipient=recipient, event=event, order=order,
                                        event_type="PLACED", topic="ORDER_MODERATION",
                                        texts={"ru": {"title": "Заказ", "body": ""}})
    stranger = User.objects.get(email="approver@sub-a.test")
    event = made["sub_b"]
    Notification.objects.create(recipient=stranger, event=event, order=event.order,
                                event_type="PLACED", topic="ORDER_MODERATION", texts={})


# Objects per node(id:) request: each lookup is weighed, and a document must stay within
# the cost limit.
NODES_PER_REQUEST = 100


def opened_by_id(client: GraphQLClient, ids: list[str]) -> set[str]:
    """The ids among ``ids`` that ``node(id:)`` returns to the client (an aliased lookup
    per id, in requests of ``NODES_PER_REQUEST``)."""
    opened = set()
    for start in range(0, len(ids), NODES_PER_REQUEST):
        chunk = ids[start:start + NODES_PER_REQUEST]
        aliases = " ".join(f'n{i}: node(id: "{g}") {{ id }}' for i, g in enumerate(chunk))
        response = client(f"{{ {aliases} }}")
        assert not response.errors, response.errors
        opened |= {g for i, g in enumerate(chunk) if response.body["data"][f"n{i}"]}
    return opened


def _consistency_problems(client: GraphQLClient, label: str,
                          received: dict[str, tuple[str, str]]) -> list[str]:
    """Objects of Node types the viewer received that ``node(id:)`` refuses it."""
    ids = sorted(g for g, (type_name, _) in received.items() if _is_node_type(type_name))
    if not ids:
        return []
    opened = opened_by_id(client, ids)
    return [f"{label} receives {received[g][0]} {g} ({from_global_id(g)[1]}) through "
            f"{received[g][1]}, but node(id:) refuses it" for g in ids if g not in opened]


@pytest.fixture
def staff_viewers(network, make_user, staff_user):
    """Staff who see everything, and a regional manager of dealer A's subtree, with
    partner applications (one approved into dealer B's region, outside that subtree)."""
    manager = make_user("regional@factory.test", is_staff=True,
                        staff_permissions=[Perm.MANAGE_ORGANIZATIONS.value])
    StaffAssignment.objects.create(user=manager, organization=network["dealer_a"])
    for n, region in enumerate(("Республика Татарстан", "Москва")):
        application = submit_application(ApplicationData(
            company_name=f"Новый партнёр {n}", legal_name=f'ООО "Новый партнёр {n}"',
            inn=complete_inn(str(200_000_001 + n)), region=region,
            contact_first_name="Олег", email=f"partner{n}@new.test"))
        if n == 0:
            approve_application(application, staff_user)
    return [(staff_user, network["factory"], "staff who sees everything"),
            (manager, None, "regional manager of dealer_a")]


# Root fields that answer a viewer who may not do what they are about with an error, not
# with an empty answer: the cart (``Cart!``) of a viewer who may not order.
REFUSED_WITHOUT_RIGHT = {"cart"}


def _only_refusals(errors) -> bool:
    return bool(errors) and all(
        error.get("extensions", {}).get("code") in {"AUTHENTICATION_REQUIRED",
                                                    "PERMISSION_DENIED"} for error in errors)


def _walk(client: GraphQLClient, label: str, documents) -> dict[str, tuple[str, str]]:
    """``{global id: (type name, where)}`` of every object the viewer receives from every
    root query."""
    received: dict[str, tuple[str, str]] = {}
    for name, document, id_type in documents:
        if id_type is None:
            variables = [{}]
        else:
            variables = [{"id": g} for g, (type_name, _) in sorted(received.items())
                         if type_name == id_type]
        for values in variables:
            response = client(document, values)
            assert response.status == 200, (label, name, response.body)
            if name in REFUSED_WITHOUT_RIGHT and _only_refusals(response.errors):
                continue
            assert not response.errors, (label, name, values, response.errors)
            where = f"Query.{name}" + (f"({values['id']})" if values else "")
            for global_id, type_name in _objects(response.body["data"], {}).items():
                received.setdefault(global_id, (type_name, where))
    return received


# The viewers of the ``world`` and ``staff_viewers`` fixtures that walk, one test each (so
# the walks spread over the test workers). Every role walks in network A; network B, the
# other network that A's viewers must not see into, is walked by its admins (every
# permission), buyers and custom roles: what the other roles add is what they may do in
# their own organization, which network A's walks cover.
NETWORK_KEYS = ("dealer_a", "sub_a", "dealer_b", "sub_b")
MEMBER_LABELS = [
    *(f"{role} of {key}" for key in ("dealer_a", "sub_a") for role in Role.values),
    *(f"{role} of {key}" for key in ("dealer_b", "sub_b") for role in ("ADMIN", "BUYER")),
    *(f"custom role of {key}" for key in NETWORK_KEYS)]
STAFF_LABELS = ["staff who sees everything", "regional manager of dealer_a"]
KINDS_REACHED = {
    "Organization", "Membership", "User", "Invitation", "CustomRole", "AuditEvent",
    "Product", "PartnerApplication", "PartnerApplicationEvent", "PriceList",
    "PriceListEntry", "PriceListAssignment", "PriceGroup", "ResaleMarkup", "Promotion",
    "VolumeDiscount", "MapFloor", "RecomputeJob", "Announcement", "Warehouse", "StockItem",
    "IncomingSupply", "StockMovement", "Leftover", "Carrier", "DeliveryZone", "Order",
    "OrderLine", "LineProposal"}


def _credit_kinds() -> set[str]:
    """The schema's Node types of credit and card payment rows."""
    return {name for name in schema.graphql_schema.type_map if _is_node_type(name)
            and (model := _model_for(name)) is not None
            and model._meta.app_label in CREDIT_APPS}


@pytest.fixture(autouse=True)
def _walk_documents_kept(walk_documents_kept):
    """The walk's documents stay prepared between requests (tests/fixtures/graphql.py)."""


def _owned_objects_in_the_database() -> list[str]:
    """The global id of every organization-linked row of a Node type in the database,
    seen by anyone or not."""
    ids = []
    for type_name in schema.graphql_schema.type_map:
        model = _model_for(type_name) if _is_node_type(type_name) else None
        if model is None:
            continue
        for pk in model._default_manager.values_list("pk", flat=True):
            global_id = to_global_id(type_name, pk)
            if _is_owned(global_id):
                ids.append(global_id)
    return sorted(ids)


@cache
def _documents() -> tuple[tuple[str, str, str | None], ...]:
    # Fields without arguments first: they find the ids the others are asked with.
    return (tuple((name, document, None) for name, document in _root_queries())
            + _root_queries_by_id())


@pytest.mark.parametrize("label", ["anonymous", *MEMBER_LABELS, *STAFF_LABELS])
def test_no_viewer_sees_rows_outside_its_organization_subtree_by_lists_or_by_id(
        label, world, staff_viewers, catalog, network):
    viewers = {label: (user, org) for user, org, label in world + staff_viewers}
    assert set(viewers) >= {"anonymous", *MEMBER_LABELS, *STAFF_LABELS}
    user, org = viewers[label]
    client = GraphQLClient(user, org)
    received = _walk(client, label, _documents())
    # What any viewer receives at any depth, node(id:) gives it too.
    problems = _consistency_problems(client, label, received)
    kinds = {from_global_id(g)[0] for g in received}
    if label in STAFF_LABELS:
        # Staff see beyond any organization's subtree (the rule is for members).
        if label == "staff who sees everything":
            # The walk really reaches organization-linked rows of every kind, the credit
            # types' too (whichever of them the schema has).
            assert kinds >= KINDS_REACHED | _credit_kinds(), (
                (KINDS_REACHED | _credit_kinds()) - kinds)
        assert not problems, "\n".join(sorted(set(problems)))
        return
    for global_id, (_, where) in received.items():
        reason = _violation(user, org, global_id)
        if reason:
            problems.append(f"{label} sees {reason} through {where}")
    # Every organization-linked row in the database, asked for by id.
    owned = _owned_objects_in_the_database()
    opened = opened_by_id(client, owned)
    for global_id in sorted(opened):
        reason = _violation(user, org, global_id)
        if reason:
            problems.append(f"{label} reads {reason} by node(id:)")
    # Credit rows: exactly those the rule allows, none missing either.
    for global_id in owned:
        model = _model_for(from_global_id(global_id)[0])
        if (model._meta.app_label in CREDIT_APPS and global_id not in opened
                and _violation(user, org, global_id) is None):
            problems.append(f"{label} may read {global_id} "
                            f"({from_global_id(global_id)}) but node(id:) refuses it")
    assert not problems, "\n".join(sorted(set(problems)))
    if label == "ADMIN of dealer_b":
        # A forwarded order reaches its dealer's side through its sub-dealer's order (never
        # the sub-dealer: the rule above would name it).
        forwarded = Order.objects.get(buyer=network["dealer_b"])
        assert to_global_id("Order", forwarded.pk) in received
    if label in ("BUYER of sub_a", "BUYER of sub_b"):
        # The manufacturer's announcements reach the sub-dealers, so the ancestor branch
        # of the announcements' rule is exercised, not only the authors'.
        everyone = Announcement.objects.get(title="Новый склад")
        assert to_global_id("Announcement", everyone.pk) in received
        # ... and each reads the notifications of its order (the rule for them is the
        # recipient's alone: staff see none of the others').
        assert "Notification" in kinds


def test_the_walk_covers_every_root_query_field():
    walked = {name for name, _ in _root_queries()}
    by_id = {name for name, field in schema.graphql_schema.query_type.fields.items()
             if _is_lookup(field)}
    assert walked | by_id == set(schema.graphql_schema.query_type.fields)
    assert "members" in walked and "organization" in by_id
