"""Turn the demo catalogue (backend/core/demo/catalogue.py) into real, searchable products.

Idempotent: products, variants, listings and stock are keyed by slug/SKU; images are drawn
locally with Pillow (nothing is downloaded) only for products that have none.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from backend.accounts import vn_units
from backend.catalog.models import (
    AssignedProductAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeValue,
    Category,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.catalog.search import update_product_search_index
from backend.channels.models import Channel
from backend.core.demo.catalogue import PRODUCTS, DemoProduct
from backend.inventory.models import Stock, Warehouse
from producers.models import Producer

FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
)
PALETTE = ("#8e3b2e", "#b5651d", "#2e7d32", "#1565c0", "#6a1b9a", "#00838f", "#ad1457")
FEATURED = ("nem-chua-thanh-hoa", "mam-tep-chung-thit", "che-lam-nhu-thanh")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_CANDIDATES:
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def product_card(name: str, subtitle: str) -> bytes:
    """An 800x800 JPEG card: a colour derived from the name, the name and a subtitle."""
    digest = hashlib.sha256(name.encode()).digest()
    image = Image.new("RGB", (800, 800), PALETTE[digest[0] % len(PALETTE)])
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 40, 760, 760), radius=40, outline="#fff8e1", width=8)
    draw.text((400, 150), "OCOP", font=_font(72), fill="#ffd54f", anchor="mm")
    lines = textwrap.wrap(name, width=16)
    y = 400 - 40 * (len(lines) - 1)
    for line in lines:
        draw.text((400, y), line, font=_font(64), fill="#ffffff", anchor="mm")
        y += 80
    draw.text((400, 680), subtitle, font=_font(36), fill="#fff8e1", anchor="mm")
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85)
    return output.getvalue()


def _channel() -> Channel:
    channel, _ = Channel.objects.get_or_create(
        slug="vn", defaults={"name": "Việt Nam", "is_active": True}
    )
    return channel


def _product_type() -> tuple[ProductType, Attribute]:
    product_type, _ = ProductType.objects.get_or_create(
        slug="dac-san-ocop", defaults={"name": "Đặc sản OCOP"}
    )
    region, _ = Attribute.objects.get_or_create(slug="vung-mien", defaults={"name": "Vùng miền"})
    AttributeProduct.objects.get_or_create(attribute=region, product_type=product_type)
    return product_type, region


def _warehouse(producer: Producer, channel: Channel) -> Warehouse:
    warehouse, _ = Warehouse.objects.get_or_create(
        slug=f"kho-{producer.slug}",
        defaults={
            "producer": producer,
            "name": f"Kho {producer.name}",
            "province_code": producer.province_code,
            "commune_code": producer.commune_code,
            "street_address": producer.street_address,
        },
    )
    warehouse.channels.add(channel)
    return warehouse


def _product(
    demo: DemoProduct, *, channel: Channel, product_type: ProductType, region: Attribute
) -> Product:
    producer = Producer.objects.unscoped().get(slug=demo.producer)
    product, _ = Product.objects.update_or_create(
        slug=demo.slug,
        defaults={
            "producer": producer,
            "product_type": product_type,
            "category": Category.objects.get(ocop_product_set=demo.product_set),
            "name": demo.name,
            "description": {"blocks": [{"type": "paragraph", "data": {"text": demo.description}}]},
            "description_plaintext": demo.description,
            "seo_title": demo.name[:70],
            "seo_description": demo.description[:300],
        },
    )
    ProductTranslation.objects.update_or_create(
        product=product, language_code="en", defaults={"name": demo.name_en}
    )
    province = vn_units.province_by_code(producer.province_code)
    if province is not None:
        value, _ = AttributeValue.objects.get_or_create(
            attribute=region, slug=f"tinh-{province.code}", defaults={"name": province.name}
        )
        AssignedProductAttributeValue.objects.get_or_create(value=value, product=product)
    warehouse = _warehouse(producer, channel)
    for order, demo_variant in enumerate(demo.variants):
        variant, _ = ProductVariant.objects.update_or_create(
            sku=demo_variant.sku,
            defaults={
                "product": product,
                "name": demo_variant.name,
                "gtin": demo_variant.gtin,
                "weight_grams": demo_variant.weight_grams,
                "sort_order": order,
            },
        )
        ProductVariantChannelListing.objects.update_or_create(
            variant=variant, channel=channel, defaults={"price_amount": demo_variant.price}
        )
        Stock.objects.get_or_create(
            warehouse=warehouse,
            product_variant=variant,
            defaults={"quantity": demo_variant.stock},
        )
        if order == 0 and product.default_variant_id is None:  # as the variant service does
            product.default_variant = variant
            product.save(update_fields=["default_variant"])
    launch = timezone.now() - timedelta(days=30)
    listing, _ = ProductChannelListing.objects.get_or_create(
        product=product,
        channel=channel,
        defaults={
            "is_published": True,
            "published_at": launch,
            "visible_in_listings": True,
            "available_for_purchase_at": launch,
        },
    )
    listing.discounted_price_amount = min(v.price for v in demo.variants)
    listing.save(update_fields=["discounted_price_amount"])
    if not product.media.exists():
        media = ProductMedia(product=product, alt=demo.name)
        card = product_card(demo.name, producer.name)
        media.image.save(f"{demo.slug}.jpg", ContentFile(card), save=False)
        media.save()
    return product


def _featured(channel: Channel) -> None:
    collection, _ = Collection.objects.get_or_create(
        slug="noi-bat", defaults={"name": "Sản phẩm nổi bật"}
    )
    CollectionChannelListing.objects.get_or_create(
        collection=collection, channel=channel, defaults={"is_published": True}
    )
    for order, slug in enumerate(FEATURED):
        product = Product.objects.filter(slug=slug).first()
        if product is not None:
            CollectionProduct.objects.get_or_create(
                collection=collection, product=product, defaults={"sort_order": order}
            )


def load_demo_catalogue() -> int:
    """Create or refresh every demo product; returns how many there are."""
    channel = _channel()
    product_type, region = _product_type()
    products = [
        _product(demo, channel=channel, product_type=product_type, region=region)
        for demo in PRODUCTS
    ]
    _featured(channel)
    update_product_search_index([product.pk for product in products])
    return len(products)
