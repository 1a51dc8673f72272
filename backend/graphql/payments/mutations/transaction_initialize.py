from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError

from backend.graphql.core.enums import enum_value
from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments import enums
from backend.graphql.payments.mutations.common import decode_global_id, gateway_data, whole_dong
from backend.graphql.payments.mutations.payment_gateway_initialize import (
    PaymentGatewayToInitialize,
)
from backend.graphql.payments.scalars import JSON, PositiveDecimal
from backend.graphql.payments.types import (
    TransactionEvent,
    TransactionInitializeError,
    TransactionItem,
)
from backend.payments import selectors, services
from backend.payments.models import TransactionFlowStrategy


class TransactionInitialize(BaseMutation):
    transaction = graphene.Field(TransactionItem, description="The new transaction.")
    transaction_event = graphene.Field(TransactionEvent, description="Its first event.")
    data = JSON(
        description=(
            "Gateway data: VietQR gives payload, qrCodeDataUrl, bankName, accountNumber, "
            "accountName, amount and transferNote; Stripe gives clientSecret and publishableKey."
        )
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the order to pay.")
        action = graphene.Argument(
            enums.TransactionFlowStrategyEnum, description="CHARGE (default) or AUTHORIZATION."
        )
        amount = graphene.Argument(
            PositiveDecimal, description="Must equal what is outstanding; defaults to it."
        )
        payment_gateway = graphene.Argument(
            PaymentGatewayToInitialize, required=True, description="The gateway and its data."
        )
        idempotency_key = graphene.String(description="Repeat-safe key for this attempt.")
        customer_ip_address = graphene.String(description="Accepted for Saleor compatibility.")

    class Meta:
        description = (
            "Start paying an order through a gateway. Payments are attached to orders: "
            "checkoutComplete first places the order unpaid."
        )
        error_type_class = TransactionInitializeError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        type_name, key = decode_global_id(data["id"], allowed={"Order", "Checkout"})
        if type_name == "Checkout":
            raise ValidationError(
                {"id": ValidationError("Hãy đặt hàng trước khi thanh toán.", code="INVALID")}
            )
        order = selectors.order_get_for_payment(actor=info.context.user, reference=key)
        gateway = data["payment_gateway"]
        transaction, event, response = services.transaction_initialize(
            actor=info.context.user,
            order=order,
            gateway_id=gateway["id"],
            action=TransactionFlowStrategy(
                str(enum_value(data.get("action")) or TransactionFlowStrategy.CHARGE)
            ),
            amount=whole_dong(data.get("amount")),
            data=gateway_data(gateway.get("data")),
            idempotency_key=(data.get("idempotency_key") or "")[:512],
        )
        return cls.success(transaction=transaction, transaction_event=event, data=response)
