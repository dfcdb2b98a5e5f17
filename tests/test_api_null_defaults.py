"""An explicit null for a mutation argument or input field with a declared default means
that default, in every app (``backend.core.graphql.defaults``); a field without a default
keeps its null (clearing a date)."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from graphql_relay import to_global_id as gid
from PIL import Image

from backend.accounts.tokens import issue_tokens
from price_rules.models import PriceList, Promotion

pytestmark = pytest.mark.django_db

ERRORS = "errors { field code message }"


def test_a_null_publish_publishes_an_announcement_as_leaving_it_out_does(
        network, staff_user, api_as):
    staff = api_as(staff_user, network["factory"])
    created = staff.mutate(f"""mutation($input: AnnouncementInput!, $publish: Boolean) {{
      announcementCreate(input: $input, publish: $publish) {{ announcement {{ status }}
      {ERRORS} }} }}""", {"publish": None, "input": {
        "kind": "NEWS", "title": "Склад", "text": "Открыли склад.",
        "audience": {"everyoneBelow": True}}}, result="announcementCreate")
    assert created == {"announcement": {"status": "PUBLISHED"}, "errors": []}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_null_alt_saves_a_product_image_with_the_empty_default(staff_user, catalog):
    operations = {"query": f"""mutation($product: ID!, $image: Upload!, $alt: String) {{
      productImageCreate(product: $product, image: $image, alt: $alt) {{ image {{ alt }}
      {ERRORS} }} }}""", "variables": {"product": gid("Product", catalog["door"].pk),
                                        "image": None, "alt": None}}
    response = Client().post(
        "/graphql/", {"operations": json.dumps(operations),
                      "map": json.dumps({"0": ["variables.image"]}),
                      "0": SimpleUploadedFile("photo.png", _png(), "image/png")},
        HTTP_AUTHORIZATION=f"Bearer {issue_tokens(staff_user).access}")
    assert response.json()["data"]["productImageCreate"] == {"image": {"alt": ""},
                                                             "errors": []}


def test_price_rule_inputs_take_defaults_for_null_and_keep_null_without_one(
        price_rules, price_viewers, catalog, network):
    dealer = price_viewers["dealer admin"]
    today = timezone.localdate()
    made = dealer.mutate(f"""mutation($input: PromotionInput!) {{
      promotionCreate(input: $input) {{ promotion {{ stacking }} {ERRORS} }} }}""", {"input": {
        "name": "Неделя дверей", "kind": "PERCENT", "value": "3", "stacking": None,
        "starts": str(today), "ends": str(today + timedelta(days=6)),
        "variants": [gid("ProductVariant", v.pk) for v in catalog["door"].variants.all()]}},
        result="promotionCreate")
    assert made == {"promotion": {"stacking": "BEST_PRICE_WINS"}, "errors": []}
    assert Promotion.objects.get(name="Неделя дверей").stacking == "BEST_PRICE_WINS"

    staff = price_viewers["staff with MANAGE_PRICES"]
    gold = PriceList.objects.get(name="Золотой прайс")
    assert gold.valid_until == date(2026, 12, 31)
    cleared = staff.mutate(f"""mutation($id: ID!, $input: PriceListInput!) {{
      priceListUpdate(id: $id, input: $input) {{ priceList {{ validUntil }} {ERRORS} }} }}""",
                           {"id": gid("PriceList", gold.pk), "input": {"validUntil": None}},
                           result="priceListUpdate")
    assert cleared == {"priceList": {"validUntil": None}, "errors": []}
