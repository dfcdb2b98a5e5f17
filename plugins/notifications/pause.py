"""A test-only stop in the delivery task: the worker-kill tests make the task wait at a
named point so they can kill the worker exactly there, never by timing.

``NOTIFICATIONS_PAUSE_AT`` names the point ("decided": the notifications and the outbox
committed, nothing sent; "sending": inside an e-mail's transaction, its row locked;
"sent": an e-mail sent and marked SENT, the next not yet) and
``NOTIFICATIONS_PAUSE_FILE`` a gate file. Reaching the point, the task writes
``<file>.reached`` and waits while the gate file exists. Both unset (always, outside
tests): nothing happens.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings


def pause_point(name: str) -> None:
    gate = settings.NOTIFICATIONS_PAUSE_FILE
    if not gate or name != settings.NOTIFICATIONS_PAUSE_AT:
        return
    gate_path = Path(gate)
    Path(f"{gate}.reached").write_text(str(os.getpid()))
    while gate_path.exists():
        time.sleep(0.05)
