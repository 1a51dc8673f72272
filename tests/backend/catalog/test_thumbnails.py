import pytest
from graphql_relay import to_global_id
from PIL import Image

from backend.catalog.models import Thumbnail
from tests.backend.catalog.factories import make_channel, make_product


@pytest.fixture
def media(db):
    return make_product("Nem", channel=make_channel()).media.get()


def test_thumbnail_is_generated_on_first_request_then_reused(client, media):
    # given
    url = f"/thumbnail/{to_global_id('ProductMedia', media.pk)}/32/webp/"

    # when
    first = client.get(url)
    second = client.get(url)

    # then
    assert first.status_code == 302
    assert second["Location"] == first["Location"]
    thumbnail = Thumbnail.objects.get()
    assert (thumbnail.size, thumbnail.format) == (32, "webp")
    with thumbnail.image.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "WEBP"
        assert max(image.size) == 32


def test_original_format_keeps_the_source_format(client, media):
    response = client.get(f"/thumbnail/{to_global_id('ProductMedia', media.pk)}/64/")

    assert response.status_code == 302
    assert Thumbnail.objects.get().image.name.endswith(".png")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/thumbnail/{id}/33/webp/", 400),
        ("/thumbnail/{id}/64/gif/", 400),
        ("/thumbnail/not-base64!/64/", 400),
        ("/thumbnail/{other}/64/", 400),
        ("/thumbnail/{missing}/64/", 404),
    ],
)
def test_bad_thumbnail_requests_are_clear_errors(client, media, path, status):
    url = path.format(
        id=to_global_id("ProductMedia", media.pk),
        other=to_global_id("Order", 1),
        missing=to_global_id("ProductMedia", media.pk + 1000),
    )

    response = client.get(url)

    assert response.status_code == status
    assert Thumbnail.objects.count() == 0
