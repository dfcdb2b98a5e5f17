"""Typed service inputs: a service takes a dataclass, built by the API's mutation or by an
admin form from the values it has."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any, TypeVar

T = TypeVar("T")


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Any = _Unset()
"""A field not given at all, where ``None`` means something (e.g. "no parent")."""


def input_from(cls: type[T], values: Mapping[str, Any], **overrides: Any) -> T:
    """``cls`` (a dataclass) from those of ``values`` that are its fields (a form's
    cleaned data holds others too), then ``overrides``; absent fields keep their
    defaults."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{**{k: v for k, v in values.items() if k in names}, **overrides})
