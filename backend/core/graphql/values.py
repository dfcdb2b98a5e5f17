"""Arguments as plain Python values, for queries and mutations alike."""

from __future__ import annotations

from enum import Enum
from typing import Any


def plain_values(value: Any) -> Any:
    """Input with graphene enum members replaced by their values, recursively (input
    objects in place), so resolvers and services receive plain strings such as
    ``"DEALER"``."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        for key, item in list(value.items()):
            value[key] = plain_values(item)
        return value
    if isinstance(value, list):
        return [plain_values(item) for item in value]
    return value
