"""Authentication and organization mutations."""

from __future__ import annotations

from datetime import UTC, datetime

import graphene
import jwt as pyjwt

from backend.core.errors import DomainValidationError
from backend.core.graphql.errors import error_type
from backend.core.graphql.mutations import BaseMutation
from backend.core.middleware import client_ip
from backend.core.permissions import Perm

from .. import tokens
from ..errors import AccountErrorCode
from ..refresh_cookie import clear_refresh_cookie, refresh_token_from_cookie, set_refresh_cookie
from ..services import OrganizationData, create_organization, sign_in, update_organization
from .types import OrganizationKindEnum, OrganizationStatusEnum, OrganizationType, UserType

AccountError = error_type(
    "AccountError", AccountErrorCode, "An error of an account operation.",
    retry_after=graphene.Int(description="LOGIN_THROTTLED: seconds until a new attempt."),
)


class AccountMutation(BaseMutation):
    class Meta:
        abstract = True

    meta_defaults = {"error_type_class": AccountError, "error_code_enum": AccountErrorCode}


class TokenCreate(AccountMutation):
    token = graphene.String(description="Access token (JWT) for the Authorization header.")
    refresh_token = graphene.String(description=(
        "Refresh token; each use returns a new one. Also set in an httpOnly cookie for the "
        "browser app."))
    user = graphene.Field(UserType)

    class Arguments:
        email = graphene.String(required=True)
        password = graphene.String(required=True)

    class Meta:
        description = "Sign in with e-mail and password. Repeated failures are throttled."
        login_required = False
        atomic = False  # the throttle's count stays whatever the answer (see sign_in)

    @classmethod
    def perform_mutation(cls, root, info, email, password):
        pair = sign_in(email, password, client_ip(info.context))
        set_refresh_cookie(info.context, pair.refresh)
        return cls(token=pair.access, refresh_token=pair.refresh, user=pair.user)


def _given_or_cookie(info, refresh_token: str | None) -> tuple[str, bool]:
    """The refresh token of the argument, else of the cookie; and whether it was the cookie."""
    if refresh_token:
        return refresh_token, False
    from_cookie = refresh_token_from_cookie(info.context)
    if from_cookie is None:
        raise DomainValidationError.single(
            AccountErrorCode.INVALID_TOKEN,
            "No refresh token: pass refreshToken, or sign in again.", "refreshToken")
    return from_cookie, True


class TokenRefresh(AccountMutation):
    token = graphene.String()
    refresh_token = graphene.String(description=(
        "The new refresh token; null when the old one came from the cookie (the new one is "
        "in the cookie, out of reach of the page's scripts)."))
    user = graphene.Field(UserType)

    class Arguments:
        refresh_token = graphene.String(description=(
            "Omit in the browser app: the httpOnly cookie set at sign-in is used."))

    class Meta:
        description = ("Exchange a refresh token for a new access token and a new refresh "
                       "token. A refresh token works once; reusing it signs out every session "
                       "of that sign-in.")
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, refresh_token=None):
        token, from_cookie = _given_or_cookie(info, refresh_token)
        try:
            pair = tokens.refresh_tokens(token)
        except DomainValidationError:
            if from_cookie:
                clear_refresh_cookie(info.context)
            raise
        set_refresh_cookie(info.context, pair.refresh)
        return cls(token=pair.access, refresh_token=None if from_cookie else pair.refresh,
                   user=pair.user)


class TokenVerify(AccountMutation):
    is_valid = graphene.Boolean(required=True)
    user = graphene.Field(UserType)
    expires_at = graphene.DateTime()

    failure_defaults = {"is_valid": False}

    class Arguments:
        token = graphene.String(required=True)

    class Meta:
        description = "Check an access token: valid, whose, and until when."
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, token):
        user = tokens.user_from_access_token(token)
        payload = pyjwt.decode(token, options={"verify_signature": False})
        return cls(is_valid=True, user=user,
                   expires_at=datetime.fromtimestamp(payload["exp"], tz=UTC))


class TokensRevoke(AccountMutation):
    revoked = graphene.Boolean(required=True)
    failure_defaults = {"revoked": False}

    class Arguments:
        refresh_token = graphene.String(description=(
            "Omit in the browser app: the httpOnly cookie set at sign-in is used."))

    class Meta:
        description = ("Sign out: the refresh token and every token rotated from it stop "
                       "working, and so do the user's access tokens issued so far (other "
                       "sign-ins get new ones with their refresh tokens). Clears the cookie.")
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, refresh_token=None):
        clear_refresh_cookie(info.context)
        tokens.revoke_family_of(_given_or_cookie(info, refresh_token)[0])
        return cls(revoked=True)


class OrganizationInput(graphene.InputObjectType):
    name = graphene.String()
    legal_name = graphene.String()
    inn = graphene.String(
        description="10 digits (company) or 12 (entrepreneur), checksum-verified.")
    kpp = graphene.String()
    address = graphene.String()
    country = graphene.String(description="ISO 3166 alpha-2, e.g. RU.")
    region = graphene.String()
    currency = graphene.String(description="ISO 4217, e.g. RUB.")
    status = graphene.Field(OrganizationStatusEnum)
    kind = graphene.Field(OrganizationKindEnum)
    parent = graphene.ID(description="The organization this one buys from.")


def _organization_data(info, input) -> OrganizationData:
    data = OrganizationData(**{k: v for k, v in input.items() if k != "parent"})
    if "parent" in input:
        data.parent_set = True
        data.parent = (OrganizationType.get_visible(info, input["parent"], "parent")
                       if input["parent"] else None)
    return data


class OrganizationCreate(AccountMutation):
    organization = graphene.Field(OrganizationType)

    class Arguments:
        input = OrganizationInput(required=True)

    class Meta:
        description = "Register an organization in the network."
        permissions = (Perm.MANAGE_ORGANIZATIONS,)

    @classmethod
    def perform_mutation(cls, root, info, input):
        return cls(organization=create_organization(_organization_data(info, input),
                                                    info.context.viewer.user))


class OrganizationUpdate(AccountMutation):
    organization = graphene.Field(OrganizationType)

    class Arguments:
        id = graphene.ID(required=True)
        input = OrganizationInput(required=True)

    class Meta:
        description = "Edit an organization or move it under another supplier."
        permissions = (Perm.MANAGE_ORGANIZATIONS,)

    @classmethod
    def perform_mutation(cls, root, info, id, input):
        organization = OrganizationType.get_visible(info, id)
        return cls(organization=update_organization(
            organization, _organization_data(info, input), info.context.viewer.user))


class AccountMutations(graphene.ObjectType):
    token_create = TokenCreate.Field()
    token_refresh = TokenRefresh.Field()
    token_verify = TokenVerify.Field()
    tokens_revoke = TokensRevoke.Field()
    organization_create = OrganizationCreate.Field()
    organization_update = OrganizationUpdate.Field()
