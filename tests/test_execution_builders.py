"""The fast path's generated builders (``backend/core/graphql/builders.py``) answer exactly as
graphql-core does: objects and lists read off attributes and built inline, classes accepted
once, enums and integers serialized inline, every read graphene's (defaults, dict keys,
properties that fail). Checked case by case, then for generated data and selections
(aliases, fragments, @skip/@include, __typename, nulls in required fields, values that do
not serialize, resolvers that raise), each answer compared with graphql-core's standard
execution and with the general path."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import graphene
from graphql import graphql_sync
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from backend.core.graphql import builders
from backend.core.graphql.execution import PortalExecutionContext
from tests.test_execution_fast_path import GeneralPath


class Colour(graphene.Enum):
    RED = "RED"
    GREEN = "GREEN"


class Tier(graphene.ObjectType):
    amount = graphene.Decimal(required=True)
    label = graphene.String()
    count = graphene.Int()


class Item(graphene.ObjectType):
    name = graphene.String(required=True)
    code = graphene.ID()
    count = graphene.Int()
    flag = graphene.Boolean(required=True)
    size = graphene.Decimal()
    colour = graphene.Field(Colour)
    day = graphene.Date()
    next_tier = graphene.Field(Tier)
    first_tier = graphene.Field(Tier, required=True)
    tiers = graphene.List(graphene.NonNull(Tier))
    any_tiers = graphene.NonNull(graphene.List(Tier))
    words = graphene.List(graphene.String)
    computed = graphene.Field(Tier, description="A resolver returning an object.")
    shout = graphene.String(times=graphene.Int())

    @staticmethod
    def resolve_computed(root, info):
        return root.get("next_tier") if isinstance(root, dict) else getattr(root, "next_tier",
                                                                            None)

    @staticmethod
    def resolve_shout(root, info, times=1):
        name = root.get("name") if isinstance(root, dict) else getattr(root, "name", None)
        if isinstance(name, str) and name.startswith("!"):
            raise ValueError("cannot shout that")
        return f"{name}".upper() * times


class Query(graphene.ObjectType):
    items = graphene.List(Item)
    required_items = graphene.List(graphene.NonNull(Item))
    item = graphene.Field(Item)

    @staticmethod
    def resolve_items(root, info):
        return info.context["items"]

    @staticmethod
    def resolve_required_items(root, info):
        return info.context["items"]

    @staticmethod
    def resolve_item(root, info):
        items = info.context["items"]
        return items[0] if items else None


SCHEMA = graphene.Schema(query=Query).graphql_schema


class Source:
    """An attribute source; ``fragile`` names attributes whose read raises."""

    def __init__(self, fragile=(), **values):
        self.__dict__.update(values)
        self._fragile = dict(fragile)

    def __getattr__(self, name):  # only for attributes not set
        error = self.__dict__.get("_fragile", {}).get(name)
        if error is not None:
            raise error
        raise AttributeError(name)


class Mapping(dict):
    """A dict subclass with an attribute of a field's name: graphene reads the key."""

    name = "the attribute, never read"


def run(context_class, source, items, variables=None):
    result = graphql_sync(SCHEMA, source, execution_context_class=context_class,
                          context_value={"items": items}, variable_values=variables)
    errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
    return result.data, errors


def same_everywhere(source, items, variables=None):
    """The fast path's answer, checked equal to graphql-core's standard execution and to
    the general path (the same context with the fast path off)."""
    fast = run(PortalExecutionContext, source, items, variables)
    assert fast == run(None, source, items, variables), source
    assert fast == run(GeneralPath, source, items, variables), source
    return fast


def _tier(amount="1.50", label="a", count=1, as_dict=False):
    values = {"amount": Decimal(amount) if amount is not None else None, "label": label,
              "count": count}
    return values if as_dict else Source(**values)


def test_objects_and_lists_read_off_attributes_are_built_inline():
    items = [Source(name="a", flag=True, next_tier=_tier(), first_tier=_tier("2"),
                    tiers=[_tier("3"), _tier("4", as_dict=True)], any_tiers=[None, _tier()],
                    words=["x", None]),
             {"name": "b", "flag": False, "first_tier": _tier("5", as_dict=True),
              "tiers": (_tier("6"),), "any_tiers": []}]
    data, errors = same_everywhere(
        "{ items { name nextTier { amount label } firstTier { amount } tiers { amount count }"
        " anyTiers { amount } words } }", items)
    assert not errors
    assert data["items"][0]["tiers"] == [{"amount": "3", "count": 1},
                                         {"amount": "4", "count": 1}]
    assert data["items"][1] == {"name": "b", "nextTier": None, "firstTier": {"amount": "5"},
                                "tiers": [{"amount": "6", "count": 1}], "anyTiers": [],
                                "words": None}


