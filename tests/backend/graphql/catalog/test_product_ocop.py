"""Product.ocop, the ocopStars filter and OCOP_STARS sorting: stars only from a certificate
in force (active, not expired, not revoked)."""

import datetime

import pytest

from backend.channels.models import Channel
from backend.ocop import certificate_services
from backend.ocop.models import ApplicationStatus
from tests.backend.catalog.factories import make_channel, make_product
from tests.backend.ocop.factories import World
from tests.conftest import content

QUERY = """
query Products($filter: ProductFilterInput, $sortBy: ProductOrder) {
  products(channel: "vn", first: 20, filter: $filter, sortBy: $sortBy) {
    edges { node { slug ocop { stars certificateNumber issuer validUntil status } } }
  }
}
"""


@pytest.fixture
def world(db):
    make_channel()
    return World()


def certified(world, name, total):
    product = make_product(name, channel=Channel.objects.get(slug="vn"), producer=world.producer)
    application = world.application(status=ApplicationStatus.SCORED, total=total, product=product)
    return product, world.certify(application, decision_date=datetime.date.today())


def nodes(api_client, **variables):
    response = api_client.post_graphql(QUERY, variables)
    return [edge["node"] for edge in content(response)["data"]["products"]["edges"]]


def test_certified_product_shows_its_certificate(api_client, world):
    # given
    product, certificate = certified(world, "Nem chua Thanh Hóa", "75")

    # when
    [node] = nodes(api_client)

    # then
    assert node["slug"] == product.slug
    assert node["ocop"] == {
        "stars": 4,
        "certificateNumber": certificate.number,
        "issuer": certificate.issuing_body,
        "validUntil": certificate.valid_until.isoformat(),
        "status": "ACTIVE",
    }


def test_revocation_removes_the_stars_at_once(api_client, world):
    # given
    _product, certificate = certified(world, "Nem chua Thanh Hóa", "75")

    # when
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
    )

    # then
    assert nodes(api_client)[0]["ocop"] is None
    assert nodes(api_client, filter={"ocopStars": [4]}) == []


def test_stars_filter_and_sort(api_client, world):
    # given
    four, _ = certified(world, "Nem chua bốn sao", "75")
    three, _ = certified(world, "Mắm ba sao", "55")
    plain = make_product("Chè chưa chứng nhận", channel=four.channel_listings.get().channel)

    # when
    only_four = nodes(api_client, filter={"ocopStars": [4]})
    by_stars = nodes(api_client, sortBy={"field": "OCOP_STARS", "direction": "DESC"})

    # then
    assert [node["slug"] for node in only_four] == [four.slug]
    assert [node["slug"] for node in by_stars] == [four.slug, three.slug, plain.slug]
