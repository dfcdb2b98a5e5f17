"""Field names from Python (``min_order_quantity``) to the API (``minOrderQuantity``)."""

from __future__ import annotations


def camel_case(name: str) -> str:
    """``"min_order_quantity"`` -> ``"minOrderQuantity"`` (model field -> API field)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
