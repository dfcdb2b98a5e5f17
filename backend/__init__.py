"""The Django project and the commerce core of the B2B ordering portal."""

from .celery import app as celery_app

__all__ = ["celery_app"]
