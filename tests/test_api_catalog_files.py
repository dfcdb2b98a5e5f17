"""Stored files of a deleted image go after commit; one that cannot be deleted is logged and
never turns the committed deletion into an error."""

from __future__ import annotations

import logging

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from graphql_relay import to_global_id

from backend.catalog.models import ProductImage
from tests.test_api_catalog_mutations import _png, _upload

IMAGE_DELETE = """mutation($id: ID!) { productImageDelete(id: $id) {
  deletedId errors { field code message } } }"""


@pytest.mark.django_db(transaction=True)  # files are deleted after a real commit
def test_a_file_storage_failing_after_commit_never_fails_the_image_deletion(
        api_as, staff_user, catalog, monkeypatch, caplog):
    assert _upload(staff_user, catalog["door"], _png()).json()["data"][
        "productImageCreate"]["errors"] == []
    image = ProductImage.objects.get()
    original, thumbnails = image.image.name, list(image.thumbnails.values())
    delete = FileSystemStorage.delete

    def refuse_the_original(storage, name):
        if name == original:
            raise PermissionError(13, "Permission denied", name)
        delete(storage, name)

    monkeypatch.setattr(FileSystemStorage, "delete", refuse_the_original)
    with caplog.at_level(logging.ERROR, logger="backend.catalog.services.products"):
        payload = api_as(staff_user).mutate(
            IMAGE_DELETE, {"id": to_global_id("ProductImage", image.pk)},
            result="productImageDelete")

    assert payload == {"deletedId": to_global_id("ProductImage", image.pk), "errors": []}
    assert not ProductImage.objects.exists()
    assert thumbnails and not any(default_storage.exists(name) for name in thumbnails)
    assert default_storage.exists(original)
    [record] = [r for r in caplog.records if r.name == "backend.catalog.services.products"]
    assert record.file == original
