"""Writes for people's accounts: sign-in, registration, passwords, tokens, deletion.

Every function takes keyword arguments, raises ValidationError (codes from
``error_codes.AccountErrorCode``, field names as in the API's inputs) and leaves nothing
half-written. Emails go out through Celery after the transaction commits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts import events, jwt_tokens, throttling
from backend.accounts.addresses import ADDRESS_FIELDS
from backend.accounts.email_tokens import (
    account_delete_tokens,
    confirm_account_tokens,
    password_reset_tokens,
)
from backend.accounts.error_codes import AccountErrorCode
from backend.accounts.models import CustomerEventType, LanguageCode, User, new_jwt_token_key
from backend.accounts.signals import user_data_exporting, user_deleting
from backend.accounts.tasks import send_account_email

Code = AccountErrorCode


def _error(field: str, message: Any, code: AccountErrorCode, **params: Any) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code.value, params=params)})


def _queue_email(user: User, kind: str, redirect_url: str) -> None:
    user_pk = user.pk
    transaction.on_commit(lambda: send_account_email.delay(user_pk, kind, redirect_url))


def validate_redirect_url(url: str, *, field: str = "redirect_url") -> str:
    """An http(s) URL on a host in ``ALLOWED_CLIENT_HOSTS``: emailed links carry tokens."""
    parts = urlsplit(url or "")
    allowed = {host.split(":")[0].lower() for host in settings.ALLOWED_CLIENT_HOSTS}
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise _error(field, _("Địa chỉ chuyển hướng không hợp lệ."), Code.INVALID)
    if "*" not in allowed and parts.hostname.lower() not in allowed:
        raise _error(
            field,
            _("Tên miền %(host)s không được phép làm địa chỉ chuyển hướng."),
            Code.INVALID,
            host=parts.hostname,
        )
    return url


def _validate_password(password: str, user: User, *, field: str) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        known = {code.value for code in AccountErrorCode}
        errors = [
            ValidationError(
                error.message,
                code=str(error.code).upper()
                if str(error.code).upper() in known
                else Code.INVALID_PASSWORD.value,
                params=error.params,
            )
            for error in exc.error_list
        ]
        raise ValidationError({field: errors}) from exc


def _clean_email(email: str) -> str:
    normalised = (email or "").strip().lower()
    try:
        validate_email(normalised)
    except ValidationError as exc:
        raise _error("email", _("Địa chỉ email không hợp lệ."), Code.INVALID) from exc
    return normalised


def _user_by_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=(email or "").strip()).first()


# --- sign-in ------------------------------------------------------------------------------


def user_authenticate(*, email: str, password: str, ip: str) -> User:
    """The user with these credentials, within the login throttle.

    Raises LOGIN_ATTEMPT_DELAYED after too many failures for the email or the IP,
    INVALID_CREDENTIALS (same for unknown email and wrong password), then
    ACCOUNT_NOT_CONFIRMED or INACTIVE (only once the password was right).
    """
    if throttling.is_blocked(email, ip):
        raise _error(
            "email",
            _("Đăng nhập sai quá nhiều lần; hãy thử lại sau %(minutes)s phút."),
            Code.LOGIN_ATTEMPT_DELAYED,
            minutes=settings.LOGIN_THROTTLE_WINDOW_SECONDS // 60,
        )
    user = _user_by_email(email)
    if user is None:
        make_password(password)  # same time as a real check: do not reveal unknown emails
    if user is None or not user.check_password(password):
        throttling.record_failure(email, ip)
        raise _error("email", _("Email hoặc mật khẩu không đúng."), Code.INVALID_CREDENTIALS)
    throttling.record_success(email)
    if settings.ACCOUNT_CONFIRMATION_REQUIRED and not user.is_confirmed:
        raise _error(
            "email", _("Tài khoản cần được xác nhận qua email."), Code.ACCOUNT_NOT_CONFIRMED
        )
    if not user.is_active:
        raise _error("email", _("Tài khoản đã bị khoá."), Code.INACTIVE)
    return user


@dataclass(frozen=True)
class TokenSet:
    token: str
    refresh_token: str
    csrf_token: str


def tokens_issue(*, user: User, issuer: str) -> TokenSet:
    """A fresh access + refresh token pair; records the login time."""
    csrf_token = jwt_tokens.new_csrf_token()
    tokens = TokenSet(
        token=jwt_tokens.create_access_token(user, issuer=issuer),
        refresh_token=jwt_tokens.create_refresh_token(user, issuer=issuer, csrf_token=csrf_token),
        csrf_token=csrf_token,
    )
    user.last_login = timezone.now()
    user.save(update_fields=["last_login", "updated_at"])
    return tokens


def tokens_deactivate_all(*, actor: User) -> None:
    """Revoke every access and refresh token of ``actor``."""
    actor.jwt_token_key = new_jwt_token_key()
    actor.save(update_fields=["jwt_token_key", "updated_at"])
    events.customer_event(user=actor, type=CustomerEventType.TOKENS_DEACTIVATED)


# --- registration and passwords -----------------------------------------------------------


def user_register(
    *,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    language_code: str = LanguageCode.VI,
    redirect_url: str | None = None,
    metadata: dict[str, str] | None = None,
) -> bool:
    """Create a shopper account; returns whether it must be confirmed by email.

    An email that is already registered gets the same answer and nothing changes, so
    the API never reveals who has an account.
    """
    normalised = _clean_email(email)
    confirm = settings.ACCOUNT_CONFIRMATION_REQUIRED
    if confirm:
        if not redirect_url:
            raise _error("redirect_url", _("Cần địa chỉ chuyển hướng để xác nhận."), Code.REQUIRED)
        validate_redirect_url(redirect_url)
    elif redirect_url:
        validate_redirect_url(redirect_url)
    candidate = User(email=normalised, first_name=first_name or "", last_name=last_name or "")
    _validate_password(password, candidate, field="password")
    if _user_by_email(normalised) is not None:
        make_password(password)  # as slow as a real registration
        return confirm
    user = User.objects.create_user(
        normalised,
        password,
        first_name=(first_name or "")[:256],
        last_name=(last_name or "")[:256],
        language_code=language_code,
        is_confirmed=not confirm,
        metadata=metadata or {},
    )
    events.customer_event(user=user, type=CustomerEventType.ACCOUNT_CREATED)
    if confirm and redirect_url:
        _queue_email(user, "confirm_account", redirect_url)
    return confirm


def user_confirm(*, email: str, token: str) -> User:
    """Confirm an account from the emailed link; INVALID on field token otherwise."""
    user = _user_by_email(email)
    if user is None or not confirm_account_tokens.check_token(user, token):
        raise _error("token", _("Liên kết xác nhận không hợp lệ hoặc đã hết hạn."), Code.INVALID)
    user.is_confirmed = True
    user.save(update_fields=["is_confirmed", "updated_at"])
    events.customer_event(user=user, type=CustomerEventType.ACCOUNT_CONFIRMED)
    return user


def password_reset_request(*, email: str, redirect_url: str) -> None:
    """Email a reset link if an active account has this email; the same answer either way."""
    validate_redirect_url(redirect_url)
    user = _user_by_email(email)
    if user is None or not user.is_active:
        return
    _queue_email(user, "password_reset", redirect_url)
    events.customer_event(user=user, type=CustomerEventType.PASSWORD_RESET_LINK_SENT)


def password_set(*, email: str, password: str, token: str) -> User:
    """Set a new password from a reset link; revokes all tokens. INVALID on field token."""
    user = _user_by_email(email)
    if user is None or not user.is_active or not password_reset_tokens.check_token(user, token):
        raise _error(
            "token", _("Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn."), Code.INVALID
        )
    _validate_password(password, user, field="password")
    user.set_password(password)
    user.jwt_token_key = new_jwt_token_key()
    user.save(update_fields=["password", "jwt_token_key", "updated_at"])
    events.customer_event(user=user, type=CustomerEventType.PASSWORD_RESET)
    return user


def password_change(*, actor: User, old_password: str | None, new_password: str) -> User:
    """Change ``actor``'s password; revokes every existing token (access and refresh)."""
    if not actor.check_password(old_password or ""):
        raise _error("old_password", _("Mật khẩu hiện tại không đúng."), Code.INVALID_CREDENTIALS)
    _validate_password(new_password, actor, field="new_password")
    actor.set_password(new_password)
    actor.jwt_token_key = new_jwt_token_key()
    actor.save(update_fields=["password", "jwt_token_key", "updated_at"])
    events.customer_event(user=actor, type=CustomerEventType.PASSWORD_CHANGED)
    return actor


