"""Test settings: the production settings with speed knobs (style.md rule 10)."""

import os

os.environ.setdefault("DEBUG", "true")

from backend.config.settings import *  # noqa: F403
from backend.config.settings import VAR_DIR

TESTING = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run in-process unless a test starts a real worker (those are marked `worker`).
CELERY_TASK_ALWAYS_EAGER = True
QR_SCAN_BUFFER_URL = ""  # scans go through eager tasks; tests of the buffer set it
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT), "base_url": "/media/"},
    },
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
GRAPHQL_RATE_LIMIT = ""  # the rate-limit tests switch it on with their own limit
SIGN_IN_RATE_LIMIT = ACCOUNT_REGISTER_RATE_LIMIT = PASSWORD_RESET_RATE_LIMIT = ""
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise warns otherwise)
# Off by default: rolled-back test data must never be served from a cached response.
GRAPHQL_RESPONSE_CACHE_SECONDS = 0
# The webhook tests' receivers listen on 127.0.0.1; the SSRF tests clear this list.
WEBHOOK_ALLOWED_PRIVATE_NETWORKS = ["127.0.0.1/32"]
