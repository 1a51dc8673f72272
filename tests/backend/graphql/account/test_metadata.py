"""User and Address public metadata, through the shared ObjectWithPublicMetadata fields."""

import pytest

from backend.accounts.addresses import address_create
from tests.conftest import content

pytestmark = pytest.mark.django_db

ME = """
{ me {
  metadata { key value }
  newsletter: metafield(key: "newsletter")
  missing: metafield(key: "khong-co")
  some: metafields(keys: ["tier", "khong-co"])
  all: metafields
  addresses { metadata { key value } gate: metafield(key: "gate") metafields }
} }
"""


def test_user_and_address_metadata_read_as_before(user_api_client, user):
    # given
    user.metadata = {"newsletter": "yes", "tier": "2"}
    user.save()
    address = address_create(
        actor=user,
        data={"street_address_1": "5 Lê Lợi", "city": "Ba Đình", "country_area": "Hà Nội"},
    )
    address.metadata = {"gate": "B"}
    address.save()

    # when
    data = content(user_api_client.post_graphql(ME))["data"]["me"]

    # then
    assert data["metadata"] == [
        {"key": "newsletter", "value": "yes"},
        {"key": "tier", "value": "2"},
    ]
    assert data["newsletter"] == "yes"
    assert data["missing"] is None
    assert data["some"] == {"tier": "2"}
    assert data["all"] == {"newsletter": "yes", "tier": "2"}
    assert data["addresses"] == [
        {"metadata": [{"key": "gate", "value": "B"}], "gate": "B", "metafields": {"gate": "B"}}
    ]


def test_empty_metadata_reads_as_empty(user_api_client):
    # when
    data = content(user_api_client.post_graphql(ME))["data"]["me"]

    # then
    assert data["metadata"] == []
    assert data["newsletter"] is None
    assert data["all"] == {}
    assert data["addresses"] == []
