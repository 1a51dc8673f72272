from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import Role
from backend.core.models import TimeStampedModel


class LanguageCode(models.TextChoices):
    VI = "vi", _("Tiếng Việt")
    EN = "en", _("English")


def new_jwt_token_key() -> str:
    """A fresh per-user secret carried by every JWT; changing it revokes all of them."""
    return get_random_string(12)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("Users must have an email address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an email address: shopper, producer member, official or staff."""

    email = models.EmailField(_("email"), unique=True)
    first_name = models.CharField(_("first name"), max_length=256, blank=True)
    last_name = models.CharField(_("last name"), max_length=256, blank=True)
    language_code = models.CharField(
        _("language"), max_length=8, choices=LanguageCode.choices, default=LanguageCode.VI
    )
    is_staff = models.BooleanField(_("staff"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    is_confirmed = models.BooleanField(_("email confirmed"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)
    jwt_token_key = models.CharField(max_length=12, default=new_jwt_token_key)
    default_shipping_address = models.ForeignKey(
        "Address", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    default_billing_address = models.ForeignKey(
        "Address", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def has_role(self, role: str) -> bool:
        return self.groups.filter(name=role).exists()

    def role_names(self) -> list[str]:
        """The roles (``accounts.roles.Role`` values) this user holds, sorted."""
        return sorted(self.groups.filter(name__in=Role.values).values_list("name", flat=True))


class Address(TimeStampedModel):
    """A Vietnamese postal address in Saleor's shape, with the official unit codes.

    ``country_area`` is the province's full name and ``city`` the commune's (ward's) full
    name, both canonical from ``vn_units``; ``province_code``/``ward_code`` are the official
    codes. Always written through ``accounts.addresses.address_clean`` so the commune belongs
    to the province and ``phone`` is E.164 (+84). ``user`` is empty for addresses copied
    into checkouts and orders.
    """

    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="addresses"
    )
    first_name = models.CharField(max_length=256, blank=True)
    last_name = models.CharField(max_length=256, blank=True)
    company_name = models.CharField(max_length=256, blank=True)
    street_address_1 = models.CharField(max_length=256, blank=True)
    street_address_2 = models.CharField(max_length=256, blank=True)
    city = models.CharField(max_length=256, blank=True)
    city_area = models.CharField(max_length=128, blank=True)
    postal_code = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, default="VN")
    country_area = models.CharField(max_length=128, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    province_code = models.CharField(max_length=2, blank=True, db_index=True)
    ward_code = models.CharField(max_length=5, blank=True)
    metadata = models.JSONField(default=dict, blank=True)
    private_metadata = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("địa chỉ")
        verbose_name_plural = _("địa chỉ")

    def __str__(self) -> str:
        parts = [self.street_address_1, self.city, self.country_area]
        return ", ".join(part for part in parts if part)


class CustomerEventType(models.TextChoices):
    ACCOUNT_CREATED = "account_created", _("Tạo tài khoản")
    ACCOUNT_CONFIRMED = "account_confirmed", _("Xác nhận tài khoản")
    PASSWORD_RESET_LINK_SENT = "password_reset_link_sent", _("Gửi liên kết đặt lại mật khẩu")
    PASSWORD_RESET = "password_reset", _("Đặt lại mật khẩu")
    PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
    TOKENS_DEACTIVATED = "tokens_deactivated", _("Thu hồi mọi phiên đăng nhập")
    ACCOUNT_DELETION_REQUESTED = "account_deletion_requested", _("Yêu cầu xoá tài khoản")
    ACCOUNT_DELETED = "account_deleted", _("Xoá tài khoản")
    DATA_EXPORTED = "data_exported", _("Xuất dữ liệu cá nhân")


class CustomerEvent(models.Model):
    """Append-only history of a person's account (Saleor's CustomerEvent).

    Payloads never hold personal data, so the history survives account deletion.
    """

    date = models.DateTimeField(default=timezone.now, editable=False)
    type = models.CharField(max_length=64, choices=CustomerEventType.choices)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    parameters = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d %H:%M} {self.type}"
