"""What the metadata mutations share: finding the object an ID names, for this user.

Saleor takes a global ID, or an Order's or Checkout's bare token. OCOP Market serves
metadata changes on checkouts and their lines (whoever may use the checkout; private
metadata staff only) and on orders and their lines (staff only); other types answer
NOT_FOUND, as does an object this user may not see.
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

from backend.checkout.metadata_services import (
    checkout_line_metadata_delete,
    checkout_line_metadata_update,
    checkout_metadata_delete,
    checkout_metadata_update,
)
from backend.checkout.selectors import checkout_get_for_user, checkout_line_get_for_user
from backend.core.errors import NotFound
from backend.graphql.checkout.types import checkout_line_info
from backend.graphql.core.ids import split_global_id
from backend.graphql.core.metadata import MetadataError, ObjectWithMetadata
from backend.graphql.core.mutations import BaseMutation
from backend.orders.metadata_services import (
    order_line_metadata_delete,
    order_line_metadata_update,
    order_metadata_delete,
    order_metadata_update,
)
from backend.orders.selectors import order_get_for_user, order_line_get_for_user


def _not_found() -> NotFound:
    return NotFound(str(_("Không tìm thấy đối tượng có metadata.")), field="id")


def _pk(key: str) -> int:
    if not key.isdigit():
        raise _not_found()
    return int(key)


@dataclass(frozen=True)
class MetadataTarget:
    """How one type's objects are fetched for an actor (locked) and their metadata changed:
    ``get(actor, key)``, ``update(actor, instance, items, private)``,
    ``delete(actor, instance, keys, private)``, and ``item(info, instance)``: what the
    payload's ``item`` resolves from (the instance itself unless the type says otherwise)."""

    get: Callable[[Any, str], models.Model]
    update: Callable[[Any, Any, dict[str, str], bool], models.Model]
    delete: Callable[[Any, Any, Sequence[str], bool], models.Model]
    item: Callable[[graphene.ResolveInfo, Any], Any] = lambda info, instance: instance


CHECKOUT = MetadataTarget(
    get=lambda actor, key: checkout_get_for_user(actor=actor, token=key, for_update=True),
    update=lambda actor, checkout, items, private: checkout_metadata_update(
        actor=actor, checkout=checkout, items=items, private=private
    ),
    delete=lambda actor, checkout, keys, private: checkout_metadata_delete(
        actor=actor, checkout=checkout, keys=keys, private=private
    ),
)
ORDER = MetadataTarget(
    get=lambda actor, key: order_get_for_user(actor=actor, order_id=_pk(key), for_update=True),
    update=lambda actor, order, items, private: order_metadata_update(
        actor=actor, order=order, items=items, private=private
    ),
    delete=lambda actor, order, keys, private: order_metadata_delete(
        actor=actor, order=order, keys=keys, private=private
    ),
)
TARGETS: Mapping[str, MetadataTarget] = {
    "Checkout": CHECKOUT,
    "CheckoutLine": MetadataTarget(
        get=lambda actor, key: checkout_line_get_for_user(
            actor=actor, line_id=_pk(key), for_update=True
        ),
        update=lambda actor, line, items, private: checkout_line_metadata_update(
            actor=actor, line=line, items=items, private=private
        ),
        delete=lambda actor, line, keys, private: checkout_line_metadata_delete(
            actor=actor, line=line, keys=keys, private=private
        ),
        item=lambda info, line: checkout_line_info(info.context, line),
    ),
    "Order": ORDER,
    "OrderLine": MetadataTarget(
        get=lambda actor, key: order_line_get_for_user(
            actor=actor, line_id=_pk(key), for_update=True
        ),
        update=lambda actor, line, items, private: order_line_metadata_update(
            actor=actor, line=line, items=items, private=private
        ),
        delete=lambda actor, line, keys, private: order_line_metadata_delete(
            actor=actor, line=line, keys=keys, private=private
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


def _token(global_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(global_id)
    except ValueError:
        return None


def _by_token(actor: Any, token: uuid.UUID) -> tuple[MetadataTarget, Any]:
    """A bare token names a checkout or else an order (Saleor): each looked up for actor."""
    try:
        return CHECKOUT, checkout_get_for_user(actor=actor, token=token, for_update=True)
    except NotFound:
        pass
    try:
        return ORDER, order_get_for_user(actor=actor, token=token, for_update=True)
    except NotFound:
        raise _not_found() from None


class BaseMetadataMutation(BaseMutation):
    item = graphene.Field(ObjectWithMetadata, description="The object whose metadata changed.")

    class Meta:
        abstract = True

    private = False

    @classmethod
    def target(cls, info: graphene.ResolveInfo, global_id: str) -> tuple[MetadataTarget, Any]:
        """The target and its object, locked; NotFound for what this user may not use."""
        actor = info.context.user
        token = _token(global_id)
        if token is not None:
            return _by_token(actor, token)
        parts = split_global_id(global_id)
        if parts is None:
            raise _unresolvable(global_id)
        type_name, key = parts
        target = TARGETS.get(type_name)
        if target is None:
            raise _not_found()
        return target, target.get(actor, key)

    @classmethod
    def update(cls, info: graphene.ResolveInfo, global_id: str, items: dict[str, str]) -> Any:
        target, instance = cls.target(info, global_id)
        changed = target.update(info.context.user, instance, items, cls.private)
        return cls.success(item=target.item(info, changed))

    @classmethod
    def delete(cls, info: graphene.ResolveInfo, global_id: str, keys: Sequence[str]) -> Any:
        target, instance = cls.target(info, global_id)
        changed = target.delete(info.context.user, instance, keys, cls.private)
        return cls.success(item=target.item(info, changed))


__all__ = ["BaseMetadataMutation", "MetadataError"]
