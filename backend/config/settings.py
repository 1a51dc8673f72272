"""OCOP Market settings, all read from the environment (see README: Configuration)."""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path
from typing import Any

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from backend.config import env
from backend.config.storages import s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.get_str("OCOP_VAR_DIR") or BASE_DIR / "var")

DEBUG = env.get_bool("DEBUG", False)
# Production mode is anything that is not DEBUG: required settings are checked then.
PRODUCTION = not DEBUG
TESTING = False


def _development_secret_key() -> str:
    """A per-checkout key kept in var/, so sessions survive restarts of the demo."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.get_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        env.problem("SECRET_KEY", "SECRET_KEY must be set in production.", production_only=True)
        SECRET_KEY = secrets.token_urlsafe(50)  # unusable placeholder; the check stops start-up
    else:
        SECRET_KEY = _development_secret_key()
elif PRODUCTION and len(SECRET_KEY) < 40:
    env.problem("SECRET_KEY", "SECRET_KEY must be at least 40 characters long in production.")

ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
if PRODUCTION and not ALLOWED_HOSTS:
    env.problem(
        "ALLOWED_HOSTS",
        "ALLOWED_HOSTS must list the site's host names in production.",
        production_only=True,
    )
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [])
# The public address of the site, used in emails, QR codes and JWT issuers.
PUBLIC_URL = env.get_str("PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

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
    "producers",
    "backend.channels",
    "backend.catalog",
    "backend.inventory",
    "backend.shipping",
    "backend.discounts",
    "backend.checkout",
    "backend.orders",
    "backend.content",
    "backend.webhooks",
    "backend.ocop",
    "backend.payments",
    "backend.graphql",
    "qr",
    "storefront_theme",
]

MIDDLEWARE = [
    "backend.core.middleware.RequestIdMiddleware",
    "backend.core.middleware.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "backend.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.config.urls"
WSGI_APPLICATION = "backend.config.wsgi.application"
ASGI_APPLICATION = "backend.config.asgi.application"

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
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# --- Database: PostgreSQL only. Unset DATABASE_URL means the embedded server in var/.
DATABASE_URL = env.get_str("DATABASE_URL")
CONN_MAX_AGE = env.get_int("DB_CONN_MAX_AGE", 60, minimum=0)
# The checkout's hand-written hot queries run as prepared statements (core.db.rows); off
# behind a transaction-pooling proxy that cannot keep them (PgBouncer before 1.21).
DB_PREPARED_STATEMENTS = env.get_bool("DB_PREPARED_STATEMENTS", True)
# psycopg never prepares Django's own (client-side bound) queries; a threshold that is not
# None lets core.db.rows prepare its statements explicitly, and one this high never
# prepares anything on its own. Those statements look rows up by key, so one generic plan
# serves every call (PostgreSQL would otherwise re-plan a six-table join each time).
_PREPARE: dict[str, Any] = (
    {"prepare_threshold": 2**31 - 1, "options": "-c plan_cache_mode=force_generic_plan"}
    if DB_PREPARED_STATEMENTS
    else {"prepare_threshold": None}
)


def _database_options(given: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """DATABASE_URL's options with ``extra`` added; libpq ``options`` strings are joined."""
    merged = {**given, **extra}
    if given.get("options") and extra.get("options"):
        merged["options"] = f"{given['options']} {extra['options']}"
    return merged


EMBEDDED_POSTGRES_DIR = VAR_DIR / "postgres"
if DATABASE_URL:
    try:
        _database = env.parse_database_url(DATABASE_URL)
    except ValueError as exc:
        env.problem("DATABASE_URL", str(exc))
        _database = {"NAME": "invalid", "HOST": "invalid.invalid"}
    _url_options = _database.get("OPTIONS")
    if not isinstance(_url_options, dict):
        _url_options = {}
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
            **_database,
            "OPTIONS": _database_options(_url_options, _PREPARE),
        }
    }
