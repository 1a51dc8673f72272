"""Per-unit serials that cannot be forged by counting.

A serial is 20 characters of Crockford base32 (digits and capitals without I, L, O, U):
13 random characters (65 bits from ``secrets``) followed by a 7-character tag (35 bits)
of HMAC-SHA256 over the batch's GTIN, lot and the random part, keyed by
``settings.QR_SIGNING_KEY``. The random part makes serials unguessable; the tag lets the
trace page tell a forged code from an unknown one without a database row, and ties a
serial to its batch (copying it onto another lot breaks the tag). 20 characters is the
GS1 AI 21 maximum, and the alphabet is inside GS1 character set 82 and URL-safe.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 13
TAG_LENGTH = 7
SERIAL_LENGTH = RANDOM_LENGTH + TAG_LENGTH


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, index = divmod(value, 32)
        chars.append(ALPHABET[index])
    return "".join(reversed(chars))


def _tag(*, gtin: str, lot: str, random_part: str) -> str:
    message = f"{gtin}\x1f{lot}\x1f{random_part}".encode()
    digest = hmac.new(settings.QR_SIGNING_KEY.encode(), message, hashlib.sha256).digest()
    return _encode(int.from_bytes(digest[:8], "big") >> (64 - 5 * TAG_LENGTH), TAG_LENGTH)


def new_serial(*, gtin: str, lot: str) -> str:
    """Return a fresh signed serial for the batch (gtin, lot); see the module docstring."""
    random_part = _encode(secrets.randbits(5 * RANDOM_LENGTH), RANDOM_LENGTH)
    return random_part + _tag(gtin=gtin, lot=lot, random_part=random_part)


def serial_is_signed(serial: str, *, gtin: str, lot: str) -> bool:
    """Whether ``serial`` carries a valid tag for (gtin, lot). Constant-time comparison."""
    if len(serial) != SERIAL_LENGTH or any(char not in ALPHABET for char in serial):
        return False
    random_part, tag = serial[:RANDOM_LENGTH], serial[RANDOM_LENGTH:]
    return hmac.compare_digest(tag, _tag(gtin=gtin, lot=lot, random_part=random_part))
