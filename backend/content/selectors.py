"""Content reads: shoppers see published pages whose publication time has come."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from backend.accounts.roles import is_staff
from backend.content.models import Page


def page_queryset_for_user(*, user: Any) -> QuerySet[Page]:
    pages = Page.objects.all()
    if is_staff(user):
        return pages
    return pages.filter(is_published=True).filter(
        Q(published_at__lte=timezone.now()) | Q(published_at__isnull=True)
    )
