"""Domain validation errors: the users' mistakes, carried as data.

A service raises ``DomainValidationError`` with one or more ``ErrorDetail`` (field, code,
message, params); the GraphQL mutation base class turns it into ``errors: [...]``.
Error codes are ``str`` enums per domain, each extending the common codes, so every code a
client can receive is listed in the schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from enum import Enum
from typing import Any

from .text import length_error, name_error, normalize_name

COMMON_ERROR_CODES = (
    "INVALID",
    "INVALID_NAME",
    "REQUIRED",
    "NOT_FOUND",
    "UNIQUE",
    "PERMISSION_DENIED",
    "AUTHENTICATION_REQUIRED",
    "GRAPHQL_ERROR",
)


def error_code_enum(name: str, *codes: str) -> type[Enum]:
    """A ``str`` enum named ``name`` with the common codes and ``codes``."""
    members = dict.fromkeys(COMMON_ERROR_CODES)
    members.update(dict.fromkeys(codes))
    return Enum(name, {code: code for code in members}, type=str)  # type: ignore[return-value]


CoreErrorCode = error_code_enum("CoreErrorCode")


@dataclass
class ErrorDetail:
    code: Enum | str
    message: str
    field: str | None = None
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    @property
    def code_value(self) -> str:
        return self.code.value if isinstance(self.code, Enum) else str(self.code)


class DomainValidationError(Exception):
    """One or more expected failures of a service call.

    Nothing the call did is kept, unless ``commit`` is true: then the caller reports the
    errors but keeps what was written (revoking a stolen token's family, say).
    """

    def __init__(self, errors: list[ErrorDetail] | ErrorDetail, *, commit: bool = False):
        self.errors = errors if isinstance(errors, list) else [errors]
        self.commit = commit
        super().__init__("; ".join(e.message for e in self.errors))

    @classmethod
    def single(cls, code: Enum | str, message: str, field: str | None = None,
               **params: Any) -> DomainValidationError:
        return cls(ErrorDetail(code=code, message=message, field=field, params=params))


class ErrorCollector:
    """Collects field errors while validating an input, then raises them all at once."""

    def __init__(self) -> None:
        self.errors: list[ErrorDetail] = []

    def add(self, code: Enum | str, message: str, field: str | None = None, **params: Any) -> None:
        self.errors.append(ErrorDetail(code=code, message=message, field=field, params=params))

    def check_name(self, value: str | None, field: str, max_length: int | None = None) -> None:
        """Add INVALID_NAME when ``value`` is given but is not a single-line name with a
        letter or digit (``backend.core.text.name_error``), else INVALID when it is longer
        than ``max_length`` once normalized (the column check's message). An empty value is
        left to the caller, whose REQUIRED message knows the field."""
        if not value or not value.strip():
            return
        if message := name_error(value):
            self.add("INVALID_NAME", message, field)
        elif max_length is not None and (message := length_error(normalize_name(value),
                                                                 max_length)):
            self.add(CoreErrorCode.INVALID, message, field, max_length=max_length)

    def raise_if_any(self) -> None:
        if self.errors:
            raise DomainValidationError(list(self.errors))