def test_a_null_in_a_required_object_or_item_is_the_general_paths_error():
    items = [Source(name="a", flag=True, first_tier=None, tiers=[_tier(), None]),
             Source(name="b", flag=True, first_tier=_tier(None), tiers=None)]
    data, errors = same_everywhere("{ items { name firstTier { amount } tiers { amount } } }",
                                   items)
    assert data == {"items": [None, None]}
    assert [path for _, path in errors] == [("items", 0, "firstTier"),
                                            ("items", 1, "firstTier", "amount")]


def test_reads_follow_graphene_defaults_dict_keys_and_failing_properties():
    items = [Source(name="a", flag=True, fragile={"code": AttributeError("gone"),
                                                  "count": ValueError("broken")}),
             Mapping(name="key", flag=False),
             Source(name="c", flag=True, fragile={"size": AttributeError("gone")})]
    data, errors = same_everywhere("{ items { name flag code count size } }", items)
    assert data["items"][0] == {"name": "a", "flag": True, "code": None, "count": None,
                                "size": None}
    assert data["items"][1]["name"] == "key"
    assert errors == [("broken", ("items", 0, "count"))]


def test_values_that_do_not_serialize_are_the_general_paths_errors():
    items = [Source(name=12, flag=1, count=2**40, size="2.5", colour="BLUE", day="x"),
             Source(name="b", flag=True, count="7", size=1.5, colour="GREEN",
                    day=date(2026, 11, 30)),
             Source(name="c", flag=True, count=True, size=Decimal("1.0"), colour=None)]
    data, errors = same_everywhere("{ items { name flag count size colour day } }", items)
    assert data["items"][1] == {"name": "b", "flag": True, "count": 7, "size": None,
                                "colour": "GREEN", "day": "2026-11-30"}
    assert data["items"][2]["count"] == 1 and data["items"][2]["size"] == "1.0"
    assert {path for _, path in errors} >= {("items", 0, "count"), ("items", 0, "colour"),
                                            ("items", 1, "size")}


def test_resolvers_arguments_aliases_fragments_and_directives():
    items = [Source(name="a", flag=True, next_tier=_tier()), Source(name="!b", flag=False)]
    source = """query ($times: Int, $skip: Boolean!) {
      items { __typename first: name second: name shout(times: $times) loud: shout
        computed { ...T } nextTier @skip(if: $skip) { amount }
        ... on Item { flag @include(if: $skip) } ...More } }
    fragment T on Tier { amount label __typename }
    fragment More on Item { nextTier @skip(if: $skip) { label } }"""
    for variables in ({"times": 2, "skip": False}, {"times": 1, "skip": True}):
        data, errors = same_everywhere(source, items, variables)
        assert data["items"][0]["shout"] == "A" * variables["times"]
    assert errors == [("cannot shout that", ("items", 1, "loud")),
                      ("cannot shout that", ("items", 1, "shout"))]


def test_a_list_of_required_items_with_a_null_item_nulls_the_list():
    items = [Source(name="a", flag=True), None]
    data, errors = same_everywhere("{ requiredItems { name } items { name } }", items)
    assert data == {"requiredItems": None, "items": [{"name": "a"}, None]}
    assert [path for _, path in errors] == [("requiredItems", 1)]


def test_objects_read_off_attributes_call_no_resolver():
    """``nextTier`` and ``tiers`` are read inline, not through graphene's default resolver
    with a ResolveInfo made for them (as fields with resolvers are)."""
    made = []

    class Recorded(PortalExecutionContext):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    items = [Source(name="a", flag=True, next_tier=_tier(), tiers=[_tier()])] * 3
    source = "{ items { nextTier { amount } tiers { amount } computed { amount } } }"
    data, errors = run(Recorded, source, items)
    assert (data, errors) == same_everywhere(source, items)
    assert not errors and data["items"][2]["tiers"] == [{"amount": "1.50"}]
    assert made[0].fallbacks == 0
    assert [field.response_key for field in made[0]._envs] == ["computed"]


class Checked(graphene.ObjectType):
    """A type with an ``is_type_of`` of its own, decided by the class alone."""

    label = graphene.String()
    asked: list = []

    @classmethod
    @builders.decided_by_class
    def is_type_of(cls, root, info):
        cls.asked.append(type(root))
        return isinstance(root, Source)


class CheckedQuery(graphene.ObjectType):
    checked = graphene.List(Checked)

    @staticmethod
    def resolve_checked(root, info):
        return info.context["items"]


CHECKED_SCHEMA = graphene.Schema(query=CheckedQuery).graphql_schema


