"""The mutation base class: permission check, one transaction, errors as data."""

from __future__ import annotations

import logging
from contextlib import nullcontext
from typing import Any, ClassVar

import graphene
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from graphene.types.mutation import MutationOptions

from ..errors import CoreErrorCode, DomainValidationError, ErrorDetail
from ..naming import camel_case
from ..permissions import OrgPerm, Perm
from .defaults import null_as_default
from .errors import error_code_for, error_type
from .values import plain_values

logger = logging.getLogger(__name__)

CoreError = error_type("CoreError", CoreErrorCode, "An error of a core operation.")


class BaseMutationOptions(MutationOptions):
    error_type_class = None
    error_code_enum = None
    permissions: tuple[Perm, ...] = ()
    org_permissions: tuple[OrgPerm, ...] = ()
    login_required = True
    atomic = True


class BaseMutation(graphene.Mutation):
    """Subclass with ``Meta.error_type_class``, ``Meta.error_code_enum``,
    ``Meta.permissions`` (staff permissions, all required) and ``login_required``, and
    implement ``perform_mutation(root, info, **data)`` returning an instance of the
    mutation. ``DomainValidationError`` (and Django's ``ValidationError``) become
    ``errors``, their snake_case field names in camelCase (``api_field``); the transaction
    of the mutation is rolled back, so nothing changes. An explicit null for an argument or
    input field with a declared default arrives as that default (``defaults.py``).
    ``Meta.atomic = False`` leaves transactions to the service (sign-in: a throttle's count
    is kept at once, without holding its row locked while the password is checked).
    """

    class Meta:
        abstract = True

    _meta: ClassVar[BaseMutationOptions]
    # Values of required payload fields when the mutation fails (e.g. ``isValid: false``).
    failure_defaults: ClassVar[dict[str, Any]] = {}
    # Meta options a domain's abstract base gives all its mutations (error type, codes,
    # permissions); a mutation's own Meta overrides them.
    meta_defaults: ClassVar[dict[str, Any]] = {}

    @classmethod
    def __init_subclass_with_meta__(
        cls,
        error_type_class=None,
        error_code_enum=None,
        permissions=(),
        org_permissions=(),
        login_required=True,
        atomic=True,
        description="",
        _meta=None,
        **options,
    ):
        if not _meta:
            _meta = BaseMutationOptions(cls)
        defaults = cls.meta_defaults
        error_type_class = error_type_class or defaults.get("error_type_class")
        error_code_enum = error_code_enum or defaults.get("error_code_enum")
        permissions = permissions or defaults.get("permissions", ())
        error_type_class = error_type_class or CoreError
        _meta.error_type_class = error_type_class
        _meta.error_code_enum = error_code_enum or CoreErrorCode
        _meta.permissions = tuple(permissions)
        _meta.org_permissions = tuple(org_permissions)
        _meta.login_required = login_required or bool(permissions) or bool(org_permissions)
        _meta.atomic = atomic
        if permissions:
            names = ", ".join(p.value for p in permissions)
            description = f"{description}\n\nRequires staff permissions: {names}.".strip()
        elif org_permissions:
            names = ", ".join(p.value for p in org_permissions)
            description = (f"{description}\n\nRequires, in the active organization "
                           f"(X-Organization): {names}.").strip()
        elif login_required:
            description = f"{description}\n\nRequires a signed-in user.".strip()
        cls.errors = graphene.List(graphene.NonNull(error_type_class), required=True)
        super().__init_subclass_with_meta__(description=description, _meta=_meta, **options)

    @classmethod
    def error(cls, code, message: str, field: str | None = None):
        return cls.failure([ErrorDetail(code=code, message=message, field=field)])

    @classmethod
    def api_field(cls, field: str | None) -> str | None:
        """A service's field name (``min_order_quantity``, ``values.1``) as the API's
        (``minOrderQuantity``, ``values.1``): each dotted segment in camelCase. The one
        place field names cross from Python to GraphQL; a service names a field as its
        input dataclass does (``admin_email``), so no rename is needed."""
        if field is None:
            return None
        return ".".join(camel_case(part) for part in field.split("."))

    @classmethod
    def failure(cls, errors: list[ErrorDetail]):
        enum = cls._meta.error_code_enum
        error_class = cls._meta.error_type_class
        extra = set(error_class._meta.fields) - {"field", "code", "message"}
        return cls(
            errors=[
                error_class(field=cls.api_field(e.field), code=error_code_for(enum, e.code),
                            message=e.message,
                            **{k: v for k, v in e.params.items() if k in extra})
                for e in errors
            ],
            **cls.failure_defaults,
        )

    @classmethod
    def check_permissions(cls, info) -> list[ErrorDetail]:
        viewer = info.context.viewer
        if cls._meta.login_required and not viewer.is_authenticated:
            return [ErrorDetail(CoreErrorCode.AUTHENTICATION_REQUIRED,
                                "Sign in to do this.")]
        missing = [p.value for p in cls._meta.permissions if not viewer.has_perm(p)]
        if cls._meta.org_permissions and viewer.organization is None:
            return [ErrorDetail(
                CoreErrorCode.PERMISSION_DENIED,
                "Choose the organization to act for (X-Organization header).",
            )]
        missing += [p.value for p in cls._meta.org_permissions if not viewer.can(p)]
        if missing:
            return [ErrorDetail(
                CoreErrorCode.PERMISSION_DENIED,
                f"You do not have permission to do this (needs {', '.join(missing)}).",
            )]
        return []

    @classmethod
    def mutate(cls, root, info, **data):
        denied = cls.check_permissions(info)
        if denied:
            return cls.failure(denied)
        field = info.parent_type.fields[info.field_name]
        data = plain_values(null_as_default(field.args, data))
        try:
            with transaction.atomic() if cls._meta.atomic else nullcontext():
                try:
                    result = cls.perform_mutation(root, info, **data)
                except DomainValidationError as exc:
                    if not exc.commit:
                        raise
                    result = cls.failure(exc.errors)
        except DomainValidationError as exc:
            return cls.failure(exc.errors)
        except DjangoValidationError as exc:
            return cls.failure(django_errors(exc))
        if result.errors is None:
            result.errors = []
        return result

    @classmethod
    def perform_mutation(cls, root, info, **data):
        raise NotImplementedError


def django_errors(exc: DjangoValidationError) -> list[ErrorDetail]:
    """Django's ValidationError (from ``full_clean``) as error details, with the model's
    field names (``failure`` spells them as the API does)."""
    details = []
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                message = error.message % error.params if error.params else error.message
                details.append(ErrorDetail(
                    code=_django_code(error.code), message=str(message),
                    field=None if field == "__all__" else field,
                ))
    else:
        for error in exc.error_list:
            message = error.message % error.params if error.params else error.message
            details.append(ErrorDetail(code=_django_code(error.code), message=str(message)))
    return details


def _django_code(code: str | None) -> str:
    return {"unique": "UNIQUE", "required": "REQUIRED", "blank": "REQUIRED",
            "null": "REQUIRED"}.get(code or "", "INVALID")
