"""Authorization matrix, from the outside: for every root query field of the schema (found
by introspection, so new fields and types are covered without editing this test), every
role in every organization of two dealer networks, check that nothing comes back that the
viewer's organization may not see.

The rule, derived from the models rather than listed per type:
- an Organization row is visible to a member of O only if it is O, below O, or O's
  supplier (parent);
- any other row linked to organizations (a ForeignKey to Organization) is visible only if
  one of those organizations is O or below O;
- a User row only if the user is the viewer or a member of O or below;
- rows with no link to organizations (the catalog) are shared.
Anonymous viewers see no organization-linked row at all. Objects seen by anyone are then
asked for through `node(id:)` by every other viewer, with the same rule.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.db import models
from graphene_django.registry import get_global_registry
from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
)
from graphql_relay import from_global_id

from backend.accounts.members import invite_member
from backend.accounts.models import CustomRole, Organization, Role, User
from backend.api.schema import schema
from tests.fixtures.graphql import GraphQLClient

NESTED_DEPTH = 3
PAGE = 50


def _unwrap(type_):
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_


def _selection(type_: GraphQLObjectType, depth: int) -> str:
    """All argument-free fields: scalars, and objects/lists/connections to ``depth``."""
    parts = []
    for name, field in type_.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        inner = _unwrap(field.type)
        if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
            parts.append(name)
        elif isinstance(inner, GraphQLObjectType) and depth > 0:
            args = f"(first: {PAGE})" if "edges" in inner.fields else ""
            sub = _selection(inner, depth - 1)
            if sub:
                parts.append(f"{name}{args} {{ {sub} }}")
    return " ".join(parts)


def _is_lookup(field) -> bool:
    """A single object found by ``id`` (and perhaps another key such as ``slug``)."""
    return "id" in field.args and not isinstance(field.type, GraphQLList) and not isinstance(
        getattr(field.type, "of_type", None), GraphQLList) and "edges" not in getattr(
        _unwrap(field.type), "fields", {})


def _root_queries() -> list[tuple[str, str]]:
    query_type = schema.graphql_schema.query_type
    documents = []
    for name, field in query_type.fields.items():
        if _is_lookup(field):
            continue  # lookups by id are covered by the node(id:) pass
        required = [a for a, arg in field.args.items() if isinstance(arg.type, GraphQLNonNull)]
        assert not required, (
            f"Query.{name} needs arguments {required}: teach this test how to call it")
        inner = _unwrap(field.type)
        args = f"(first: {PAGE})" if "edges" in getattr(inner, "fields", {}) else ""
        selection = _selection(inner, NESTED_DEPTH) if isinstance(
            inner, GraphQLObjectType) else ""
        documents.append((name, f"{{ {name}{args} {{ {selection} }} }}" if selection
                          else f"{{ {name}{args} }}"))
    return documents


def _global_ids(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "id" and isinstance(item, str):
                found.add(item)
            else:
                _global_ids(item, found)
    elif isinstance(value, list):
        for item in value:
            _global_ids(item, found)
    return found


def _model_for(type_name: str):
    for django_type in get_global_registry()._registry.values():
        if django_type._meta.name == type_name:
            return django_type._meta.model
    return None


def _organization_links(model) -> list[str]:
    return [f.name for f in model._meta.get_fields()
            if isinstance(f, models.ForeignKey) and f.related_model is Organization]


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
        return f"organization {row.name}"
    if model is User:
        if viewer_user is not None and row.pk == viewer_user.pk:
            return None
        if any(inside(m.organization) for m in row.memberships.select_related("organization")):
            return None
        return f"user {row.email}"
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
                                  or bool(_organization_links(model)))


@pytest.fixture
def world(network, make_user):
    """Two dealer networks, every built-in role and a custom role in each organization,
    invitations and audit events."""
    viewers = [(None, None, "anonymous")]
    for key in ("dealer_a", "sub_a", "dealer_b", "sub_b"):
        org, domain = network[key], key.replace("_", "-")
        for role in Role.values:
            user = make_user(f"{role.lower()}@{domain}.test", org, role)
            viewers.append((user, org, f"{role} of {key}"))
        custom = CustomRole.objects.create(organization=org, name=f"Склад {key}",
                                           permissions=["VIEW_ORDERS", "VIEW_AUDIT"])
        clerk = make_user(f"clerk@{domain}.test", org)
        clerk.memberships.update(custom_role=custom)
        viewers.append((clerk, org, f"custom role of {key}"))
        invite_member(org, f"invited@{domain}.test", invited_by=user)
    return viewers


def test_no_viewer_sees_rows_outside_its_organization_subtree_by_lists_or_by_id(
        world, catalog):
    documents = _root_queries()
    assert {"organizations", "members", "products", "me"} <= {name for name, _ in documents}
    seen_by: dict[str, set[str]] = defaultdict(set)
    problems = []
    for user, org, label in world:
        client = GraphQLClient(user, org)
        for name, document in documents:
            response = client(document)
            assert response.status == 200, (label, name, response.body)
            assert not response.errors, (label, name, response.errors)
            for global_id in _global_ids(response.body["data"], set()):
                seen_by[global_id].add(label)
                reason = _violation(user, org, global_id)
                if reason:
                    problems.append(f"{label} sees {reason} through Query.{name}")
    assert not problems, "\n".join(sorted(set(problems)))
    # The walk really reached organization-linked rows of several kinds.
    kinds = {from_global_id(g)[0] for g in seen_by}
    assert {"Organization", "Membership", "User", "Invitation", "CustomRole",
            "AuditEvent", "Product"} <= kinds, kinds

    # Every organization-linked object anyone saw, asked for by id by every viewer.
    ids = sorted(g for g in seen_by if _is_owned(g))
    assert ids
    # One request per viewer: an aliased node(id:) per object.
    aliases = " ".join(f'n{i}: node(id: "{g}") {{ id }}' for i, g in enumerate(ids))
    document = f"{{ {aliases} }}"
    problems = []
    for user, org, label in world:
        response = GraphQLClient(user, org)(document)
        assert not response.errors, response.errors
        for i, global_id in enumerate(ids):
            if response.body["data"][f"n{i}"] is None:
                continue
            reason = _violation(user, org, global_id)
            if reason:
                problems.append(f"{label} reads {reason} by node(id:)")
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_walk_covers_every_root_query_field():
    walked = {name for name, _ in _root_queries()}
    by_id = {name for name, field in schema.graphql_schema.query_type.fields.items()
             if _is_lookup(field)}
    assert walked | by_id == set(schema.graphql_schema.query_type.fields)
    assert "members" in walked and "organization" in by_id
