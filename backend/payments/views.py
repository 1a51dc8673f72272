"""Incoming webhooks (bank notices, Stripe) and statement downloads.

Webhooks answer 400 and record nothing when the signature does not verify; a verified
notice or event is recorded (or recognised as already recorded) and answered 200.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from backend.core.errors import DomainError, PermissionDenied
from backend.payments import reconciliation, selectors, statements, stripe_webhooks


@csrf_exempt
@require_POST
def bank_notice(request: HttpRequest) -> HttpResponse:
    try:
        payload = reconciliation.bank_notice_verify(
            request.body, request.headers.get(reconciliation.SIGNATURE_HEADER)
        )
    except reconciliation.BankNoticeInvalidError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    notice, created = reconciliation.bank_notice_receive(payload=payload)
    return JsonResponse(
        {"status": notice.status, "flag": notice.flag, "duplicate": not created}, status=200
    )


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    try:
        event = stripe_webhooks.stripe_event_verify(
            request.body, request.headers.get("Stripe-Signature")
        )
    except stripe_webhooks.StripeWebhookInvalidError as exc:
        return JsonResponse({"error": str(exc)}, status=400)
    handled = stripe_webhooks.stripe_event_handle(event=event)
    return JsonResponse({"handled": handled}, status=200)


@require_GET
def producer_statement(
    request: HttpRequest, producer_id: int, year: int, month: int, fmt: str
) -> HttpResponse:
    """A month's statement for the signed-in member or staff, or for whoever holds a link
    ``statements.statement_url`` signed (GraphQL hands those out)."""
    actor: Any = request.user
    token = request.GET.get("token")
    if token:
        actor = statements.statement_link_user(
            token, producer_id=producer_id, year=year, month=month
        )
        if actor is None:
            return HttpResponse(status=404)
    try:
        producer = selectors.producer_get_for_ledger(actor=actor, producer_id=producer_id)
    except PermissionDenied:
        return HttpResponse(status=403)
    except DomainError:
        return HttpResponse(status=404)
    if (
        not selectors.statement_month_valid(year=year, month=month)
        or fmt not in statements.STATEMENT_FORMATS
    ):
        return HttpResponse(status=404)
    statement = selectors.producer_statement(producer=producer, year=year, month=month)
    name = f"ocop-statement-{producer.slug}-{year:04d}-{month:02d}.{fmt}"
    if fmt == "csv":
        body, content_type = statements.statement_csv(statement), "text/csv; charset=utf-8"
    else:
        body = statements.statement_xlsx(statement)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store, max-age=0"
    return response