else:
    if PRODUCTION:
        env.problem(
            "DATABASE_URL",
            "DATABASE_URL must point at PostgreSQL in production "
            "(the embedded server is for the demo and development).",
            production_only=True,
        )
    DATABASES = {
        "default": {
            # Starts the embedded PostgreSQL on first connection (backend/core/db/embedded).
            "ENGINE": "backend.core.db.embedded",
            "NAME": "ocop",
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
            "EMBEDDED_DATA_DIR": str(EMBEDDED_POSTGRES_DIR),
            "OPTIONS": _PREPARE,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when configured, else in-process memory.
REDIS_URL = env.get_str("REDIS_URL")
CACHE_URL = env.get_str("CACHE_URL", REDIS_URL)
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery: Redis broker; without REDIS_URL (the demo) tasks run eagerly in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # An unacknowledged (acks_late) task of a worker that died is redelivered after this.
    "visibility_timeout": env.get_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=1),
    # Publishing from a web request fails fast when the broker is down: the outbox and the
    # beat job cover the gap, so a request must not hang on reconnects.
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Later apps add their jobs here, each a task named in its app's tasks.py:
#   "ocop-certificates-expire": daily, marks certificates past valid_until EXPIRED
#     (and emits OCOP_CERTIFICATE_EXPIRED);
#   "orders-expire-unpaid": every 5 minutes, cancels unpaid VietQR/Stripe orders past their
#     deadline and releases their stock;
#   "catalog-search-refresh": every 10 minutes, refreshes search vectors of changed products.
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    "webhooks-resend-pending": {
        "task": "webhooks.resend_pending",
        "schedule": env.get_int("WEBHOOK_RESEND_INTERVAL_SECONDS", 60, minimum=5),
    },
    # OCOP: expire certificates and send 60/30-day reminders shortly after midnight.
    "ocop-certificates-daily": {
        "task": "ocop.certificates_daily",
        "schedule": crontab(hour=0, minute=5),
    },
}
CELERY_BEAT_SCHEDULE["qr-drain-scans"] = {"task": "qr.drain_scans", "schedule": 2.0}
# Catalogue: rebuild the search index of products marked search_index_dirty (changes to
# what a product is found by, e.g. its category or producer name, mark it).
CELERY_BEAT_SCHEDULE["catalog-search-refresh"] = {
    "task": "catalog.update_products_search_vector",
    "schedule": 300.0,
}
if PRODUCTION and not REDIS_URL:
    env.problem(
        "REDIS_URL",
        "REDIS_URL must be set in production (Celery broker for emails, webhooks, jobs).",
        production_only=True,
    )

# --- Outbound webhooks: each event is tried once and retried at most WEBHOOK_MAX_RETRIES
# times, after base, 2*base, 4*base ... seconds.
WEBHOOK_TIMEOUT_SECONDS = env.get_int("WEBHOOK_TIMEOUT_SECONDS", 10, minimum=1)
WEBHOOK_MAX_RETRIES = 5
WEBHOOK_RETRY_BASE_SECONDS = env.get_int("WEBHOOK_RETRY_BASE_SECONDS", 30, minimum=1)
# SSRF guard (backend/webhooks/targets.py): targets must resolve only to public addresses,
# except in these CIDR ranges (e.g. "10.0.5.0/24" for an ERP inside the VPC).
WEBHOOK_ALLOWED_PRIVATE_NETWORKS = env.get_list("WEBHOOK_ALLOWED_PRIVATE_NETWORKS", [])
for _cidr in WEBHOOK_ALLOWED_PRIVATE_NETWORKS:
    try:
        ipaddress.ip_network(_cidr, strict=False)
    except ValueError:
        env.problem(
            "WEBHOOK_ALLOWED_PRIVATE_NETWORKS",
            f"WEBHOOK_ALLOWED_PRIVATE_NETWORKS must list CIDR ranges, got {_cidr!r}.",
        )
# Plain-http targets: only in development unless explicitly allowed.
WEBHOOK_ALLOW_HTTP = env.get_bool("WEBHOOK_ALLOW_HTTP", DEBUG)
# --- Orders: unpaid bank-transfer (VietQR) orders are cancelled after this many minutes.
ORDER_UNPAID_EXPIRY_MINUTES = env.get_int("ORDER_UNPAID_EXPIRY_MINUTES", 24 * 60, minimum=5)
CELERY_BEAT_SCHEDULE["orders.expire_unpaid_orders"] = {
    "task": "orders.expire_unpaid_orders",
    "schedule": 300.0,
}

