"""Media storage options for S3 (pure data, so tests build storages exactly as settings do).

Product media go to a public bucket (plain URLs, cacheable by a CDN); producer documents go
to a private bucket, reachable only through signed URLs that expire.
"""

from __future__ import annotations

from typing import Any


def s3_storages(
    *,
    public_bucket: str,
    private_bucket: str,
    endpoint_url: str | None,
    region_name: str,
    access_key: str | None,
    secret_key: str | None,
    custom_domain: str | None,
    private_url_expire_seconds: int,
) -> dict[str, dict[str, Any]]:
    """``STORAGES["default"]`` and ``STORAGES["private"]`` for django-storages' S3Storage."""
    common = {
        "endpoint_url": endpoint_url,
        "region_name": region_name,
        "access_key": access_key,
        "secret_key": secret_key,
        "signature_version": "s3v4",
        # S3-compatible servers (SeaweedFS, MinIO) want path-style addresses.
        "addressing_style": "path" if endpoint_url else "auto",
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": public_bucket,
                "querystring_auth": False,
                "default_acl": None,
                "custom_domain": custom_domain,
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket,
                "querystring_auth": True,
                "querystring_expire": private_url_expire_seconds,
                "default_acl": "private",
            },
        },
    }
