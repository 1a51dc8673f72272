"""Saleor's order types; a producer member sees only its own fulfilments and lines."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.catalog.types.common import with_channel
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.channels.types import Channel
from backend.graphql.core.connection import CountableConnection
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.metadata import ObjectWithMetadata
from backend.graphql.core.types import Money, TaxedMoney
from backend.graphql.discounts.enums import DiscountValueTypeEnum
from backend.graphql.orders.enums import (
    FulfillmentStatus,
    OrderAuthorizeStatusEnum,
    OrderChargeStatusEnum,
    OrderErrorCode,
    OrderStatus,
)
from backend.graphql.payments.scalars import PositiveDecimal
from backend.graphql.payments.types import TransactionItem, resolve_order_transactions
from backend.graphql.producers.types import Producer
from backend.orders import models
from backend.orders.selectors import visible_producer_ids


class OrderError(graphene.ObjectType):
    field = graphene.String(description="Name of the input field that caused the error, or null.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(OrderErrorCode, required=True, description="The error code.")


def _visible(info: graphene.ResolveInfo, order: models.Order, producer_id: int) -> bool:
    cache = info.context.__dict__.setdefault("_ocop_order_scope", {})
    if order.pk not in cache:
        cache[order.pk] = visible_producer_ids(actor=info.context.user, order=order)
    allowed = cache[order.pk]
    return allowed is None or producer_id in allowed


class OrderLine(graphene.ObjectType):
    product_name = graphene.String(required=True, description="Product name when bought.")
    variant_name = graphene.String(required=True, description="Variant name when bought.")
    translated_product_name = graphene.String(required=True, description="Translated name.")
    translated_variant_name = graphene.String(required=True, description="Translated name.")
    product_sku = graphene.String(description="SKU when bought.")
    product_variant_id = graphene.String(description="ID of the variant bought.")
    is_shipping_required = graphene.Boolean(required=True, description="Whether it ships.")
    quantity = graphene.Int(required=True, description="Units bought.")
    quantity_fulfilled = graphene.Int(required=True, description="Units shipped.")
    quantity_to_fulfill = graphene.Int(required=True, description="Units left to ship.")
    unit_price = graphene.Field(
        TaxedMoney,
        required=True,
        description=(
            "Price of one unit after the line's share of the voucher: totalPrice / quantity "
            "rounded half up to whole đồng, so unitPrice × quantity may differ from "
            "totalPrice by up to quantity / 2 đồng."
        ),
    )
    undiscounted_unit_price = graphene.Field(
        TaxedMoney, required=True, description="Price of one unit before discounts."
    )
    unit_discount = graphene.Field(
        Money,
        required=True,
        description="Discount on one unit: undiscountedUnitPrice minus unitPrice.",
    )
    unit_discount_value = graphene.Field(
        PositiveDecimal,
        required=True,
        description="The unit discount in whole đồng (OCOP's line discounts are amounts).",
    )
    unit_discount_type = graphene.Field(
        DiscountValueTypeEnum, description="FIXED when the line is discounted, else null."
    )
    unit_discount_reason = graphene.String(
        description="Why the line is discounted (the voucher code), or null."
    )
    total_price = graphene.Field(
        TaxedMoney,
        required=True,
        description=(
            "Price of the line after its share of the voucher discount, exact to the đồng: "
            "an order's line totals sum to its subtotal less its discount."
        ),
    )
    undiscounted_total_price = graphene.Field(
        TaxedMoney, required=True, description="Price of the line before discounts."
    )
    variant = graphene.Field(ProductVariant, description="The variant, if it still exists.")
    producer = graphene.Field(Producer, description="OCOP: the producer that ships it.")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = (
            "A line of an order: a snapshot of what was bought. Its metadata is written by "
            "staff; private metadata is read by staff only."
        )

    @staticmethod
    def resolve_product_variant_id(root: models.OrderLine, info: graphene.ResolveInfo) -> Any:
        return (
            graphene.relay.Node.to_global_id("ProductVariant", root.variant_id)
            if root.variant_id
            else None
        )

    @staticmethod
    def resolve_quantity_to_fulfill(root: models.OrderLine, info: graphene.ResolveInfo) -> int:
        return root.quantity - root.quantity_fulfilled

    @staticmethod
    def resolve_unit_price(root: models.OrderLine, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(root.unit_price_amount)

    @staticmethod
    def resolve_undiscounted_unit_price(root: models.OrderLine, info: graphene.ResolveInfo) -> Any:
        return TaxedMoney.of(root.undiscounted_unit_price_amount)

    @staticmethod
    def resolve_unit_discount(root: models.OrderLine, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.unit_discount_amount)

    @staticmethod
    def resolve_unit_discount_value(root: models.OrderLine, info: graphene.ResolveInfo) -> int:
        return root.unit_discount_amount

    @staticmethod
    def resolve_unit_discount_type(root: models.OrderLine, info: graphene.ResolveInfo) -> Any:
        return DiscountValueTypeEnum.FIXED if root.discount_amount else None

    @staticmethod
    def resolve_unit_discount_reason(root: models.OrderLine, info: graphene.ResolveInfo) -> Any:
        return root.unit_discount_reason

    @staticmethod
    def resolve_total_price(root: models.OrderLine, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(root.total_price_amount)

    @staticmethod
    def resolve_undiscounted_total_price(root: models.OrderLine, info: graphene.ResolveInfo) -> Any:
        return TaxedMoney.of(root.undiscounted_total_price_amount)

    @staticmethod
    def resolve_variant(root: models.OrderLine, info: graphene.ResolveInfo) -> Any:
        return with_channel([root.variant], None)[0] if root.variant is not None else None

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.OrderLine)


class Fulfillment(graphene.ObjectType):
    fulfillment_order = graphene.Int(required=True, description="Sequence within the order.")
    status = graphene.Field(FulfillmentStatus, required=True, description="Status.")
    tracking_number = graphene.String(required=True, description="Carrier tracking number.")
    created = graphene.DateTime(required=True, description="When the group was created.")
    producer = graphene.Field(Producer, required=True, description="OCOP: the producer.")
    carrier = graphene.String(required=True, description="OCOP: the carrier.")
    shipping_method_name = graphene.String(description="OCOP: the delivery method chosen.")
    is_pickup = graphene.Boolean(required=True, description="OCOP: pickup at the producer.")
    shipping_price = graphene.Field(Money, required=True, description="OCOP: its delivery price.")
    subtotal = graphene.Field(
        Money,
        required=True,
        description="OCOP: its lines' sum before the voucher (their undiscountedTotalPrice).",
    )
    discount = graphene.Field(
        Money, required=True, description="OCOP: its share of the order's voucher discount."
    )
    cod_collected = graphene.Boolean(required=True, description="OCOP: cash collected.")
    fulfilled_at = graphene.DateTime(description="OCOP: when it was handed to the carrier.")
    lines = graphene.List(graphene.NonNull(OrderLine), description="The group's lines.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "One producer's part of an order (a fulfilment group)."

    @staticmethod
    def resolve_created(root: models.FulfillmentGroup, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_status(root: models.FulfillmentGroup, info: graphene.ResolveInfo) -> str:
        return str(root.status)

    @staticmethod
    def resolve_shipping_price(root: models.FulfillmentGroup, info: graphene.ResolveInfo) -> Any:
        return Money.of(root.shipping_price_amount)

    @staticmethod
    def resolve_subtotal(root: models.FulfillmentGroup, info: graphene.ResolveInfo) -> Any:
        return Money.of(root.subtotal_amount)

    @staticmethod
    def resolve_discount(root: models.FulfillmentGroup, info: graphene.ResolveInfo) -> Any:
        return Money.of(root.discount_amount)

    @staticmethod
    def resolve_lines(root: models.FulfillmentGroup, info: graphene.ResolveInfo) -> Any:
        lines = getattr(root, "_ocop_lines", None)
        return list(root.lines.select_related("order")) if lines is None else lines


class OrderEvent(graphene.ObjectType):
    date = graphene.DateTime(description="When it happened.")
    type = graphene.String(description="What happened (Saleor's event names, lower case).")
    user = graphene.Field("backend.graphql.account.types.User", description="Who did it.")
    parameters = graphene.JSONString(description="Details.")

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "An entry of an order's history."


def _money(attribute: str) -> Any:
    return lambda root, info: TaxedMoney.of(getattr(root, attribute))


class Order(graphene.ObjectType):
    number = graphene.String(required=True, description="Order number.")
    token = graphene.String(required=True, description="Order token.")
    created = graphene.DateTime(required=True, description="When it was placed.")
    updated_at = graphene.DateTime(required=True, description="When it last changed.")
    status = graphene.Field(OrderStatus, required=True, description="Status.")
    user = graphene.Field(
        "backend.graphql.account.types.User", description="The shopper, if signed in."
    )
    user_email = graphene.String(description="The shopper's email.")
    channel = graphene.Field(Channel, required=True, description="The channel.")
    billing_address = graphene.Field(
        "backend.graphql.account.types.Address", description="Billing address."
    )
    shipping_address = graphene.Field(
        "backend.graphql.account.types.Address", description="Shipping address."
    )
    lines = graphene.List(graphene.NonNull(OrderLine), required=True, description="Lines.")
    fulfillments = graphene.List(
        graphene.NonNull(Fulfillment), required=True, description="One group per producer."
    )
    events = graphene.List(graphene.NonNull(OrderEvent), required=True, description="History.")
    subtotal = graphene.Field(
        TaxedMoney,
        required=True,
        description=(
            "Sum of the lines before the voucher (their undiscountedTotalPrice); the lines' "
            "totalPrice sum to subtotal minus discount."
        ),
        resolver=_money("subtotal_amount"),
    )
    shipping_price = graphene.Field(
        TaxedMoney,
        required=True,
        description="Sum of deliveries.",
        resolver=_money("shipping_amount"),
    )
    total = graphene.Field(
        TaxedMoney, required=True, description="Amount to pay.", resolver=_money("total_amount")
    )
    undiscounted_total = graphene.Field(TaxedMoney, required=True, description="Before discount.")
    discount = graphene.Field(Money, description="Voucher discount.")
    voucher_code = graphene.String(description="Voucher code used.")
    is_paid = graphene.Boolean(required=True, description="Whether fully paid.")
    charge_status = graphene.Field(OrderChargeStatusEnum, required=True, description="Charged.")
    authorize_status = graphene.Field(
        OrderAuthorizeStatusEnum, required=True, description="Authorised."
    )
    total_charged = graphene.Field(Money, required=True, description="Amount charged.")
    total_balance = graphene.Field(Money, required=True, description="Charged minus total.")
    payment_method = graphene.String(required=True, description="OCOP: cod, vietqr or stripe.")
    transactions = graphene.List(
        graphene.NonNull(TransactionItem),
        required=True,
        description="Payment transactions of the order.",
        resolver=resolve_order_transactions,
    )
    is_shipping_required = graphene.Boolean(required=True, description="Whether it ships.")
    language_code_enum = graphene.Field(LanguageCodeEnum, required=True, description="Language.")
    checkout_id = graphene.ID(description="The checkout it came from.")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = (
            "An order: lines from several producers, one fulfilment per producer. Its "
            "metadata is written by staff; private metadata is read by staff only."
        )

    @staticmethod
    def resolve_created(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_status(root: models.Order, info: graphene.ResolveInfo) -> str:
        return str(root.status)

    @staticmethod
    def resolve_charge_status(root: models.Order, info: graphene.ResolveInfo) -> str:
        return str(root.charge_status)

    @staticmethod
    def resolve_authorize_status(root: models.Order, info: graphene.ResolveInfo) -> str:
        return str(root.authorize_status)

    @staticmethod
    def resolve_payment_method(root: models.Order, info: graphene.ResolveInfo) -> str:
        return str(root.payment_method)

    @staticmethod
    def resolve_lines(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return [line for line in root.lines.all() if _visible(info, root, line.producer_id)]

    @staticmethod
    def resolve_fulfillments(root: models.Order, info: graphene.ResolveInfo) -> Any:
        groups = [g for g in root.fulfillment_groups.all() if _visible(info, root, g.producer_id)]
        for group in groups:
            group._ocop_lines = [  # type: ignore[attr-defined]
                line for line in root.lines.all() if line.fulfillment_group_id == group.pk
            ]
        return groups

    @staticmethod
    def resolve_events(root: models.Order, info: graphene.ResolveInfo) -> Any:
        if visible_producer_ids(actor=info.context.user, order=root) is not None:
            return []  # a producer's view: the order history is the platform's and the buyer's
        return root.events.all()

    @staticmethod
    def resolve_undiscounted_total(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return TaxedMoney.of(root.total_amount + root.discount_amount)

    @staticmethod
    def resolve_discount(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return Money.of(root.discount_amount)

    @staticmethod
    def resolve_voucher_code(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return root.voucher_code or None

    @staticmethod
    def resolve_total_charged(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return Money.of(root.total_charged_amount)

    @staticmethod
    def resolve_total_balance(root: models.Order, info: graphene.ResolveInfo) -> Any:
        return Money.of(root.total_charged_amount - root.total_amount)

    @staticmethod
    def resolve_is_shipping_required(root: models.Order, info: graphene.ResolveInfo) -> bool:
        return any(line.is_shipping_required for line in root.lines.all())

    @staticmethod
    def resolve_language_code_enum(root: models.Order, info: graphene.ResolveInfo) -> str:
        return str(root.language_code)

    @staticmethod
    def resolve_checkout_id(root: models.Order, info: graphene.ResolveInfo) -> Any:
        token = root.checkout_token
        return graphene.relay.Node.to_global_id("Checkout", str(token)) if token else None

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | models.Order)


class OrderCountableConnection(CountableConnection):
    class Meta:
        node = Order
        description = "A page of orders."