# --- Users and passwords.
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/tai-khoan/dang-nhap/"  # one sign-in page for shoppers, producers and officials

# --- Languages: Vietnamese first, English available.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static files and media: local by default, S3 when a bucket is configured.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT") or VAR_DIR / "media")
PRIVATE_MEDIA_ROOT = Path(env.get_str("PRIVATE_MEDIA_ROOT") or VAR_DIR / "private")
MAX_UPLOAD_BYTES = env.get_int("MAX_UPLOAD_BYTES", 10 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.get_int("MAX_REQUEST_BYTES", 12 * 1024 * 1024, minimum=1024)

AWS_STORAGE_BUCKET_NAME = env.get_str("AWS_STORAGE_BUCKET_NAME")
AWS_PRIVATE_BUCKET_NAME = env.get_str("AWS_PRIVATE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = env.get_str("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = env.get_str("AWS_S3_REGION_NAME", "ap-southeast-1")
AWS_ACCESS_KEY_ID = env.get_str("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = env.get_str("AWS_SECRET_ACCESS_KEY")
AWS_S3_CUSTOM_DOMAIN = env.get_str("AWS_S3_CUSTOM_DOMAIN") or None
AWS_QUERYSTRING_EXPIRE = env.get_int("PRIVATE_URL_EXPIRE_SECONDS", 300, minimum=10)

_whitenoise = "whitenoise.storage.CompressedManifestStaticFilesStorage"
if AWS_STORAGE_BUCKET_NAME:
    if not AWS_PRIVATE_BUCKET_NAME:
        env.problem(
            "AWS_PRIVATE_BUCKET_NAME",
            "AWS_PRIVATE_BUCKET_NAME must be set with AWS_STORAGE_BUCKET_NAME: producer "
            "documents never go to the public bucket.",
        )
    STORAGES = {
        **s3_storages(
            public_bucket=AWS_STORAGE_BUCKET_NAME,
            private_bucket=AWS_PRIVATE_BUCKET_NAME or "private",
            endpoint_url=AWS_S3_ENDPOINT_URL,
            region_name=AWS_S3_REGION_NAME,
            access_key=AWS_ACCESS_KEY_ID or None,
            secret_key=AWS_SECRET_ACCESS_KEY or None,
            custom_domain=AWS_S3_CUSTOM_DOMAIN,
            private_url_expire_seconds=AWS_QUERYSTRING_EXPIRE,
        ),
        "staticfiles": {"BACKEND": _whitenoise},
    }
else:
    STORAGES = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": MEDIA_URL},
        },
        # Never served by a URL: documents are streamed by views that check access.
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
        },
        "staticfiles": {"BACKEND": _whitenoise},
    }

# --- Payments.
STRIPE_SECRET_KEY = env.get_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env.get_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env.get_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env.get_str("STRIPE_API_BASE") or None
if STRIPE_SECRET_KEY and not (STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET):
    env.problem(
        "STRIPE_WEBHOOK_SECRET",
        "STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET must be set when STRIPE_SECRET_KEY is.",
    )

# Cash on delivery is offered only for orders up to this total (whole đồng).
COD_MAX_ORDER_AMOUNT = env.get_int("COD_MAX_ORDER_AMOUNT", 5_000_000, minimum=0)
# The platform's collection account for VietQR transfers (it withholds sellers' tax).
VIETQR_BANK_BIN = env.get_str("VIETQR_BANK_BIN")
VIETQR_ACCOUNT_NUMBER = env.get_str("VIETQR_ACCOUNT_NUMBER")
VIETQR_ACCOUNT_NAME = env.get_str("VIETQR_ACCOUNT_NAME")
VIETQR_BANK_NAME = env.get_str("VIETQR_BANK_NAME")
# HMAC-SHA256 key the bank (or its notification relay) signs transfer notices with.
BANK_WEBHOOK_SECRET = env.get_str("BANK_WEBHOOK_SECRET")
# Days after delivery before a producer's revenue is payable (the return window).
PAYOUT_RETURN_WINDOW_DAYS = env.get_int("PAYOUT_RETURN_WINDOW_DAYS", 7, minimum=0)

# --- Email: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env.get_str("EMAIL_HOST")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env.get_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "OCOP Market <no-reply@ocop.example>")


