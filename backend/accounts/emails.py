"""Account emails (confirmation, password reset, deletion) in the person's language.

Called by ``tasks``; the one-time token is made here, at sending time, from the user's
current state, so a queued task carries only primary keys and a URL.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from backend.accounts.email_tokens import GENERATORS
from backend.accounts.models import LanguageCode, User

KINDS = tuple(GENERATORS)


def link_with_token(redirect_url: str, *, email: str, token: str) -> str:
    """``redirect_url`` with ``email`` and ``token`` query parameters (as Saleor sends)."""
    parts = urlsplit(redirect_url)
    query = [*parse_qsl(parts.query), ("email", email), ("token", token)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def send_account_email(*, user_pk: int, kind: str, redirect_url: str) -> bool:
    """Send one ``kind`` email to an active user; False (nothing sent) if there is none."""
    if kind not in GENERATORS:
        raise ValueError(f"Unknown account email {kind!r}")
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    if user is None:
        return False
    token = GENERATORS[kind].make_token(user)
    language = user.language_code if user.language_code in LanguageCode.values else "vi"
    context = {
        "user": user,
        "link": link_with_token(redirect_url, email=user.email, token=token),
        "site_name": "OCOP Market",
    }
    with translation.override(language):
        subject = render_to_string(f"accounts/emails/{language}/{kind}_subject.txt", context)
        body = render_to_string(f"accounts/emails/{language}/{kind}.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True
