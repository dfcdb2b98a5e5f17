"""The order list's mutations."""

from __future__ import annotations

import graphene


class OrderListMutations(graphene.ObjectType):
    pass
