"""Services name fields as Python does; the mutation base spells them as the API does."""

from __future__ import annotations

import pytest

from backend.core.graphql.mutations import BaseMutation


@pytest.mark.parametrize(("service_field", "api_field"), [
    ("name", "name"),
    ("min_order_quantity", "minOrderQuantity"),
    ("volume_m3", "volumeM3"),
    ("admin_email", "adminEmail"),
    ("values.1", "values.1"),
    ("attribute_values.0", "attributeValues.0"),
    ("filter.organization_id", "filter.organizationId"),
    ("minOrderQuantity", "minOrderQuantity"),  # an API name given by the API layer stays
])
def test_each_dotted_segment_of_a_service_field_is_spelled_in_camel_case(service_field,
                                                                        api_field):
    assert BaseMutation.api_field(service_field) == api_field


def test_an_error_about_the_whole_input_has_no_field():
    assert BaseMutation.api_field(None) is None
