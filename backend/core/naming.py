"""Field names between Python (``min_order_quantity``) and the API (``minOrderQuantity``)."""

from __future__ import annotations

import re


def camel_case(name: str) -> str:
    """``"min_order_quantity"`` -> ``"minOrderQuantity"`` (model field -> API field)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def snake_case(field: str) -> str:
    """``"minOrderQuantity"`` -> ``"min_order_quantity"`` (API field -> form field); a
    dotted path (``"values.2"``) gives its first part."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", field.split(".")[0]).lower()
