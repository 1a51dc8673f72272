"""Emails to producers about their certificates."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from backend.ocop import access
from backend.ocop.models import Certificate


def send_certificate_reminder(certificate: Certificate, days: int) -> int:
    """Email the producer that ``certificate`` ends in about ``days`` days; returns emails sent."""
    recipients = access.producer_notification_emails(certificate.producer)
    if not recipients:
        return 0
    params = {
        "number": certificate.number,
        "product": certificate.product.name,
        "stars": certificate.stars,
        "valid_until": date_format(certificate.valid_until, "d/m/Y"),
        "days": days,
    }
    subject = _("Giấy chứng nhận OCOP %(number)s sắp hết hiệu lực") % params
    body = (
        _(
            "Giấy chứng nhận OCOP %(number)s (%(stars)s sao) của sản phẩm %(product)s "
            "hết hiệu lực sau ngày %(valid_until)s (còn khoảng %(days)s ngày). "
            "Hãy nộp hồ sơ đánh giá lại để được công nhận lại."
        )
        % params
    )
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
