"""Facets through the API: the attribute values of the products found, counted per value
with every filter but the attribute's own, for what the viewer may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import Attribute, AttributeValue, ProductVariant
from tests.test_api_catalog import gid

FACETS = """
query Facets($filter: ProductFilterInput) {
  productFacets(filter: $filter) {
    attribute { slug }
    values { value { slug } count selected }
  }
}
"""


def facets(api, **filter_fields):
    data = api(FACETS, {"filter": filter_fields}).data
    return {facet["attribute"]["slug"]: {v["value"]["slug"]: v["count"]
                                         for v in facet["values"]}
            for facet in data["productFacets"]}


def chosen(slug, *values):
    return {"slug": slug, "values": list(values)}


@pytest.fixture
def gloss(catalog):
    """A second attribute: the facade paint is matte, the interior one glossy."""
    attribute = Attribute.objects.create(name="Блеск", slug="gloss")
    matte = AttributeValue.objects.create(attribute=attribute, name="Матовая", slug="matte")
    glossy = AttributeValue.objects.create(attribute=attribute, name="Глянцевая",
                                           slug="glossy")
    catalog["facade_white"].attribute_values.add(matte)
    catalog["interior_grey"].attribute_values.add(glossy)
    return attribute


def test_facets_offer_only_the_values_found_in_the_category(api, catalog, gloss):
    facade = gid("Category", catalog["facade"].pk)
    assert facets(api, categories=[facade]) == {"color": {"white": 1}, "gloss": {"matte": 1}}
    doors = gid("Category", catalog["doors"].pk)
    assert facets(api, categories=[doors]) == {}


def test_a_chosen_value_narrows_other_attributes_but_not_its_own(api, catalog, gloss):
    assert facets(api, attributes=[chosen("color", "white")]) == {
        "color": {"white": 1, "grey": 1},  # still selectable: values of one attribute add up
        "gloss": {"matte": 1},
    }
    assert facets(api, attributes=[chosen("color", "white"), chosen("gloss", "glossy")]) == {
        "color": {"grey": 1, "white": 0},  # white is chosen, so offered even at 0
        "gloss": {"matte": 1, "glossy": 0},
    }


def test_chosen_values_are_marked_and_kept_even_when_nothing_has_them(api, catalog):
    doors = gid("Category", catalog["doors"].pk)
    data = api(FACETS, {"filter": {"categories": [doors],
                                   "attributes": [chosen("color", "red")]}}).data
    assert data["productFacets"] == [{"attribute": {"slug": "color"}, "values": [
        {"value": {"slug": "red"}, "count": 0, "selected": True}]}]


def test_values_on_variants_count_each_product_once(api, catalog, make_product):
    red = AttributeValue.objects.get(slug="red")
    product = make_product("Краска красная", catalog["paints"], variants=3, colors=("red",))
    for variant in ProductVariant.objects.filter(product=product):
        variant.attribute_values.add(red)
    assert facets(api)["color"]["red"] == 1


def test_attributes_that_are_not_filterable_are_not_offered(api, catalog, gloss):
    gloss.filterable = False
    gloss.save()
    assert set(facets(api)) == {"color"}


def test_facets_never_count_products_the_viewer_may_not_see(
        api, api_as, catalog, make_product, make_user, network, staff_user):
    make_product("Краска красная снятая", catalog["paints"], colors=("red",), published=False)
    buyer = make_user("buyer@a.test", network["dealer_a"])
    assert "red" not in facets(api)["color"]
    assert "red" not in facets(api_as(buyer, network["dealer_a"]))["color"]
    assert facets(api_as(staff_user))["color"]["red"] == 1


def test_facets_follow_the_search_and_its_correction(api, catalog):
    assert facets(api, search="интерьерная") == {"color": {"grey": 1}}
    assert facets(api, search="rhfcrf afcflyfz") == {"color": {"white": 1}}


def test_facets_run_the_same_number_of_queries_however_many_products(
        api, catalog, gloss, make_product, make_category):
    document_filter = {"search": "краска", "categories": [gid("Category", catalog["paints"].pk)],
                       "attributes": [chosen("color", "white"), chosen("gloss", "matte")]}

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api(FACETS, {"filter": document_filter}).data["productFacets"]
        return len(queries)

    before = count()
    shelf = make_category("Полка", parent=catalog["paints"])
    for i in range(20):
        make_product(f"Краска {i}", shelf, variants=3, colors=("white", "grey", "red"))
    assert count() == before


def test_facets_count_only_what_a_plugin_leaves_visible_as_the_list_does(
        api_as, catalog, make_user, network, monkeypatch):
    """An assortment plugin (``visible_products`` hook) hiding the facade paint from a
    dealer hides its colour from the facets too."""
    import backend.catalog.visibility as visibility

    class Assortment:
        def run(self, hook, products, viewer):
            assert hook == "visible_products"
            return products.exclude(name__startswith="Краска фасадная")

    monkeypatch.setattr(visibility, "get_plugins_manager", lambda: Assortment())
    buyer = api_as(make_user("buyer@a.test", network["dealer_a"]), network["dealer_a"])
    listed = buyer("{ products(first: 10) { edges { node { name } } } }").data
    assert "Краска фасадная белая" not in [e["node"]["name"] for e in listed["products"]["edges"]]
    assert facets(buyer) == {"color": {"grey": 1}}
    assert facets(buyer, search="фасадная") == {}
