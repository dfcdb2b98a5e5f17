"""Reads several apps make once in a query request, made in one round trip.

Before the catalog page of a signed-in buyer shows the prices and the stock it kept
between requests, it asks whether they are still current: the price rules' version and the
buyer's row (``price_rules/schema/kept_prices.py``), the stock versions of the viewer's
warehouses (``inventory/schema/kept_stock.py``). Each is a statement of a few index
lookups, yet each round trip to PostgreSQL costs more than its work (about 1 ms of a 20 ms
page). The apps are layers apart and cannot ask each other, so each registers its read here
as a *part*; the first part a request asks for runs every part that applies to the request
as one statement, and the others find their answers on the request.

A part is a name, a scalar subquery answering one JSON value, and a function of the request
answering the subquery's parameters (a list), or None when the part does not apply to that
request (no buyer, stock not kept). The caller of ``read`` passes the parameters it needs
now: an answer read along with other parameters (the kept view changed in between) is not
used, and the part is read alone. Only for reads that every field of a query may share: a
mutation, which may change what they read between its fields, makes its own statements.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .prepared import fetch_all

_ON_REQUEST = "_request_reads"


@dataclass(frozen=True)
class Part:
    name: str
    sql: str  # a SELECT answering one row of one JSON value
    params: Callable[[Any], list | None]


_PARTS: dict[str, Part] = {}


def register(part: Part) -> None:
    """Called once by the app that owns the part, when its module loads."""
    _PARTS[part.name] = part


def read(request: Any, name: str, params: list) -> Any:
    """The answer of the part ``name`` with ``params``, for this query request: the first
    call reads every part that applies in one statement and keeps their answers on the
    request; a later one with the same parameters finds its answer there."""
    known: dict[str, tuple[list, Any]] | None = request.__dict__.get(_ON_REQUEST)
    if known is None:
        known = request.__dict__[_ON_REQUEST] = _read_together(request, name, params)
    found = known.get(name)
    if found is not None and found[0] == params:
        return found[1]
    # not read along (it did not apply then), or read with other parameters: alone
    [(value,)] = fetch_all(f"SELECT ({_PARTS[name].sql})", params)
    known[name] = (params, value)
    return value


def _read_together(request: Any, name: str, params: list) -> dict[str, tuple[list, Any]]:
    asked = [(name, params)]
    for other, part in sorted(_PARTS.items()):
        if other != name and (other_params := part.params(request)) is not None:
            asked.append((other, other_params))
    statement = "SELECT " + ", ".join(f"({_PARTS[part].sql})" for part, _ in asked)
    [row] = fetch_all(statement, [value for _, values in asked for value in values])
    return {part: (values, answer) for (part, values), answer in zip(asked, row, strict=True)}
