def test_products_list_answers(api, catalog):
    result = api("{ products(first: 10) { totalCount edges { node { name variants { sku } } } } }")
    assert result.status == 200
    assert result.data["products"]["totalCount"] == 3
