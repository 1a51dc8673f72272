"""Producer workspace and staff review pages. Thin: clean a form, call one service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from backend.core.errors import DomainError, NotFound, PermissionDenied
from producers import onboarding, onboarding_services, selectors, services
from producers.documents import document_url, read_document_token
from producers.forms import (
    DocumentUploadForm,
    ProducerProfileForm,
    ProducerRegisterForm,
    ReviewForm,
    SuspendForm,
    add_service_error,
)
from producers.models import DocumentAccessLog, Producer, ProducerStatus
from producers.permissions import is_reviewing_staff

# The workspace's sections, in the order of the navigation bar.
WORKSPACE_SECTIONS = (
    ("producers:workspace-home", gettext_lazy("Tổng quan")),
    ("producers:workspace-dashboard", gettext_lazy("Việc cần làm")),
    ("producers:workspace-products", pgettext_lazy("workspace section", "Sản phẩm")),
    ("producers:workspace-import-start", gettext_lazy("Nhập hàng loạt")),
    ("producers:workspace-orders", gettext_lazy("Đơn hàng")),
    ("producers:workspace-money", gettext_lazy("Tiền hàng")),
    ("producers:workspace-profile", pgettext_lazy("workspace section", "Hồ sơ")),
    ("producers:workspace-documents", gettext_lazy("Giấy tờ")),
)


def _producer(request: HttpRequest, slug: str) -> Producer:
    try:
        return selectors.producer_get_for_user(actor=request.user, slug=slug)
    except NotFound as exc:
        raise Http404(exc.message) from exc


def _workspace(
    request: HttpRequest, template: str, producer: Producer, *, status: int = 200, **context: Any
) -> Any:
    return render(
        request,
        template,
        {"producer": producer, "sections": WORKSPACE_SECTIONS, **context},
        status=status,
    )


@login_required
def workspace_index(request: HttpRequest) -> HttpResponse:
    producers = selectors.producers_for_member(actor=request.user)
    return render(request, "producers/workspace/index.html", {"producers": producers})


@login_required
def producer_register(request: HttpRequest) -> HttpResponse:
    form = ProducerRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            producer = services.producer_create(actor=request.user, data=form.cleaned_data)
        except (ValidationError, DomainError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Đã tạo chủ thể. Hãy hoàn thiện hồ sơ và tải giấy tờ."))
            return redirect("producers:workspace-profile", slug=producer.slug)
    return render(request, "producers/workspace/register.html", {"form": form})


@login_required
def workspace_home(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    application = selectors.application_for_producer(producer=producer)
    missing = (
        onboarding_services.completeness_errors(producer)
        if application.status in onboarding.EDITABLE_STATES
        else {}
    )
    return _workspace(
        request,
        "producers/workspace/home.html",
        producer,
        application=application,
        missing=[error.messages[0] for error in missing.values()],
        can_submit=application.status in onboarding.EDITABLE_STATES
        and selectors.is_owner(actor=request.user, producer=producer),
        active="producers:workspace-home",
    )


@login_required
def workspace_profile(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    application = selectors.application_for_producer(producer=producer)
    try:
        editable = services.editable_fields(producer, application)
    except DomainError:
        editable = frozenset()
    initial = {name: getattr(producer, name) or "" for name in services.PROFILE_FIELDS}
    form = ProducerProfileForm(request.POST or None, initial=initial, editable=editable)
    if request.method == "POST" and form.is_valid():
        try:
            services.producer_update(
                actor=request.user, producer_id=producer.pk, data=form.changed_profile()
            )
        except (ValidationError, DomainError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Đã lưu hồ sơ."))
            return redirect("producers:workspace-profile", slug=producer.slug)
    return _workspace(
        request,
        "producers/workspace/profile.html",
        producer,
        form=form,
        read_only=not editable,
        active="producers:workspace-profile",
    )


@login_required
def workspace_documents(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.producer_document_upload(
                actor=request.user,
                producer_id=producer.pk,
                document_type=form.cleaned_data["document_type"],
                file=upload,
                file_name=upload.name,
                content_type=upload.content_type,
                size=upload.size,
                number=form.cleaned_data["number"],
                issuer=form.cleaned_data["issuer"],
                issued_on=form.cleaned_data["issued_on"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except (ValidationError, DomainError) as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Đã tải giấy tờ lên."))
            return redirect("producers:workspace-documents", slug=producer.slug)
    documents = [
        (document, document_url(document, request.user))
        for document in selectors.documents_for_producer(producer=producer)
    ]
    return _workspace(
        request,
        "producers/workspace/documents.html",
        producer,
        form=form,
        documents=documents,
        active="producers:workspace-documents",
    )


@login_required
@require_POST
def workspace_submit(request: HttpRequest, slug: str) -> HttpResponse:
    producer = _producer(request, slug)
    try:
        onboarding_services.producer_application_submit(actor=request.user, producer_id=producer.pk)
    except PermissionDenied as exc:
        raise DjangoPermissionDenied(exc.message) from exc
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã nộp hồ sơ. Chúng tôi sẽ xét duyệt và báo qua email."))
    return redirect("producers:workspace-home", slug=producer.slug)


@login_required
def document_download(request: HttpRequest, token: str) -> FileResponse:
    """Stream a private document to the user the link was signed for, if still allowed."""
    try:
        document_pk, user_pk = read_document_token(token)
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise Http404 from exc
    if user_pk != request.user.pk:
        raise Http404
    try:
        document = selectors.document_get_for_user(actor=request.user, pk=document_pk)
    except NotFound as exc:
        raise Http404 from exc
    DocumentAccessLog.objects.create(
        document=document,
        user=request.user,
        action=DocumentAccessLog.Action.DOWNLOADED,
        ip_address=request.META.get("REMOTE_ADDR") or None,
    )
    extension = document.file.name.rsplit(".", 1)[-1] if document.file.name else "bin"
    response = FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=False,
        filename=f"{document.document_type}-{document.pk}.{extension}",
    )
    response["Cache-Control"] = "private, no-store, max-age=0"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _staff_only(request: HttpRequest) -> None:
    if not is_reviewing_staff(request.user):
        raise DjangoPermissionDenied


@login_required
def staff_queue(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    status = request.GET.get("status") or ""
    others = (
        selectors.producers_for_staff(actor=request.user, status=status).order_by("name", "pk")
        if status in ProducerStatus.values
        else None
    )
    return render(
        request,
        "producers/staff/queue.html",
        {
            "queue": selectors.review_queue(actor=request.user),
            "others": others,
            "status": status,
            "statuses": ProducerStatus.choices,
        },
    )


@login_required
def staff_review(request: HttpRequest, slug: str) -> HttpResponse:
    _staff_only(request)
    producer = _producer(request, slug)
    review_form = ReviewForm(request.POST if "decision" in request.POST else None)
    suspend_form = SuspendForm(request.POST if "suspend" in request.POST else None)
    if request.method == "POST":
        done = _staff_action(request, producer, review_form, suspend_form)
        if done:
            return redirect("producers_staff:review", slug=producer.slug)
    application = selectors.application_for_producer(producer=producer)
    documents = [
        (document, document_url(document, request.user))
        for document in selectors.documents_for_producer(producer=producer)
    ]
    return render(
        request,
        "producers/staff/review.html",
        {
            "producer": producer,
            "application": application,
            "events": application.events.select_related("actor").order_by("at", "pk"),
            "documents": documents,
            "review_form": review_form,
            "suspend_form": suspend_form,
            "can_review": application.status in selectors.REVIEW_QUEUE_STATES,
        },
    )


def _staff_action(
    request: HttpRequest, producer: Producer, review_form: ReviewForm, suspend_form: SuspendForm
) -> bool:
    try:
        with transaction.atomic():
            if "decision" in request.POST and review_form.is_valid():
                onboarding_services.producer_application_review(
                    actor=request.user,
                    producer_id=producer.pk,
                    decision=review_form.cleaned_data["decision"],
                    note=review_form.cleaned_data["reason"],
                )
            elif "suspend" in request.POST and suspend_form.is_valid():
                services.producer_suspend(
                    actor=request.user,
                    producer_id=producer.pk,
                    reason=suspend_form.cleaned_data["reason"],
                )
            elif "reinstate" in request.POST:
                services.producer_reinstate(actor=request.user, producer_id=producer.pk)
            else:
                return False
    except (ValidationError, DomainError) as exc:
        add_service_error(review_form if "decision" in request.POST else suspend_form, exc)
        return False
    messages.success(request, _("Đã lưu quyết định."))
    return True
