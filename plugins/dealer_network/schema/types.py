"""Partner application types: staff-only, except the public receipt."""

from __future__ import annotations

import graphene
from graphql_relay import to_global_id

from backend.accounts.schema.loaders import OrganizationByIdLoader, UserByIdLoader
from backend.accounts.schema.types import OrganizationKindEnum, OrganizationType, UserType
from backend.core.graphql.types import ModelObjectType

from ..flags import flag_message, read_flag
from ..models import ApplicationStatus, FlagCode, PartnerApplication, PartnerApplicationEvent
from ..services import joining_kind
from ..visibility import visible_partner_application_events, visible_partner_applications
from .loaders import (
    EventsByApplicationIdLoader,
    PartnerApplicationByIdLoader,
    SupplierByRegionLoader,
)

PartnerApplicationStatusEnum = graphene.Enum(
    "PartnerApplicationStatus", [(s.value, s.value) for s in ApplicationStatus])
PartnerApplicationFlagCodeEnum = graphene.Enum(
    "PartnerApplicationFlagCode", [(c.value, c.value) for c in FlagCode])


PartnerApplicationFlagSubjectEnum = graphene.Enum(
    "PartnerApplicationFlagSubject", [("ORGANIZATION", "ORGANIZATION"),
                                      ("APPLICATION", "APPLICATION")])


class PartnerApplicationFlag(graphene.ObjectType):
    """Something staff should check before approving: flags never block a submission.
    Say it by ``code`` with its parameters (``subject``, ``name``, ``inn``...), in the
    reader's language."""

    code = graphene.Field(PartnerApplicationFlagCodeEnum, required=True)
    subject = graphene.Field(PartnerApplicationFlagSubjectEnum, required=True,
                             description="Whether it concerns a registered organization or "
                                         "another application.")
    name = graphene.String(description="The other company's name when the flag was raised.")
    number = graphene.Int(description="The other application's number (APPLICATION).")
    inn = graphene.String(description="The INN both have (DUPLICATE_INN).")
    kpp = graphene.String(description="The other company's KPP (DUPLICATE_INN).")
    similarity = graphene.Float(description="Trigram similarity of the normalized names "
                                            "(SIMILAR_NAME), 0..1.")
    later = graphene.Boolean(required=True,
                             description="The other application was submitted after "
                                         "this one.")
    message = graphene.String(required=True,
                              description="The flag in English; translate code and "
                                          "parameters instead.")
    subject_id = graphene.ID(required=True, description=(
        "The ID of the organization or application it concerns (what ``organization`` "
        "and ``application`` load, when the viewer may see it)."))
    organization = graphene.Field(OrganizationType,
                                  description="The registered organization it concerns.")
    application = graphene.Field(lambda: PartnerApplicationType,
                                 description="The other application it concerns.")

    @staticmethod
    def resolve_code(root: dict, info):
        return root["code"]

    @staticmethod
    def resolve_subject(root: dict, info):
        return read_flag(root)["subject"].upper()

    @staticmethod
    def resolve_name(root: dict, info):
        return root.get("name")

    @staticmethod
    def resolve_number(root: dict, info):
        return root.get("number")

    @staticmethod
    def resolve_inn(root: dict, info):
        return root.get("inn")

    @staticmethod
    def resolve_kpp(root: dict, info):
        return root.get("kpp")

    @staticmethod
    def resolve_later(root: dict, info):
        return bool(root.get("later"))

    @staticmethod
    def resolve_message(root: dict, info):
        return flag_message(root)

    @staticmethod
    def resolve_subject_id(root: dict, info):
        flag = read_flag(root)
        if flag["subject"] == "organization":
            return to_global_id("Organization", flag["organization"])
        return to_global_id("PartnerApplication", flag["application"])

    @staticmethod
    def resolve_similarity(root: dict, info):
        return root.get("similarity")

    @staticmethod
    def resolve_organization(root: dict, info):
        return OrganizationByIdLoader(info.context).load(root.get("organization"))

    @staticmethod
    def resolve_application(root: dict, info):
        return PartnerApplicationByIdLoader(info.context).load(root.get("application"))


