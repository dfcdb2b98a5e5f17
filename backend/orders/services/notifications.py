"""Whether an order's events should tell anyone. People are told by the notifications
plugin (plugins/notifications: in-app and e-mail, from the ``order_event`` hook); the
core only marks the events recorded inside ``silenced()`` so that none is told.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_silenced: ContextVar[bool] = ContextVar("order_notifications_silenced", default=False)


@contextmanager
def silenced() -> Iterator[None]:
    """Nobody is told of the events recorded inside: the demo's orders are history nobody
    should be written to about (the ``order_event`` hook still hears them, marked
    ``silent``)."""
    token = _silenced.set(True)
    try:
        yield
    finally:
        _silenced.reset(token)


def is_silenced() -> bool:
    return _silenced.get()
