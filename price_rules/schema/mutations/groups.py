"""Price groups ("Gold dealers") and which lists apply to whom."""

from __future__ import annotations

import graphene

from backend.accounts.schema.types import OrganizationType

from ...services.assignments import AssignmentData, assign_price_list, unassign_price_list
from ...services.groups import PriceGroupData, delete_price_group, save_price_group
from ..types import PriceGroupType, PriceListAssignmentType, PriceListType
from .base import PriceRulesMutation, acting_organization


class PriceGroupInput(graphene.InputObjectType):
    name = graphene.String()
    add_members = graphene.List(graphene.NonNull(graphene.ID),
                                description="Organizations below yours to add.")
    remove_members = graphene.List(graphene.NonNull(graphene.ID))


def _group_data(info, input) -> PriceGroupData:
    return PriceGroupData(
        name=input.get("name"),
        **{name: OrganizationType.get_visible_many(info, input.get(name) or [], name)
           for name in ("add_members", "remove_members")})


class PriceGroupCreate(PriceRulesMutation):
    price_group = graphene.Field(PriceGroupType)

    class Arguments:
        input = PriceGroupInput(required=True)

    class Meta:
        description = "Create a price group of organizations below yours."

    @classmethod
    def perform_mutation(cls, root, info, input):
        actor = acting_organization(info)
        return cls(price_group=save_price_group(actor, None, _group_data(info, input)))


class PriceGroupUpdate(PriceRulesMutation):
    price_group = graphene.Field(PriceGroupType)

    class Arguments:
        id = graphene.ID(required=True)
        input = PriceGroupInput(required=True)

    class Meta:
        description = "Rename a price group, add and remove members (all or nothing)."

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        actor = acting_organization(info)
        group = PriceGroupType.get_visible(info, id)
        return cls(price_group=save_price_group(actor, group, _group_data(info, input)))


class PriceGroupDelete(PriceRulesMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True)

    class Meta:
        description = "Delete a price group (its assignments go with it)."

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        delete_price_group(actor, PriceGroupType.get_visible(info, id))
        return cls(deleted_id=id)


class PriceListAssignInput(graphene.InputObjectType):
    organization = graphene.ID(description="Personal prices of one organization below yours.")
    price_group = graphene.ID(description="One of your price groups.")
    region = graphene.String()
    owner_default = graphene.Boolean(description="Every organization buying from you.")


class PriceListAssign(PriceRulesMutation):
    assignment = graphene.Field(PriceListAssignmentType)

    class Arguments:
        price_list = graphene.ID(required=True)
        input = PriceListAssignInput(required=True, description="Exactly one target.")

    class Meta:
        description = "Assign one of your lists to an organization, group, region, or as "\
                      "your default."

    @classmethod
    def perform_mutation(cls, root, info, price_list, input):
        actor = acting_organization(info)
        found = PriceListType.get_visible(info, price_list, "price_list")
        organization = input.get("organization")
        group = input.get("price_group")
        data = AssignmentData(
            organization=(OrganizationType.get_visible(info, organization, "organization")
                          if organization else None),
            price_group=(PriceGroupType.get_visible(info, group, "price_group")
                         if group else None),
            region=input.get("region") or "", owner_default=bool(input.get("owner_default")))
        return cls(assignment=assign_price_list(actor, found, data))


class PriceListUnassign(PriceRulesMutation):
    deleted_id = graphene.ID()

    class Arguments:
        id = graphene.ID(required=True, description="The assignment.")

    class Meta:
        description = "Remove an assignment of one of your lists."

    @classmethod
    def perform_mutation(cls, root, info, id):
        actor = acting_organization(info)
        unassign_price_list(actor, PriceListAssignmentType.get_visible(info, id))
        return cls(deleted_id=id)
