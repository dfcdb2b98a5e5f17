"""Quick order and SKU suggestions through the API: pasted text adds its good lines and
reports every line (unknown SKUs with the nearest ones, quantities with the nearest valid
one, what the buyer may not order); suggestions name only what the buyer may order, SKU
prefixes first."""

from __future__ import annotations

import pytest

from backend.catalog.models import ProductVariant
from backend.checkout.models import CartLine
from tests.cart_world import *  # noqa: F403
from tests.cart_world import gid

pytestmark = pytest.mark.django_db

QUICK = """
mutation Quick($buyer: ID, $text: String!) {
  quickOrderAdd(buyer: $buyer, text: $text) {
    cart { lines { sku quantity source } }
    report { row sku quantityText status quantity code message suggestions nearestQuantity
             variant { sku } }
    addedCount skippedCount
    errors { field code }
  }
}
"""
SUGGEST = """
query Suggest($query: String!, $buyer: ID, $first: Int) {
  skuSuggestions(query: $query, buyer: $buyer, first: $first) { sku name variant { id } }
}
"""


def test_pasted_lines_add_the_good_ones_and_report_every_line(clients, cart_world):
    door, facade, litre = cart_world["door"], cart_world["facade"], cart_world["litre"]
    typo = facade.sku.replace("KR-FAS", "KR-FSA")
    text = "\n".join([
        f"{door.sku} 12",
        f"{facade.sku.lower()};25 шт",
        "",
        f"  {litre.sku}\tКраска\t2,5",
        f"{typo} 20",
        f"{cart_world['hidden'].sku} 1",
        f"{door.sku} много",
        f"{door.sku};3",
    ])
    result = clients["dealer buyer"].mutate(QUICK, {"text": text}, result="quickOrderAdd")
    assert result["errors"] == []
    assert (result["addedCount"], result["skippedCount"]) == (3, 4)
    report = {line["row"]: line for line in result["report"]}
    assert sorted(report) == [1, 2, 4, 5, 6, 7, 8]
    assert report[1]["status"] == "ADDED" and report[1]["quantity"] == "12"
    assert report[1]["variant"] == {"sku": door.sku}
    assert (report[2]["status"], report[2]["code"], report[2]["nearestQuantity"],
            report[2]["quantityText"]) == ("SKIPPED", "NOT_MULTIPLE", "30", "25 шт")
    assert report[2]["variant"] == {"sku": facade.sku}
    assert report[4]["status"] == "ADDED" and report[4]["quantity"] == "2.5"
    assert report[5]["code"] == "UNKNOWN_SKU" and facade.sku in report[5]["suggestions"]
    assert report[5]["variant"] is None and report[5]["sku"] == typo
    assert report[6]["code"] == "NOT_ORDERABLE" and report[6]["variant"] is None
    assert report[7]["code"] == "INVALID_QUANTITY"
    assert report[8]["status"] == "ADDED"
    assert [(line["sku"], line["quantity"], line["source"])
            for line in result["cart"]["lines"]] == [(door.sku, "15", "QUICK_ORDER"),
                                                    (litre.sku, "2.5", "QUICK_ORDER")]


def test_empty_text_is_refused(clients, cart_world):
    result = clients["dealer buyer"].mutate(QUICK, {"text": " \n\t\n"}, result="quickOrderAdd")
    assert result["errors"] == [{"field": "text", "code": "REQUIRED"}]
    assert result["report"] == [] and not CartLine.objects.exists()


def test_too_many_lines_are_refused(clients, cart_world, settings):
    settings.CART_MAX_LINES = 2
    text = "\n".join(f"{cart_world[key].sku} 1" for key in ("door", "door_2", "litre"))
    result = clients["dealer buyer"].mutate(QUICK, {"text": text}, result="quickOrderAdd")
    assert result["errors"] == [{"field": "text", "code": "TOO_MANY_LINES"}]
    text = "\n".join(f"{cart_world[key].sku} 1" for key in ("door", "door_2"))
    assert clients["dealer buyer"].mutate(QUICK, {"text": text},
                                          result="quickOrderAdd")["addedCount"] == 2
    result = clients["dealer buyer"].mutate(QUICK, {"text": f"{cart_world['litre'].sku} 1"},
                                            result="quickOrderAdd")
    assert result["errors"] == [{"field": "lines", "code": "TOO_MANY_LINES"}]


def test_suggestions_put_prefixes_first_and_hide_what_the_buyer_may_not_see(clients,
                                                                           cart_world):
    client = clients["dealer buyer"]
    facade = cart_world["facade"]
    found = client(SUGGEST, {"query": "kr-"}).data["skuSuggestions"]
    skus = [row["sku"] for row in found]
    assert facade.sku in skus and cart_world["litre"].sku in skus
    assert cart_world["hidden"].sku not in skus  # unpublished
    assert all(sku.startswith("KR-") for sku in skus)
    typo = client(SUGGEST, {"query": facade.sku.replace("KR-FAS", "KR-FSA")}).data
    assert typo["skuSuggestions"][0]["sku"].startswith("KR-FAS")
    by_name = client(SUGGEST, {"query": "Краска фасадная"}).data["skuSuggestions"]
    assert {row["sku"] for row in by_name} >= {facade.sku}
    assert client(SUGGEST, {"query": "kr-", "first": 1}).data["skuSuggestions"][0]["sku"] \
        == skus[0]
    assert client(SUGGEST, {"query": "   "}).data["skuSuggestions"] == []


def test_suggestions_for_a_client_are_the_clients_catalog(clients, cart_world, network):
    """Staff see unpublished products in the catalog; ordering for a client, they are
    offered only what the client may order."""
    hidden = cart_world["hidden"]
    found = clients["moderator"](SUGGEST, {"query": hidden.sku,
                                           "buyer": gid("Organization", network["sub_a"].pk)})
    assert hidden.sku not in [row["sku"] for row in found.data["skuSuggestions"]]
    assert ProductVariant.objects.filter(sku=hidden.sku).exists()
