"""Public and private metadata (Saleor's key-value maps on objects): validated changes.

Anyone holding a guest checkout may write its public metadata, so every change is bounded:
at most ``MAX_ITEMS_PER_CHANGE`` keys a call (Saleor's list limit), ``MAX_KEYS`` kept on an
object, keys of 1-``MAX_KEY_LENGTH`` characters and values of at most ``MAX_VALUE_LENGTH``.
Errors are ValidationErrors on ``field`` with Saleor's MetadataErrorCode values.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import is_staff
from backend.core.errors import PermissionDenied

MAX_ITEMS_PER_CHANGE = 100
MAX_KEYS = 100
MAX_KEY_LENGTH = 256
MAX_VALUE_LENGTH = 10_000

REQUIRED = "REQUIRED"
INVALID = "INVALID"


def _invalid(field: str, message: Any, **params: Any) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=INVALID, params=params)})


def _check_count(count: int, field: str) -> None:
    if count > MAX_ITEMS_PER_CHANGE:
        raise _invalid(
            field,
            _("Mỗi lần chỉ được thay đổi tối đa %(limit)s khóa metadata."),
            limit=MAX_ITEMS_PER_CHANGE,
        )


def metadata_merged(
    current: Mapping[str, str] | None, items: Mapping[str, str], *, field: str
) -> dict[str, str]:
    """``current`` with ``items`` set, after checking every key and value and the size."""
    _check_count(len(items), field)
    for key, value in items.items():
        if not key.strip():
            raise ValidationError(
                {field: ValidationError(_("Khóa metadata không được để trống."), code=REQUIRED)}
            )
        if len(key) > MAX_KEY_LENGTH:
            raise _invalid(
                field, _("Khóa metadata dài tối đa %(limit)s ký tự."), limit=MAX_KEY_LENGTH
            )
        if len(value) > MAX_VALUE_LENGTH:
            raise _invalid(
                field, _("Giá trị metadata dài tối đa %(limit)s ký tự."), limit=MAX_VALUE_LENGTH
            )
    merged = {**(current or {}), **items}
    if len(merged) > MAX_KEYS:
        raise _invalid(
            field, _("Mỗi đối tượng giữ tối đa %(limit)s khóa metadata."), limit=MAX_KEYS
        )
    return merged


def metadata_without(
    current: Mapping[str, str] | None, keys: Collection[str], *, field: str
) -> dict[str, str]:
    """``current`` without ``keys``; keys it does not hold are ignored (Saleor)."""
    _check_count(len(keys), field)
    return {key: value for key, value in (current or {}).items() if key not in keys}


def private_metadata_allowed(actor: object) -> bool:
    """Who reads and writes private metadata: Saleor asks for a manage permission; here
    that is active platform staff."""
    return is_staff(actor)


def metadata_attribute(*, actor: object, private: bool) -> str:
    """The model field a change goes to; PermissionDenied for private metadata unless
    ``actor`` may write it."""
    if private and not private_metadata_allowed(actor):
        raise PermissionDenied()
    return "private_metadata" if private else "metadata"


def metadata_set(
    instance: models.Model,
    *,
    attribute: str,
    items: Mapping[str, str],
    touch: Sequence[str] = (),
) -> None:
    """Merge ``items`` into ``instance.<attribute>`` and save that column (and ``touch``,
    e.g. an ``auto_now`` timestamp). Everything is validated before anything is written;
    the caller holds the row lock, so concurrent changes do not lose keys."""
    merged = metadata_merged(getattr(instance, attribute), items, field="input")
    setattr(instance, attribute, merged)
    instance.save(update_fields=[attribute, *touch])


def metadata_unset(
    instance: models.Model,
    *,
    attribute: str,
    keys: Collection[str],
    touch: Sequence[str] = (),
) -> None:
    """Remove ``keys`` from ``instance.<attribute>`` (absent ones ignored) and save; as
    ``metadata_set``."""
    remaining = metadata_without(getattr(instance, attribute), keys, field="keys")
    setattr(instance, attribute, remaining)
    instance.save(update_fields=[attribute, *touch])
