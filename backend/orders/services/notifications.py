"""Who is told of an order's event, by e-mail, after commit. Owned by the approval work:
until it lands, nobody is written to."""

from __future__ import annotations


def notify(event_id: int) -> None:
    """Send the e-mails ``event_id`` calls for (none yet)."""
