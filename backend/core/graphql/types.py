"""Base object types: every model type declares who may see its rows."""

from __future__ import annotations

import graphene
from graphene import relay
from graphene_django import DjangoObjectType
from graphene_django.types import DjangoObjectTypeOptions

from ..errors import CoreErrorCode, DomainValidationError
from .builders import decided_by_class
from .connection import CountableConnection
from .ids import decode_global_id, decode_query_id, graphql_error_from, parse_global_id, shown
from .loaders import register_visibility, rows_by_pk


class Node(relay.Node):
    """Relay's ``Node`` interface (same name and fields), whose ``node(id:)`` answers a
    malformed id with a short GraphQL error and an unknown one with null."""

    class Meta:
        name = "Node"
        description = "An object with an ID"

    @classmethod
    def get_node_from_global_id(cls, info, global_id, only_type=None):
        try:
            type_name, pk = parse_global_id(global_id)
        except DomainValidationError as exc:
            raise graphql_error_from(exc)
        graphql_type = info.schema.get_type(type_name)
        graphene_type = getattr(graphql_type, "graphene_type", None)
        if graphene_type is None or (only_type and graphene_type is not only_type):
            return None
        # A computed node (not a model row: a cart shown with today's prices) declares
        # ``node_lookup = True`` and its own ``get_node(info, pk)``, deciding who sees it.
        if not (issubclass(graphene_type, ModelObjectType)
                or getattr(graphene_type, "node_lookup", False)):
            return None
        return graphene_type.get_node(info, pk)


class ModelObjectTypeOptions(DjangoObjectTypeOptions):
    visible = None


class ModelObjectType(DjangoObjectType):
    """A Relay node over a model. ``Meta.visible`` is the type's visibility function
    ``(viewer) -> QuerySet``; node lookups (``node(id:)``, mutations' id arguments) go
    through it, root fields resolve lists through it, and nested relations load through
    ``ByIdLoader``, which filters by it too. A type without one fails at import, so no
    type can leak rows by omission."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, visible=None, _meta=None, **options):
        if visible is None:
            raise TypeError(f"{cls.__name__} must declare Meta.visible (a visibility function)")
        if not _meta:
            _meta = ModelObjectTypeOptions(cls)
        _meta.visible = staticmethod(visible)
        options.setdefault("interfaces", (Node,))
        options.setdefault("connection_class", CountableConnection)
        options.setdefault("convert_choices_to_enum", False)
        super().__init_subclass_with_meta__(_meta=_meta, **options)
        register_visibility(_meta.model, visible)

    @classmethod
    @decided_by_class
    def is_type_of(cls, root, info):
        return isinstance(root, cls._meta.model)

    @classmethod
    def visible_queryset(cls, info):
        return cls._meta.visible(info.context.viewer)

    @classmethod
    def get_queryset(cls, queryset, info):
        return cls.visible_queryset(info)

    @classmethod
    def get_visible(cls, info, global_id: str, field: str = "id"):
        """The row behind ``global_id`` if the viewer may see it; a NOT_FOUND error
        otherwise (also for rows that exist but are hidden, so ids leak nothing)."""
        pk = decode_global_id(global_id, cls._meta.name, field)
        row = cls.visible_queryset(info).filter(pk=pk).first()
        if row is None:
            raise DomainValidationError.single(
                CoreErrorCode.NOT_FOUND, f"No {cls._meta.name} with ID '{shown(global_id)}'.",
                field)
        return row

    @classmethod
    def lookup(cls, info, global_id: str):
        """Query-side: the visible row or ``None``; a malformed id is a GraphQL error."""
        return cls.visible_queryset(info).filter(
            pk=decode_query_id(global_id, cls._meta.name)).first()

    @classmethod
    def get_visible_many(cls, info, global_ids: list[str], field: str) -> list:
        pks = [decode_global_id(g, cls._meta.name, field) for g in global_ids]
        rows = rows_by_pk(cls.visible_queryset(info), pks)
        missing = [g for g, pk in zip(global_ids, pks, strict=True) if pk not in rows]
        if missing:
            raise DomainValidationError.single(
                CoreErrorCode.NOT_FOUND,
                f"No {cls._meta.name} with ID {', '.join(repr(shown(m)) for m in missing)}.", field)
        return [rows[pk] for pk in pks]


class SortDirection(graphene.Enum):
    ASC = "ASC"
    DESC = "DESC"
