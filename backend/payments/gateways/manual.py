"""Money staff record by hand (Saleor's manual transactions, as ``orderMarkAsPaid`` makes).

Never offered to shoppers, so never initialized through ``transactionInitialize`` (the base
``initialize`` refuses): the transactions exist only because staff recorded money received
outside the gateways. A refund is money handed back by hand and recorded by staff (the
base behaviour).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from backend.payments.gateways.base import Gateway


class ManualGateway(Gateway):
    id = "ocop.payments.manual"
    method = ""  # no payment method of its own: the order keeps the one the shopper chose

    @property
    def name(self) -> str:
        return str(_("Nhân viên ghi nhận đã thanh toán"))

    def is_available(self, *, amount: int) -> bool:
        return False


manual_gateway = ManualGateway()