# --- Traceability (qr): signed serials, platform identifiers, limits.
def _development_qr_signing_key() -> str:
    """Like the development SECRET_KEY: generated once into var/ so printed codes stay valid."""
    path = VAR_DIR / "qr_signing_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


QR_SIGNING_KEY = env.get_str("QR_SIGNING_KEY")
if not QR_SIGNING_KEY:
    if PRODUCTION:
        env.problem(
            "QR_SIGNING_KEY",
            "QR_SIGNING_KEY must be set in production (it signs the serials printed on labels).",
            production_only=True,
        )
        QR_SIGNING_KEY = secrets.token_urlsafe(48)  # unusable placeholder; the check stops start-up
    else:
        QR_SIGNING_KEY = _development_qr_signing_key()
elif len(QR_SIGNING_KEY) < 32:
    env.problem("QR_SIGNING_KEY", "QR_SIGNING_KEY must be at least 32 characters long.")
# GTIN-13 company prefix for variants without their own GTIN (default: GS1 restricted range).
QR_PLATFORM_GTIN_PREFIX = env.get_str("QR_PLATFORM_GTIN_PREFIX", "200")
if not (QR_PLATFORM_GTIN_PREFIX.isdigit() and 3 <= len(QR_PLATFORM_GTIN_PREFIX) <= 11):
    env.problem("QR_PLATFORM_GTIN_PREFIX", "QR_PLATFORM_GTIN_PREFIX must be 3 to 11 digits.")
    QR_PLATFORM_GTIN_PREFIX = "200"
