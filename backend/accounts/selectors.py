"""Reads scoped to the acting user."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Address, User
from backend.core.errors import NotFound


def address_list_for_user(*, actor: User) -> QuerySet[Address]:
    return Address.objects.filter(user=actor).order_by("pk")


def address_get_for_user(*, actor: User, address_id: int | None) -> Address:
    """``actor``'s own address; anyone else's answers NOT_FOUND, exactly like a missing one."""
    address = (
        address_list_for_user(actor=actor).filter(pk=address_id).first() if address_id else None
    )
    if address is None:
        raise NotFound(str(_("Không tìm thấy địa chỉ.")), field="id")
    return address
