"""Who may write which products: staff every product, a producer member its producer's.

Another producer's product, variant or warehouse is answered as NOT_FOUND (never as
"forbidden"), so its existence is not revealed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import is_staff
from backend.catalog.models import Product, ProductVariant
from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.inventory.models import Warehouse
from producers.models import Producer, ProducerStatus
from producers.selectors import managed_producer_ids

PRODUCT_NOT_FOUND = _("Không tìm thấy sản phẩm.")
VARIANT_NOT_FOUND = _("Không tìm thấy biến thể sản phẩm.")
PRODUCER_SUSPENDED = _("Chủ thể đang bị tạm ngưng: không thể sửa sản phẩm.")
NOT_APPROVED_TO_PUBLISH = _(
    "Chỉ chủ thể đã được duyệt mới được đăng bán sản phẩm (chủ thể đang ở trạng thái %(status)s)."
)


def can_write_catalogue(actor: Any) -> bool:
    """Staff, or a member of at least one producer (the mutations' entry check)."""
    ids = managed_producer_ids(actor)
    return ids is None or bool(ids)


def _require_writer(actor: Any) -> frozenset[int] | None:
    if not can_write_catalogue(actor):
        raise PermissionDenied()
    return managed_producer_ids(actor)


def _check_editable(actor: Any, producer: Producer) -> None:
    # Staff may repair a suspended producer's catalogue; its members may not.
    if producer.status == ProducerStatus.SUSPENDED and not is_staff(actor):
        raise DomainError("INVALID", str(PRODUCER_SUSPENDED), field="producer")


def check_can_publish(producer: Producer, *, field: str = "isPublished") -> None:
    if producer.status != ProducerStatus.APPROVED:
        raise DomainError(
            "INVALID",
            str(NOT_APPROVED_TO_PUBLISH) % {"status": producer.get_status_display()},
            field=field,
            params={"status": producer.status},
        )


def producer_for_write(*, actor: Any, producer_id: Any, field: str = "producer") -> Producer:
    ids = _require_writer(actor)
    queryset = Producer.objects.unscoped()
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    try:
        producer = queryset.get(pk=producer_id)
    except (Producer.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(str(_("Không tìm thấy chủ thể.")), field=field) from exc
    _check_editable(actor, producer)
    return producer


def products_for_write(actor: Any) -> QuerySet[Product]:
    ids = managed_producer_ids(actor)
    products = Product.objects.select_related("producer")
    return products if ids is None else products.filter(producer_id__in=ids)


def product_for_write(*, actor: Any, product_id: Any, field: str = "id") -> Product:
    """The product locked for update, when the actor may write it; NotFound otherwise."""
    _require_writer(actor)
    try:
        product = products_for_write(actor).select_for_update(of=("self",)).get(pk=int(product_id))
    except (Product.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(str(PRODUCT_NOT_FOUND), field=field) from exc
    _check_editable(actor, product.producer)
    return product


def variant_for_write(
    *, actor: Any, variant_id: Any = None, sku: str | None = None, field: str = "id"
) -> ProductVariant:
    _require_writer(actor)
    ids = managed_producer_ids(actor)
    variants = ProductVariant.objects.select_related("product__producer")
    if ids is not None:
        variants = variants.filter(product__producer_id__in=ids)
    lookup = {"sku": sku} if variant_id is None else {"pk": variant_id}
    try:
        variant = variants.select_for_update(of=("self",)).get(**lookup)
    except (ProductVariant.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound(str(VARIANT_NOT_FOUND), field=field) from exc
    _check_editable(actor, variant.product.producer)
    return variant


def warehouses_of_producer(producer_id: int) -> QuerySet[Warehouse]:
    return Warehouse.objects.filter(producer_id=producer_id)
