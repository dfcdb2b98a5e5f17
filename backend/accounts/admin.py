"""Django admin for users, organizations, memberships and refresh tokens.

The admin is the manufacturer's back office. Its organization form asks the service for
its validation (INN and KPP, the tree's rules), so a staff user cannot save what the API
would refuse.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.forms import UserChangeForm as DjangoUserChangeForm
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from backend.core.admin_forms import add_domain_errors
from backend.core.permissions import Perm
from backend.core.plugins import get_plugins_manager

from . import admin_sign_in
from .models import (
    AuditEvent,
    CustomRole,
    Invitation,
    Membership,
    Organization,
    RefreshToken,
    StaffAssignment,
    User,
)
from .regions import official_region
from .services.organizations import OrganizationData, organization_errors

STAFF_PERMISSION_CHOICES = [(p.value, p.label) for p in Perm]


admin_sign_in.install(admin.site)  # password checks under the throttle


def _clean_email(form: forms.ModelForm) -> str:
    """E-mail addresses are stored lower-case (see UserManager) and unique regardless of case."""
    email = form.cleaned_data["email"].strip().lower()
    taken = User.objects.filter(email__iexact=email)
    if form.instance.pk:
        taken = taken.exclude(pk=form.instance.pk)
    if taken.exists():
        raise forms.ValidationError(_("A user with this e-mail address already exists."))
    return email


class UserCreationForm(AdminUserCreationForm):
    """The add form: e-mail (the login) and the password twice, or no password yet."""

    class Meta:
        model = User
        fields = ("email",)

    def clean_email(self) -> str:
        return _clean_email(self)


class UserChangeForm(DjangoUserChangeForm):
    staff_permissions = forms.MultipleChoiceField(
        choices=STAFF_PERMISSION_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What a staff user may do across every organization. Superusers have "
                    "all of them."),
    )

    class Meta:
        model = User
        fields = ("email", "password", "first_name", "last_name", "phone", "language",
                  "is_active", "is_staff", "is_superuser", "staff_permissions", "groups",
                  "user_permissions")

    def clean_email(self) -> str:
        return _clean_email(self)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active", "last_login",
                    "date_joined")
    list_filter = ("is_staff", "is_active", "is_superuser", "language")
    search_fields = ("email", "first_name", "last_name", "phone")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "phone", "language")}),
        (_("Staff"), {"fields": ("is_active", "is_staff", "is_superuser", "staff_permissions")}),
        (_("Django permissions"), {"classes": ("collapse",),
                                   "fields": ("groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {
            "classes": ("wide",),
            "fields": ("email", "usable_password", "password1", "password2"),
        }),
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("user", "role", "is_active", "created_at")
    readonly_fields = ("created_at",)
    autocomplete_fields = ("user",)
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "organization")


ORGANIZATION_FIELDS = ("name", "legal_name", "kind", "status", "parent", "inn", "kpp",
                       "country", "region", "address", "currency")


class OrganizationForm(forms.ModelForm):
    """Checked by services.organization_errors, the same rules as the API's."""

    class Meta:
        model = Organization
        fields = ORGANIZATION_FIELDS

    def clean(self):
        cleaned = super().clean()
        data = OrganizationData(
            **{name: cleaned.get(name) for name in ORGANIZATION_FIELDS if name != "parent"},
            parent=cleaned.get("parent"),
        )
        add_domain_errors(self, organization_errors(self.instance, data))
        for name in ("kpp", "currency", "country"):
            if cleaned.get(name):
                cleaned[name] = cleaned[name].strip().upper()
        if cleaned.get("region"):  # as the services store it: a subject's official name
            cleaned["region"] = official_region(cleaned.get("country") or "",
                                                " ".join(cleaned["region"].split()))
        return cleaned


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationForm
    list_display = ("name", "inn", "kpp", "kind", "status", "parent", "region", "member_count")
    list_filter = ("kind", "status", "region")
    search_fields = ("name", "legal_name", "inn")
    list_select_related = ("parent",)
    raw_id_fields = ("parent",)
    readonly_fields = ("path", "depth", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "legal_name", "kind", "status", "parent")}),
        (_("Tax ids"), {"fields": ("inn", "kpp")}),
        (_("Location"), {"fields": ("country", "region", "address", "currency")}),
        (_("Tree"), {"classes": ("collapse",), "fields": ("path", "depth")}),
        (_("Dates"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    )
    inlines = (MembershipInline,)
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description=_("members"), ordering="member_count")
    def member_count(self, obj: Organization) -> int:
        return obj.member_count  # type: ignore[attr-defined]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:  # the same hook services.create_organization runs
            get_plugins_manager().run("organization_created", None, obj)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organization", "role", "custom_role", "spending_limit",
                    "is_active", "created_at")
    list_filter = ("role", "is_active", "organization__kind")
    search_fields = ("user__email", "user__first_name", "user__last_name",
                     "organization__name", "organization__inn")
    list_select_related = ("user", "organization", "custom_role")
    autocomplete_fields = ("user", "organization")
    raw_id_fields = ("custom_role",)
    readonly_fields = ("created_at", "deactivated_at")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written only by services (tokens, invitations, the audit trail)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StaffAssignment)
class StaffAssignmentAdmin(admin.ModelAdmin):
    """Regional managers: staff without VIEW_ALL see only their assigned subtrees."""

    list_display = ("user", "organization", "created_at")
    search_fields = ("user__email", "organization__name")
    list_select_related = ("user", "organization")
    raw_id_fields = ("user", "organization")


@admin.register(CustomRole)
class CustomRoleAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "created_at")
    search_fields = ("name", "organization__name")
    list_select_related = ("organization",)
    raw_id_fields = ("organization",)


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("email", "organization", "role", "created_at", "expires_at",
                    "accepted_at", "revoked_at")
    search_fields = ("email", "organization__name")
    list_select_related = ("organization",)
    exclude = ("token_hash",)


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "organization", "actor", "action", "target_type",
                    "target_id")
    list_filter = ("action",)
    search_fields = ("organization__name", "actor__email", "action")
    list_select_related = ("organization", "actor")
    date_hierarchy = "created_at"


@admin.register(RefreshToken)
class RefreshTokenAdmin(ReadOnlyAdmin):
    """Issued refresh tokens, for support and audits: written only by the token service."""

    list_display = ("user", "created_at", "expires_at", "used_at", "revoked_at", "family")
    list_filter = ("created_at", "expires_at")
    search_fields = ("user__email", "jti__exact", "family__exact")
    list_select_related = ("user",)
    date_hierarchy = "created_at"
    fields = ("jti", "family", "user", "created_at", "expires_at", "used_at", "revoked_at")
    readonly_fields = fields
