"""Catalogue writes: products, product media and thumbnails, and the search index.

Product writes emit PRODUCT_CREATED/UPDATED/DELETED webhooks in their transaction."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Min, ProtectedError
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from backend.catalog.access import (
    check_can_publish,
    producer_for_write,
    product_for_write,
    variant_for_write,
    warehouses_of_producer,
)
from backend.catalog.images import THUMBNAIL_SIZES, clean_image, render_thumbnail
from backend.catalog.models import (
    Category,
    Collection,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    Thumbnail,
)
from backend.catalog.search import update_product_search_index
from backend.channels.models import Channel
from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.core.money import whole_vnd
from backend.inventory.models import Stock
from backend.webhooks.event_types import WebhookEventType
from backend.webhooks.payloads import product_payload
from backend.webhooks.services import webhook_event_emit
from producers.selectors import managed_producer_ids


def product_search_index_update(*, product_ids: Iterable[int] | None = None) -> int:
    """Recompute stored search vectors (every product when ``product_ids`` is None)."""
    return update_product_search_index(product_ids)


def product_save(*, actor: Any, product: Product) -> Product:
    """Validate and save ``product`` (staff, or a member of its producer), then refresh its
    search index in the same transaction, so search never shows a stale name."""
    ids = managed_producer_ids(actor)
    if ids is not None and product.producer_id not in ids:
        raise PermissionDenied()
    product.full_clean(exclude=["search_vector", "search_name"])
    created = product._state.adding
    with transaction.atomic():
        product.search_index_dirty = True
        product.save()
        update_product_search_index([product.pk])
        product.refresh_from_db(fields=["search_vector", "search_name", "search_index_dirty"])
        webhook_event_emit(
            event_type=WebhookEventType.PRODUCT_CREATED
            if created
            else WebhookEventType.PRODUCT_UPDATED,
            payload=partial(product_payload, product),
        )
    return product


def product_media_create(
    *, actor: Any, product: Product, upload: IO[bytes], alt: str = "", name: str = "image"
) -> ProductMedia:
    """Add an image to ``product`` after validating it (ValidationError on ``image``)."""
    ids = managed_producer_ids(actor) if actor is not None else None
    if ids is not None and product.producer_id not in ids:
        raise PermissionDenied()
    cleaned = clean_image(upload, name=name)
    last = product.media.order_by("-sort_order").values_list("sort_order", flat=True).first()
    media = ProductMedia(product=product, alt=alt, sort_order=(last or 0) + 1)
    media.image.save(cleaned.content.name or "image", cleaned.content, save=False)
    media.save()
    return media


ThumbnailOwner = ProductMedia | Category | Collection


def _source_of(owner: ThumbnailOwner) -> Any:
    return owner.image if isinstance(owner, ProductMedia) else owner.background_image


def thumbnail_get_or_create(*, owner: ThumbnailOwner, size: int, fmt: str) -> Thumbnail:
    """The stored thumbnail of ``owner`` at ``size``/``fmt``, generated on first request.

    ``size`` must be one of Saleor's sizes. Two concurrent first requests both render; the
    unique constraint keeps one row and the loser returns the winner's.
    """
    if size not in THUMBNAIL_SIZES:
        raise DomainError("INVALID", "Unsupported thumbnail size.", field="size")
    field = {ProductMedia: "product_media", Category: "category", Collection: "collection"}[
        type(owner)
    ]
    lookup = {field: owner, "size": size, "format": fmt}
    existing = Thumbnail.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    source = _source_of(owner)
    if not source:
        raise DomainError("NOT_FOUND", "There is no image to make a thumbnail of.")
    with source.open("rb") as handle:
        data, extension = render_thumbnail(handle, size=size, fmt=fmt)
    stem = source.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    thumbnail = Thumbnail(**lookup)
    thumbnail.image.save(f"{stem}_thumbnail_{size}.{extension}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            thumbnail.save()
    except IntegrityError:
        default_storage.delete(str(thumbnail.image.name))
        return Thumbnail.objects.get(**lookup)
    return thumbnail


# --- Product writes (Saleor's productCreate ... productVariantStocksUpdate) ------------------
# Every write goes through these functions: they check the actor's producer, keep the search
# index and the cheapest-price column current, and are where catalogue events are emitted.

PRODUCT_FIELDS = frozenset(
    {
        "name",
        "slug",
        "description",
        "category_id",
        "seo_title",
        "seo_description",
        "weight_grams",
        "rating",
        "metadata",
        "private_metadata",
    }
)
VARIANT_FIELDS = frozenset(
    {
        "sku",
        "name",
        "gtin",
        "track_inventory",
        "weight_grams",
        "quantity_limit_per_customer",
        "metadata",
        "private_metadata",
    }
)


def _plaintext(description: Any) -> str:
    """The text of an EditorJS document, for search and the storefront's meta tags."""
    if not isinstance(description, dict):
        return ""
    texts = [
        strip_tags(str(block.get("data", {}).get("text", "")))
        for block in description.get("blocks", [])
        if isinstance(block, dict)
    ]
    return " ".join(text for text in texts if text)


