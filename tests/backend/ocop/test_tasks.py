import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from backend.ocop import certificate_services, tasks
from backend.ocop.models import ApplicationStatus, CertificateStatus

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: datetime.date, hour: int = 0, minute: int = 5) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN)


def test_expiry_job_expires_only_after_the_last_day_and_once(world):
    # given
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    last_day = certificate.valid_until

    # when / then
    assert certificate_services.certificates_expire(now=at(last_day, 23, 59)) == 0
    assert (
        certificate_services.certificates_expire(now=at(last_day + datetime.timedelta(days=1))) == 1
    )
    assert (
        certificate_services.certificates_expire(now=at(last_day + datetime.timedelta(days=2))) == 0
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.EXPIRED
    assert certificate.events.filter(type="certificate_expired", actor=None).count() == 1


def test_reminders_go_60_and_30_days_before_and_only_once(world):
    # given
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    end = certificate.valid_until
    days = [61, 60, 59, 45, 31, 30, 29, 10]

    # when
    sent = {
        left: certificate_services.certificate_reminders_send(
            now=at(end - datetime.timedelta(days=left))
        )
        for left in days
    }

    # then
    assert {left: [d for _, d in claimed] for left, claimed in sent.items() if claimed} == {
        60: [60],
        30: [30],
    }
    assert certificate.events.filter(type="expiry_reminder_sent").count() == 2


def test_a_late_first_run_sends_only_the_30_day_reminder(world):
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    end = certificate.valid_until
    first = certificate_services.certificate_reminders_send(
        now=at(end - datetime.timedelta(days=20))
    )
    second = certificate_services.certificate_reminders_send(
        now=at(end - datetime.timedelta(days=19))
    )
    assert [d for _, d in first] == [30]
    assert second == []


@pytest.mark.django_db(transaction=True)
def test_daily_task_emails_the_producer_once(django_capture_on_commit_callbacks):
    from tests.backend.ocop.factories import World

    world = World()
    certificate = world.certify(world.application(ApplicationStatus.SCORED))
    # make the certificate end in 60 days from today
    today = datetime.date.today()
    type(certificate).objects.filter(pk=certificate.pk).update(
        valid_from=today - datetime.timedelta(days=900),
        valid_until=today + datetime.timedelta(days=60),
    )

    # when
    first = tasks.certificates_daily.delay().get()
    second = tasks.certificates_daily.delay().get()

    # then
    assert first == {"expired": 0, "reminders": 1}
    assert second == {"expired": 0, "reminders": 0}
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.producer.email]
    assert certificate.number in mail.outbox[0].body


def test_beat_schedule_runs_the_daily_job(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["ocop-certificates-daily"]
    assert entry["task"] == "ocop.certificates_daily"
    assert tasks.certificates_daily.name == entry["task"]
