"""Each person's channels per topic: both on unless they said otherwise."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q

from backend.accounts.models import User

from ..models import NotificationPreference, Topic


def channels_of(keys: Iterable[tuple[int, str]]) -> dict[tuple[int, str], tuple[bool, bool]]:
    """(email, in_app) for each (user id, topic), in one query."""
    wanted = set(keys)
    found = {key: (True, True) for key in wanted}
    if not wanted:
        return found
    condition = Q(pk__in=[])
    for user_id, topic in wanted:
        condition |= Q(user_id=user_id, topic=topic)
    for row in NotificationPreference.objects.filter(condition):
        found[(row.user_id, row.topic)] = (row.email, row.in_app)
    return found


def preferences(user: User) -> list[tuple[str, bool, bool]]:
    """(topic, email, in_app) for every topic, in the topics' order."""
    stored = {row.topic: (row.email, row.in_app)
              for row in NotificationPreference.objects.filter(user=user)}
    return [(topic, *stored.get(topic, (True, True))) for topic in Topic.values]


def update_preferences(user: User, choices: Iterable[tuple[str, bool, bool]]) -> None:
    with transaction.atomic():
        for topic, email, in_app in choices:
            NotificationPreference.objects.update_or_create(
                user=user, topic=topic, defaults={"email": email, "in_app": in_app})
