"""Cursors are graphql-relay's offset cursors. The storefront relies on it: it opens page N
of a list by computing the cursor of row (N-1)*size-1 (storefront/src/lib/offsetPaging.ts,
whose test pins the same value). Changing the cursor format breaks numbered pages there."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_cursors_are_offsets_the_storefront_can_compute(api, catalog):
    page = api("{ products(first: 2) { edges { cursor node { name } } } }").data["products"]
    assert [edge["cursor"] for edge in page["edges"]] == [
        "YXJyYXljb25uZWN0aW9uOjA=", "YXJyYXljb25uZWN0aW9uOjE="]  # "arrayconnection:0", ":1"
    after = api('{ products(first: 1, after: "YXJyYXljb25uZWN0aW9uOjA=") '
                "{ edges { node { name } } } }").data["products"]["edges"]
    assert after[0]["node"]["name"] == page["edges"][1]["node"]["name"]
