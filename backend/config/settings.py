"""OCOP Market settings, all read from the environment (see README: Configuration)."""

from __future__ import annotations

import secrets
from pathlib import Path

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from backend.config import env

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
    "backend.ocop",
    "backend.graphql",
    "qr",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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
EMBEDDED_POSTGRES_DIR = VAR_DIR / "postgres"
if DATABASE_URL:
    try:
        _database = env.parse_database_url(DATABASE_URL)
    except ValueError as exc:
        env.problem("DATABASE_URL", str(exc))
        _database = {"NAME": "invalid", "HOST": "invalid.invalid"}
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
            **_database,
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
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}
# OCOP: expire certificates and send 60/30-day reminders shortly after midnight, Vietnam time.
CELERY_BEAT_SCHEDULE["ocop-certificates-daily"] = {
    "task": "ocop.certificates_daily",
    "schedule": crontab(hour=0, minute=5),
}
CELERY_BEAT_SCHEDULE["qr-drain-scans"] = {"task": "qr.drain_scans", "schedule": 2.0}
if PRODUCTION and not REDIS_URL:
    env.problem(
        "REDIS_URL",
        "REDIS_URL must be set in production (Celery broker for emails, webhooks, jobs).",
        production_only=True,
    )

# --- Users and passwords.
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/admin/login/"

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
    _s3_common = {
        "endpoint_url": AWS_S3_ENDPOINT_URL,
        "region_name": AWS_S3_REGION_NAME,
        "access_key": AWS_ACCESS_KEY_ID or None,
        "secret_key": AWS_SECRET_ACCESS_KEY or None,
        "signature_version": "s3v4",
        "addressing_style": "path" if AWS_S3_ENDPOINT_URL else "auto",
    }
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3_common,
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "querystring_auth": False,
                "default_acl": None,
                "custom_domain": AWS_S3_CUSTOM_DOMAIN,
                "file_overwrite": False,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3_common,
                "bucket_name": AWS_PRIVATE_BUCKET_NAME or "private",
                "querystring_auth": True,
                "querystring_expire": AWS_QUERYSTRING_EXPIRE,
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# Development serves static files straight from the apps; production from collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