def user_update(
    *,
    actor: User,
    first_name: str | None = None,
    last_name: str | None = None,
    language_code: str | None = None,
    metadata: dict[str, str] | None = None,
) -> User:
    """Update ``actor``'s own profile. Never touches email, staff status or roles."""
    fields = ["updated_at"]
    for name, value in (("first_name", first_name), ("last_name", last_name)):
        if value is not None:
            if len(value) > 256:
                raise _error(name, _("Tối đa %(limit)s ký tự."), Code.INVALID, limit=256)
            setattr(actor, name, value.strip())
            fields.append(name)
    if language_code is not None:
        actor.language_code = language_code
        fields.append("language_code")
    if metadata:
        actor.metadata = {**actor.metadata, **metadata}
        fields.append("metadata")
    actor.save(update_fields=fields)
    return actor


# --- deletion and export ------------------------------------------------------------------


def user_request_deletion(*, actor: User, redirect_url: str) -> None:
    """Email ``actor`` a link that confirms deleting the account."""
    validate_redirect_url(redirect_url)
    _queue_email(actor, "account_delete", redirect_url)
    events.customer_event(user=actor, type=CustomerEventType.ACCOUNT_DELETION_REQUESTED)


def user_delete(*, actor: User, token: str) -> None:
    """Erase ``actor``'s personal data, after checking the emailed deletion token.

    Sends ``signals.user_deleting`` first so other apps anonymise what they hold; then
    deletes every address and anonymises the user row (kept, inactive, so history and
    accounting rows keep a valid reference without personal data). Staff accounts are
    removed by an administrator instead (DELETE_STAFF_ACCOUNT).
    """
    if not account_delete_tokens.check_token(actor, token):
        raise _error(
            "token", _("Liên kết xoá tài khoản không hợp lệ hoặc đã hết hạn."), Code.INVALID
        )
    if actor.is_staff or actor.is_superuser:
        raise _error(
            "token",
            _("Tài khoản nhân viên do quản trị viên xoá."),
            Code.DELETE_STAFF_ACCOUNT,
        )
    user_deleting.send(sender=User, user=actor)
    actor.default_billing_address = None
    actor.default_shipping_address = None
    actor.save(update_fields=["default_billing_address", "default_shipping_address"])
    actor.addresses.all().delete()
    actor.groups.clear()
    actor.user_permissions.clear()
    actor.email = f"deleted-{uuid.uuid4().hex}@deleted.invalid"
    actor.first_name = actor.last_name = ""
    actor.metadata = {}
    actor.private_metadata = {}
    actor.language_code = LanguageCode.VI
    actor.is_active = actor.is_confirmed = False
    actor.last_login = None
    actor.jwt_token_key = new_jwt_token_key()
    actor.set_unusable_password()
    actor.save()
    events.customer_event(user=actor, type=CustomerEventType.ACCOUNT_DELETED)


