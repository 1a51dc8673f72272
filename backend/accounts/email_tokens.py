"""One-time tokens sent by email, one generator per purpose so they never cross over.

Each token stops working once what it was for has happened: the confirmation token when
the account is confirmed, the reset token when the password (or last login) changes, the
deletion token when the token key rotates. They expire after ``PASSWORD_RESET_TIMEOUT``.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class _PurposeTokenGenerator(PasswordResetTokenGenerator):
    def __init__(self, purpose: str) -> None:
        super().__init__()
        self.key_salt = f"backend.accounts.email_tokens.{purpose}"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return (
            super()._make_hash_value(user, timestamp)
            + str(user.is_confirmed)
            + str(user.jwt_token_key)
            + str(user.is_active)
        )


confirm_account_tokens = _PurposeTokenGenerator("confirm_account")
password_reset_tokens = _PurposeTokenGenerator("password_reset")
account_delete_tokens = _PurposeTokenGenerator("account_delete")

GENERATORS = {
    "confirm_account": confirm_account_tokens,
    "password_reset": password_reset_tokens,
    "account_delete": account_delete_tokens,
}
