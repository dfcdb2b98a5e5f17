"""The engine's refusals: typed codes with the offending SKUs or lists, never bare strings.

The Django services turn a ``PriceRuleError`` into the API's ``errors: [...]`` (one entry per
``Problem``); the engine itself knows nothing of GraphQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class PriceErrorCode(StrEnum):
    DUPLICATE_TIER = "DUPLICATE_TIER"
    NON_POSITIVE_PRICE = "NON_POSITIVE_PRICE"
    NON_POSITIVE_QUANTITY = "NON_POSITIVE_QUANTITY"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    FORMULA_CYCLE = "FORMULA_CYCLE"
    FALLBACK_CYCLE = "FALLBACK_CYCLE"
    FALLBACK_OTHER_OWNER = "FALLBACK_OTHER_OWNER"
    UNKNOWN_LIST = "UNKNOWN_LIST"
    INVALID_PERIOD = "INVALID_PERIOD"
    INVALID_DISCOUNT = "INVALID_DISCOUNT"
    INVALID_FORMULA = "INVALID_FORMULA"
    BELOW_MAP_FLOOR = "BELOW_MAP_FLOOR"


@dataclass(frozen=True, slots=True)
class Problem:
    """One refused thing: a code, a sentence, and what it concerns (SKUs, list ids)."""

    code: PriceErrorCode
    message: str
    skus: tuple[str, ...] = ()
    list_ids: tuple[int, ...] = ()


class PriceRuleError(ValueError):
    """Every problem found in one input, reported together (nothing is partly accepted)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a PriceRuleError needs at least one problem")
        super().__init__("; ".join(p.message for p in self.problems))

    @property
    def codes(self) -> tuple[PriceErrorCode, ...]:
        return tuple(p.code for p in self.problems)


def raise_if_any(problems: Iterable[Problem]) -> None:
    found = tuple(problems)
    if found:
        raise PriceRuleError(found)
