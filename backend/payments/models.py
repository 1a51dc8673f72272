"""Payments in Saleor's transaction shape, bank notices, and producers' money.

Amounts are whole đồng (``BigIntegerField``). ``TransactionItem`` amounts change only
through ``payments.services`` under a row lock, and every change appends a
``TransactionEvent``; events, bank notices, processed Stripe events and ledger entries are
never updated (except a notice's resolution) or deleted.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from backend.core.money import CURRENCY


class TransactionAction(models.TextChoices):
    """What staff may still ask of a transaction (Saleor's TransactionActionEnum)."""

    CHARGE = "charge", _("Thu tiền")
    REFUND = "refund", _("Hoàn tiền")
    CANCEL = "cancel", _("Hủy")


class TransactionFlowStrategy(models.TextChoices):
    """Saleor's TransactionFlowStrategyEnum: hold the money first, or take it at once."""

    AUTHORIZATION = "authorization", _("Ủy quyền")
    CHARGE = "charge", _("Thu tiền")


class TransactionEventType(models.TextChoices):
    """Saleor's TransactionEventTypeEnum (the subset our gateways report)."""

    INFO = "info", _("Thông tin")
    AUTHORIZATION_REQUEST = "authorization_request", _("Yêu cầu ủy quyền")
    AUTHORIZATION_SUCCESS = "authorization_success", _("Ủy quyền thành công")
    AUTHORIZATION_FAILURE = "authorization_failure", _("Ủy quyền thất bại")
    AUTHORIZATION_ACTION_REQUIRED = "authorization_action_required", _("Cần xác thực thêm")
    CHARGE_REQUEST = "charge_request", _("Yêu cầu thu tiền")
    CHARGE_SUCCESS = "charge_success", _("Thu tiền thành công")
    CHARGE_FAILURE = "charge_failure", _("Thu tiền thất bại")
    CHARGE_ACTION_REQUIRED = "charge_action_required", _("Cần xác thực thêm")
    REFUND_REQUEST = "refund_request", _("Yêu cầu hoàn tiền")
    REFUND_SUCCESS = "refund_success", _("Hoàn tiền thành công")
    REFUND_FAILURE = "refund_failure", _("Hoàn tiền thất bại")
    CANCEL_REQUEST = "cancel_request", _("Yêu cầu hủy")
    CANCEL_SUCCESS = "cancel_success", _("Hủy thành công")
    CANCEL_FAILURE = "cancel_failure", _("Hủy thất bại")


class TransactionItem(models.Model):
    """One payment attempt through one gateway for one order (Saleor's TransactionItem)."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    order = models.ForeignKey("orders.Order", related_name="transactions", on_delete=models.PROTECT)
    gateway = models.CharField(max_length=64, db_index=True)
    name = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    psp_reference = models.CharField(max_length=512, blank=True, db_index=True)
    external_url = models.URLField(max_length=500, blank=True)
    currency = models.CharField(max_length=3, default=CURRENCY, editable=False)
    authorized_amount = models.BigIntegerField(default=0)
    authorize_pending_amount = models.BigIntegerField(default=0)
    charged_amount = models.BigIntegerField(default=0)
    charge_pending_amount = models.BigIntegerField(default=0)
    refunded_amount = models.BigIntegerField(default=0)
    refund_pending_amount = models.BigIntegerField(default=0)
    canceled_amount = models.BigIntegerField(default=0)
    idempotency_key = models.CharField(max_length=512, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    authorized_amount__gte=0,
                    authorize_pending_amount__gte=0,
                    charged_amount__gte=0,
                    charge_pending_amount__gte=0,
                    refunded_amount__gte=0,
                    refund_pending_amount__gte=0,
                    canceled_amount__gte=0,
                ),
                name="transaction_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(currency=CURRENCY), name="transaction_currency_is_vnd"
            ),
            models.UniqueConstraint(
                fields=["order", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="transaction_order_idempotency_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gateway}:{self.token}"


class TransactionEvent(models.Model):
    """Append-only history of a transaction: written by ``payments.events`` only."""

    transaction = models.ForeignKey(
        TransactionItem, related_name="events", on_delete=models.CASCADE
    )
    type = models.CharField(max_length=64, choices=TransactionEventType.choices)
    amount = models.BigIntegerField(default=0)
    currency = models.CharField(max_length=3, default=CURRENCY, editable=False)
    psp_reference = models.CharField(max_length=512, blank=True)
    message = models.CharField(max_length=512, blank=True)
    external_url = models.URLField(max_length=500, blank=True)
    idempotency_key = models.CharField(max_length=512, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.transaction_id}: {self.type} {self.amount}"


class BankNoticeStatus(models.TextChoices):
    APPLIED = "applied", _("Đã ghi nhận")
    FLAGGED = "flagged", _("Cần nhân viên xử lý")
    RESOLVED = "resolved", _("Nhân viên đã xử lý")
    DISMISSED = "dismissed", _("Nhân viên đã bỏ qua")


class BankNoticeFlag(models.TextChoices):
    UNKNOWN_CODE = "unknown_code", _("Không tìm thấy mã đơn hàng")
    UNDERPAID = "underpaid", _("Chuyển thiếu")
    OVERPAID = "overpaid", _("Chuyển thừa")
    ORDER_NOT_PAYABLE = "order_not_payable", _("Đơn hàng đã hủy hoặc hết hạn")
    ALREADY_PAID = "already_paid", _("Đơn hàng đã được thanh toán")
    CURRENCY_MISMATCH = "currency_mismatch", _("Sai loại tiền")


class BankNotice(models.Model):
    """One incoming-transfer notification from the collection account's bank.

    Applied only when it matches an open order exactly; anything else is kept, flagged and
    left to staff. ``bank_reference`` is unique, so a repeated notice changes nothing.
    """

    bank_reference = models.CharField(max_length=128, unique=True)
    amount = models.BigIntegerField()
    currency = models.CharField(max_length=3, default=CURRENCY)
    description = models.CharField(max_length=512, blank=True)
    payload = models.JSONField(default=dict)
    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, related_name="bank_notices", on_delete=models.PROTECT
    )
    transaction = models.ForeignKey(
        TransactionItem, null=True, blank=True, related_name="+", on_delete=models.PROTECT
    )
    status = models.CharField(max_length=16, choices=BankNoticeStatus.choices, db_index=True)
    flag = models.CharField(max_length=32, choices=BankNoticeFlag.choices, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.CharField(max_length=500, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at", "pk"]

    def __str__(self) -> str:
        return f"{self.bank_reference}: {self.amount} ({self.status})"


class BankNoticeEventType(models.TextChoices):
    RECEIVED = "received", _("Đã nhận thông báo")
    APPLIED = "applied", _("Tự động ghi nhận vào đơn hàng")
    APPLIED_BY_STAFF = "applied_by_staff", _("Nhân viên ghi nhận vào đơn hàng")
    DISMISSED = "dismissed", _("Nhân viên bỏ qua")


class BankNoticeEvent(models.Model):
    """Append-only history of a bank notice: written by ``payments.events`` only."""

    notice = models.ForeignKey(BankNotice, related_name="events", on_delete=models.CASCADE)
    type = models.CharField(max_length=32, choices=BankNoticeEventType.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    parameters = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.notice_id}: {self.type}"


class ProcessedStripeEvent(models.Model):
    """A Stripe webhook event already handled: the unique id makes replays no-ops."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    processed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.event_id


class CommissionRate(models.Model):
    """The platform's commission, in percent of goods revenue, from ``valid_from`` on.

    A row without a producer is the platform default; a producer's own rows win over it.
    The rate for an order is the latest row whose ``valid_from`` is on or before the day
    the order was paid.
    """

    producer = models.ForeignKey(
        "producers.Producer",
        null=True,
        blank=True,
        related_name="commission_rates",
        on_delete=models.CASCADE,
    )
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    valid_from = models.DateField()
    note = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["producer_id", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["producer", "valid_from"],
                nulls_distinct=False,
                name="commission_rate_producer_valid_from_unique",
            ),
            models.CheckConstraint(
                condition=Q(percent__gte=0, percent__lte=100), name="commission_rate_percent_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.producer_id or '*'}: {self.percent}% from {self.valid_from}"


class WithheldTax(models.TextChoices):
    VAT = "vat", _("Thuế GTGT")
    PIT = "pit", _("Thuế TNCN")


class WithholdingTaxRate(models.Model):
    """A tax the platform withholds for household and individual sellers (Decree 117/2025).

    Data, not code: rates change by decree, so each is a row valid from a date.
    """

    tax = models.CharField(max_length=8, choices=WithheldTax.choices)
    supply_type = models.CharField(max_length=16, default="goods")
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    valid_from = models.DateField()
    legal_basis = models.CharField(max_length=255)

    class Meta:
        ordering = ["tax", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["tax", "supply_type", "valid_from"], name="withholding_rate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tax} {self.supply_type} {self.percent}% from {self.valid_from}"


class LedgerEntryKind(models.TextChoices):
    REVENUE = "revenue", _("Doanh thu")
    COMMISSION = "commission", _("Phí hoa hồng")
    VAT_WITHHELD = "vat_withheld", _("Thuế GTGT khấu trừ")
    PIT_WITHHELD = "pit_withheld", _("Thuế TNCN khấu trừ")
    PAYOUT = "payout", _("Đã chi trả")
    REFUND = "refund", _("Hoàn tiền cho khách")
    COMMISSION_REVERSAL = "commission_reversal", _("Hoàn phí hoa hồng")
    VAT_WITHHELD_REVERSAL = "vat_withheld_reversal", _("Hoàn thuế GTGT đã khấu trừ")
    PIT_WITHHELD_REVERSAL = "pit_withheld_reversal", _("Hoàn thuế TNCN đã khấu trừ")


# What a paid order posts once per fulfilment group, and the kind that reverses each
# (written again for every refund, in proportion to what the order has had refunded).
POSTED_KINDS = (
    LedgerEntryKind.REVENUE,
    LedgerEntryKind.COMMISSION,
    LedgerEntryKind.VAT_WITHHELD,
    LedgerEntryKind.PIT_WITHHELD,
)
REVERSAL_OF = {
    LedgerEntryKind.REVENUE: LedgerEntryKind.REFUND,
    LedgerEntryKind.COMMISSION: LedgerEntryKind.COMMISSION_REVERSAL,
    LedgerEntryKind.VAT_WITHHELD: LedgerEntryKind.VAT_WITHHELD_REVERSAL,
    LedgerEntryKind.PIT_WITHHELD: LedgerEntryKind.PIT_WITHHELD_REVERSAL,
}


class LedgerEntry(models.Model):
    """One line of a producer's payouts ledger. Signed: money owed to the producer is
    positive, deductions and payouts negative. Never updated or deleted.

    Entries of a fulfilment group become payable ``PAYOUT_RETURN_WINDOW_DAYS`` after the
    group was delivered (``FulfillmentGroup.fulfilled_at``). Reversals name the refund's
    ``transaction_event``; payouts carry the day the money was sent (``paid_on``).
    """

    producer = models.ForeignKey(
        "producers.Producer", related_name="ledger_entries", on_delete=models.PROTECT
    )
    kind = models.CharField(max_length=32, choices=LedgerEntryKind.choices)
    amount = models.BigIntegerField()
    order = models.ForeignKey(
        "orders.Order", null=True, blank=True, related_name="+", on_delete=models.PROTECT
    )
    fulfillment_group = models.ForeignKey(
        "orders.FulfillmentGroup",
        null=True,
        blank=True,
        related_name="ledger_entries",
        on_delete=models.PROTECT,
    )
    transaction_event = models.ForeignKey(
        TransactionEvent, null=True, blank=True, related_name="+", on_delete=models.PROTECT
    )
    rate_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    reference = models.CharField(max_length=255, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["fulfillment_group", "kind"],
                condition=Q(fulfillment_group__isnull=False, kind__in=POSTED_KINDS),
                name="ledger_entry_group_kind_unique",
            ),
            models.UniqueConstraint(
                fields=["transaction_event", "fulfillment_group", "kind"],
                condition=Q(transaction_event__isnull=False),
                name="ledger_entry_refund_once",
            ),
            models.UniqueConstraint(
                fields=["producer", "reference"],
                condition=Q(kind="payout"),
                name="ledger_entry_payout_reference_unique",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind="payout",
                    amount__lt=0,
                    fulfillment_group__isnull=True,
                    transaction_event__isnull=True,
                    paid_on__isnull=False,
                )
                | Q(
                    kind__in=POSTED_KINDS,
                    fulfillment_group__isnull=False,
                    transaction_event__isnull=True,
                    paid_on__isnull=True,
                )
                | Q(
                    kind__in=list(REVERSAL_OF.values()),
                    fulfillment_group__isnull=False,
                    transaction_event__isnull=False,
                    paid_on__isnull=True,
                ),
                name="ledger_entry_kind_shape",
            ),
        ]
        indexes = [models.Index(fields=["producer", "created_at"])]

    def __str__(self) -> str:
        return f"{self.producer_id} {self.kind} {self.amount}"
