"""Search that forgives: a typo or the wrong keyboard layout still finds products, says
which text it searched, and never corrects a text that finds something as typed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

SEARCH = """
query Search($search: String) {
  products(first: 50, filter: {search: $search}) {
    totalCount
    searchCorrection
    edges { node { name } }
  }
}
"""


def search(api, text):
    products = api(SEARCH, {"search": text}).data["products"]
    return [e["node"]["name"] for e in products["edges"]], products["searchCorrection"]


@pytest.mark.parametrize(("text", "correction", "expected"), [
    ("краска фосадная", "краска фасадная", "Краска фасадная белая"),  # a typo
    ("rhfcrf", "краска", "Краска фасадная белая"),  # «краска» on the English layout
    ("RHFCRF", "краска", "Краска фасадная белая"),
    ("jfr", "оак", None),  # nothing either way: nothing corrected
    ("щфл", "oak", "Дверь межкомнатная Oak Classic"),  # «oak» on the Russian layout
    ("дверь мижкомнатная", "дверь межкомнатная", "Дверь межкомнатная Oak Classic"),
])
def test_a_search_that_finds_nothing_is_corrected(api, catalog, text, correction, expected):
    names, said = search(api, text)
    if expected is None:
        assert (names, said) == ([], None)
    else:
        assert expected in names
        assert said == correction


def test_a_search_that_finds_something_is_never_corrected(api, catalog, make_product):
    make_product("Краска фосадная", catalog["paints"], sku_prefix="FOS")  # a typo in a name
    assert search(api, "краска фосадная") == (["Краска фосадная"], None)
    assert search(api, "фасадная") == (["Краска фасадная белая"], None)


def test_corrections_never_suggest_words_of_hidden_products(api, api_as, catalog, staff_user):
    assert search(api, "праизводства") == ([], None)
    assert search(api_as(staff_user), "праизводства") == (
        ["Краска снятая с производства"], "производства")


def test_a_corrected_search_runs_the_same_number_of_queries_however_many_products(
        api, catalog, make_product):
    def count(text):
        with CaptureQueriesContext(connection) as queries:
            assert search(api, text)[1]
        return len(queries)

    before = (count("краска фосадная"), count("rhfcrf"))
    for i in range(20):
        make_product(f"Краска фасадная {i}", catalog["facade"], variants=2)
    assert (count("краска фосадная"), count("rhfcrf")) == before
