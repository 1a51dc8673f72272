import pytest
from django.db import transaction

from backend.core.idempotency import claim_once
from backend.core.models import CompletedTask

pytestmark = pytest.mark.django_db


def test_a_key_is_claimed_once():
    # when
    with transaction.atomic():
        first = claim_once("order:1:email")
    with transaction.atomic():
        second = claim_once("order:1:email")

    # then
    assert (first, second) == (True, False)
    assert CompletedTask.objects.filter(key="order:1:email").count() == 1


def test_a_claim_rolls_back_with_its_effect():
    with pytest.raises(RuntimeError), transaction.atomic():
        assert claim_once("order:2:email")
        raise RuntimeError("the effect failed")

    assert not CompletedTask.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_claiming_outside_a_transaction_is_a_programming_error():
    # when: autocommit, as in a task that forgot transaction.atomic()
    with pytest.raises(RuntimeError, match="inside the effect's transaction"):
        claim_once("order:3:email")

    # then
    assert not CompletedTask.objects.exists()
