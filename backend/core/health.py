"""Liveness and readiness probes."""

from __future__ import annotations

from django.db import connection
from django.http import JsonResponse


def live(request):
    """The process answers."""
    return JsonResponse({"status": "ok"})


def ready(request):
    """The process can serve: the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means not ready
        return JsonResponse({"status": "unavailable", "database": str(exc)[:200]}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
