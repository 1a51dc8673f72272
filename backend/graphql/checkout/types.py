"""Saleor's checkout types, with OCOP's per-producer delivery groups."""

from __future__ import annotations

from typing import Any

import graphene
from graphql_relay import to_global_id

from backend.checkout.info import CheckoutInfo, DeliveryGroup, LineInfo, checkout_info_cached
from backend.checkout.models import Checkout as CheckoutModel
from backend.checkout.models import CheckoutLine as CheckoutLineModel
from backend.graphql.account.enums import AddressTypeEnum
from backend.graphql.account.types import Address, User
from backend.graphql.catalog.types.common import with_channel
from backend.graphql.catalog.types.variants import ProductVariant
from backend.graphql.channels.types import Channel
from backend.graphql.checkout.enums import CheckoutErrorCode, DeliveryMethodTypeEnum
from backend.graphql.core.enums import LanguageCodeEnum
from backend.graphql.core.metadata import MetadataItem, ObjectWithMetadata, metadata_items
from backend.graphql.core.types import Money, TaxedMoney
from backend.graphql.payments.types import (
    PaymentGateway,
    resolve_checkout_available_payment_gateways,
)
from backend.graphql.producers.types import Producer
from backend.shipping.pricing import DeliveryQuote


class CheckoutError(graphene.ObjectType):
    field = graphene.String(description="Name of the input field that caused the error, or null.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(CheckoutErrorCode, required=True, description="The error code.")
    variants = graphene.List(
        graphene.NonNull(graphene.ID), description="Variants the error is about."
    )
    lines = graphene.List(graphene.NonNull(graphene.ID), description="Lines the error is about.")
    address_type = graphene.Field(AddressTypeEnum, description="Which address the error is about.")


class ShippingMethod(graphene.ObjectType):
    name = graphene.String(required=True, description="Name of the method.")
    description = graphene.JSONString(description="Description of the method.")
    minimum_delivery_days = graphene.Int(description="Minimum delivery days.")
    maximum_delivery_days = graphene.Int(description="Maximum delivery days.")
    price = graphene.Field(Money, required=True, description="Price for this checkout's group.")
    active = graphene.Boolean(required=True, description="Whether it can be chosen now.")
    message = graphene.String(description="Why it cannot be chosen, if so.")
    type = graphene.Field(DeliveryMethodTypeEnum, description="OCOP: shipping or pickup.")
    producer = graphene.Field(Producer, description="OCOP: the producer that delivers.")
    metadata = graphene.List(
        graphene.NonNull(MetadataItem), required=True, description="Public metadata."
    )

    class Meta:
        interfaces = (graphene.relay.Node,)
        description = "A producer's delivery method, priced for a checkout's group."

    @staticmethod
    def resolve_id(root: DeliveryQuote, info: graphene.ResolveInfo) -> int:
        return root.method.pk

    @staticmethod
    def resolve_name(root: DeliveryQuote, info: graphene.ResolveInfo) -> str:
        return root.method.name

    @staticmethod
    def resolve_description(root: DeliveryQuote, info: graphene.ResolveInfo) -> str | None:
        return root.method.description or None

    @staticmethod
    def resolve_minimum_delivery_days(root: DeliveryQuote, info: graphene.ResolveInfo) -> Any:
        return root.method.minimum_delivery_days

    @staticmethod
    def resolve_maximum_delivery_days(root: DeliveryQuote, info: graphene.ResolveInfo) -> Any:
        return root.method.maximum_delivery_days

    @staticmethod
    def resolve_price(root: DeliveryQuote, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.price)

    @staticmethod
    def resolve_active(root: DeliveryQuote, info: graphene.ResolveInfo) -> bool:
        return True

    @staticmethod
    def resolve_type(root: DeliveryQuote, info: graphene.ResolveInfo) -> str:
        return str(root.method.type)

    @staticmethod
    def resolve_producer(root: DeliveryQuote, info: graphene.ResolveInfo) -> Any:
        return root.method.producer

    @staticmethod
    def resolve_metadata(root: DeliveryQuote, info: graphene.ResolveInfo) -> Any:
        return metadata_items(root.method.metadata)


class Delivery(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the delivery option.")
    shipping_method = graphene.Field(ShippingMethod, description="The shipping method.")

    class Meta:
        description = "A delivery option of a checkout."

    @staticmethod
    def resolve_id(root: DeliveryQuote, info: graphene.ResolveInfo) -> str:
        return to_global_id("Delivery", root.method.pk)

    @staticmethod
    def resolve_shipping_method(root: DeliveryQuote, info: graphene.ResolveInfo) -> Any:
        return root


class CheckoutLine(graphene.ObjectType):
    variant = graphene.Field(ProductVariant, required=True, description="The variant bought.")
    quantity = graphene.Int(required=True, description="Quantity.")
    unit_price = graphene.Field(TaxedMoney, required=True, description="Price of one unit.")
    undiscounted_unit_price = graphene.Field(
        Money, required=True, description="Price of one unit before discounts."
    )
    total_price = graphene.Field(TaxedMoney, required=True, description="Price of the line.")
    undiscounted_total_price = graphene.Field(
        Money, required=True, description="Price of the line before discounts."
    )
    requires_shipping = graphene.Boolean(required=True, description="Whether it ships.")

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = (
            "A line of a checkout. Whoever may use the checkout reads and writes its public "
            "metadata; private metadata is staff only."
        )

    @staticmethod
    def resolve_id(root: LineInfo, info: graphene.ResolveInfo) -> int:
        return root.line.pk

    @staticmethod
    def resolve_variant(root: LineInfo, info: graphene.ResolveInfo) -> Any:
        return with_channel([root.facts.variant], info.context.checkout_channel)[0]

    @staticmethod
    def resolve_quantity(root: LineInfo, info: graphene.ResolveInfo) -> int:
        return root.line.quantity

    @staticmethod
    def resolve_unit_price(root: LineInfo, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(root.unit_price)

    @staticmethod
    def resolve_undiscounted_unit_price(root: LineInfo, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.unit_price)

    @staticmethod
    def resolve_total_price(root: LineInfo, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(root.total_price)

    @staticmethod
    def resolve_undiscounted_total_price(root: LineInfo, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.total_price)

    @staticmethod
    def resolve_requires_shipping(root: LineInfo, info: graphene.ResolveInfo) -> bool:
        return bool(root.facts.variant.product.product_type.is_shipping_required)

    # ObjectWithMetadata reads the model; this type's root is the priced line around it.
    @staticmethod
    def resolve_metadata(root: LineInfo, info: graphene.ResolveInfo) -> Any:
        return ObjectWithMetadata.resolve_metadata(root.line, info)

    @staticmethod
    def resolve_metafield(root: LineInfo, info: graphene.ResolveInfo, key: str) -> Any:
        return ObjectWithMetadata.resolve_metafield(root.line, info, key)

    @staticmethod
    def resolve_metafields(root: LineInfo, info: graphene.ResolveInfo, keys: Any = None) -> Any:
        return ObjectWithMetadata.resolve_metafields(root.line, info, keys)

    @staticmethod
    def resolve_private_metadata(root: LineInfo, info: graphene.ResolveInfo) -> Any:
        return ObjectWithMetadata.resolve_private_metadata(root.line, info)

    @staticmethod
    def resolve_private_metafield(root: LineInfo, info: graphene.ResolveInfo, key: str) -> Any:
        return ObjectWithMetadata.resolve_private_metafield(root.line, info, key)

    @staticmethod
    def resolve_private_metafields(
        root: LineInfo, info: graphene.ResolveInfo, keys: Any = None
    ) -> Any:
        return ObjectWithMetadata.resolve_private_metafields(root.line, info, keys)

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | LineInfo)


class CheckoutDeliveryGroup(graphene.ObjectType):
    producer = graphene.Field(Producer, required=True, description="The producer shipping it.")
    lines = graphene.List(
        graphene.NonNull(CheckoutLine), required=True, description="This producer's lines."
    )
    shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod), required=True, description="Methods that apply."
    )
    delivery = graphene.Field(Delivery, description="The chosen method, while it applies.")
    subtotal_price = graphene.Field(Money, required=True, description="The group's subtotal.")
    discount = graphene.Field(
        Money, required=True, description="The group's share of the voucher discount."
    )
    shipping_price = graphene.Field(Money, required=True, description="The group's shipping.")

    class Meta:
        description = "OCOP extension: one producer's part of a checkout and its delivery."

    @staticmethod
    def resolve_delivery(root: DeliveryGroup, info: graphene.ResolveInfo) -> Any:
        return root.selected

    @staticmethod
    def resolve_shipping_methods(root: DeliveryGroup, info: graphene.ResolveInfo) -> Any:
        return root.quotes

    @staticmethod
    def resolve_subtotal_price(root: DeliveryGroup, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.subtotal)

    @staticmethod
    def resolve_discount(root: DeliveryGroup, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.discount)

    @staticmethod
    def resolve_shipping_price(root: DeliveryGroup, info: graphene.ResolveInfo) -> Money:
        return Money.of(root.shipping_price)


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int(description="Units left.")
    line = graphene.Field(CheckoutLine, required=True, description="The line.")
    variant = graphene.Field(ProductVariant, required=True, description="The variant.")

    class Meta:
        description = "A line asks for more than there is in stock."


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(CheckoutLine, required=True, description="The line.")

    class Meta:
        description = "A line's variant cannot be bought in this channel now."


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (CheckoutLineProblemInsufficientStock, CheckoutLineProblemVariantNotAvailable)
        description = "Something that stops the checkout from completing."


def _info(root: CheckoutModel, context: Any) -> CheckoutInfo:
    """Priced once per request and checkout, whatever fields the query asks for."""
    context.checkout_channel = root.channel
    return checkout_info_cached(root)


def checkout_line_info(context: Any, line: CheckoutLineModel) -> LineInfo:
    """The priced view of ``line`` (whose ``checkout`` is loaded) that CheckoutLine resolves
    from, for a payload that returns a line on its own."""
    return next(item for item in _info(line.checkout, context).lines if item.line.pk == line.pk)


class Checkout(graphene.ObjectType):
    token = graphene.UUID(required=True, description="The checkout's token.")
    created = graphene.DateTime(required=True, description="When it was created.")
    updated_at = graphene.DateTime(required=True, description="When it last changed.")
    last_change = graphene.DateTime(required=True, description="When it last changed.")
    user = graphene.Field(User, description="The signed-in owner, if any.")
    channel = graphene.Field(Channel, required=True, description="The channel.")
    email = graphene.String(description="Email for the order.")
    billing_address = graphene.Field(Address, description="Billing address.")
    shipping_address = graphene.Field(Address, description="Shipping address.")
    customer_note = graphene.String(required=True, description="Note from the shopper.")
    language_code = graphene.Field(LanguageCodeEnum, required=True, description="Language.")
    lines = graphene.List(graphene.NonNull(CheckoutLine), required=True, description="Lines.")
    quantity = graphene.Int(required=True, description="Units in the checkout.")
    is_shipping_required = graphene.Boolean(required=True, description="Whether it ships.")
    subtotal_price = graphene.Field(TaxedMoney, required=True, description="Sum of the lines.")
    shipping_price = graphene.Field(
        TaxedMoney, required=True, description="Sum of every producer group's delivery price."
    )
    discount = graphene.Field(Money, description="Voucher discount.")
    voucher_code = graphene.String(description="The promo code applied.")
    total_price = graphene.Field(
        TaxedMoney, required=True, description="Subtotal minus discount plus shipping."
    )
    shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        required=True,
        description="Every applicable method of every producer group.",
    )
    delivery = graphene.Field(
        Delivery, description="The first group's chosen delivery (see deliveryGroups)."
    )
    delivery_groups = graphene.List(
        graphene.NonNull(CheckoutDeliveryGroup),
        required=True,
        description="OCOP extension: one group per producer with its own delivery choice.",
    )
    available_payment_gateways = graphene.List(
        graphene.NonNull(PaymentGateway), required=True, description="Ways to pay."
    )
    problems = graphene.List(
        graphene.NonNull(CheckoutProblem), description="What stops completion now."
    )

    class Meta:
        interfaces = (graphene.relay.Node, ObjectWithMetadata)
        description = "A shopper's cart across producers, with addresses and deliveries."

    @staticmethod
    def resolve_id(root: CheckoutModel, info: graphene.ResolveInfo) -> str:
        return str(root.pk)

    @staticmethod
    def resolve_token(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        return root.pk

    @staticmethod
    def resolve_created(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        return root.created_at

    @staticmethod
    def resolve_updated_at(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        return root.last_change

    @staticmethod
    def resolve_language_code(root: CheckoutModel, info: graphene.ResolveInfo) -> str:
        return str(root.language_code)

    @staticmethod
    def resolve_email(root: CheckoutModel, info: graphene.ResolveInfo) -> str | None:
        return root.email or None

    @staticmethod
    def resolve_lines(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        return _info(root, info.context).lines

    @staticmethod
    def resolve_quantity(root: CheckoutModel, info: graphene.ResolveInfo) -> int:
        return _info(root, info.context).quantity

    @staticmethod
    def resolve_is_shipping_required(root: CheckoutModel, info: graphene.ResolveInfo) -> bool:
        return _info(root, info.context).is_shipping_required

    @staticmethod
    def resolve_subtotal_price(root: CheckoutModel, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(_info(root, info.context).subtotal)

    @staticmethod
    def resolve_shipping_price(root: CheckoutModel, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(_info(root, info.context).shipping)

    @staticmethod
    def resolve_discount(root: CheckoutModel, info: graphene.ResolveInfo) -> Money:
        return Money.of(_info(root, info.context).discount)

    @staticmethod
    def resolve_voucher_code(root: CheckoutModel, info: graphene.ResolveInfo) -> str | None:
        return root.voucher_code or None

    @staticmethod
    def resolve_total_price(root: CheckoutModel, info: graphene.ResolveInfo) -> TaxedMoney:
        return TaxedMoney.of(_info(root, info.context).total)

    @staticmethod
    def resolve_shipping_methods(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        return [quote for group in _info(root, info.context).groups for quote in group.quotes]

    @staticmethod
    def resolve_delivery(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        groups = _info(root, info.context).groups
        return groups[0].selected if groups else None

    @staticmethod
    def resolve_delivery_groups(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        return _info(root, info.context).groups

    @staticmethod
    def resolve_available_payment_gateways(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        total = _info(root, info.context).total
        return resolve_checkout_available_payment_gateways(root, info, total=total)

    @staticmethod
    def resolve_problems(root: CheckoutModel, info: graphene.ResolveInfo) -> Any:
        problems: list[Any] = []
        for line in _info(root, info.context).lines:
            if line.problem is not None:
                problems.append(CheckoutLineProblemVariantNotAvailable(line=line))
            elif line.insufficient_stock:
                problems.append(
                    CheckoutLineProblemInsufficientStock(
                        available_quantity=line.facts.available,
                        line=line,
                        variant=with_channel([line.facts.variant], root.channel)[0],
                    )
                )
        return problems

    @classmethod
    def is_type_of(cls, root: object, info: graphene.ResolveInfo) -> bool:
        return isinstance(root, cls | CheckoutModel)
