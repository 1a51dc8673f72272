"""Producer members manage their own producer's traceability; another producer's answers
as not found (authorization matrix)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from backend.core.errors import NotFound, PermissionDenied
from producers.models import MemberRole, ProducerMember
from qr import services
from qr.models import Batch

EXPECTED = {
    "anonymous": 302,
    "shopper": 403,
    "official": 403,
    "member": 200,
    "other_member": 404,
    "staff": 200,
}


def people(producer: Any, other_producer: Any, staff_user: Any, shopper: Any) -> dict[str, Any]:
    users = get_user_model().objects
    member = users.create_user("member@ocop.example", "pw-123456")
    other = users.create_user("other@ocop.example", "pw-123456")
    official = users.create_user("official@ocop.example", "pw-123456")
    official.groups.add(Group.objects.get_or_create(name="official")[0])
    ProducerMember.objects.unscoped().create(producer=producer, user=member, role=MemberRole.STAFF)
    ProducerMember.objects.unscoped().create(
        producer=other_producer, user=other, role=MemberRole.OWNER
    )
    return {
        "anonymous": None,
        "shopper": shopper,
        "official": official,
        "member": member,
        "other_member": other,
        "staff": staff_user,
    }


@pytest.mark.parametrize("actor", list(EXPECTED))
def test_batch_pages_matrix(
    client: Any,
    actor: str,
    producer: Any,
    other_producer: Any,
    staff_user: Any,
    shopper: Any,
    batch: Any,
) -> None:
    # given
    user = people(producer, other_producer, staff_user, shopper)[actor]
    if user is not None:
        client.force_login(user)

    # when
    listing = client.get(f"/trace/manage/{producer.slug}/batches/")
    detail = client.get(f"/trace/manage/{producer.slug}/batches/{batch.pk}/")

    # then
    assert (listing.status_code, detail.status_code) == (EXPECTED[actor], EXPECTED[actor])
    if EXPECTED[actor] == 200:
        assert batch.lot_code in listing.content.decode()


@pytest.mark.parametrize(
    ("actor", "error"),
    [("member", None), ("other_member", NotFound), ("shopper", PermissionDenied)],
)
def test_batch_create_by_members(
    actor: str,
    error: Any,
    producer: Any,
    other_producer: Any,
    staff_user: Any,
    shopper: Any,
    variant: Any,
) -> None:
    # given
    user = people(producer, other_producer, staff_user, shopper)[actor]

    def create() -> Any:
        return services.batch_create(
            actor=user,
            producer=producer,
            variant=variant,
            lot_code="L-MEMBER",
            production_date=dt.date(2026, 11, 2),
            best_before_date=dt.date(2026, 11, 9),
            quantity=10,
            origin_commune_code="16378",
            origin_area="Đông Sơn",
        )

    # when / then
    if error is None:
        assert create().producer_id == producer.pk
    else:
        with pytest.raises(error):
            create()
        assert not Batch.objects.filter(lot_code="L-MEMBER").exists()
