"""The orders' root query fields. Every list resolves through ``orders.visibility``: a
filter narrows what the viewer may see, never widens it."""

from __future__ import annotations

import graphene


class OrderQueries(graphene.ObjectType):
    pass
