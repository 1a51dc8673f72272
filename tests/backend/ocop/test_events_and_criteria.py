import pytest
from django.db import DatabaseError, connection, transaction

from backend.ocop.models import ApplicationEvent, ApplicationStatus, CriteriaSet, Criterion
from backend.ocop.models.events import ImmutableEventError
from backend.ocop.scoring import QD148_2023_PATH, load_criteria_set
from backend.ocop.transitions import TRANSITIONS


def test_every_step_writes_an_event_with_before_and_after(world):
    # given
    app = world.application(ApplicationStatus.CERTIFIED, total="72")

    # then
    rows = list(app.events.values_list("type", "status_before", "status_after", "actor__email"))
    assert rows == [
        ("created", "", "draft", world.member.email),
        ("submitted", "draft", "submitted", world.member.email),
        ("commune_reviewed", "submitted", "commune_reviewed", world.assessor.email),
        ("assessment_started", "commune_reviewed", "under_assessment", world.assessor.email),
        ("assessment_submitted", "under_assessment", "scored", world.assessor.email),
        ("certificate_issued", "scored", "certified", world.approver.email),
    ]
    assert app.events.get(type="assessment_submitted").payload["stars"] == 4


def test_events_cannot_be_changed_or_deleted(world):
    # given
    event = world.application().events.get()

    # then: the ORM refuses
    with pytest.raises(ImmutableEventError):
        event.save()
    with pytest.raises(ImmutableEventError):
        event.delete()
    with pytest.raises(ImmutableEventError):
        ApplicationEvent.objects.filter(pk=event.pk).update(payload={})
    with pytest.raises(ImmutableEventError):
        ApplicationEvent.objects.filter(pk=event.pk).delete()
    # and so does the database, for raw SQL
    for sql in (
        "UPDATE ocop_applicationevent SET payload = '{}' WHERE id = %s",
        "DELETE FROM ocop_applicationevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert ApplicationEvent.objects.get(pk=event.pk).type == "created"


@pytest.mark.django_db
def test_the_148_criteria_set_is_loaded_as_data():
    data = load_criteria_set(QD148_2023_PATH)
    criteria_set = CriteriaSet.objects.get(code="QD148-2023")
    assert criteria_set.legal_basis == data.legal_basis
    assert criteria_set.effective_from == data.effective_from
    assert [(p.code, p.max_points) for p in criteria_set.parts.all()] == [
        ("A", 40),
        ("B", 25),
        ("C", 35),
    ]
    codes = list(
        Criterion.objects.filter(criteria_set=criteria_set).values_list("code", "max_points")
    )
    assert codes == [(c.code, c.max_points) for part in data.parts for c in part.criteria]


def test_transition_table_is_closed_over_the_statuses():
    assert set(TRANSITIONS) == set(ApplicationStatus)
    assert all(targets <= set(ApplicationStatus) for targets in TRANSITIONS.values())
