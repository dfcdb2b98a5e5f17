"""Materialized-path trees in PostgreSQL: subtrees, moves, and the prefix index."""

from __future__ import annotations

import itertools

import pytest
from django.db import connection

from backend.accounts.inn import complete_inn
from backend.accounts.models import Organization
from backend.core.tree import TreeCycleError
from backend.core.tree_paths import child_path, depth_of


@pytest.fixture
def tree(make_org):
    """Four levels below the manufacturer, two branches.

    factory
      dealer_a ── sub_a ── client_a ── branch_a
               └─ sub_a2
      dealer_b ── sub_b
    """
    factory = make_org("Завод", kind="MANUFACTURER")
    dealer_a = make_org("Дилер А", parent=factory)
    sub_a = make_org("Субдилер А", kind="SUB_DEALER", parent=dealer_a)
    client_a = make_org("Клиент А", kind="END_CLIENT", parent=sub_a)
    branch_a = make_org("Филиал клиента А", kind="END_CLIENT", parent=client_a)
    sub_a2 = make_org("Субдилер А2", kind="SUB_DEALER", parent=dealer_a)
    dealer_b = make_org("Дилер Б", parent=factory)
    sub_b = make_org("Субдилер Б", kind="SUB_DEALER", parent=dealer_b)
    return {"factory": factory, "dealer_a": dealer_a, "sub_a": sub_a, "client_a": client_a,
            "branch_a": branch_a, "sub_a2": sub_a2, "dealer_b": dealer_b, "sub_b": sub_b}


def fresh(org: Organization) -> Organization:
    return Organization.objects.get(pk=org.pk)


def assert_paths_consistent() -> None:
    """Every stored path is the parent's path plus the node's own segment."""
    for org in Organization.objects.select_related("parent"):
        parent_path = org.parent.path if org.parent else ""
        assert org.path == child_path(parent_path, org.pk), org.name
        assert org.depth == depth_of(org.path), org.name


def test_new_nodes_get_their_path_and_depth(tree):
    assert [tree[k].depth for k in ("factory", "dealer_a", "sub_a", "client_a", "branch_a")] \
        == [0, 1, 2, 3, 4]
    assert fresh(tree["branch_a"]).path == tree["branch_a"].path
    assert_paths_consistent()


def test_subtree_is_exactly_the_node_and_its_descendants(tree):
    assert set(tree["dealer_a"].subtree()) == {
        tree["dealer_a"], tree["sub_a"], tree["client_a"], tree["branch_a"], tree["sub_a2"]}
    assert set(tree["sub_a"].subtree()) == {tree["sub_a"], tree["client_a"], tree["branch_a"]}
    assert list(tree["branch_a"].subtree()) == [tree["branch_a"]]
    assert set(tree["factory"].subtree()) == set(tree.values())


def test_subtree_in_path_order_lists_the_tree_depth_first(tree):
    names = [o.name for o in tree["factory"].subtree().order_by("path")]

    assert names == ["Завод", "Дилер А", "Субдилер А", "Клиент А", "Филиал клиента А",
                     "Субдилер А2", "Дилер Б", "Субдилер Б"]


def test_subtree_does_not_catch_a_sibling_whose_id_shares_a_prefix(make_org):
    root = make_org("Корень", kind="MANUFACTURER")
    siblings = [make_org(f"Дилер {i}", parent=root) for i in range(40)]
    # Base 36: ids n and 36*n+k share their leading digits; separators keep them apart.
    for org in siblings:
        assert list(org.subtree()) == [org]


def test_is_in_subtree_of(tree):
    assert tree["branch_a"].is_in_subtree_of(tree["dealer_a"])
    assert tree["dealer_a"].is_in_subtree_of(tree["dealer_a"])
    assert not tree["dealer_a"].is_in_subtree_of(tree["branch_a"])
    assert not tree["sub_b"].is_in_subtree_of(tree["dealer_a"])
    assert not tree["sub_b"].is_in_subtree_of(Organization())  # unsaved: no path


