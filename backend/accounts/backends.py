"""The authentication backend: Django's model backend behind the password throttle, so
the admin's sign-in form and the API count failures in the same place."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from backend.core.middleware import client_ip

from . import throttle


class ThrottledModelBackend(ModelBackend):
    """``authenticate(request, username=..., password=..., address=None)``: the client's
    address is ``address``, else the request's, else ``"unknown"``. Raises
    ``throttle.LoginThrottled`` (never answers ``None`` for it, so callers can say so)."""

    def authenticate(self, request, username=None, password=None, address=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        email = username.strip().lower()
        if address is None:
            address = client_ip(request) if request is not None else "unknown"
        throttle.attempt(email, address)
        user = super().authenticate(request, username=email, password=password)
        if user is not None:
            throttle.accepted(email, address)
        return user
