"""Media on S3, against a real SeaweedFS: storages built exactly as settings build them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import botocore.exceptions
import pytest
import requests
from django.core.files.base import ContentFile
from storages.backends.s3 import S3Storage

from backend.config.storages import s3_storages
from tests.s3_server import S3Server

pytestmark = pytest.mark.s3

ROOT = Path(__file__).resolve().parents[3]


def _storages(server: S3Server, *, secret_key: str | None = None, expire: int = 300) -> dict:
    configured = s3_storages(
        public_bucket=server.public_bucket,
        private_bucket=server.private_bucket,
        endpoint_url=server.endpoint_url,
        region_name="ap-southeast-1",
        access_key=server.access_key,
        secret_key=secret_key or server.secret_key,
        custom_domain=None,
        private_url_expire_seconds=expire,
    )
    return {
        alias: S3Storage(**config["OPTIONS"])
        for alias, config in configured.items()
        if config["BACKEND"] == "storages.backends.s3.S3Storage"
    }


def test_product_media_upload_is_publicly_readable(s3_server):
    # given
    public = _storages(s3_server)["default"]
    image = b"\x89PNG\r\n\x1a\n" + uuid.uuid4().bytes

    # when
    name = public.save(f"products/che-thai-nguyen-{uuid.uuid4().hex}.png", ContentFile(image))

    # then
    url = public.url(name)
    assert url.startswith(f"{s3_server.endpoint_url}/{s3_server.public_bucket}/products/")
    assert "Signature" not in url
    response = requests.get(url, timeout=10)
    assert response.status_code == 200
    assert response.content == image
    with public.open(name) as stored:
        assert stored.read() == image


def test_a_second_upload_with_the_same_name_never_overwrites(s3_server):
    public = _storages(s3_server)["default"]
    wanted = f"products/{uuid.uuid4().hex}.txt"

    first = public.save(wanted, ContentFile(b"one"))
    second = public.save(wanted, ContentFile(b"two"))

    assert first == wanted
    assert second != first
    assert public.open(first).read() == b"one"


def test_private_documents_need_a_signed_url_that_expires(s3_server):
    # given
    private = _storages(s3_server, expire=2)["private"]
    name = private.save(f"kyc/cccd-{uuid.uuid4().hex}.pdf", ContentFile(b"%PDF-1.7 giay to"))

    # when
    anonymous = requests.get(
        f"{s3_server.endpoint_url}/{s3_server.private_bucket}/{name}", timeout=10
    )
    signed_url = private.url(name)
    signed = requests.get(signed_url, timeout=10)

    # then
    assert anonymous.status_code == 403
    assert signed.status_code == 200
    assert signed.content == b"%PDF-1.7 giay to"
    assert "X-Amz-Signature" in signed_url

    # and once the expiry has passed, the same URL is refused
    time.sleep(3.5)
    expired = requests.get(signed_url, timeout=10)
    assert expired.status_code == 403
    assert b"expired" in expired.content.lower()


def test_wrong_credentials_are_refused(s3_server):
    # given
    wrong = _storages(s3_server, secret_key="not-the-secret")
    name = f"products/{uuid.uuid4().hex}.txt"

    # when / then
    for storage in wrong.values():
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            storage.save(name, ContentFile(b"x"))
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
        with pytest.raises(botocore.exceptions.ClientError):
            storage.bucket.Object(name).put(Body=b"x")
    assert not _storages(s3_server)["default"].exists(name)


def test_settings_use_s3_when_a_bucket_is_configured(s3_server, tmp_path):
    # given: production-like environment variables only
    script = (
        "import django; django.setup()\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import storages\n"
        "name = storages['default'].save('products/tu-settings.txt', ContentFile(b'ocop'))\n"
        "print(storages['default'].url(name))\n"
        "print(storages['private'].url(storages['private'].save('kyc/a.txt', ContentFile(b'k'))))\n"
    )
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "backend.config.settings",
        "DEBUG": "true",
        "OCOP_VAR_DIR": str(tmp_path),
        "AWS_STORAGE_BUCKET_NAME": s3_server.public_bucket,
        "AWS_PRIVATE_BUCKET_NAME": s3_server.private_bucket,
        "AWS_S3_ENDPOINT_URL": s3_server.endpoint_url,
        "AWS_ACCESS_KEY_ID": s3_server.access_key,
        "AWS_SECRET_ACCESS_KEY": s3_server.secret_key,
    }

    # when
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip

    # then
    assert result.returncode == 0, result.stderr
    public_url, private_url = result.stdout.split()
    assert requests.get(public_url, timeout=10).content == b"ocop"
    assert "X-Amz-Signature" in private_url
    assert requests.get(private_url, timeout=10).content == b"k"