def user_data_export(*, actor: User) -> dict[str, Any]:
    """Everything the platform holds about ``actor``, as JSON-ready data.

    Other apps add sections through ``signals.user_data_exporting``.
    """
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": actor.email,
            "first_name": actor.first_name,
            "last_name": actor.last_name,
            "language_code": actor.language_code,
            "is_confirmed": actor.is_confirmed,
            "date_joined": actor.date_joined.isoformat(),
            "last_login": actor.last_login.isoformat() if actor.last_login else None,
            "roles": actor.role_names(),
            "metadata": actor.metadata,
        },
        "addresses": [
            {
                field: getattr(address, field)
                for field in (*ADDRESS_FIELDS, "province_code", "ward_code")
            }
            | {
                "is_default_shipping": address.pk == actor.default_shipping_address_id,
                "is_default_billing": address.pk == actor.default_billing_address_id,
            }
            for address in actor.addresses.order_by("pk")
        ],
        "events": [
            {"date": event.date.isoformat(), "type": event.type}
            for event in actor.events.order_by("date", "pk")
        ],
    }
    for _receiver, section in user_data_exporting.send(sender=User, user=actor):
        if section:
            name, value = cast(tuple[str, Any], section)
            data[name] = value
    events.customer_event(user=actor, type=CustomerEventType.DATA_EXPORTED)
    return data
