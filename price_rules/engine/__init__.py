"""The price resolution engine: plain frozen dataclasses in, plain results out.

No Django, no ``backend`` import, no clock, no settings, no I/O (an import-linter contract
in ``pyproject.toml`` holds it to that). The services load rows, build a ``PriceContext``
and call ``resolve`` / ``resolve_many`` / ``quote_cart``; before saving a list or promotion
they call the checks (``entry_problems``, ``list_problems``, ``promotion_problems``,
``check_floors``) and, for derived lists, ``derive_entries`` in ``recompute_order``.
"""

from .amounts import PriceFormula, Rounding, net_and_gross, round_half_up
from .cart import CartQuote, QuotedLine, quote_cart
from .choice import list_sequence, ranked_candidates
from .errors import PriceErrorCode, PriceRuleError, Problem
from .floors import FloorViolation, check_floors, floor_violations
from .formulas import derive_entries, recompute_order
from .promotions import best_promoted
from .resolve import Line, NextTier, ResolvedPrice, Resolver, choose_tier, resolve, resolve_many
from .types import (
    Assignment,
    AssignmentKind,
    Buyer,
    ChainLink,
    DiscountKind,
    MapFloors,
    PriceContext,
    PriceList,
    Promotion,
    Seller,
    Stacking,
    Tier,
    Variant,
    VolumeDiscount,
    VolumeStep,
)
from .validation import entry_problems, list_problems, promotion_problems, volume_discount_problems

__all__ = [
    "Assignment", "AssignmentKind", "Buyer", "CartQuote", "ChainLink", "DiscountKind",
    "FloorViolation", "Line", "MapFloors", "NextTier", "PriceContext", "PriceErrorCode",
    "PriceFormula", "PriceList", "PriceRuleError", "Problem", "Promotion", "QuotedLine",
    "ResolvedPrice", "Resolver", "Rounding", "Seller", "Stacking", "Tier", "Variant",
    "VolumeDiscount", "VolumeStep", "best_promoted", "check_floors", "choose_tier",
    "derive_entries", "entry_problems", "floor_violations", "list_problems",
    "list_sequence", "net_and_gross", "promotion_problems", "quote_cart", "ranked_candidates",
    "recompute_order", "resolve", "resolve_many", "round_half_up",
    "volume_discount_problems",
]
