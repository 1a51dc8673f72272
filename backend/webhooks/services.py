"""Webhook writes: subscriptions (staff only) and the outbox emitter other apps call."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import is_staff
from backend.core.db.rows import prepared_cursor
from backend.core.errors import NotFound, PermissionDenied
from backend.webhooks.error_codes import WebhookErrorCode
from backend.webhooks.event_types import EMITTABLE_EVENT_TYPES, WebhookEventType
from backend.webhooks.models import Webhook, WebhookEvent
from backend.webhooks.targets import UnsafeTargetError, target_url_check
from backend.webhooks.tasks import enqueue_delivery

_UNSET: Any = object()


def _require_staff(actor: Any) -> None:
    if not is_staff(actor):
        raise PermissionDenied()


def _field_error(
    field: str, message: Any, code: WebhookErrorCode, **params: Any
) -> ValidationError:
    return ValidationError(
        {field: ValidationError(message, code=code.value, params=params or None)}
    )


def _clean_name(name: str | None) -> str:
    name = (name or "").strip()
    if not name:
        raise _field_error("name", _("Hãy đặt tên cho webhook."), WebhookErrorCode.REQUIRED)
    if len(name) > 255:
        raise _field_error("name", _("Tên tối đa 255 ký tự."), WebhookErrorCode.INVALID)
    return name


def _clean_target_url(url: str | None) -> str:
    url = (url or "").strip()
    if not url:
        raise _field_error(
            "target_url", _("Hãy nhập địa chỉ nhận webhook."), WebhookErrorCode.REQUIRED
        )
    if len(url) > 2048:
        raise _field_error(
            "target_url", _("Địa chỉ nhận tối đa 2048 ký tự."), WebhookErrorCode.INVALID
        )
    try:
        target_url_check(url)
    except UnsafeTargetError as exc:
        raise ValidationError({"target_url": exc}) from exc
    return url


def _clean_events(events: Iterable[str] | None) -> list[str]:
    cleaned = sorted({str(event).lower() for event in events or []})
    if not cleaned:
        raise _field_error(
            "events", _("Hãy chọn ít nhất một sự kiện."), WebhookErrorCode.MISSING_EVENT
        )
    unknown = [event for event in cleaned if event not in WebhookEventType.values]
    if unknown:
        raise _field_error(
            "events",
            _("Loại sự kiện không hợp lệ: %(events)s."),
            WebhookErrorCode.INVALID,
            events=", ".join(unknown),
        )
    return cleaned


def _clean_secret(secret_key: str | None) -> str:
    secret_key = (secret_key or "").strip()
    if len(secret_key) > 255:
        raise _field_error(
            "secret_key", _("Khoá bí mật tối đa 255 ký tự."), WebhookErrorCode.INVALID
        )
    # Every delivery is signed: without a key given, one is generated and shown to staff.
    return secret_key or secrets.token_urlsafe(32)


def webhook_create(
    *,
    actor: Any,
    name: str | None,
    target_url: str | None,
    events: Iterable[str] | None,
    is_active: bool = True,
    secret_key: str | None = None,
) -> Webhook:
    _require_staff(actor)
    webhook = Webhook(
        name=_clean_name(name),
        target_url=_clean_target_url(target_url),
        events=_clean_events(events),
        is_active=is_active,
        secret_key=_clean_secret(secret_key),
    )
    webhook.save()
    return webhook


def webhook_update(
    *,
    actor: Any,
    webhook_id: int,
    name: str | None = _UNSET,
    target_url: str | None = _UNSET,
    events: Iterable[str] | None = _UNSET,
    is_active: bool | None = _UNSET,
    secret_key: str | None = _UNSET,
) -> Webhook:
    """Change only the given fields; ``None`` for a required field is a REQUIRED error."""
    _require_staff(actor)
    webhook = Webhook.objects.select_for_update().filter(pk=webhook_id).first()
    if webhook is None:
        raise NotFound(gettext("Không tìm thấy webhook."), field="id")
    if name is not _UNSET:
        webhook.name = _clean_name(name)
    if target_url is not _UNSET:
        webhook.target_url = _clean_target_url(target_url)
    if events is not _UNSET:
        webhook.events = _clean_events(events)
    if is_active is not _UNSET and is_active is not None:
        webhook.is_active = is_active
    if secret_key is not _UNSET and secret_key:
        webhook.secret_key = _clean_secret(secret_key)
    webhook.save()
    return webhook


def webhook_delete(*, actor: Any, webhook_id: int) -> Webhook:
    """Delete a webhook with its pending outbox rows and delivery history."""
    _require_staff(actor)
    webhook = Webhook.objects.filter(pk=webhook_id).first()
    if webhook is None:
        raise NotFound(gettext("Không tìm thấy webhook."), field="id")
    webhook.delete()
    webhook.pk = webhook_id  # the payload still names what was deleted
    return webhook


Payload = Mapping[str, Any] | Callable[[], Mapping[str, Any]]


def webhook_event_emit(*, event_type: str, payload: Payload) -> list[WebhookEvent]:
    """Record an event for every active webhook subscribed to it, in the caller's transaction.

    Call it inside the transaction that makes the change: the outbox rows commit or roll
    back with it. Delivery is queued only after commit; if the broker is down then, the
    rows stay pending and the ``webhooks.resend_pending`` beat job sends them later.
    ``payload`` may be a callable: it is built only when some webhook subscribes, so the
    domain pays no queries for payloads nobody receives.
    Raises ValueError for an unknown event type (a programming error, not user input).
    """
    event_type = str(event_type)
    if event_type not in EMITTABLE_EVENT_TYPES:
        raise ValueError(f"Unknown webhook event type: {event_type!r}")
    webhook_ids = _subscribed_webhook_ids(event_type)
    if not webhook_ids:
        return []
    # Stored as it will be sent: dates, UUIDs and Decimals become JSON strings once, here.
    built = payload() if callable(payload) else payload
    stored_payload = json.loads(json.dumps(built, cls=DjangoJSONEncoder))
    events = WebhookEvent.objects.bulk_create(
        WebhookEvent(webhook_id=webhook_id, event_type=event_type, payload=stored_payload)
        for webhook_id in webhook_ids
    )
    transaction.on_commit(partial(_enqueue_all, [event.pk for event in events]))
    return events


def _subscribed_webhook_ids(event_type: str) -> list[int]:
    # Hand-written: every checkout and order mutation asks, and the ORM's compile of this
    # one-line query cost several times its execution (bench/README.md).
    with prepared_cursor() as cursor:
        cursor.execute(
            "SELECT id FROM webhooks_webhook WHERE is_active AND events && %s::varchar(64)[] "
            "ORDER BY id",
            [[event_type, WebhookEventType.ANY_EVENTS.value]],
        )
        return [row[0] for row in cursor.fetchall()]


def _enqueue_all(event_ids: list[int]) -> None:
    for event_id in event_ids:
        if not enqueue_delivery(event_id):
            return  # the broker is down: the beat job sends the rest too
