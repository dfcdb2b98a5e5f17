"""An organization's requisites (bank details for its documents) in the API:
``Organization.requisites`` and ``requisitesSet`` (the organization's own admin, or staff
with MANAGE_ORGANIZATIONS)."""

from __future__ import annotations

import re

import graphene

from backend.accounts.models import Role
from backend.accounts.schema.types import OrganizationType
from backend.core.errors import DomainValidationError, ErrorCollector
from backend.core.graphql.cost import MUTATION_WEIGHT, FieldCost
from backend.core.graphql.extend import add_fields
from backend.core.permissions import Perm
from backend.core.viewer import Viewer

from ..errors import CreditErrorCode as Code
from ..models import Requisites
from . import invoice_loaders as loaders
from .errors import CreditMutation

FIELDS = ("legal_address", "bank_name", "bik", "bank_account", "correspondent_account",
          "director", "chief_accountant")
# Russian bank details: BIK 9 digits, accounts 20 digits.
DIGITS = {"bik": 9, "bank_account": 20, "correspondent_account": 20}
LIMITS = {"legal_address": 1000, "bank_name": 255, "director": 255, "chief_accountant": 255}


class RequisitesType(graphene.ObjectType):
    legal_address = graphene.String(required=True)
    bank_name = graphene.String(required=True)
    bik = graphene.String(required=True)
    bank_account = graphene.String(required=True)
    correspondent_account = graphene.String(required=True)
    director = graphene.String(required=True)
    chief_accountant = graphene.String(required=True)

    class Meta:
        name = "Requisites"
        description = "An organization's bank details and signatories for its documents."


def resolve_requisites(root, info):
    return loaders.RequisitesByOrganizationIdLoader(info.context).load(root.pk)


add_fields(OrganizationType, requisites=graphene.Field(
    RequisitesType, resolver=resolve_requisites, description=(
        "Bank details for documents: seen by its members and by whoever sees a credit "
        "account it is a party of; null when none are set or hidden.")))


class RequisitesInput(graphene.InputObjectType):
    legal_address = graphene.String()
    bank_name = graphene.String()
    bik = graphene.String(description="9 digits.")
    bank_account = graphene.String(description="20 digits.")
    correspondent_account = graphene.String(description="20 digits.")
    director = graphene.String()
    chief_accountant = graphene.String()


def may_set(viewer: Viewer, organization_id: int) -> bool:
    if viewer.has_perm(Perm.MANAGE_ORGANIZATIONS):
        return True
    organization = viewer.organization
    return (not viewer.is_staff and organization is not None
            and organization.pk == organization_id and viewer.role == Role.ADMIN)


def checked(input) -> dict[str, str]:
    """The given fields trimmed; INVALID (field ``input.<name>``) for a wrong length."""
    errors = ErrorCollector()
    values = {}
    for name in FIELDS:
        value = getattr(input, name, None)
        if value is None:
            continue
        value = value.strip()
        camel = re.sub(r"_(\w)", lambda m: m.group(1).upper(), name)
        if name in DIGITS and value and not re.fullmatch(rf"\d{{{DIGITS[name]}}}", value):
            errors.add(Code.INVALID, f"{DIGITS[name]} digits.", f"input.{camel}")
        elif name in LIMITS and len(value) > LIMITS[name]:
            errors.add(Code.INVALID, f"At most {LIMITS[name]} characters.", f"input.{camel}")
        values[name] = value
    errors.raise_if_any()
    return values


class RequisitesSet(CreditMutation):
    requisites = graphene.Field(RequisitesType)
    organization = graphene.Field(OrganizationType)

    class Arguments:
        organization = graphene.ID(required=True)
        input = RequisitesInput(required=True)

    class Meta:
        description = ("Set an organization's bank details for its documents (the fields "
                       "given; the others stay). Its own admin, or staff with "
                       "MANAGE_ORGANIZATIONS.")

    @classmethod
    def perform_mutation(cls, root, info, organization, input):
        found = OrganizationType.get_visible(info, organization, "organization")
        if not may_set(info.context.viewer, found.pk):
            raise DomainValidationError.single(
                Code.PERMISSION_DENIED, "Only the organization's admin sets its requisites.",
                "organization")
        values = checked(input)
        requisites, _ = Requisites.objects.select_for_update().get_or_create(
            organization=found)
        for name, value in values.items():
            setattr(requisites, name, value)
        requisites.save()
        return cls(requisites=requisites, organization=found)


class Mutations(graphene.ObjectType):
    requisites_set = RequisitesSet.Field()


COSTS = {
    "Organization.requisites": FieldCost(1),
    "Mutation.requisitesSet": FieldCost(MUTATION_WEIGHT),
}
