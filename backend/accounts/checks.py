"""Start-up warnings about account settings a deploy must set.

Invitation links are made of ``PORTAL_URL``: left at its default (``http://localhost:8000``)
every invitation e-mailed by a real portal points at the recipient's own computer and
nobody can join. Outside DEBUG that is reported twice, where a deploy sees it: as the
system check ``accounts.W001`` (``manage.py migrate``, ``check``) and in the log when the
web server loads the application (``backend/wsgi.py``)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core import checks

logger = logging.getLogger(__name__)

PORTAL_URL_HINT = ("Set PORTAL_URL to the address people open the portal at, "
                   "e.g. https://portal.example.com.")


def portal_url_problem() -> str | None:
    """Why invitation links would not work, or ``None`` (always ``None`` under DEBUG)."""
    if settings.DEBUG or settings.PORTAL_URL.rstrip("/") != settings.DEFAULT_PORTAL_URL:
        return None
    return (f"PORTAL_URL is left at its default ({settings.DEFAULT_PORTAL_URL}): invitation "
            "links in e-mails will point there, not at this portal.")


@checks.register(checks.Tags.compatibility)
def check_portal_url(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """accounts.W001: PORTAL_URL left at its default outside DEBUG."""
    problem = portal_url_problem()
    if problem is None:
        return []
    return [checks.Warning(problem, hint=PORTAL_URL_HINT, id="accounts.W001")]


def warn_about_settings() -> None:
    """Log what ``check_portal_url`` reports, for servers that run no system checks."""
    problem = portal_url_problem()
    if problem is not None:
        logger.warning("%s %s", problem, PORTAL_URL_HINT)
