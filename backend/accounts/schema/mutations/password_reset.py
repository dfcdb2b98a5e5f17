"""Forgotten passwords: asking for an e-mailed link, and setting a new password with it."""

from __future__ import annotations

import graphene

from backend.core.middleware import client_ip

from ...services.password_reset import request_password_reset, reset_password
from .base import AccountMutation


class PasswordResetRequest(AccountMutation):
    requested = graphene.Boolean(required=True, description=(
        "True whether or not an account has this address: the answer never tells."))

    failure_defaults = {"requested": False}

    class Arguments:
        email = graphene.String(required=True)

    class Meta:
        description = ("E-mail a password reset link to the active account with this address, "
                       "if there is one. The link works once, for PASSWORD_RESET_TTL_SECONDS. "
                       "Limited per e-mail and per client address (PASSWORD_RESET_THROTTLED).")
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, email):
        request_password_reset(email, client_ip(info.context))
        return cls(requested=True)


class PasswordResetConfirm(AccountMutation):
    email = graphene.String(description="The account whose password was set, to sign in with.")

    class Arguments:
        uid = graphene.String(required=True, description="From the e-mailed link.")
        token = graphene.String(required=True, description="From the e-mailed link.")
        password = graphene.String(required=True)

    class Meta:
        description = ("Set a new password with an e-mailed reset link. Every session of the "
                       "account is signed out; the link stops working.")
        login_required = False

    @classmethod
    def perform_mutation(cls, root, info, uid, token, password):
        return cls(email=reset_password(uid, token, password).email)