def test_an_is_type_of_decided_by_class_is_asked_once_per_class():
    """Model types' ``is_type_of`` depends on the class alone (``ModelObjectType``): a page
    of rows asks it once per class, not once per row; a foreign value is still refused."""
    from backend.core.graphql.types import ModelObjectType

    assert builders._by_class(ModelObjectType.is_type_of) and builders._by_class(None)
    assert not builders._by_class(lambda root, info: True)
    items = [Source(label=str(i)) for i in range(20)]
    Checked.asked.clear()
    result = graphql_sync(CHECKED_SCHEMA, "{ checked { label } }",
                          execution_context_class=PortalExecutionContext,
                          context_value={"items": items})
    assert not result.errors and len(result.data["checked"]) == 20
    assert Checked.asked == [Source]
    result = graphql_sync(CHECKED_SCHEMA, "{ checked { label } }",
                          execution_context_class=PortalExecutionContext,
                          context_value={"items": [*items, {"label": "foreign"}]})
    assert result.data == {"checked": None} or result.errors
    assert result.errors[0].path == ["checked", 20]


_text = st.one_of(st.none(), st.sampled_from(["a", "!b", "", "дверь"]), st.integers(0, 3))
_amount = st.one_of(st.none(), st.sampled_from([Decimal("1.50"), Decimal("2"), "3.5",
                                                "x", 1.25]))
_count = st.one_of(st.none(), st.integers(-3, 3), st.just(2**40), st.just("7"),
                   st.booleans())


@st.composite
def _tiers(draw):
    values = {"amount": draw(_amount), "label": draw(_text), "count": draw(_count)}
    return values if draw(st.booleans()) else Source(**values)


_maybe_tier = st.one_of(st.none(), _tiers(), st.just(5))
_tier_list = st.one_of(st.none(), st.lists(st.one_of(_tiers(), st.none()), max_size=3),
                       st.lists(_tiers(), max_size=2).map(tuple))


@st.composite
def _items(draw):
    values = {"name": draw(_text), "code": draw(st.one_of(st.none(), st.just(7), _text)),
              "count": draw(_count), "flag": draw(st.one_of(st.booleans(), st.none())),
              "size": draw(_amount), "colour": draw(st.sampled_from(["RED", "BLUE", None])),
              "day": draw(st.sampled_from([None, date(2026, 1, 2), "x"])),
              "next_tier": draw(_maybe_tier), "first_tier": draw(_maybe_tier),
              "tiers": draw(_tier_list), "any_tiers": draw(_tier_list),
              "words": draw(st.one_of(st.none(), st.lists(_text, max_size=2)))}
    values = {k: v for k, v in values.items() if draw(st.integers(0, 9)) or k == "name"}
    kind = draw(st.sampled_from(["object", "dict", "mapping", "none"]))
    if kind == "none":
        return None
    return Source(**values) if kind == "object" else (dict if kind == "dict"
                                                      else Mapping)(values)


_LEAVES = ["name", "code", "count", "flag", "size", "colour", "day", "words", "__typename",
           "shout", "shout(times: 2)"]
_OBJECTS = ["nextTier", "firstTier", "tiers", "anyTiers", "computed"]
_TIER_FIELDS = ["amount", "label", "count", "__typename"]


@st.composite
def _selections(draw):
    """A valid selection on Item: a response key is a field's bare name only once."""
    keys: set[str] = set()

    def field(name, inner=""):
        key = name.split("(")[0]
        if key in keys or draw(st.integers(0, 3)) == 0:
            key = f"a{len(keys)}"
            name = f"{key}: {name}"
        keys.add(key)
        directive = draw(st.sampled_from(["", "", "", " @skip(if: true)",
                                          " @include(if: $on)", " @skip(if: $on)"]))
        return f"{name}{directive}{inner}"

    parts = [field(draw(st.sampled_from(_LEAVES)))
             for _ in range(draw(st.integers(1, 4)))]
    for name in draw(st.lists(st.sampled_from(_OBJECTS), max_size=3)):
        inner = " ".join(draw(st.lists(st.sampled_from(_TIER_FIELDS), min_size=1,
                                       max_size=3, unique=True)))
        parts.append(field(name, f" {{ {inner} }}"))
    if draw(st.booleans()):
        parts.append("... on Item { " + field(draw(st.sampled_from(_LEAVES))) + " }")
    extra = ""
    if draw(st.booleans()) and not keys & {"name", "nextTier"}:
        parts.append("...Extra")
        extra = "\nfragment Extra on Item { name nextTier { amount } }"
    root = draw(st.sampled_from(["items", "requiredItems", "item"]))
    return ("query ($on: Boolean!) { " + root + " { " + " ".join(parts)
            + " on: __typename @include(if: $on) } }" + extra)


@hypothesis_settings(max_examples=300, deadline=None)
@given(items=st.lists(_items(), max_size=3), selection=_selections(), on=st.booleans())
def test_generated_selections_over_generated_data_answer_as_graphql_core(items, selection,
                                                                         on):
    fast = run(PortalExecutionContext, selection, items, {"on": on})
    assert fast == run(None, selection, items, {"on": on})
    assert fast == run(GeneralPath, selection, items, {"on": on})
