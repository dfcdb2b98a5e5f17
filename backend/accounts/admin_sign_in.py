"""The Django admin's password checks under the password throttle: signing in (through
the authentication backend) and the old password of "change password". Installed on the
default admin site by ``install()`` (called from ``admin.py``)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm, AdminPasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.urls import reverse

from backend.core.middleware import client_ip

from . import throttle


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    """The backend counts the attempt with the API's; a throttled one is told when to
    retry."""

    def clean(self):
        try:
            return super().clean()
        except throttle.LoginThrottled as exc:
            raise forms.ValidationError(str(exc), code="throttled")


class ThrottledPasswordChangeForm(AdminPasswordChangeForm):
    """"Change password": the old password is checked under the throttle, from the
    request's address."""

    def __init__(self, user, *args, address: str = "unknown", **kwargs):
        self.address = address
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        try:
            right = throttle.check_password(self.user, old_password, self.address)
        except throttle.LoginThrottled as exc:
            raise forms.ValidationError(str(exc), code="throttled")
        if not right:
            raise forms.ValidationError(self.error_messages["password_incorrect"],
                                        code="password_incorrect")
        return old_password


class ThrottledPasswordChangeView(PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "address": client_ip(self.request)}


def _password_change(request, extra_context=None):
    site = admin.site
    request.current_app = site.name
    return ThrottledPasswordChangeView.as_view(
        success_url=reverse("admin:password_change_done", current_app=site.name),
        extra_context={**site.each_context(request), **(extra_context or {})},
    )(request)


def install(site: admin.AdminSite) -> None:
    site.login_form = ThrottledAdminLoginForm
    site.password_change = _password_change  # type: ignore[method-assign]
