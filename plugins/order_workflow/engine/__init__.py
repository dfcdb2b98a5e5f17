"""The pure engine of unit statuses: which moves each side may make (and when), moving N
units of a line (or of several lines at once), and the order's fulfilment state and
progress derived from its lines. Frozen values in and out; no Django, no project import.
"""

from .progress import Progress, fulfilment_state, line_is, progress
from .statuses import (
    DELIVERED_OR_LATER,
    READY_OR_LATER,
    SHIPPED_OR_LATER,
    STATUSES,
    FulfilmentState,
    Side,
    Units,
    UnitStatus,
)
from .transitions import (
    BUYER_MOVES,
    RESELLER_MOVES,
    SELLER_MOVES,
    Move,
    MoveCode,
    MoveError,
    MoveProblem,
    Transition,
    move,
    move_many,
    options,
    permitted,
    transitions,
)

__all__ = [
    "BUYER_MOVES", "DELIVERED_OR_LATER", "READY_OR_LATER", "RESELLER_MOVES", "SELLER_MOVES",
    "SHIPPED_OR_LATER", "STATUSES", "FulfilmentState", "Move", "MoveCode", "MoveError",
    "MoveProblem", "Progress", "Side", "Transition", "UnitStatus", "Units",
    "fulfilment_state", "line_is", "move", "move_many", "options", "permitted", "progress",
    "transitions",
]
