"""The execution fast path answers exactly as the general graphql-core path does."""

from decimal import Decimal

import graphene
from graphql import graphql_sync
from graphql_sync_dataloaders import DeferredExecutionContext

from backend.core.graphql import builders
from backend.core.graphql.execution import PortalExecutionContext


class Thing(graphene.ObjectType):
    name = graphene.String(required=True)
    size = graphene.Decimal()
    kind = graphene.Field(graphene.Enum("Kind", [("A", "A"), ("B", "B")]))
    shout = graphene.String()

    @staticmethod
    def resolve_shout(root, info):
        return root["name"].upper()


class Box(graphene.ObjectType):
    """Read off attributes (the compiled builder's own branch), not dict keys."""

    label = graphene.String(required=True)
    code = graphene.ID()
    count = graphene.Int()
    flag = graphene.Boolean()
    size = graphene.Decimal()
    kind = graphene.Field(graphene.Enum("BoxKind", [("A", "A"), ("B", "B")]))


class _Box:
    def __init__(self, **values):
        self.__dict__.update(values)


class Shape(graphene.Interface):
    sides = graphene.Int()


class Square(graphene.ObjectType):
    class Meta:
        interfaces = (Shape,)


class Crate(graphene.ObjectType):
    """Fields with resolvers and arguments, nested objects and lists, futures, errors:
    the builders call the resolvers themselves."""

    label = graphene.String(required=True)
    boxes = graphene.List(graphene.NonNull(Box), required=True, first=graphene.Int())
    inner = graphene.Field(lambda: Crate)
    grid = graphene.List(graphene.List(graphene.Int))
    later = graphene.String(description="A value from a data loader, after the level.")
    fragile = graphene.String()
    shape = graphene.Field(Shape)
    numbers = graphene.List(graphene.Int)

    @staticmethod
    def resolve_boxes(root, info, first=None):
        boxes = [_Box(label=f"{root.label}-{i}", count=i) for i in range(3)]
        return boxes[:first] if first is not None else boxes

    @staticmethod
    def resolve_inner(root, info):
        return _Box(label=root.label + "+") if len(root.label) < 3 else None

    @staticmethod
    def resolve_grid(root, info):
        return [[1, 2], None, [3]]

    @staticmethod
    def resolve_later(root, info):
        from graphql_sync_dataloaders import SyncDataLoader

        loader = info.context.setdefault(
            "loader", SyncDataLoader(lambda keys: [k.upper() for k in keys]))
        return loader.load(root.label)

    @staticmethod
    def resolve_fragile(root, info):
        if root.label.endswith("+"):
            raise ValueError("broken inside")
        return "fine"

    @staticmethod
    def resolve_shape(root, info):
        return Square(sides=4)

    @staticmethod
    def resolve_numbers(root, info):
        return range(3)  # an iterable, not a list


class Query(graphene.ObjectType):
    crates = graphene.List(Crate)
    boxes = graphene.List(graphene.NonNull(Box))
    box = graphene.Field(Box)
    things = graphene.List(Thing)
    broken = graphene.List(Thing)
    mixed = graphene.List(Thing)
    required_items = graphene.List(graphene.NonNull(Thing))

    @staticmethod
    def resolve_crates(root, info):
        return [_Box(label="a"), _Box(label="b")]

    @staticmethod
    def resolve_boxes(root, info):
        return [
            _Box(label="a", code=7, count=3, flag=True, size=Decimal("1.50"), kind="A"),
            _Box(label=12, code="x", count=None, flag=0, size="2.5", kind="B"),
            _Box(label="c"),  # the other attributes are missing: null
        ]

    @staticmethod
    def resolve_box(root, info):
        return _Box(label="d", size=1.5)

    @staticmethod
    def resolve_things(root, info):
        return [{"name": "a", "size": "1.50", "kind": "A"}, {"name": "b", "kind": "B"}]

    @staticmethod
    def resolve_broken(root, info):
        return [{"name": None, "size": "not a number"}]

    @staticmethod
    def resolve_mixed(root, info):
        return [{"name": "a", "size": Decimal("2.500")}, None, {"name": "c", "size": 1.5}]

    @staticmethod
    def resolve_required_items(root, info):
        return [{"name": "a"}, None]


SCHEMA = graphene.Schema(query=Query, types=[Square]).graphql_schema


class GeneralPath(PortalExecutionContext):
    """The same context with the fast paths switched off: the reference."""

    execute_field = DeferredExecutionContext.execute_field
    complete_object_value = DeferredExecutionContext.complete_object_value
    complete_list_value = DeferredExecutionContext.complete_list_value


def run(context_class, source, variables=None):
    result = graphql_sync(SCHEMA, source, execution_context_class=context_class,
                          context_value={}, variable_values=variables)
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return result.data, errors