class PartnerApplicationEventType(ModelObjectType):
    from_status = graphene.Field(PartnerApplicationStatusEnum,
                                 description="Null for the submission.")
    to_status = graphene.Field(PartnerApplicationStatusEnum, required=True)
    actor = graphene.Field(UserType, description="Null for an anonymous applicant.")

    class Meta:
        model = PartnerApplicationEvent
        name = "PartnerApplicationEvent"
        visible = visible_partner_application_events
        fields = ("id", "note", "created_at")

    @staticmethod
    def resolve_from_status(root: PartnerApplicationEvent, info):
        return root.from_status or None

    @staticmethod
    def resolve_actor(root: PartnerApplicationEvent, info):
        return None if root.actor_id is None else UserByIdLoader(info.context).load(
            root.actor_id)


class PartnerApplicationType(ModelObjectType):
    status = graphene.Field(PartnerApplicationStatusEnum, required=True)
    flags = graphene.List(graphene.NonNull(PartnerApplicationFlag), required=True)
    organization = graphene.Field(OrganizationType, description="Created on approval.")
    reviewed_by = graphene.Field(UserType)
    events = graphene.List(graphene.NonNull(PartnerApplicationEventType), required=True,
                           description="Every change of status, oldest first.")
    number = graphene.Int(required=True, description=(
        "The short number people read out: written «З-000042» in Russian, «A-000042» in "
        "English (the prefix is the reader's; searches accept either, or the digits)."))
    supplier = graphene.Field(OrganizationType, description=(
        "The organization it joins if approved now (the active dealer of its region, else "
        "the manufacturer); null once reviewed or when the viewer may not see it."))
    joins_as = graphene.Field(OrganizationKindEnum, description=(
        "The kind the new organization gets under the supplier (SUB_DEALER of a dealer, "
        "DEALER of the manufacturer); null once reviewed."))

    class Meta:
        model = PartnerApplication
        name = "PartnerApplication"
        visible = visible_partner_applications
        fields = ("id", "company_name", "legal_name", "inn", "kpp", "country", "region",
                  "address", "contact_first_name", "contact_last_name", "email", "phone",
                  "comment", "rejection_reason", "reviewed_at", "created_at")

    @staticmethod
    def resolve_status(root: PartnerApplication, info):
        return str(root.status)  # a plain value, also on an instance not reloaded

    @staticmethod
    def resolve_flags(root: PartnerApplication, info):
        return root.flags or []

    @staticmethod
    def resolve_organization(root: PartnerApplication, info):
        return OrganizationByIdLoader(info.context).load(root.organization_id)

    @staticmethod
    def resolve_reviewed_by(root: PartnerApplication, info):
        return UserByIdLoader(info.context).load(root.reviewed_by_id)

    @staticmethod
    def resolve_events(root: PartnerApplication, info):
        return EventsByApplicationIdLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_number(root: PartnerApplication, info):
        return root.number

    @staticmethod
    def resolve_supplier(root: PartnerApplication, info):
        if root.status != ApplicationStatus.SUBMITTED:
            return None
        return SupplierByRegionLoader(info.context).load(root.region)

    @staticmethod
    def resolve_joins_as(root: PartnerApplication, info):
        if root.status != ApplicationStatus.SUBMITTED:
            return None
        return SupplierByRegionLoader(info.context).load_then(
            root.region, lambda supplier: supplier and joining_kind(supplier))


class PartnerApplicationReceipt(graphene.ObjectType):
    """What the public form learns about its own application: nothing about anyone else's
    (flags, registered companies), so the answer is the same whoever applied before."""

    id = graphene.ID(required=True, description="The application's ID, for staff.")
    number = graphene.Int(required=True, description=(
        "The number the applicant quotes: «З-000042» in Russian, «A-000042» in English."))
    status = graphene.Field(PartnerApplicationStatusEnum, required=True)
    created_at = graphene.DateTime(required=True)
    message = graphene.String(required=True)

    @staticmethod
    def of(application: PartnerApplication) -> PartnerApplicationReceipt:
        return PartnerApplicationReceipt(
            id=to_global_id("PartnerApplication", application.pk),
            number=application.number,
            status=str(application.status),
            created_at=application.created_at,
            message=("Thank you: we received the application and will answer at "
                     f"{application.email} after review."),
        )