def test_moving_a_subtree_rewrites_descendants_paths_and_depths(tree):
    sub_a = fresh(tree["sub_a"])
    sub_a.parent = tree["factory"]
    sub_a.save()

    assert [fresh(tree[k]).depth for k in ("sub_a", "client_a", "branch_a")] == [1, 2, 3]
    assert fresh(tree["client_a"]).path.startswith(sub_a.path)
    assert set(fresh(tree["factory"]).subtree()) == set(tree.values())
    assert set(fresh(tree["dealer_a"]).subtree()) == {tree["dealer_a"], tree["sub_a2"]}
    assert_paths_consistent()


def test_moving_a_subtree_deeper_rewrites_descendants(tree):
    dealer_a = fresh(tree["dealer_a"])
    dealer_a.parent = fresh(tree["dealer_b"])
    dealer_a.save()

    assert [fresh(tree[k]).depth for k in ("dealer_a", "sub_a", "client_a", "branch_a",
                                           "sub_a2")] == [2, 3, 4, 5, 3]
    assert set(fresh(tree["dealer_b"]).subtree()) == {
        tree["dealer_b"], tree["sub_b"], tree["dealer_a"], tree["sub_a"], tree["client_a"],
        tree["branch_a"], tree["sub_a2"]}
    assert_paths_consistent()


def test_moving_back_and_forth_restores_the_original_paths(tree):
    original = {o.pk: (o.path, o.depth) for o in Organization.objects.all()}
    sub_a = fresh(tree["sub_a"])

    sub_a.parent = fresh(tree["sub_b"])
    sub_a.save()
    sub_a.parent = fresh(tree["dealer_a"])
    sub_a.save()

    assert {o.pk: (o.path, o.depth) for o in Organization.objects.all()} == original


def test_moving_a_node_into_its_own_subtree_raises(tree):
    dealer_a = fresh(tree["dealer_a"])
    dealer_a.parent = fresh(tree["client_a"])

    with pytest.raises(TreeCycleError):
        dealer_a.save()

    assert fresh(tree["dealer_a"]).parent_id == tree["factory"].pk
    assert_paths_consistent()


def test_saving_without_moving_keeps_the_subtree(tree):
    dealer_a = fresh(tree["dealer_a"])
    dealer_a.name = "Дилер А (переименован)"
    dealer_a.save()

    assert set(fresh(tree["dealer_a"]).subtree()) == {
        tree["dealer_a"], tree["sub_a"], tree["client_a"], tree["branch_a"], tree["sub_a2"]}
    assert_paths_consistent()


# --- the prefix index ---------------------------------------------------------------------

@pytest.fixture
def wide_network(make_org):
    """Three thousand organizations under 30 dealers, with paths written in bulk."""
    factory = make_org("Завод", kind="MANUFACTURER")
    inns = (complete_inn(str(n)) for n in itertools.count(300_000_001))
    fake_ids = itertools.count(10_000)
    rows = []
    dealer_paths = []
    for d in range(30):
        dealer_path = child_path(factory.path, next(fake_ids))
        dealer_paths.append(dealer_path)
        rows.append(Organization(name=f"Дилер {d}", legal_name="ООО", inn=next(inns),
                                 kind="DEALER", parent=factory, path=dealer_path, depth=1))
        for s in range(99):
            path = child_path(dealer_path, next(fake_ids))
            rows.append(Organization(name=f"Субдилер {d}-{s}", legal_name="ООО",
                                     inn=next(inns), kind="SUB_DEALER", parent=factory,
                                     path=path, depth=2))
    Organization.objects.bulk_create(rows, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Organization._meta.db_table}")
    return dealer_paths


def test_subtree_query_can_use_the_path_prefix_index(wide_network):
    queryset = Organization.objects.filter(path__startswith=wide_network[7])
    assert queryset.count() == 100

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()

    assert "org_path_prefix_idx" in plan, plan
    # The LIKE prefix becomes an index range condition, not a filter over a full scan.
    assert "Index Cond" in plan and "~>=~" in plan, plan


def test_subtree_query_picks_the_index_on_its_own(wide_network):
    plan = Organization.objects.filter(path__startswith=wide_network[3]).explain()

    assert "org_path_prefix_idx" in plan, plan
    assert "~>=~" in plan, plan