def test_plain_fields_resolve_as_in_the_general_path():
    source = "{ things { name size kind shout } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0] == {"things": [
        {"name": "a", "size": "1.50", "kind": "A", "shout": "A"},
        {"name": "b", "size": None, "kind": "B", "shout": "B"}]}


def test_objects_of_plain_fields_are_built_at_once_with_typename():
    source = "{ things { __typename kind name size } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0]["things"][0] == {"__typename": "Thing", "kind": "A", "name": "a",
                                    "size": "1.50"}
    assert list(fast[0]["things"][0]) == ["__typename", "kind", "name", "size"]


def test_an_object_with_a_bad_value_falls_back_to_the_general_errors():
    source = "{ broken { name size } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0] == {"broken": [None]}


def test_null_in_a_required_field_is_the_same_error_in_both_paths():
    source = "{ broken { name } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0] == {"broken": [None]}
    assert "Cannot return null for non-nullable field Thing.name." in fast[1][0][0]


def test_skip_and_include_directives_still_apply():
    source = "{ things { name @skip(if: true) size @include(if: false) kind } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0]["things"][0] == {"kind": "A"}


def test_global_ids_of_model_types_match_graphene(api, catalog):
    from graphql_relay import to_global_id

    data = api("{ products(first: 1, sortBy: {field: NAME}) { edges { node { id "
               "variants { id } } } } }").data
    node = data["products"]["edges"][0]["node"]
    door = catalog["door"]
    assert node["id"] == to_global_id("Product", door.pk)
    assert node["variants"][0]["id"] == to_global_id("ProductVariant",
                                                      door.variants.first().pk)


def test_a_list_with_an_item_the_fast_path_cannot_answer_is_answered_in_full():
    source = "{ mixed { name size } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0] == {"mixed": [{"name": "a", "size": "2.500"}, None,
                                 {"name": "c", "size": None}]}
    assert fast[1] and fast[1][0][1] == ("mixed", 2, "size")


def test_a_null_item_in_a_list_of_required_items_is_the_same_error_in_both_paths():
    source = "{ requiredItems { name } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0] == {"requiredItems": None}
    assert fast[1][0][1] == ("requiredItems", 1)


def test_objects_read_off_attributes_serialize_as_in_the_general_path():
    source = "{ boxes { __typename label code count flag size kind } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0]["boxes"] == [
        {"__typename": "Box", "label": "a", "code": "7", "count": 3, "flag": True,
         "size": "1.50", "kind": "A"},
        {"__typename": "Box", "label": "12", "code": "x", "count": None, "flag": False,
         "size": "2.5", "kind": "B"},
        {"__typename": "Box", "label": "c", "code": None, "count": None, "flag": None,
         "size": None, "kind": None},
    ]


def test_an_attribute_that_does_not_serialize_is_the_same_error_in_both_paths():
    source = "{ box { label size } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0] == {"box": {"label": "d", "size": None}}
    assert fast[1][0][1] == ("box", "size")


def test_fields_with_resolvers_and_arguments_are_built_as_in_the_general_path():
    source = """query ($n: Int) { crates { label boxes(first: $n) { label count }
        inner { label boxes { label } inner { label } } grid } }"""
    fast = run(PortalExecutionContext, source, {"n": 2})
    assert fast == run(GeneralPath, source, {"n": 2})
    assert fast[0]["crates"][0] == {
        "label": "a", "boxes": [{"label": "a-0", "count": 0}, {"label": "a-1", "count": 1}],
        "inner": {"label": "a+", "boxes": [{"label": "a+-0"}, {"label": "a+-1"},
                                           {"label": "a+-2"}], "inner": {"label": "a++"}},
        "grid": [[1, 2], None, [3]]}
    assert run(PortalExecutionContext, source, {"n": 1})[0]["crates"][1]["boxes"] == [
        {"label": "b-0", "count": 0}]
    assert "Crate" in {key[0] for key in builders._builders}  # built, not walked


def test_an_error_deep_in_a_built_object_is_reported_at_its_path():
    source = "{ crates { label fragile inner { label fragile } } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0]["crates"][0] == {"label": "a", "fragile": "fine",
                                    "inner": {"label": "a+", "fragile": None}}
    assert [path for _, path in fast[1]] == [("crates", 0, "inner", "fragile"),
                                             ("crates", 1, "inner", "fragile")]


def test_futures_interfaces_and_other_iterables_take_the_general_path():
    source = "{ crates { later shape { sides __typename } numbers } }"
    fast = run(PortalExecutionContext, source)
    assert fast == run(GeneralPath, source)
    assert fast[0]["crates"] == [
        {"later": "A", "shape": {"sides": 4, "__typename": "Square"}, "numbers": [0, 1, 2]},
        {"later": "B", "shape": {"sides": 4, "__typename": "Square"}, "numbers": [0, 1, 2]}]
