"""Which webhook targets may be called: the guard against server-side request forgery.

A target must be an http(s) URL without credentials whose host resolves *only* to globally
routable addresses, so staff (or a stolen staff token) cannot make the server POST to the
database, Redis, the cloud metadata service (169.254.169.254) or anything else inside the
network. Ranges listed in ``settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS`` are allowed on
purpose (an ERP in the same VPC). Plain http is allowed only with
``settings.WEBHOOK_ALLOW_HTTP`` (on by default when DEBUG).

The same rules run when a webhook is saved (a clear error for staff) and at delivery, on
the address the socket actually connects to (see ``delivery.py``), because DNS can change
between the two (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from backend.webhooks.error_codes import WebhookErrorCode

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeTargetError(ValidationError):
    """The target URL or an address it resolves to may not be called (code INVALID)."""

    def __init__(self, message: StrOrPromise, **params: object) -> None:
        super().__init__(message, code=WebhookErrorCode.INVALID.value, params=params or None)


def target_url_parts(url: str) -> SplitResult:
    """Check the URL's shape; returns its parts. Raises ``UnsafeTargetError``.

    Guarantees: scheme http(s) (http only when allowed), a host name, no user or password,
    a valid port. Says nothing about where the host points: see ``resolve_target``.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeTargetError(_("Địa chỉ nhận phải là một URL http hoặc https hợp lệ.")) from exc
    if parts.scheme not in {"http", "https"} or not parts.hostname or port == 0:
        raise UnsafeTargetError(_("Địa chỉ nhận phải là một URL http hoặc https hợp lệ."))
    if parts.scheme == "http" and not settings.WEBHOOK_ALLOW_HTTP:
        raise UnsafeTargetError(_("Địa chỉ nhận phải dùng https."))
    if parts.username is not None or parts.password is not None:
        raise UnsafeTargetError(
            _("Địa chỉ nhận không được chứa tên đăng nhập hay mật khẩu; hãy dùng khoá bí mật.")
        )
    return parts


def resolve_target(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, after checking that each one may be called.

    Refuses when *any* address is not allowed (an attacker controlling DNS would otherwise
    mix one public and one internal record). Raises ``socket.gaierror`` when the name does
    not resolve and ``UnsafeTargetError`` for a forbidden address.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError as exc:  # an IDN label the codec refuses
        raise socket.gaierror(socket.EAI_NONAME, str(exc)) from exc
    # The scope of a link-local IPv6 address ("fe80::1%eth0") is not part of the address.
    addresses = list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))
    if not addresses:
        raise socket.gaierror(socket.EAI_NONAME, host)
    for address in addresses:
        if not is_address_allowed(ipaddress.ip_address(address)):
            raise UnsafeTargetError(
                _("Địa chỉ nhận trỏ tới địa chỉ nội bộ %(address)s, không được phép gọi."),
                address=address,
            )
    return addresses


def is_address_allowed(address: IPAddress) -> bool:
    """True for a globally routable unicast address, or one in an allowed private network.

    An IPv6 address that carries an IPv4 one (IPv4-mapped ``::ffff:127.0.0.1``, 6to4,
    Teredo) is judged by the IPv4 address too, since that is where packets may end up.
    """
    candidates: list[IPAddress] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        candidates += [
            embedded
            for embedded in (address.ipv4_mapped, address.sixtofour)
            if embedded is not None
        ]
        if address.teredo is not None:
            candidates += list(address.teredo)
    allowed = allowed_private_networks()
    return all(
        any(candidate in network for network in allowed) or _is_public(candidate)
        for candidate in candidates
    )


def allowed_private_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """``settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS`` parsed (settings reject bad CIDRs)."""
    return [
        ipaddress.ip_network(cidr, strict=False)
        for cidr in settings.WEBHOOK_ALLOWED_PRIVATE_NETWORKS
    ]


def _is_public(address: IPAddress) -> bool:
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    )


def target_url_check(url: str) -> None:
    """Both checks at once, for saving a webhook. Raises ``UnsafeTargetError``.

    A host that does not resolve is refused too: staff learn about a typo now rather than
    from failed deliveries.
    """
    parts = target_url_parts(url)
    hostname = parts.hostname or ""
    try:
        resolve_target(hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise UnsafeTargetError(
            _("Không tìm thấy máy chủ %(host)s của địa chỉ nhận."), host=hostname
        ) from exc
