"""Partner application types: staff-only, except the public receipt."""

from __future__ import annotations

import graphene
from graphql_relay import to_global_id

from backend.accounts.schema.loaders import OrganizationByIdLoader, UserByIdLoader
from backend.accounts.schema.types import OrganizationType, UserType
from backend.core.graphql.types import ModelObjectType

from ..models import ApplicationStatus, FlagCode, PartnerApplication, PartnerApplicationEvent
from ..visibility import visible_partner_application_events, visible_partner_applications
from .loaders import EventsByApplicationIdLoader, PartnerApplicationByIdLoader

PartnerApplicationStatusEnum = graphene.Enum(
    "PartnerApplicationStatus", [(s.value, s.value) for s in ApplicationStatus])
PartnerApplicationFlagCodeEnum = graphene.Enum(
    "PartnerApplicationFlagCode", [(c.value, c.value) for c in FlagCode])


class PartnerApplicationFlag(graphene.ObjectType):
    """Something staff should check before approving: flags never block a submission."""

    code = graphene.Field(PartnerApplicationFlagCodeEnum, required=True)
    message = graphene.String(required=True)
    similarity = graphene.Float(description="Trigram similarity of the normalized names "
                                            "(SIMILAR_NAME), 0..1.")
    organization = graphene.Field(OrganizationType,
                                  description="The registered organization it concerns.")
    application = graphene.Field(lambda: PartnerApplicationType,
                                 description="The other application it concerns.")

    @staticmethod
    def resolve_code(root: dict, info):
        return root["code"]

    @staticmethod
    def resolve_message(root: dict, info):
        return root["message"]

    @staticmethod
    def resolve_similarity(root: dict, info):
        return root.get("similarity")

    @staticmethod
    def resolve_organization(root: dict, info):
        if root.get("organization") is None:
            return None
        return OrganizationByIdLoader(info.context).load(root["organization"])

    @staticmethod
    def resolve_application(root: dict, info):
        if root.get("application") is None:
            return None
        return PartnerApplicationByIdLoader(info.context).load(root["application"])


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


class PartnerApplicationReceipt(graphene.ObjectType):
    """What the public form learns about its own application: nothing about anyone else's
    (flags, registered companies), so the answer is the same whoever applied before."""

    id = graphene.ID(required=True, description="The application's ID, for staff.")
    status = graphene.Field(PartnerApplicationStatusEnum, required=True)
    created_at = graphene.DateTime(required=True)
    message = graphene.String(required=True)

    @staticmethod
    def of(application: PartnerApplication) -> PartnerApplicationReceipt:
        return PartnerApplicationReceipt(
            id=to_global_id("PartnerApplication", application.pk),
            status=str(application.status),
            created_at=application.created_at,
            message=("Thank you: we received the application and will answer at "
                     f"{application.email} after review."),
        )
