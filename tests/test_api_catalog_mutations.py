"""Catalog management through the API: staff create and edit; bad input changes nothing."""

import io
import json

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from graphql_relay import to_global_id
from PIL import Image

from backend.accounts.tokens import issue_tokens
from backend.catalog.models import Category, Product, ProductImage, ProductVariant

CATEGORY_CREATE = """
mutation($input: CategoryInput!) { categoryCreate(input: $input) {
  category { name slug level parent { name } } errors { field code message } } }
"""
PRODUCT_CREATE = """
mutation($input: ProductInput!) { productCreate(input: $input) {
  product { id name slug } errors { field code message } } }
"""
VARIANT_CREATE = """
mutation($input: ProductVariantCreateInput!) { productVariantCreate(input: $input) {
  variant { sku unit packSize minOrderQuantity orderMultiple } errors { field code message } } }
"""


@pytest.fixture
def staff(api_as, staff_user):
    return api_as(staff_user)


def gid(type_name, pk):
    return to_global_id(type_name, pk)


def test_staff_creates_a_category_with_a_latin_slug_from_a_russian_name(staff, catalog):
    result = staff.mutate(CATEGORY_CREATE, {"input": {
        "name": "Межкомнатные двери", "parent": gid("Category", catalog["doors"].pk)}},
        result="categoryCreate")
    assert result["errors"] == []
    assert result["category"] == {"name": "Межкомнатные двери", "slug": "mezhkomnatnye-dveri",
                                  "level": 1, "parent": {"name": "Двери"}}


def test_same_name_gets_a_unique_slug_and_a_taken_explicit_slug_is_refused(staff, catalog):
    first = staff.mutate(CATEGORY_CREATE, {"input": {"name": "Двери"}}, result="categoryCreate")
    assert first["category"]["slug"] == "dveri-2"
    taken = staff.mutate(CATEGORY_CREATE, {"input": {"name": "X", "slug": "dveri"}},
                         result="categoryCreate")
    assert taken["category"] is None
    assert taken["errors"] == [{"field": "slug", "code": "DUPLICATE_SLUG",
                                "message": "The slug 'dveri' is already used."}]


def test_a_category_cannot_move_under_its_own_child(staff, catalog):
    result = staff.mutate("""mutation($id: ID!, $input: CategoryInput!) {
        categoryUpdate(id: $id, input: $input) { errors { field code } } }""",
                          {"id": gid("Category", catalog["paints"].pk),
                           "input": {"parent": gid("Category", catalog["facade"].pk)}},
                          result="categoryUpdate")
    assert result["errors"] == [{"field": "parent", "code": "INVALID_PARENT"}]
    assert Category.objects.get(pk=catalog["paints"].pk).parent_id is None


def test_a_category_with_products_cannot_be_deleted(staff, catalog):
    result = staff.mutate("mutation($id: ID!) { categoryDelete(id: $id) { deletedId "
                          "errors { code } } }", {"id": gid("Category", catalog["doors"].pk)},
                          result="categoryDelete")
    assert result == {"deletedId": None, "errors": [{"code": "IN_USE"}]}
    assert Category.objects.filter(pk=catalog["doors"].pk).exists()


def test_staff_creates_a_product_and_its_variant_and_finds_it_by_search(
        staff, api, catalog, product_type):
    product = staff.mutate(PRODUCT_CREATE, {"input": {
        "name": "Эмаль ПФ-115", "category": gid("Category", catalog["paints"].pk),
        "productType": gid("ProductType", product_type.pk)}}, result="productCreate")
    assert product["errors"] == []
    assert product["product"]["slug"] == "emal-pf-115"
    variant = staff.mutate(VARIANT_CREATE, {"input": {
        "product": product["product"]["id"], "sku": "EM-PF115-WH-2.7", "unit": "KG",
        "packSize": "2.7", "minOrderQuantity": "6", "orderMultiple": "6"}},
        result="productVariantCreate")
    assert variant["errors"] == []
    assert variant["variant"] == {"sku": "EM-PF115-WH-2.7", "unit": "KG", "packSize": "2.700",
                                  "minOrderQuantity": "6.000", "orderMultiple": "6.000"}
    found = api('{ products(filter: {search: "pf115"}) { edges { node { name } } } }').data
    assert [e["node"]["name"] for e in found["products"]["edges"]] == ["Эмаль ПФ-115"]


def test_duplicate_sku_is_refused_whatever_its_case_and_nothing_is_created(staff, catalog):
    existing = catalog["door"].variants.first().sku
    before = ProductVariant.objects.count()
    result = staff.mutate(VARIANT_CREATE, {"input": {
        "product": gid("Product", catalog["door"].pk), "sku": existing.lower()}},
        result="productVariantCreate")
    assert result["variant"] is None
    assert result["errors"] == [{"field": "sku", "code": "DUPLICATE_SKU",
                                 "message": f"SKU '{existing.lower()}' is already used."}]
    assert ProductVariant.objects.count() == before


