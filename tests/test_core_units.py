"""Pure units: money, VAT, materialized paths, INN/KPP, names, DATABASE_URL parsing.

No database: these modules import nothing from Django, so the tests run in milliseconds.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.accounts.inn import complete_inn, inn_error, is_valid_inn, kpp_error
from backend.core.money import CurrencyMismatch, Money
from backend.core.taxes import UnknownTaxCountry, add_vat, extract_vat, vat_rate
from backend.core.text import (
    BREAKING_CATEGORIES,
    INVISIBLE_CATEGORIES,
    name_error,
    normalize_name,
    single_line,
)
from backend.core.tree_paths import (
    SEGMENT_WIDTH,
    ancestor_ids,
    child_path,
    depth_of,
    encode_segment,
    is_descendant_path,
)
from backend.env import parse_database_url

CENT = Decimal("0.01")

# Amounts in kopecks up to ten billion roubles: every realistic invoice.
money_amounts = st.decimals(min_value=Decimal("-1e10"), max_value=Decimal("1e10"), places=2,
                            allow_nan=False, allow_infinity=False)
positive_amounts = st.decimals(min_value=Decimal("0"), max_value=Decimal("1e10"), places=2,
                               allow_nan=False, allow_infinity=False)
node_ids = st.integers(min_value=1, max_value=36**SEGMENT_WIDTH - 1)


# --- Money ---------------------------------------------------------------------------------

def test_money_refuses_a_float_amount():
    with pytest.raises(TypeError):
        Money(1.1, "RUB")  # type: ignore[arg-type]


def test_money_refuses_to_be_multiplied_by_a_float():
    with pytest.raises(TypeError):
        Money(Decimal("10"), "RUB") * 1.2  # type: ignore[operator]


@pytest.mark.parametrize("amount", ["abc", "NaN", "Infinity"])
def test_money_refuses_amounts_that_are_not_finite_numbers(amount):
    with pytest.raises(ValueError):
        Money(amount, "RUB")  # type: ignore[arg-type]


def test_money_accepts_strings_and_ints_exactly():
    assert Money("0.10", "rub").amount == Decimal("0.10")
    assert Money(3, "RUB").amount == Decimal(3)
    assert Money("0.10", " rub ").currency == "RUB"


def test_money_refuses_an_unsupported_currency():
    with pytest.raises(ValueError):
        Money(Decimal(1), "XXX")


def test_adding_roubles_to_euros_raises_currency_mismatch():
    with pytest.raises(CurrencyMismatch):
        Money(Decimal(1), "RUB") + Money(Decimal(1), "EUR")
    with pytest.raises(CurrencyMismatch):
        Money(Decimal(1), "RUB") - Money(Decimal(1), "EUR")
    with pytest.raises(CurrencyMismatch):
        assert Money(Decimal(1), "RUB") < Money(Decimal(2), "EUR")


def test_money_does_not_combine_with_a_bare_number():
    with pytest.raises(TypeError):
        Money(Decimal(1), "RUB") + Decimal(1)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("0.005", "RUB", "0.01"),
        ("0.004", "RUB", "0.00"),
        ("2.675", "RUB", "2.68"),  # a float would make this 2.67
        ("-0.005", "RUB", "-0.01"),  # half away from zero
        ("10.5", "JPY", "11"),
        ("10.49", "JPY", "10"),
    ],
)
def test_quantize_rounds_half_up_to_the_currency_minor_unit(amount, currency, expected):
    assert Money(amount, currency).quantize().amount == Decimal(expected)
    assert str(Money(amount, currency).quantize().amount) == expected


def test_money_prints_rounded_with_its_currency():
    assert str(Money("1234.565", "RUB")) == "1234.57 RUB"


@given(money_amounts, money_amounts)
def test_money_addition_commutes_and_subtraction_undoes_it(a, b):
    x, y = Money(a, "RUB"), Money(b, "RUB")
    assert x + y == y + x
    assert (x + y) - y == x
    assert x - x == Money.zero("RUB")
    assert -x + x == Money.zero("RUB")


@given(money_amounts, money_amounts, money_amounts)
def test_money_addition_is_associative(a, b, c):
    x, y, z = Money(a, "EUR"), Money(b, "EUR"), Money(c, "EUR")
    assert (x + y) + z == x + (y + z)


@given(money_amounts, st.integers(min_value=-1000, max_value=1000))
def test_multiplying_by_an_int_is_repeated_addition(a, n):
    x = Money(a, "RUB")
    assert x * n == n * x
    assert (x * n).amount == a * n


@given(money_amounts)
def test_quantize_moves_an_amount_by_at_most_half_a_minor_unit(a):
    raw = Money(a / 3, "RUB")
    rounded = raw.quantize()
    assert abs(rounded.amount - raw.amount) <= Decimal("0.005")
    assert rounded.amount == rounded.amount.quantize(CENT)
    assert rounded.quantize() == rounded


# --- VAT -----------------------------------------------------------------------------------

def test_russian_vat_is_20_percent_until_the_end_of_2025():
    assert vat_rate("RU", date(2025, 12, 31)) == Decimal("0.20")


def test_russian_vat_is_22_percent_from_2026():
    assert vat_rate("RU", date(2026, 1, 1)) == Decimal("0.22")
    assert vat_rate("ru ", date(2030, 6, 1)) == Decimal("0.22")


def test_vat_of_an_unknown_country_raises():
    with pytest.raises(UnknownTaxCountry):
        vat_rate("ZZ", date(2026, 1, 1))


def test_vat_before_the_first_known_rate_raises():
    with pytest.raises(UnknownTaxCountry):
        vat_rate("RU", date(2000, 1, 1))


def test_add_vat_rounds_the_tax_to_kopecks():
    taxed = add_vat(Money("99.99", "RUB"), Decimal("0.22"))
    assert taxed.tax == Money("22.00", "RUB")  # 21.9978
    assert taxed.gross == Money("121.99", "RUB")


def test_extract_vat_splits_a_vat_inclusive_price():
    taxed = extract_vat(Money("120.00", "RUB"), Decimal("0.20"))
    assert taxed.net == Money("100.00", "RUB")
    assert taxed.tax == Money("20.00", "RUB")


@given(positive_amounts, st.sampled_from([Decimal("0.20"), Decimal("0.22"), Decimal("0.12"),
                                          Decimal("0.16"), Decimal("0")]))
def test_adding_then_extracting_vat_returns_the_net_within_one_kopeck(net, rate):
    taxed = add_vat(Money(net, "RUB"), rate)
    back = extract_vat(taxed.gross, rate)
    assert back.gross == taxed.gross
    assert abs(back.net.amount - net) <= CENT
    assert back.net + back.tax == back.gross


# --- Materialized paths --------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=36**SEGMENT_WIDTH - 1))
def test_a_path_segment_always_has_the_same_width(node_id):
    segment = encode_segment(node_id)
    assert len(segment) == SEGMENT_WIDTH
    assert int(segment, 36) == node_id


@given(node_ids, node_ids)
def test_path_segments_sort_like_the_ids_they_encode(a, b):
    if a < b:
        assert encode_segment(a) < encode_segment(b)
    elif a > b:
        assert encode_segment(a) > encode_segment(b)
    else:
        assert encode_segment(a) == encode_segment(b)


def test_an_id_too_large_for_a_segment_is_refused():
    with pytest.raises(ValueError):
        encode_segment(36**SEGMENT_WIDTH)


def test_a_negative_id_is_refused():
    with pytest.raises(ValueError):
        encode_segment(-1)


def test_paths_look_like_the_documented_example():
    root = child_path("", 42)
    assert root == "0000016."
    assert child_path(root, 7) == "0000016.0000007."


@given(st.lists(node_ids, min_size=1, max_size=8))
def test_a_nested_path_gives_back_its_ancestors_and_depth(chain):
    path = ""
    for node_id in chain:
        path = child_path(path, node_id)
    assert ancestor_ids(path) == chain[:-1]
    assert depth_of(path) == len(chain) - 1


@given(st.lists(node_ids, min_size=1, max_size=5), st.lists(node_ids, min_size=1, max_size=3))
def test_a_child_path_lies_in_its_ancestors_subtree(chain, below):
    ancestor = ""
    for node_id in chain:
        ancestor = child_path(ancestor, node_id)
    descendant = ancestor
    for node_id in below:
        descendant = child_path(descendant, node_id)
    assert is_descendant_path(descendant, ancestor)
    assert is_descendant_path(ancestor, ancestor)
    assert not is_descendant_path(ancestor, descendant)


def test_a_sibling_whose_id_starts_alike_is_not_in_the_subtree():
    # id 1 and id 36 ("0000001." and "0000010.") share a prefix only without the separator.
    assert not is_descendant_path(child_path("", 36), child_path("", 1))
    assert not is_descendant_path(child_path("", 1), child_path("", 36))


def test_root_depth_is_zero():
    assert depth_of(child_path("", 1)) == 0
    assert ancestor_ids(child_path("", 1)) == []


# --- INN and KPP ---------------------------------------------------------------------------

@pytest.mark.parametrize("inn", ["7707083893", "7736050003", "500100732259"])
def test_known_real_inns_are_valid(inn):
    assert inn_error(inn) is None
    assert is_valid_inn(inn)


@pytest.mark.parametrize("inn", ["7707083894", "7736050001", "500100732258", "500100732269"])
def test_an_inn_with_a_wrong_check_digit_is_invalid(inn):
    assert "check digit" in inn_error(inn)


@pytest.mark.parametrize("inn", ["770708389", "77070838931", "7707083893000", ""])
def test_an_inn_of_the_wrong_length_is_invalid(inn):
    assert not is_valid_inn(inn)


@pytest.mark.parametrize("inn", ["77O7083893", "7707-83893", "７７０７０８３８９３", " 7707083893"])
def test_an_inn_with_anything_but_ascii_digits_is_invalid(inn):
    assert inn_error(inn) == "An INN consists of digits only."


def _prefixes(size: int) -> st.SearchStrategy[str]:
    """``size`` digits starting with a region code (01-99)."""
    return st.text(alphabet="0123456789", min_size=size, max_size=size).filter(
        lambda digits: not digits.startswith("00"))


@given(_prefixes(9))
def test_completing_nine_digits_gives_a_valid_company_inn(prefix):
    inn = complete_inn(prefix)
    assert len(inn) == 10 and inn.startswith(prefix)
    assert is_valid_inn(inn)


@given(_prefixes(10))
def test_completing_ten_digits_gives_a_valid_entrepreneur_inn(prefix):
    inn = complete_inn(prefix)
    assert len(inn) == 12 and inn.startswith(prefix)
    assert is_valid_inn(inn)


@given(st.one_of(_prefixes(9), _prefixes(10)), st.integers(1, 9))
def test_changing_the_last_check_digit_makes_an_inn_invalid(prefix, shift):
    inn = complete_inn(prefix)
    broken = inn[:-1] + str((int(inn[-1]) + shift) % 10)
    assert not is_valid_inn(broken)


def test_complete_inn_refuses_other_lengths():
    with pytest.raises(ValueError):
        complete_inn("12345678")


@pytest.mark.parametrize("inn", ["0000000000", "000000000000"])
def test_an_inn_of_all_zeros_is_invalid_though_its_checksum_matches(inn):
    assert inn_error(inn) == "An INN starts with a region code from 01 to 99, never 00."


@given(st.text(alphabet="0123456789", min_size=7, max_size=8))
def test_no_inn_of_region_00_is_valid_whatever_its_check_digits(rest):
    for check in range(100 if len(rest) == 8 else 10):
        assert not is_valid_inn(f"00{rest}{check:0{len(rest) - 6}d}")


def test_complete_inn_refuses_region_00():
    with pytest.raises(ValueError):
        complete_inn("000000000")


@pytest.mark.parametrize("kpp", ["770701001", "7707AB001", "773601001"])
def test_well_formed_kpps_are_accepted(kpp):
    assert kpp_error(kpp) is None


@pytest.mark.parametrize("kpp", ["77070100", "7707010011", "7707ab001", "AB0701001",
                                 "770701A01", ""])
def test_malformed_kpps_are_refused(kpp):
    assert kpp_error(kpp) is not None


def test_a_kpp_with_a_trailing_newline_is_refused():
    # Ten characters are not a KPP; ``$`` in the pattern also matches before a final "\n".
    assert kpp_error("770701001\n") is not None


# --- Names ---------------------------------------------------------------------------------

HIDDEN = BREAKING_CATEGORIES | INVISIBLE_CATEGORIES
# Words a name is made of: letters and digits of any script.
words = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12)
breaks = st.sampled_from(["\n", "\r\n", "\r", "\t", "\x0b", "\x0c", "\x85", "\u2028",
                          "\u2029", "\x00", "\x1b"])
invisible = st.characters(categories=("Cf", "Co", "Cs"))
# What a name of only emoji, symbols, punctuation, marks and spaces is made of.
no_letters = st.text(st.characters(categories=("S", "P", "Zs", "M")), min_size=1)


def category(char: str) -> str:
    return unicodedata.category(char)


@pytest.mark.parametrize("name", ["ООО «Ромашка»", "Иван", "3M", "Müller & Söhne", "O'Brien",
                                  "东京商事", "Краски 🎨", "Ёлка-2"])
def test_ordinary_names_in_any_script_are_accepted(name):
    assert name_error(name) is None


@pytest.mark.parametrize("name", ["🙂🙂", "🎨 🚀", "---", "«»", "\u200b", "\u200b\u200b",
                                  "\ufeff", "", "   "])
def test_names_of_only_emoji_punctuation_or_invisible_characters_are_refused(name):
    assert name_error(name) is not None


def test_names_are_stored_on_one_line_with_single_spaces():
    assert normalize_name("  ООО\u00a0\u00a0«Ромашка»\u2003 Юг \n") == "ООО «Ромашка» Юг"
    assert name_error("  ООО\u00a0«Ромашка»\n") is None  # a pasted trailing line break goes


def test_the_reason_a_name_is_refused_is_told():
    assert "one line" in name_error("Ромашка\nООО")
    assert "U+200B" in name_error("Ром\u200bашка")
    assert "letter or digit" in name_error("🙂")
    assert name_error("Ромашка", max_length=5) == "At most 5 characters (this has 7)."
    assert name_error("Ромашка", max_length=7) is None


@given(st.text())
def test_normalizing_a_name_twice_changes_nothing_more(value):
    name = normalize_name(value)
    assert normalize_name(name) == name
    assert name == name.strip() and "  " not in name
    assert all(char == " " for char in name if category(char) == "Zs")


@given(st.text())
def test_an_accepted_name_is_one_visible_line_with_a_letter_or_digit(value):
    if name_error(value) is None:
        name = normalize_name(value)
        assert not any(category(char) in HIDDEN for char in name)
        assert any(category(char)[0] in "LN" for char in name)
        assert single_line(name) == name


@given(words, breaks, words)
def test_a_line_break_or_control_character_inside_a_name_is_refused(before, char, after):
    assert "one line" in name_error(f"{before}{char}{after}")


@given(words, invisible, st.integers(min_value=0))
def test_an_invisible_character_anywhere_in_a_name_is_refused(name, char, at):
    at %= len(name) + 1
    assert "invisible" in name_error(name[:at] + char + name[at:])


@given(no_letters)
def test_a_name_without_a_letter_or_digit_is_refused(value):
    assert name_error(value) is not None


@given(st.text(st.characters() | invisible))
def test_single_line_leaves_one_visible_line_and_every_visible_character(value):
    line = single_line(value)
    assert not any(category(char) in HIDDEN for char in line)
    assert line == line.strip() and "  " not in line
    assert single_line(line) == line
    visible = [char for char in value if category(char) not in HIDDEN | {"Zs"}]
    assert [char for char in line if char != " "] == visible


def test_single_line_flattens_a_header_injection():
    assert single_line("Заявка ООО\r\nBcc: all@example.test\u2028x") == (
        "Заявка ООО Bcc: all@example.test x")


# --- DATABASE_URL --------------------------------------------------------------------------

def test_database_url_with_user_password_host_and_port():
    config = parse_database_url("postgresql://shop:s%40cret@db.internal:6543/b2b?sslmode=require")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "b2b"
    assert config["USER"] == "shop"
    assert config["PASSWORD"] == "s@cret"
    assert config["HOST"] == "db.internal"
    assert config["PORT"] == "6543"
    assert config["OPTIONS"] == {"sslmode": "require"}


def test_database_url_takes_a_unix_socket_folder_from_the_host_parameter():
    config = parse_database_url("postgresql://postgres:@/b2b?host=/work/main/.pgdata")
    assert config["HOST"] == "/work/main/.pgdata"
    assert config["NAME"] == "b2b"
    assert config["USER"] == "postgres"
    assert config["PASSWORD"] == ""
    assert config["PORT"] == ""
    assert config["OPTIONS"] == {}


def test_database_url_keeps_the_case_of_a_percent_encoded_socket_folder():
    config = parse_database_url("postgresql://u@%2FUsers%2FAnna%2Fpg/b2b")
    assert config["HOST"] == "/Users/Anna/pg"


def test_database_url_host_parameter_wins_over_the_network_location():
    config = parse_database_url("postgres://u@ignored:5432/x?host=/var/run/postgresql")
    assert config["HOST"] == "/var/run/postgresql"
    assert config["PORT"] == "5432"


def test_database_url_without_a_name_uses_postgres():
    assert parse_database_url("postgresql://u@localhost")["NAME"] == "postgres"


@pytest.mark.parametrize("url", ["mysql://u:p@localhost/x", "sqlite:///db.sqlite3",
                                 "localhost:5432/x"])
def test_database_url_of_another_database_is_refused(url):
    with pytest.raises(ValueError, match="PostgreSQL"):
        parse_database_url(url)