QR_SCAN_WARNING_THRESHOLD = env.get_int("QR_SCAN_WARNING_THRESHOLD", 5, minimum=1)
QR_MAX_SERIALS_PER_REQUEST = env.get_int("QR_MAX_SERIALS_PER_REQUEST", 10_000, minimum=1)
QR_MAX_LABELS_PER_JOB = env.get_int("QR_MAX_LABELS_PER_JOB", 20_000, minimum=1)
QR_TRACE_CACHE_SECONDS = env.get_int("QR_TRACE_CACHE_SECONDS", 300, minimum=0)
# Redis list that buffers trace-page scans for the qr.drain_scans beat task (see qr.scan_buffer).
QR_SCAN_BUFFER_URL = env.get_str("QR_SCAN_BUFFER_URL", REDIS_URL)
# A TrueType font with Vietnamese glyphs for label PDFs (without one, diacritics are dropped).
QR_LABEL_FONT = env.get_str("QR_LABEL_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# --- GraphQL.
GRAPHENE = {"SCHEMA": "backend.graphql.api.schema", "SCHEMA_OUTPUT": "schema.graphql"}
GRAPHQL_MAX_PAGE_SIZE = 100
# Anonymous catalogue reads are cached whole for this long (0 turns the cache off); any
# catalogue change retires them earlier (backend/graphql/core/response_cache.py).
GRAPHQL_RESPONSE_CACHE_SECONDS = env.get_int("GRAPHQL_RESPONSE_CACHE_SECONDS", 60, minimum=0)
GRAPHQL_MAX_DEPTH = env.get_int("GRAPHQL_MAX_DEPTH", 15, minimum=2)
GRAPHQL_MAX_COST = env.get_int("GRAPHQL_MAX_COST", 20000, minimum=10)
GRAPHQL_MAX_BODY_BYTES = env.get_int("GRAPHQL_MAX_BODY_BYTES", 512 * 1024, minimum=1024)
# Requests per window per client (signed-in user, else IP address): "300/60". Empty: off.
GRAPHQL_RATE_LIMIT = env.get_str("GRAPHQL_RATE_LIMIT", "600/60")
if GRAPHQL_RATE_LIMIT:
    _limit, _slash, _window = GRAPHQL_RATE_LIMIT.partition("/")
    if not (_limit.isdigit() and _window.isdigit() and int(_limit) > 0 and int(_window) > 0):
        env.problem("GRAPHQL_RATE_LIMIT", "GRAPHQL_RATE_LIMIT must look like 600/60.")
        GRAPHQL_RATE_LIMIT = "600/60"
# How many proxies of ours (nginx, load balancer) append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# --- Security: production defaults, relaxed only under DEBUG.
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31536000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_HEALTH_PATHS = ("/healthz", "/readyz")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
X_FRAME_OPTIONS = "DENY"
# Pages set no inline scripts; product images may come from the S3/CDN domain.
CONTENT_SECURITY_POLICY = env.get_str(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data: https:; script-src 'self'; "
    "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'",
)

# --- Observability: JSON logs (one object per line, with the request id) unless
# LOG_FORMAT=text; Prometheus text at /metrics; Sentry when SENTRY_DSN is set.
LOG_FORMAT = env.get_str("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "backend.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "backend.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
METRICS_TOKEN = env.get_str("METRICS_TOKEN")
SENTRY_DSN = env.get_str("SENTRY_DSN")
if SENTRY_DSN:
    # Imported only when configured: no cost for deployments without Sentry.
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.get_str("SENTRY_ENVIRONMENT", "production"),
        integrations=[DjangoIntegration(), CeleryIntegration()],
        traces_sample_rate=float(env.get_str("SENTRY_TRACES_SAMPLE_RATE", "0") or 0),
        send_default_pii=False,
    )

# Development serves static files straight from the apps; production from collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Accounts and JWT (backend/accounts): Saleor's token scheme, RS256.
# PEM text; "\n" escapes are accepted so the key fits in one environment line.
RSA_PRIVATE_KEY = env.get_str("RSA_PRIVATE_KEY").replace("\\n", "\n")
# Without RSA_PRIVATE_KEY under DEBUG, a key is generated once into this file.
RSA_DEVELOPMENT_KEY_PATH = VAR_DIR / "jwt_private_key.pem"
if PRODUCTION and not RSA_PRIVATE_KEY:
    env.problem(
        "RSA_PRIVATE_KEY",
        "RSA_PRIVATE_KEY must hold a PEM RSA private key in production (it signs API tokens).",
        production_only=True,
    )
JWT_TTL_ACCESS_SECONDS = 5 * 60
JWT_TTL_REFRESH_SECONDS = 30 * 24 * 3600
ACCOUNT_CONFIRMATION_REQUIRED = env.get_bool("ACCOUNT_CONFIRMATION_REQUIRED", True)
# Hosts that may appear in redirectUrl (links in account emails carry one-time tokens).
ALLOWED_CLIENT_HOSTS = env.get_list(
    "ALLOWED_CLIENT_HOSTS", [*ALLOWED_HOSTS, PUBLIC_URL.split("://", 1)[-1].split("/", 1)[0]]
)
LOGIN_THROTTLE_FAILURES = env.get_int("LOGIN_THROTTLE_FAILURES", 5, minimum=1)
LOGIN_THROTTLE_WINDOW_SECONDS = env.get_int("LOGIN_THROTTLE_WINDOW_SECONDS", 15 * 60, minimum=1)


def _rate_limit(name: str, rule: str, default: str) -> str:
    limit, _slash, window = rule.partition("/")
    if rule and not (limit.isdigit() and window.isdigit() and int(limit) and int(window)):
        env.problem(name, f"{name} must look like {default} (requests/seconds) or be empty.")
        return default
    return rule


# Requests per window per client IP ("limit/seconds"; empty: off), counted whatever their
# outcome; sign-in keeps the per-email/IP failure throttle above as well.
SIGN_IN_RATE_LIMIT = _rate_limit(
    "SIGN_IN_RATE_LIMIT", env.get_str("SIGN_IN_RATE_LIMIT", "30/60"), "30/60"
)
ACCOUNT_REGISTER_RATE_LIMIT = _rate_limit(
    "ACCOUNT_REGISTER_RATE_LIMIT", env.get_str("ACCOUNT_REGISTER_RATE_LIMIT", "10/3600"), "10/3600"
)
PASSWORD_RESET_RATE_LIMIT = _rate_limit(
    "PASSWORD_RESET_RATE_LIMIT", env.get_str("PASSWORD_RESET_RATE_LIMIT", "5/3600"), "5/3600"
)
# Reverse proxies in front of the app; the client IP is read from X-Forwarded-For only then.
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
AUTHENTICATION_BACKENDS = ["backend.accounts.backends.AccountBackend"]