def test_invalid_quantities_are_all_reported_at_once(staff, catalog):
    result = staff.mutate(VARIANT_CREATE, {"input": {
        "product": gid("Product", catalog["door"].pk), "sku": "NEW-1", "packSize": "0",
        "orderMultiple": "-2", "weightKg": "-1"}}, result="productVariantCreate")
    assert {(e["field"], e["code"]) for e in result["errors"]} == {
        ("packSize", "INVALID_QUANTITY"), ("orderMultiple", "INVALID_QUANTITY"),
        ("weightKg", "INVALID_QUANTITY")}
    assert not ProductVariant.objects.filter(sku="NEW-1").exists()


def test_minimum_order_quantity_must_be_a_multiple_of_the_order_step(staff, catalog):
    result = staff.mutate(VARIANT_CREATE, {"input": {
        "product": gid("Product", catalog["door"].pk), "sku": "NEW-2",
        "minOrderQuantity": "5", "orderMultiple": "2"}}, result="productVariantCreate")
    assert result["errors"][0]["field"] == "minOrderQuantity"
    assert result["errors"][0]["code"] == "INVALID_QUANTITY"


def test_wrong_type_in_input_is_a_graphql_validation_error_not_a_500(staff, catalog):
    result = staff(VARIANT_CREATE, {"input": {
        "product": gid("Product", catalog["door"].pk), "sku": "NEW-3", "packSize": "много"}})
    assert result.status == 400
    assert "packSize" in result.errors[0]["message"] or "Decimal" in result.errors[0]["message"]


@pytest.mark.parametrize(("category", "expected"), [
    ("garbage", ("category", "INVALID")),
    (gid("Product", 1), ("category", "INVALID")),
    (gid("Category", 999_999), ("category", "NOT_FOUND")),
])
def test_unknown_or_malformed_ids_in_input_name_the_field(staff, catalog, product_type,
                                                          category, expected):
    result = staff.mutate(PRODUCT_CREATE, {"input": {
        "name": "X", "category": category, "productType": gid("ProductType", product_type.pk)}},
        result="productCreate")
    assert [(e["field"], e["code"]) for e in result["errors"]] == [expected]
    assert not Product.objects.filter(name="X").exists()


def test_an_attribute_value_outside_the_product_type_is_refused(staff, catalog, product_type):
    from backend.catalog.models import Attribute, AttributeValue

    size = Attribute.objects.create(name="Размер", slug="size")
    big = AttributeValue.objects.create(attribute=size, name="Большой", slug="big")
    result = staff.mutate("""mutation($id: ID!, $input: ProductInput!) {
        productUpdate(id: $id, input: $input) { errors { field code } } }""",
                          {"id": gid("Product", catalog["door"].pk),
                           "input": {"attributeValues": [gid("AttributeValue", big.pk)]}},
                          result="productUpdate")
    assert result["errors"] == [{"field": "attributeValues", "code": "INVALID_ATTRIBUTE_VALUE"}]


def test_buyers_and_anonymous_visitors_cannot_change_the_catalog(api, api_as, catalog,
                                                                 make_user, network):
    buyer = make_user("buyer@a.test", network["dealer_a"], "ADMIN")
    for client, code in ((api, "AUTHENTICATION_REQUIRED"),
                         (api_as(buyer, network["dealer_a"]), "PERMISSION_DENIED")):
        result = client.mutate(CATEGORY_CREATE, {"input": {"name": "Взлом"}},
                               result="categoryCreate")
        assert result["category"] is None
        assert result["errors"][0]["code"] == code
    assert not Category.objects.filter(name="Взлом").exists()


def _png(width=640, height=480) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _upload(user, product, content: bytes, name="photo.png"):
    operations = {
        "query": "mutation($product: ID!, $image: Upload!) { productImageCreate("
                 "product: $product, image: $image, alt: \"Фото\") { image { url "
                 "thumbnail(size: 200) { url size } } errors { field code message } } }",
        "variables": {"product": gid("Product", product.pk), "image": None},
    }
    return Client().post(
        "/graphql/",
        {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.image"]}),
         "0": io.BytesIO(content) if False else _named(content, name)},
        HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user).access}",
    )


def _named(content: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_image_upload_makes_thumbnails(staff_user, catalog):
    response = _upload(staff_user, catalog["door"], _png())
    payload = response.json()["data"]["productImageCreate"]
    assert payload["errors"] == []
    assert payload["image"]["thumbnail"]["size"] == 256
    image = ProductImage.objects.get(product=catalog["door"])
    assert set(image.thumbnails) == {"64", "256", "512"}
    with default_storage.open(image.thumbnails["256"]) as f, Image.open(f) as thumb:
        assert max(thumb.size) == 256 and thumb.format == "WEBP"


def test_a_file_that_is_not_an_image_is_refused_and_nothing_is_stored(staff_user, catalog):
    response = _upload(staff_user, catalog["door"], b"%PDF-1.4 not an image", "doc.png")
    payload = response.json()["data"]["productImageCreate"]
    assert payload["image"] is None
    assert payload["errors"][0]["code"] == "INVALID_IMAGE"
    assert payload["errors"][0]["field"] == "image"
    assert not ProductImage.objects.exists()
