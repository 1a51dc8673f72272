"""Payment mutations: Saleor's transaction API plus OCOP's cash and transfer extensions."""

from __future__ import annotations

import graphene

from backend.graphql.payments.mutations.order_bank_transfer_mark_received import (
    OrderBankTransferMarkReceived,
)
from backend.graphql.payments.mutations.order_fulfillment_group_cash_collect import (
    OrderFulfillmentGroupCashCollect,
)
from backend.graphql.payments.mutations.payment_gateway_initialize import (
    PaymentGatewayInitialize,
)
from backend.graphql.payments.mutations.transaction_initialize import TransactionInitialize
from backend.graphql.payments.mutations.transaction_process import TransactionProcess
from backend.graphql.payments.mutations.transaction_request_action import (
    TransactionRequestAction,
)


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field(
        description="List the gateways available for a checkout or order."
    )
    transaction_initialize = TransactionInitialize.Field(
        description="Start paying an order through a gateway."
    )
    transaction_process = TransactionProcess.Field(
        description="Read a transaction's state back from its gateway."
    )
    transaction_request_action = TransactionRequestAction.Field(
        description="Staff: capture, refund or cancel a transaction."
    )
    order_fulfillment_group_cash_collect = OrderFulfillmentGroupCashCollect.Field(
        description="OCOP extension: cash collected for a delivered producer group."
    )
    order_bank_transfer_mark_received = OrderBankTransferMarkReceived.Field(
        description="OCOP extension: staff record a bank transfer received."
    )
