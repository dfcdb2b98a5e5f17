"""The catalog through the API: lists, filters, search, lookups, pagination, query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.catalog.models import Category

PRODUCT_NAMES = """
query Products($filter: ProductFilterInput, $sortBy: ProductSortingInput, $first: Int) {
  products(first: $first, filter: $filter, sortBy: $sortBy) {
    totalCount
    edges { node { name } }
  }
}
"""


def names(api, **variables):
    data = api(PRODUCT_NAMES, {"first": 50, **variables}).data
    return [edge["node"]["name"] for edge in data["products"]["edges"]]


def gid(type_name, pk):
    from graphql_relay import to_global_id

    return to_global_id(type_name, pk)


def test_unpublished_products_are_hidden_from_buyers_but_not_from_catalog_staff(
        api, api_as, catalog, staff_user, make_user, network):
    buyer = make_user("buyer@a.test", network["dealer_a"])
    assert "Краска снятая с производства" not in names(api)
    assert "Краска снятая с производства" not in names(api_as(buyer, network["dealer_a"]))
    assert "Краска снятая с производства" in names(api_as(staff_user))


def test_category_filter_includes_subcategories_unless_asked_not_to(api, catalog):
    paints = gid("Category", catalog["paints"].pk)
    assert sorted(names(api, filter={"categories": [paints]})) == [
        "Краска интерьерная серая", "Краска фасадная белая"]
    assert names(api, filter={"categories": [paints], "includeSubcategories": False}) == [
        "Краска интерьерная серая"]


def test_attribute_filter_matches_any_listed_value(api, catalog):
    assert names(api, filter={"attributes": [{"slug": "color", "values": ["white"]}]}) == [
        "Краска фасадная белая"]
    assert len(names(api, filter={"attributes": [{"slug": "color",
                                                  "values": ["white", "grey"]}]})) == 2
    assert names(api, filter={"attributes": [{"slug": "color", "values": ["red"]}]}) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("краски", "Краска фасадная белая"),      # Russian word form, full text
    ("фасад", "Краска фасадная белая"),       # a prefix while typing
    ("KR-FAS", "Краска фасадная белая"),      # SKU part
    ("kr-fas", "Краска фасадная белая"),      # SKU part, any case
    ("oak", "Дверь межкомнатная Oak Classic"),  # English word
    ("classics", "Дверь межкомнатная Oak Classic"),  # English stemming
])
def test_search_finds_russian_and_english_names_and_skus(api, catalog, text, expected):
    assert expected in names(api, filter={"search": text})


def test_search_with_no_match_is_an_empty_page_not_an_error(api, catalog):
    data = api(PRODUCT_NAMES, {"filter": {"search": "несуществующийтовар"}}).data
    assert data["products"] == {"totalCount": 0, "edges": []}


def test_search_ranks_name_matches_first(api, catalog, make_product):
    make_product("Грунт", catalog["paints"], sku_prefix="GR")
    found = names(api, filter={"search": "краска"})
    assert found[0].startswith("Краска")


def test_sorting_by_name_descending(api, catalog):
    assert names(api, sortBy={"field": "NAME", "direction": "DESC"}) == [
        "Краска фасадная белая", "Краска интерьерная серая", "Дверь межкомнатная Oak Classic"]


def test_product_by_slug_with_variants_units_and_quantities(api, catalog):
    product = catalog["door"]
    data = api("""query($slug: String) { product(slug: $slug) {
        name category { name ancestors { name } } productType { name }
        variants { sku unit packSize minOrderQuantity orderMultiple product { slug } }
    } }""", {"slug": product.slug}).data["product"]
    assert data["name"] == "Дверь межкомнатная Oak Classic"
    assert product.slug == "dver-mezhkomnatnaia-oak-classic"
    assert data["category"] == {"name": "Двери", "ancestors": []}
    assert len(data["variants"]) == 2
    assert data["variants"][0]["unit"] == "PCS"
    assert data["variants"][0]["packSize"] == "1.000"
    assert data["variants"][0]["product"]["slug"] == product.slug


def test_product_by_id_and_unknown_or_hidden_ids_are_null(api, catalog):
    found = api("query($id: ID) { product(id: $id) { name } }",
                {"id": gid("Product", catalog["door"].pk)}).data
    assert found["product"]["name"] == "Дверь межкомнатная Oak Classic"
    for pk in (catalog["hidden"].pk, 999_999):
        assert api("query($id: ID) { product(id: $id) { name } }",
                   {"id": gid("Product", pk)}).data == {"product": None}


@pytest.mark.parametrize("bad_id", ["not-an-id", gid("Category", 1), ""])
def test_malformed_or_foreign_product_id_is_a_clear_error(api, catalog, bad_id):
    result = api("query($id: ID) { product(id: $id) { name } }", {"id": bad_id})
    assert result.status == 200
    assert result.errors and result.errors[0]["extensions"]["code"] in ("INVALID",)
    assert result.body["data"] == {"product": None}


def test_variants_by_skus_keep_the_requested_order_and_skip_unknown(api, catalog):
    door, facade = catalog["door"], catalog["facade_white"]
    wanted = [door.variants.first().sku.lower(), "NO-SUCH-SKU", facade.variants.first().sku]
    data = api("query($skus: [String!]) { variants(skus: $skus, first: 10) { totalCount "
               "edges { node { sku } } } }", {"skus": wanted}).data["variants"]
    assert [e["node"]["sku"] for e in data["edges"]] == [
        door.variants.first().sku, facade.variants.first().sku]
    assert data["totalCount"] == 2


def test_variants_of_unpublished_products_are_not_found_by_sku(api, catalog):
    sku = catalog["hidden"].variants.first().sku
    data = api("query($skus: [String!]) { variants(skus: $skus) { totalCount } }",
               {"skus": [sku]}).data
    assert data["variants"]["totalCount"] == 0


def test_categories_tree_with_children_and_levels(api, catalog):
    data = api("{ categories(first: 50, filter: {level: 0}) { edges { node { name level "
               "children { name level parent { name } } } } } }").data
    roots = {e["node"]["name"]: e["node"] for e in data["categories"]["edges"]}
    assert set(roots) == {"Лакокрасочные материалы", "Двери"}
    assert roots["Лакокрасочные материалы"]["children"] == [
        {"name": "Фасадные краски", "level": 1, "parent": {"name": "Лакокрасочные материалы"}}]
    assert Category.objects.get(name="Фасадные краски").slug == "fasadnye-kraski"


def test_pages_walk_every_product_once(api, catalog):
    seen, after = [], None
    while True:
        page = api("query($after: String) { products(first: 2, after: $after) { "
                   "pageInfo { hasNextPage endCursor } edges { node { name } } } }",
                   {"after": after}).data["products"]
        seen += [e["node"]["name"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted(names(api)) and len(seen) == 3


CATALOG_PAGE = """
query($first: Int) { products(first: $first) { totalCount edges { node {
  id name slug category { name parent { name } } productType { name }
  thumbnail(size: 256) { url } images { url }
  attributes { attribute { slug } values { slug } }
  variants { sku unit packSize attributes { attribute { name } values { name } } }
} } } }
"""


def test_products_page_runs_the_same_number_of_queries_for_10_and_100(
        api, make_category, make_product):
    category = make_category("Молдинги", parent=make_category("Декор"))
    for i in range(100):
        make_product(f"Молдинг {i:03d}", category, variants=3, colors=("white",))

    def count(first):
        with CaptureQueriesContext(connection) as queries:
            data = api(CATALOG_PAGE, {"first": first}).data
        assert len(data["products"]["edges"]) == first
        return len(queries)

    assert count(10) == count(100)
    assert count(100) <= 12
