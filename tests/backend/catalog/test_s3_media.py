"""Product images and their thumbnails on S3 (a real SeaweedFS started by the suite)."""

import io

import pytest
import requests
from graphql_relay import to_global_id
from PIL import Image

from backend.catalog.services import product_media_create, thumbnail_get_or_create
from backend.config.storages import s3_storages
from tests.backend.catalog.factories import make_channel, make_product

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


@pytest.fixture
def media_on_s3(s3_server, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            public_bucket=s3_server.public_bucket,
            private_bucket=s3_server.private_bucket,
            endpoint_url=s3_server.endpoint_url,
            region_name="ap-southeast-1",
            access_key=s3_server.access_key,
            secret_key=s3_server.secret_key,
            custom_domain=None,
            private_url_expire_seconds=60,
        ),
    }
    return s3_server


def png(width: int = 1200, height: int = 800) -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def test_uploads_and_thumbnails_are_stored_and_served_from_s3(media_on_s3, client):
    # given
    product = make_product("Mật ong rừng", channel=make_channel(), with_image=False)
    media = product_media_create(actor=None, product=product, upload=png(), name="mat-ong.png")
    prefix = f"{media_on_s3.endpoint_url}/{media_on_s3.public_bucket}/"
    assert media.image.url.startswith(prefix)

    # when: a shopper's browser asks for a WebP thumbnail the first time
    response = client.get(f"/thumbnail/{to_global_id('ProductMedia', media.pk)}/256/WEBP/")

    # then: it is generated, stored in the bucket, and the browser is sent there
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(prefix)
    fetched = requests.get(location, timeout=10)
    assert fetched.status_code == 200
    thumbnail = Image.open(io.BytesIO(fetched.content))
    assert thumbnail.format == "WEBP"
    assert max(thumbnail.size) == 256

    # and the second request reuses the stored file
    stored = thumbnail_get_or_create(owner=media, size=256, fmt="webp")
    assert stored.image.url == location
