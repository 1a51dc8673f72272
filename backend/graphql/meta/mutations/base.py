"""What the metadata mutations share: finding the object an ID names, for this user.

Saleor takes a global ID, or an Order's or Checkout's bare token. OCOP Market serves
metadata changes on checkouts (by global ID or token); other types answer NOT_FOUND.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from graphql_relay import from_global_id

from backend.checkout.selectors import checkout_get_for_user
from backend.checkout.services import checkout_metadata_delete, checkout_metadata_update
from backend.core.errors import NotFound
from backend.graphql.core.metadata import MetadataError, ObjectWithMetadata
from backend.graphql.core.mutations import BaseMutation


@dataclass(frozen=True)
class MetadataTarget:
    """How one type's objects are fetched for an actor (locked) and their metadata changed:
    ``get(actor, key)``, ``update(actor, instance, items, private)`` and
    ``delete(actor, instance, keys, private)``."""

    get: Callable[[Any, str], models.Model]
    update: Callable[[Any, Any, dict[str, str], bool], models.Model]
    delete: Callable[[Any, Any, Sequence[str], bool], models.Model]


TARGETS: Mapping[str, MetadataTarget] = {
    "Checkout": MetadataTarget(
        get=lambda actor, key: checkout_get_for_user(actor=actor, token=key, for_update=True),
        update=lambda actor, checkout, items, private: checkout_metadata_update(
            actor=actor, checkout=checkout, items=items, private=private
        ),
        delete=lambda actor, checkout, keys, private: checkout_metadata_delete(
            actor=actor, checkout=checkout, keys=keys, private=private
        ),
    ),
}


def _unresolvable(global_id: str) -> ValidationError:
    return ValidationError(
        {
            "id": ValidationError(
                _("Không nhận ra ID: %(id)s."), code="GRAPHQL_ERROR", params={"id": global_id}
            )
        }
    )


def _type_and_key(global_id: str) -> tuple[str, str]:
    """("Checkout", token) for a bare token, else the global ID's type name and key."""
    try:
        return "Checkout", str(uuid.UUID(global_id))
    except ValueError:
        pass
    try:
        type_name, key = from_global_id(global_id)
    except (ValueError, TypeError, UnicodeDecodeError):
        type_name, key = "", ""
    if not type_name or not key:
        raise _unresolvable(global_id)
    return type_name, key


class BaseMetadataMutation(BaseMutation):
    item = graphene.Field(ObjectWithMetadata, description="The object whose metadata changed.")

    class Meta:
        abstract = True

    private = False

    @classmethod
    def target(cls, info: graphene.ResolveInfo, global_id: str) -> tuple[MetadataTarget, Any]:
        """The target and its object, locked; NotFound for what this user may not use."""
        type_name, key = _type_and_key(global_id)
        target = TARGETS.get(type_name)
        if target is None:
            raise NotFound(str(_("Không tìm thấy đối tượng có metadata.")), field="id")
        return target, target.get(info.context.user, key)

    @classmethod
    def update(cls, info: graphene.ResolveInfo, global_id: str, items: dict[str, str]) -> Any:
        target, instance = cls.target(info, global_id)
        return cls.success(item=target.update(info.context.user, instance, items, cls.private))

    @classmethod
    def delete(cls, info: graphene.ResolveInfo, global_id: str, keys: Sequence[str]) -> Any:
        target, instance = cls.target(info, global_id)
        return cls.success(item=target.delete(info.context.user, instance, keys, cls.private))


__all__ = ["BaseMetadataMutation", "MetadataError"]
