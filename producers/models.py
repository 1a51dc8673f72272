from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from backend.core.models import TimeStampedModel


class LegalForm(models.TextChoices):
    """Legal forms of OCOP producers (chủ thể OCOP)."""

    HOP_TAC_XA = "hop_tac_xa", _("Hợp tác xã (cooperative)")
    TO_HOP_TAC = "to_hop_tac", _("Tổ hợp tác (cooperative group)")
    HO_KINH_DOANH = "ho_kinh_doanh", _("Hộ kinh doanh (household business)")
    DOANH_NGHIEP = "doanh_nghiep", _("Doanh nghiệp (company)")
    CA_NHAN = "ca_nhan", _("Cá nhân (individual)")


class ProducerStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    PENDING = "pending", _("Đang chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Bị từ chối")
    SUSPENDED = "suspended", _("Tạm ngưng")


tax_code_validator = RegexValidator(
    r"^\d{10}(\d{3})?$", _("Mã số thuế phải có 10 hoặc 13 chữ số."), code="invalid_tax_code"
)


class Producer(TimeStampedModel):
    """A seller on the marketplace: cooperative, household business, company or individual.

    Only ``APPROVED`` producers' published products are visible to shoppers.
    """

    legal_name = models.CharField(_("tên pháp lý"), max_length=255)
    name = models.CharField(_("tên thương mại"), max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    legal_form = models.CharField(max_length=32, choices=LegalForm.choices)
    tax_code = models.CharField(
        max_length=13, unique=True, null=True, blank=True, validators=[tax_code_validator]
    )
    business_registration_number = models.CharField(max_length=64, blank=True)
    province_code = models.CharField(max_length=8, db_index=True)
    commune_code = models.CharField(max_length=8, blank=True)
    street_address = models.CharField(max_length=255, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    email = models.EmailField(blank=True)
    description = models.TextField(blank=True)
    logo = models.ImageField(upload_to="producers/logos/", blank=True)
    payout_bank_bin = models.CharField(max_length=6, blank=True)
    payout_account_number = models.CharField(max_length=19, blank=True)
    payout_account_holder = models.CharField(max_length=255, blank=True)
    status = models.CharField(
        max_length=16, choices=ProducerStatus.choices, default=ProducerStatus.DRAFT, db_index=True
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.status == ProducerStatus.APPROVED

    @property
    def withholds_personal_tax(self) -> bool:
        """Decree 117/2025: the platform withholds tax for households and individuals."""
        return self.legal_form in {LegalForm.HO_KINH_DOANH, LegalForm.CA_NHAN}
