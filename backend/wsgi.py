import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

application = get_wsgi_application()

from backend.accounts.checks import warn_about_settings  # noqa: E402
from backend.api.schema import schema  # noqa: E402,F401  load the schema before freezing
from backend.core.runtime import tune_garbage_collector  # noqa: E402

# gunicorn runs no system checks: what they would warn about goes to the log.
warn_about_settings()
tune_garbage_collector()
