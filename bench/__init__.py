"""Benchmark data and workloads. They run against their own database, ``b2b_bench``.

``setup_django()`` must run before anything imports Django models.
"""

from __future__ import annotations

import os
import warnings

BENCH_DATABASE = "b2b_bench"


def setup_django() -> str:
    """Point Django at the benchmark database and set it up; return the database name.

    Without ``DATABASE_URL`` the embedded server gets a ``b2b_bench`` database, so the
    benchmarks never touch the demo data. Request logging and DEBUG are off, as in
    production, so that neither the log nor query recording is measured.
    """
    if not os.environ.get("DATABASE_URL"):
        from backend.devdb import ensure_database_url

        os.environ["DATABASE_URL"] = ensure_database_url(database=BENCH_DATABASE)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    # WhiteNoise warns when collectstatic has not run; static files are not measured.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers.base")
    import django
    from django.conf import settings

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the data may predate newer migrations
    # As the web server does once the application is loaded (backend/wsgi.py).
    from backend.api.schema import schema  # noqa: F401
    from backend.core.runtime import tune_garbage_collector

    tune_garbage_collector()
    return str(settings.DATABASES["default"]["NAME"])


def cli(prog: str, doc: str | None, run, **options: int) -> int:
    """Command line of one benchmark: ``--<option> N`` for each of ``options`` (their
    defaults), then set up Django, run, print the report; exit 1 when the target is missed."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog=prog, description=doc,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in options.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=default)
    args = parser.parse_args(sys.argv[1:])
    setup_django()
    result = run(**vars(args))
    print(result.report())
    return 0 if result.passed else 1
