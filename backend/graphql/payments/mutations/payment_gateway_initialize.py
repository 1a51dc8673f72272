from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.mutations import BaseMutation
from backend.graphql.payments.mutations.common import decode_global_id, whole_dong
from backend.graphql.payments.scalars import PositiveDecimal
from backend.graphql.payments.types import (
    PaymentGatewayConfig,
    PaymentGatewayConfigError,
    PaymentGatewayInitializeError,
)
from backend.payments import selectors
from backend.payments.gateways import GATEWAYS


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(required=True, description="Gateway id, e.g. ocop.payments.vietqr.")
    data = graphene.JSONString(description="Data for the gateway (unused by our gateways).")

    class Meta:
        description = "A gateway to initialize or pay through."


class PaymentGatewayInitialize(BaseMutation):
    gateway_configs = graphene.List(
        graphene.NonNull(PaymentGatewayConfig), description="One entry per gateway."
    )

    class Arguments:
        id = graphene.ID(required=True, description="ID of the checkout or order to pay.")
        amount = graphene.Argument(
            PositiveDecimal,
            description="Amount to pay; defaults to the checkout or order total.",
        )
        payment_gateways = graphene.List(
            graphene.NonNull(PaymentGatewayToInitialize),
            description="Gateways to initialize; all available ones when omitted.",
        )

    class Meta:
        description = (
            "List the payment gateways available for a checkout or order with their public "
            "data. A gateway asked for but not available answers NOT_FOUND in its errors."
        )
        error_type_class = PaymentGatewayInitializeError

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        type_name, key = decode_global_id(data["id"], allowed={"Checkout", "Order"})
        actor = info.context.user
        if type_name == "Checkout":
            checkout = selectors.checkout_get_for_payment(actor=actor, token=key)
            available = selectors.gateways_for_checkout(checkout)
        else:
            order = selectors.order_get_for_payment(actor=actor, reference=key)
            available = selectors.gateways_for_order(order)
        amount = whole_dong(data.get("amount"))
        if amount is not None:
            available = [gateway for gateway in available if gateway.is_available(amount=amount)]
        available_ids = {gateway.id for gateway in available}
        requested = [item["id"] for item in data.get("payment_gateways") or []] or [
            gateway.id for gateway in available
        ]
        configs = []
        for gateway_id in requested:
            if gateway_id in available_ids:
                gateway = GATEWAYS[gateway_id]
                configs.append(
                    PaymentGatewayConfig(id=gateway_id, data=gateway.public_config(), errors=[])
                )
            else:
                configs.append(
                    PaymentGatewayConfig(
                        id=gateway_id,
                        data=None,
                        errors=[
                            PaymentGatewayConfigError(
                                field="id",
                                code="NOT_FOUND",
                                message="Cổng thanh toán không dùng được cho đơn này.",
                            )
                        ],
                    )
                )
        return cls.success(gateway_configs=configs)
