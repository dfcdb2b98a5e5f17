"""The development secret key: random, made on first run and kept in a file.

A key written in the source would be everyone's: anyone could sign a staff token for a
demo reachable from a network. So outside production (where ``SECRET_KEY`` is required)
the key is read from ``SECRET_KEY_FILE`` (default ``.secret_key`` in the checkout,
git-ignored), which the first run creates with mode 0600.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

MIN_LENGTH = 32


def local_secret_key(path: Path) -> str:
    """The key kept in ``path``, made (random, readable by the owner only) when missing.
    Processes starting together agree: the file appears whole, once (``os.link``)."""
    if not path.exists():
        draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(secrets.token_urlsafe(48) + "\n")
        try:
            os.link(draft, path)
        except FileExistsError:  # another process made it first: use that one
            pass
        finally:
            draft.unlink()
    key = path.read_text().strip()
    if len(key) < MIN_LENGTH:
        raise ImproperlyConfigured(
            f"{path} holds no usable secret key (at least {MIN_LENGTH} characters): "
            "delete it and a new one is made.")
    return key
