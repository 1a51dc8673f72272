"""Webhook payloads: JSON-ready dicts with Saleor's keys (global IDs, integer VND amounts).

Builders take model instances as ``Any`` so this low-level app imports no domain models;
callers pass ``partial(builder, instance)`` to ``webhook_event_emit``, which builds the
payload only when some webhook subscribes.
"""

from __future__ import annotations

from typing import Any

from graphql_relay import to_global_id

CURRENCY = "VND"


def _gid(type_name: str, pk: Any) -> str | None:
    return to_global_id(type_name, str(pk)) if pk is not None else None


def _money(amount: int) -> dict[str, Any]:
    return {"amount": int(amount), "currency": CURRENCY}


def order_payload(order: Any) -> dict[str, Any]:
    lines = order.lines.order_by("pk").only(
        "pk", "variant_id", "producer_id", "product_name", "variant_name", "product_sku",
        "quantity", "quantity_fulfilled", "undiscounted_unit_price_amount",
        "undiscounted_total_price_amount", "discount_amount",
    )  # fmt: skip
    groups = order.fulfillment_groups.order_by("fulfillment_order").values(
        "pk", "producer_id", "status", "shipping_price_amount", "tracking_number", "carrier"
    )
    return {
        "id": _gid("Order", order.pk),
        "number": str(order.number),
        "token": str(order.token),
        "status": str(order.status).upper(),
        "chargeStatus": str(order.charge_status).upper(),
        "authorizeStatus": str(order.authorize_status).upper(),
        "paymentMethod": str(order.payment_method).upper(),
        "channel": {"id": _gid("Channel", order.channel_id)},
        "userEmail": order.user_email,
        "user": {"id": _gid("User", order.user_id)} if order.user_id else None,
        "subtotal": _money(order.subtotal_amount),
        "shippingPrice": _money(order.shipping_amount),
        "discount": _money(order.discount_amount),
        "total": _money(order.total_amount),
        "totalCharged": _money(order.total_charged_amount),
        "created": order.created_at,
        # As the API's OrderLine: prices after the line's share of the voucher, and before.
        "lines": [
            {
                "id": _gid("OrderLine", line.pk),
                "variant": {"id": _gid("ProductVariant", line.variant_id)},
                "producer": {"id": _gid("Producer", line.producer_id)},
                "productName": line.product_name,
                "variantName": line.variant_name,
                "productSku": line.product_sku,
                "quantity": line.quantity,
                "quantityFulfilled": line.quantity_fulfilled,
                "unitPrice": _money(line.unit_price_amount),
                "undiscountedUnitPrice": _money(line.undiscounted_unit_price_amount),
                "unitDiscount": _money(line.unit_discount_amount),
                "totalPrice": _money(line.total_price_amount),
                "undiscountedTotalPrice": _money(line.undiscounted_total_price_amount),
            }
            for line in lines
        ],
        "fulfillmentGroups": [
            {
                "id": _gid("Fulfillment", group["pk"]),
                "producer": {"id": _gid("Producer", group["producer_id"])},
                "status": str(group["status"]).upper(),
                "shippingPrice": _money(group["shipping_price_amount"]),
                "trackingNumber": group["tracking_number"],
                "carrier": group["carrier"],
            }
            for group in groups
        ],
    }


def product_payload(product: Any) -> dict[str, Any]:
    return {
        "id": _gid("Product", product.pk),
        "name": product.name,
        "slug": product.slug,
        "producer": {"id": _gid("Producer", product.producer_id)},
        "productType": {"id": _gid("ProductType", product.product_type_id)},
        "category": {"id": _gid("Category", product.category_id)} if product.category_id else None,
        "created": product.created_at,
        "updatedAt": product.updated_at,
    }


def checkout_payload(checkout: Any) -> dict[str, Any]:
    lines = checkout.lines.order_by("pk").values("pk", "variant_id", "quantity")
    deliveries = checkout.deliveries.order_by("producer_id").values(
        "producer_id", "delivery_method_id"
    )
    return {
        "id": _gid("Checkout", checkout.token),
        "token": str(checkout.token),
        "channel": {"id": _gid("Channel", checkout.channel_id)},
        "email": checkout.email,
        "user": {"id": _gid("User", checkout.user_id)} if checkout.user_id else None,
        "shippingAddress": {"id": _gid("Address", checkout.shipping_address_id)}
        if checkout.shipping_address_id
        else None,
        "billingAddress": {"id": _gid("Address", checkout.billing_address_id)}
        if checkout.billing_address_id
        else None,
        "lines": [
            {
                "id": _gid("CheckoutLine", line["pk"]),
                "variant": {"id": _gid("ProductVariant", line["variant_id"])},
                "quantity": line["quantity"],
            }
            for line in lines
        ],
        "deliveries": [
            {
                "producer": {"id": _gid("Producer", delivery["producer_id"])},
                "deliveryMethod": {"id": _gid("ShippingMethod", delivery["delivery_method_id"])},
            }
            for delivery in deliveries
        ],
        "lastChange": checkout.last_change,
    }


def certificate_payload(certificate: Any) -> dict[str, Any]:
    return {
        "id": _gid("OcopCertificate", certificate.pk),
        "number": certificate.number,
        "status": str(certificate.status).upper(),
        "stars": certificate.stars,
        "product": {"id": _gid("Product", certificate.product_id)},
        "producer": {"id": _gid("Producer", certificate.producer_id)},
        "provinceCode": certificate.province_code,
        "issuingBody": certificate.issuing_body,
        "decisionNumber": certificate.decision_number,
        "decisionDate": certificate.decision_date,
        "validFrom": certificate.valid_from,
        "validUntil": certificate.valid_until,
        "revokedAt": certificate.revoked_at,
        "revocationReason": certificate.revocation_reason,
        "expiredAt": certificate.expired_at,
    }


def producer_payload(producer: Any) -> dict[str, Any]:
    return {
        "id": _gid("Producer", producer.pk),
        "name": producer.name,
        "legalName": producer.legal_name,
        "slug": producer.slug,
        "legalForm": str(producer.legal_form).upper(),
        "provinceCode": producer.province_code,
        "status": str(producer.status).upper(),
    }
