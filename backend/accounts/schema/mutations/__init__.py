"""The accounts' root mutation fields, one module per entity."""

import graphene

from .custom_roles import CustomRoleCreate, CustomRoleDelete, CustomRoleUpdate
from .invitations import InvitationAccept, InvitationCreate, InvitationRevoke
from .memberships import MembershipDeactivate, MembershipUpdate
from .organizations import OrganizationCreate, OrganizationUpdate
from .password_reset import PasswordResetConfirm, PasswordResetRequest
from .tokens import TokenCreate, TokenRefresh, TokensRevoke, TokenVerify


class AccountMutations(graphene.ObjectType):
    invitation_create = InvitationCreate.Field()
    invitation_revoke = InvitationRevoke.Field()
    invitation_accept = InvitationAccept.Field()
    membership_update = MembershipUpdate.Field()
    membership_deactivate = MembershipDeactivate.Field()
    custom_role_create = CustomRoleCreate.Field()
    custom_role_update = CustomRoleUpdate.Field()
    custom_role_delete = CustomRoleDelete.Field()
    token_create = TokenCreate.Field()
    token_refresh = TokenRefresh.Field()
    token_verify = TokenVerify.Field()
    tokens_revoke = TokensRevoke.Field()
    password_reset_request = PasswordResetRequest.Field()
    password_reset_confirm = PasswordResetConfirm.Field()
    organization_create = OrganizationCreate.Field()
    organization_update = OrganizationUpdate.Field()
