"""The quantity rules (``checkout/services/quantities.py``) and the quick-order parser
(``checkout/services/quick_order.py``): examples, then properties over any rules and any
quantity. No database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.checkout.errors import CheckoutErrorCode as Code
from backend.checkout.services.quantities import QuantityRules, quantity_problem
from backend.checkout.services.quick_order import parse_quantity, parse_text

D = Decimal


def rules(unit="PCS", minimum="1", multiple="1", pack="1") -> QuantityRules:
    return QuantityRules(unit, D(minimum), D(multiple), D(pack))


@pytest.mark.parametrize(("the_rules", "quantity", "code", "nearest"), [
    (rules(), "1", None, None),
    (rules(), "0", Code.INVALID_QUANTITY, None),
    (rules(), "-3", Code.INVALID_QUANTITY, None),
    (rules(), "2.5", Code.FRACTIONAL_QUANTITY, "3"),
    (rules(minimum="20", multiple="10"), "5", Code.BELOW_MINIMUM, "20"),
    (rules(minimum="20", multiple="10"), "25", Code.NOT_MULTIPLE, "30"),
    (rules(minimum="20", multiple="10"), "34", Code.NOT_MULTIPLE, "30"),
    (rules(minimum="20", multiple="10"), "40", None, None),
    (rules(unit="M", minimum="0.5", multiple="0.5"), "1.5", None, None),
    (rules(unit="M", minimum="0.5", multiple="0.5"), "1.2", Code.NOT_MULTIPLE, "1"),
    (rules(unit="M"), "1.0001", Code.INVALID_QUANTITY, "1"),
    # Whole units: a fractional multiple goes up to a whole step.
    (rules(unit="PACK", multiple="1.5"), "2", None, None),
    (rules(unit="PACK", multiple="1.5"), "3", Code.NOT_MULTIPLE, "4"),
])
def test_quantity_problems(the_rules, quantity, code, nearest):
    problem = quantity_problem(the_rules, D(quantity))
    if code is None:
        assert problem is None
    else:
        assert problem is not None and problem.code == code
        assert (None if problem.nearest is None else format(problem.nearest, "f")) == nearest


def test_no_quantity_is_invalid():
    assert quantity_problem(rules(), None).code == Code.INVALID_QUANTITY
    assert quantity_problem(rules(), D("NaN")).code == Code.INVALID_QUANTITY
    assert quantity_problem(rules(), D("Infinity")).code == Code.INVALID_QUANTITY


steps = st.sampled_from(["0.1", "0.25", "0.5", "1", "2", "5", "6", "10", "12", "1.5"])
units = st.sampled_from(["PCS", "PACK", "SET", "M", "KG", "L"])
quantities = st.decimals(min_value=D("0.001"), max_value=D(100_000), places=3)


@st.composite
def any_rules(draw) -> QuantityRules:
    step = D(draw(steps))
    minimum = step * draw(st.integers(min_value=1, max_value=20))
    return QuantityRules(draw(units), minimum, step, D(draw(steps)))


@given(any_rules(), quantities)
def test_the_nearest_quantity_is_always_valid(the_rules, quantity):
    problem = quantity_problem(the_rules, quantity)
    if problem is not None and problem.nearest is not None:
        assert quantity_problem(the_rules, problem.nearest) is None
        # Shown plainly: never 3E+1, never 20.000.
        assert "E" not in str(problem.nearest)
        assert problem.nearest == problem.nearest.normalize()


@given(any_rules(), quantities)
def test_a_valid_quantity_is_its_own_nearest(the_rules, quantity):
    if quantity_problem(the_rules, quantity) is None:
        assert the_rules.nearest(quantity) == quantity


@given(any_rules(), st.integers(min_value=1, max_value=1000))
def test_every_step_from_the_minimum_is_valid(the_rules, steps_up):
    assert quantity_problem(the_rules, the_rules.minimum + the_rules.step * steps_up) is None


@given(any_rules(), quantities)
def test_the_nearest_is_no_farther_than_a_step_from_above_the_minimum(the_rules, quantity):
    nearest = the_rules.nearest(quantity)
    assert nearest >= the_rules.minimum
    if quantity >= the_rules.minimum:
        assert abs(nearest - quantity) <= the_rules.step


# ---- the quick-order parser ----

@pytest.mark.parametrize(("text", "sku", "quantity_text", "quantity"), [
    ("KR-FAS-0003-10 12", "KR-FAS-0003-10", "12", "12"),
    ("KR-FAS-0003-10;12 шт", "KR-FAS-0003-10", "12 шт", "12"),
    ("KR-FAS-0003-10; 12 шт.", "KR-FAS-0003-10", "12 шт.", "12"),
    ("  kr-fas-0003-10    10,5  ", "kr-fas-0003-10", "10,5", "10.5"),
    ("KR-FAS-0003-10,12", "KR-FAS-0003-10", "12", "12"),
    ("KR-FAS-0003-10\t12", "KR-FAS-0003-10", "12", "12"),
    ("KR-FAS-0003-10\tКраска фасадная\t12\tшт", "KR-FAS-0003-10", "12", "12"),
    ("\tKR-FAS-0003-10\t\t2,5 кг", "KR-FAS-0003-10", "2,5 кг", "2.5"),
    ("KR-FAS-0003-10 1 000", "KR-FAS-0003-10", "1 000", "1000"),
    ("KR-FAS-0003-10 2.5 м2", "KR-FAS-0003-10", "2.5 м2", "2.5"),
    ("KR-FAS-0003-10", "KR-FAS-0003-10", "", None),
    ("KR-FAS-0003-10 двенадцать", "KR-FAS-0003-10", "двенадцать", None),
    ("KR-FAS-0003-10 12-15", "KR-FAS-0003-10", "12-15", None),
])
def test_pasted_lines(text, sku, quantity_text, quantity):
    [line] = parse_text(text)
    assert (line.row, line.sku, line.quantity_text) == (1, sku, quantity_text)
    assert line.quantity == (None if quantity is None else D(quantity))


def test_blank_lines_are_skipped_and_rows_are_the_texts():
    lines = parse_text("\nA-1 2\r\n   \nB-2;3\n")
    assert [(line.row, line.sku, line.quantity) for line in lines] == [(2, "A-1", 2),
                                                                      (4, "B-2", 3)]


skus = st.from_regex(r"[A-Za-z][A-Za-z0-9\-]{0,20}", fullmatch=True)
numbers = st.decimals(min_value=D("0.001"), max_value=D(1_000_000), places=3)
separators = st.sampled_from([" ", "  ", ";", "; ", "\t", " ; ", ","])
spellings = st.sampled_from(["{}", "{} шт", "{} шт.", "{}шт", "{} pcs"])


@given(skus, numbers, separators, spellings, st.sampled_from([".", ","]),
       st.sampled_from(["", " ", "  "]))
def test_any_sku_and_quantity_read_back(sku, number, separator, spelling, point, pad):
    written = format(number, "f").replace(".", point)
    if separator == "," and point == ",":
        separator = ";"  # «A-1,10,5» is ambiguous to people too
    [line] = parse_text(f"{pad}{sku}{separator}{spelling.format(written)}{pad}")
    assert line.sku == sku
    assert line.quantity == number


@given(st.text(max_size=200))
def test_any_text_parses_without_failing(text):
    for line in parse_text(text):
        assert line.sku and line.sku == line.sku.strip()
        assert line.quantity is None or line.quantity >= 0


@given(st.text(max_size=40))
def test_a_quantity_is_a_number_or_nothing(text):
    value = parse_quantity(text)
    assert value is None or (value.is_finite() and value >= 0)