def _unique_product_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name.replace("đ", "d").replace("Đ", "D"))[:240] or "san-pham"
    slug, suffix = base, 1
    taken = Product.objects.exclude(pk=exclude_pk) if exclude_pk else Product.objects.all()
    while taken.filter(slug=slug).exists():
        suffix += 1
        slug = f"{base}-{suffix}"
    return slug


def _apply(instance: Any, data: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Unexpected fields: {sorted(unknown)}")
    for key, value in data.items():
        setattr(instance, key, value)


def _save_product(product: Product) -> Product:
    product.full_clean(exclude=["search_vector", "search_name", "default_variant"])
    product.search_index_dirty = True
    product.save()
    update_product_search_index([product.pk])
    return product


@transaction.atomic
def product_create(
    *, actor: Any, producer_id: Any, product_type_id: Any, data: dict[str, Any]
) -> Product:
    """A new, unlisted product of ``producer_id`` (members of the producer and staff)."""
    producer = producer_for_write(actor=actor, producer_id=producer_id)
    product_type = ProductType.objects.filter(pk=product_type_id).first()
    if product_type is None:
        raise NotFound(str(_("Không tìm thấy loại sản phẩm.")), field="productType")
    product = Product(producer=producer, product_type=product_type)
    _apply(product, data, PRODUCT_FIELDS)
    if not product.slug:
        product.slug = _unique_product_slug(product.name)
    product.description_plaintext = _plaintext(product.description)
    return _save_product(product)


@transaction.atomic
def product_update(*, actor: Any, product_id: Any, data: dict[str, Any]) -> Product:
    product = product_for_write(actor=actor, product_id=product_id)
    _apply(product, data, PRODUCT_FIELDS)
    if "slug" in data and not data["slug"]:
        product.slug = _unique_product_slug(product.name, exclude_pk=product.pk)
    if "description" in data:
        product.description_plaintext = _plaintext(product.description)
    return _save_product(product)


@transaction.atomic
def product_delete(*, actor: Any, product_id: Any) -> Product:
    """Delete a product with its variants (its producer's members or staff); refused while
    orders, certificates or traceability batches point at it. Subscribers get its last
    state."""
    product = product_for_write(actor=actor, product_id=product_id)
    pk = product.pk
    payload = product_payload(product)  # built now: after the delete the row is gone
    try:
        with transaction.atomic():
            product.delete()
            webhook_event_emit(event_type=WebhookEventType.PRODUCT_DELETED, payload=payload)
    except ProtectedError as exc:
        raise DomainError(
            "INVALID",
            str(
                _("Không thể xoá sản phẩm đã có đơn hàng, chứng nhận OCOP hoặc lô hàng truy xuất.")
            ),
            field="id",
        ) from exc
    product.pk = pk
    return product


def _refresh_cheapest_prices(product: Product) -> None:
    """Keep ``ProductChannelListing.discounted_price_amount`` (sorting by price) current."""
    for listing in ProductChannelListing.objects.filter(product=product):
        cheapest = ProductVariantChannelListing.objects.filter(
            variant__product=product, channel_id=listing.channel_id
        ).aggregate(amount=Min("price_amount"))["amount"]
        if listing.discounted_price_amount != cheapest:
            listing.discounted_price_amount = cheapest
            listing.save(update_fields=["discounted_price_amount"])


@transaction.atomic
def product_variant_create(
    *,
    actor: Any,
    product_id: Any,
    data: dict[str, Any],
    stocks: list[dict[str, Any]] | None = None,
) -> ProductVariant:
    product = product_for_write(actor=actor, product_id=product_id, field="product")
    variant = ProductVariant(product=product)
    _apply(variant, data, VARIANT_FIELDS)
    last = product.variants.order_by("-sort_order").values_list("sort_order", flat=True).first()
    variant.sort_order = (last or 0) + 1
    variant.full_clean(exclude=["product"])
    variant.save()
    if product.default_variant_id is None:
        product.default_variant = variant
        product.save(update_fields=["default_variant", "updated_at"])
    if stocks:
        _write_stocks(variant, stocks)
    return variant


@transaction.atomic
def product_variant_update(
    *, actor: Any, variant_id: Any = None, sku: str | None = None, data: dict[str, Any]
) -> ProductVariant:
    variant = variant_for_write(actor=actor, variant_id=variant_id, sku=sku)
    _apply(variant, data, VARIANT_FIELDS)
    variant.full_clean(exclude=["product"])
    variant.save()
    return variant


@transaction.atomic
def product_variant_delete(
    *, actor: Any, variant_id: Any = None, sku: str | None = None
) -> ProductVariant:
    variant = variant_for_write(actor=actor, variant_id=variant_id, sku=sku)
    product, pk = variant.product, variant.pk
    try:
        with transaction.atomic():
            variant.delete()
    except ProtectedError as exc:
        raise DomainError(
            "INVALID",
            str(_("Không thể xoá biến thể đã có lô hàng truy xuất hoặc mã định danh.")),
            field="id",
        ) from exc
    product.refresh_from_db(fields=["default_variant"])
    if product.default_variant_id is None:
        product.default_variant = product.variants.order_by("sort_order", "pk").first()
        product.save(update_fields=["default_variant", "updated_at"])
    _refresh_cheapest_prices(product)
    variant.pk = pk
    return variant


def _write_stocks(variant: ProductVariant, stocks: list[dict[str, Any]]) -> None:
    """Set quantities per warehouse; warehouses of another producer are NOT_FOUND by index."""
    errors = []
    warehouses = {
        w.pk: w
        for w in warehouses_of_producer(variant.product.producer_id).filter(
            pk__in=[item["warehouse_id"] for item in stocks]
        )
    }
    seen: set[int] = set()
    for index, item in enumerate(stocks):
        if item["warehouse_id"] in seen:
            errors.append(("DUPLICATED_INPUT_ITEM", _("Kho bị lặp lại."), index))
        elif item["warehouse_id"] not in warehouses:
            errors.append(("NOT_FOUND", _("Không tìm thấy kho hàng."), index))
        elif item["quantity"] < 0:
            errors.append(("INVALID", _("Số lượng tồn kho không được âm."), index))
        seen.add(item["warehouse_id"])
    if errors:
        code, message, index = errors[0]
        raise DomainError(code, str(message), field="warehouse", params={"index": index})
    for item in stocks:
        Stock.objects.update_or_create(
            warehouse=warehouses[item["warehouse_id"]],
            product_variant=variant,
            defaults={"quantity": item["quantity"]},
        )


@transaction.atomic
def product_variant_stocks_update(
    *, actor: Any, variant_id: Any = None, sku: str | None = None, stocks: list[dict[str, Any]]
) -> ProductVariant:
    """Set the variant's quantity in each named warehouse (of the variant's producer)."""
    variant = variant_for_write(actor=actor, variant_id=variant_id, sku=sku, field="variantId")
    _write_stocks(variant, stocks)
    return variant


@transaction.atomic
def product_channel_listing_update(
    *,
    actor: Any,
    product_id: Any,
    update_channels: list[dict[str, Any]],
    remove_channel_ids: list[int],
) -> Product:
    """Publish, unpublish or list a product per channel; publishing needs an APPROVED
    producer (before approval and after suspension it is refused)."""
    product = product_for_write(actor=actor, product_id=product_id)
    channels = {
        c.pk: c for c in Channel.objects.filter(pk__in=[u["channel_id"] for u in update_channels])
    }
    for item in update_channels:
        channel = channels.get(item["channel_id"])
        if channel is None:
            raise NotFound(str(_("Không tìm thấy kênh bán hàng.")), field="channelId")
        fields = {k: v for k, v in item.items() if k != "channel_id" and v is not None}
        if fields.pop("clear_available_for_purchase", False):
            fields["available_for_purchase_at"] = None
        if fields.get("is_published"):
            check_can_publish(product.producer)
            fields.setdefault("published_at", timezone.now())
        listing, _created = ProductChannelListing.objects.get_or_create(
            product=product, channel=channel
        )
        for key, value in fields.items():
            setattr(listing, key, value)
        listing.save()
    ProductChannelListing.objects.filter(
        product=product, channel_id__in=remove_channel_ids
    ).delete()
    ProductVariantChannelListing.objects.filter(
        variant__product=product, channel_id__in=remove_channel_ids
    ).delete()
    _refresh_cheapest_prices(product)
    return product


def _whole_vnd(value: Any, *, field: str) -> int:
    amount = whole_vnd(value, minimum=1)
    if amount is None:
        raise DomainError(
            "INVALID_PRICE",
            str(_("Giá phải là số nguyên đồng lớn hơn 0.")),
            field=field,
        )
    return amount


@transaction.atomic
def product_variant_channel_listing_update(
    *, actor: Any, variant_id: Any = None, sku: str | None = None, listings: list[dict[str, Any]]
) -> ProductVariant:
    """Set the variant's price (whole đồng > 0) per channel; the product must be in it."""
    variant = variant_for_write(actor=actor, variant_id=variant_id, sku=sku)
    listed = set(
        ProductChannelListing.objects.filter(product=variant.product).values_list(
            "channel_id", flat=True
        )
    )
    for item in listings:
        if item["channel_id"] not in listed:
            raise DomainError(
                "PRODUCT_NOT_ASSIGNED_TO_CHANNEL",
                str(_("Sản phẩm chưa được gắn với kênh bán hàng này.")),
                field="channelId",
            )
        ProductVariantChannelListing.objects.update_or_create(
            variant=variant,
            channel_id=item["channel_id"],
            defaults={
                "price_amount": _whole_vnd(item["price"], field="price"),
                "cost_price_amount": (
                    None
                    if item.get("cost_price") is None
                    else _whole_vnd(item["cost_price"], field="costPrice")
                ),
            },
        )
    _refresh_cheapest_prices(variant.product)
    return variant
