"""The committed schema.graphql is the API's contract: a change must be regenerated
(`make schema`) and so shows up in review."""

from pathlib import Path

from graphql import build_schema, lexicographic_sort_schema, print_schema

from backend.api.schema import schema

SNAPSHOT = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_committed_schema_matches_the_code():
    committed = lexicographic_sort_schema(build_schema(SNAPSHOT.read_text()))
    current = lexicographic_sort_schema(schema.graphql_schema)
    assert print_schema(current) == print_schema(committed), (
        "schema.graphql is out of date: run `make schema` and commit it")


def test_every_mutation_payload_has_typed_errors():
    for name, field in schema.graphql_schema.mutation_type.fields.items():
        errors = field.type.fields.get("errors")
        assert errors is not None, f"{name} has no errors field"
        error_type = errors.type.of_type.of_type.of_type
        assert error_type.name.endswith("Error"), name
        assert str(error_type.fields["code"].type).endswith("ErrorCode!"), name
