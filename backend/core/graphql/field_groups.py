"""Resolved fields that one read answers together for a source (a variant's price and tiers,
from one kept walk; its stock and availability, from one kept answer).

Each resolver of such a field, called on its own, finds the same shared thing again (the
request's kept walks, the variant's entry there) and returns its part. On a catalog page of
500 variants asking four such fields, those lookups (and the answers' lookups after them,
each a few objects apart in memory, so each a cache miss) were most of what the viewer's
fields cost. A group lets the fast path's builders (``builders.py``) ask once per source,
and keep the members' answers on the read (``builders._group_lines``):

- ``prepare(info)`` is called once per execution that builds the group's fields (``info``:
  the first member's ``ResolveInfo``); it returns None (this execution calls each member's
  resolver, as without a group), or ``read(source)``;
- ``read(source)`` returns None (this source: each member's resolver), or a sequence whose
  k-th item is what the k-th member's resolver would return for that source, called
  without arguments in this execution (an ``answers_kept`` list, never changed once
  built, also keeps the members' built answers).

A member asked with arguments keeps its own resolver call. The general path (and so every
error, fallback or field asked outside a builder) calls the resolvers: they stay the
definition, and ``read`` must agree with them exactly (``tests/test_catalog_field_groups``
compares both paths' answers on the catalog page). ``prepare`` and ``read`` must not
raise; either is a bug of the group, handled as the fast path's (``execution._unplanned``:
raised in the tests; in production logged, and then a failed ``prepare`` counts as None
for the execution, a failed ``read`` hands its list to the general path).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Read = Callable[[Any], Sequence | None]


class FieldGroup:
    __slots__ = ("members", "prepare")

    def __init__(self, members: tuple[Callable, ...], prepare: Callable[[Any], Read | None]
                 ) -> None:
        self.members = members
        self.prepare = prepare

    def __repr__(self) -> str:
        return f"FieldGroup({', '.join(m.__qualname__ for m in self.members)})"


_MEMBERS: dict[Callable, tuple[FieldGroup, int]] = {}


def read_together(*resolvers: Callable, prepare: Callable[[Any], Read | None]) -> FieldGroup:
    """Declare that ``prepare``'s reads answer the fields of ``resolvers`` (in this order)
    together, as the module says. A resolver belongs to one group at most."""
    if len(resolvers) < 1:
        raise TypeError("a group needs at least one resolver")
    group = FieldGroup(resolvers, prepare)
    for index, resolver in enumerate(resolvers):
        if resolver in _MEMBERS:
            raise TypeError(f"{resolver.__qualname__} already belongs to {_MEMBERS[resolver][0]}")
        _MEMBERS[resolver] = (group, index)
    return group


def membership(resolve: Callable | None) -> tuple[FieldGroup, int] | None:
    """The group of a field's resolver and its place there, or None."""
    return None if resolve is None else _MEMBERS.get(resolve)


class GroupRead:
    """A builder's use of a group: the execution's ``prepare`` answer is kept under it
    (``execution._Envs``), made with the info of ``field``, the first member it builds."""

    __slots__ = ("field", "group")

    def __init__(self, group: FieldGroup, field: Any) -> None:
        self.group = group
        self.field = field
