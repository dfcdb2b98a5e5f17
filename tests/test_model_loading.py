"""Rows load through ``PortalModel.from_db`` (no ``__init__``): the instances must be the
same as Django's own, for every model of the project."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models
from django.db.models.signals import post_init

from backend.catalog.models import Product, ProductImage, ProductVariant
from backend.core.models import PortalModel

pytestmark = pytest.mark.django_db

_django_from_db = models.Model.from_db.__func__


def _project_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if issubclass(m, PortalModel)]


def _state(instance):
    return {k: v for k, v in instance.__dict__.items() if k != "_state"}


@pytest.fixture
def rows(catalog, staff_user, network):
    ProductImage.objects.create(product=catalog["door"], image="products/door.jpg",
                                alt="Дверь", thumbnails={"64": "products/thumbs/door_64.webp"})


def test_every_model_of_the_project_loads_as_django_would(rows):
    checked = set()
    for model in _project_models():
        names = [f.attname for f in model._meta.concrete_fields]
        for values in model._default_manager.values_list(*names):
            expected = _django_from_db(model, "default", names, list(values))
            loaded = model._default_manager.get(pk=expected.pk)
            assert type(loaded) is model
            assert _state(loaded) == _state(expected), model
            assert loaded._state.adding is False and loaded._state.db == "default"
            assert loaded.get_deferred_fields() == set()
            checked.add(model.__name__)
    assert {"Organization", "User", "Membership", "Category", "Product", "ProductVariant",
            "ProductImage", "Attribute", "AttributeValue", "ProductType"} <= checked


def test_loaded_rows_behave_like_model_instances(rows, catalog):
    variant = ProductVariant.objects.filter(product=catalog["door"]).first()
    assert variant.pack_size == Decimal("1.000")
    assert variant.product.name == catalog["door"].name  # relations load on access
    assert variant.product is variant.product  # and are cached
    variant.name = "Новое имя"
    variant.save(update_fields=["name"])
    assert ProductVariant.objects.get(pk=variant.pk).name == "Новое имя"
    image = ProductImage.objects.get(product=catalog["door"])
    assert image.image.name == "products/door.jpg"  # the file field wraps the stored name
    assert image.thumbnails == {"64": "products/thumbs/door_64.webp"}


def test_deferred_fields_stay_deferred_and_load_on_access(rows, catalog, django_assert_num_queries):
    product = Product.objects.only("name").get(pk=catalog["door"].pk)
    assert "description" in product.get_deferred_fields()
    assert "name" not in product.get_deferred_fields()
    with django_assert_num_queries(1):
        assert product.slug == catalog["door"].slug
    assert "slug" not in product.get_deferred_fields()


def test_with_init_receivers_django_builds_the_instance(rows, catalog):
    seen = []

    def receiver(sender, instance, **kwargs):
        seen.append(instance)

    post_init.connect(receiver, sender=Product)
    try:
        product = Product.objects.get(pk=catalog["door"].pk)
    finally:
        post_init.disconnect(receiver, sender=Product)
    assert seen == [product]


def test_nothing_listens_to_model_init_so_rows_take_the_fast_path():
    """A receiver (say an ImageField with dimension fields) would silently send every row
    through ``Model.__init__`` again: decide that knowingly, and change this test."""
    from django.db.models.signals import pre_init

    assert not pre_init.receivers and not post_init.receivers
