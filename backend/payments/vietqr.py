"""VietQR payloads: NAPAS 247 bank transfers in the EMVCo merchant-presented QR format.

A payload is a flat string of fields, each ``ID(2 digits) + length(2 digits) + value``.
Templates (tags 38 and 62) carry a nested string in the same format. The last field is
tag 63, a CRC-16/CCITT-FALSE over everything before its value, including ``6304``.

This module is pure Python and knows nothing of orders or banks: callers pass the bank BIN,
account and amount, and put the order code in the purpose field (tag 62, sub-tag 08) so
that incoming transfers can be reconciled.

The profile here is what Vietnamese banking apps emit and accept: payloads are ASCII only
(EMVCo allows other characters only in the language template, tag 64, which VietQR does not
use), amounts are whole đồng, and tags 00, 01, 38, 53, 58 and 63 are mandatory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"
SERVICE_TO_CARD = "QRIBFTTC"
SERVICES = frozenset({SERVICE_TO_ACCOUNT, SERVICE_TO_CARD})

PAYLOAD_FORMAT_INDICATOR = "01"
POINT_OF_INITIATION_STATIC = "11"
POINT_OF_INITIATION_DYNAMIC = "12"
CURRENCY_VND = "704"  # ISO 4217 numeric
COUNTRY_VN = "VN"

# EMVCo caps tag 62 sub-fields at 25 characters, and Vietnamese banks truncate or refuse
# longer transfer descriptions, so an order code must fit in this.
MAX_PURPOSE_LENGTH = 25
MAX_ACCOUNT_LENGTH = 19
# EMVCo tag 54 holds at most 13 characters.
MAX_AMOUNT_DIGITS = 13
# A two-digit length field cannot describe more.
MAX_FIELD_LENGTH = 99

TAG_PAYLOAD_FORMAT = "00"
TAG_POINT_OF_INITIATION = "01"
TAG_NAPAS = "38"
TAG_CURRENCY = "53"
TAG_AMOUNT = "54"
TAG_COUNTRY = "58"
TAG_ADDITIONAL_DATA = "62"
TAG_CRC = "63"

SUBTAG_GUID = "00"
SUBTAG_BENEFICIARY = "01"
SUBTAG_SERVICE = "02"
SUBTAG_BIN = "00"
SUBTAG_ACCOUNT = "01"
SUBTAG_PURPOSE = "08"

_BIN_RE = re.compile(r"[0-9]{6}")
_ACCOUNT_RE = re.compile(rf"[0-9A-Za-z]{{1,{MAX_ACCOUNT_LENGTH}}}")
_AMOUNT_RE = re.compile(rf"[1-9][0-9]{{0,{MAX_AMOUNT_DIGITS - 1}}}")
_TAG_RE = re.compile(r"[0-9]{2}")
_CRC_RE = re.compile(r"[0-9A-F]{4}")
_CRC_FIELD_PREFIX = TAG_CRC + "04"


class VietQRError(ValueError):
    """A VietQR payload or one of its inputs is invalid; the message says which part."""


@dataclass(frozen=True, slots=True)
class VietQRPayload:
    """The transfer a VietQR payload asks for, as read back from a verified payload."""

    bank_bin: str
    account_number: str
    service: str
    amount: int | None
    purpose: str | None
    is_dynamic: bool


def crc16_ccitt_false(data: bytes) -> int:
    """Return the CRC-16/CCITT-FALSE of ``data`` (poly 0x1021, init 0xFFFF, no reflection).

    The check value of ``b"123456789"`` is 0x29B1. The result is always in 0..0xFFFF.
    """
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else (crc << 1)
            crc &= 0xFFFF
    return crc


def encode_field(tag: str, value: str) -> str:
    """Return one TLV field ``tag + length + value``.

    Raises VietQRError if the tag is not two digits, the value is empty, not ASCII, or
    longer than the two-digit length field allows (99 characters).
    """
    if not _TAG_RE.fullmatch(tag):
        raise VietQRError(f"Tag {tag!r} must be two digits.")
    if not value:
        raise VietQRError(f"Field {tag} must not be empty.")
    if not value.isascii():
        raise VietQRError(f"Field {tag} must contain ASCII characters only.")
    if len(value) > MAX_FIELD_LENGTH:
        raise VietQRError(
            f"Field {tag} is {len(value)} characters long; the maximum is {MAX_FIELD_LENGTH}."
        )
    return f"{tag}{len(value):02d}{value}"


def build_vietqr_payload(
    *,
    bank_bin: str,
    account_number: str,
    amount: int | None = None,
    purpose: str | None = None,
    service: str = SERVICE_TO_ACCOUNT,
) -> str:
    """Return the VietQR payload string for a transfer to ``account_number`` at ``bank_bin``.

    With an amount the QR is dynamic (tag 01 = ``12``) and the payer's app pre-fills the
    amount; without one it is static (``11``). ``purpose`` becomes the transfer description.
    The result is ASCII, ends with a valid tag 63 CRC, and ``parse_vietqr_payload`` returns
    exactly the inputs. Raises VietQRError, naming the input, for any invalid argument.
    """
    _check_bank_bin(bank_bin)
    _check_account_number(account_number)
    if service not in SERVICES:
        raise VietQRError(f"Service must be one of {sorted(SERVICES)}, not {service!r}.")
    if amount is not None:
        _check_amount(amount)
    if purpose is not None:
        _check_purpose(purpose)

    beneficiary = encode_field(SUBTAG_BIN, bank_bin) + encode_field(SUBTAG_ACCOUNT, account_number)
    napas = (
        encode_field(SUBTAG_GUID, NAPAS_GUID)
        + encode_field(SUBTAG_BENEFICIARY, beneficiary)
        + encode_field(SUBTAG_SERVICE, service)
    )
    parts = [
        encode_field(TAG_PAYLOAD_FORMAT, PAYLOAD_FORMAT_INDICATOR),
        encode_field(
            TAG_POINT_OF_INITIATION,
            POINT_OF_INITIATION_STATIC if amount is None else POINT_OF_INITIATION_DYNAMIC,
        ),
        encode_field(TAG_NAPAS, napas),
        encode_field(TAG_CURRENCY, CURRENCY_VND),
    ]
    if amount is not None:
        parts.append(encode_field(TAG_AMOUNT, str(amount)))
    parts.append(encode_field(TAG_COUNTRY, COUNTRY_VN))
    if purpose is not None:
        parts.append(encode_field(TAG_ADDITIONAL_DATA, encode_field(SUBTAG_PURPOSE, purpose)))
    body = "".join(parts) + _CRC_FIELD_PREFIX
    return body + _crc_hex(body)


def parse_vietqr_payload(payload: str) -> VietQRPayload:
    """Verify and decode a VietQR payload.

    Guarantees: a returned value comes from a payload whose CRC verified, whose TLV
    structure is exact (no trailing bytes, no duplicate tags), with tag 00 first and tag 63
    last, currency VND, country VN, the NAPAS GUID and a known service. Every field is
    checked with the same rules ``build_vietqr_payload`` applies, so a parsed result can be
    rebuilt. Unknown top-level tags and unknown tag 62 sub-fields are ignored, as EMVCo
    requires. Raises VietQRError on anything else.
    """
    if not isinstance(payload, str):
        raise VietQRError("Payload must be a string.")
    if not payload.isascii():
        raise VietQRError("Payload must contain ASCII characters only.")
    if len(payload) < len(_CRC_FIELD_PREFIX) + 4:
        raise VietQRError("Payload is too short to hold a CRC field.")
    if payload[-8:-4] != _CRC_FIELD_PREFIX:
        raise VietQRError("Payload must end with the CRC field 6304 and four hex digits.")
    crc_text = payload[-4:]
    # Only uppercase is accepted so that every distinct string has a distinct meaning;
    # with lowercase allowed, changing "A" to "a" would leave the payload valid.
    if not _CRC_RE.fullmatch(crc_text):
        raise VietQRError(f"CRC {crc_text!r} must be four uppercase hexadecimal digits.")
    expected = _crc_hex(payload[:-4])
    if crc_text != expected:
        raise VietQRError(f"CRC mismatch: payload says {crc_text}, content gives {expected}.")

    fields = _decode_fields(payload, context="payload")
    tags = list(fields)
    if tags[0] != TAG_PAYLOAD_FORMAT:
        raise VietQRError("Tag 00 (payload format indicator) must come first.")
    if tags[-1] != TAG_CRC:
        raise VietQRError("Tag 63 (CRC) must come last.")
    for tag, name in (
        (TAG_POINT_OF_INITIATION, "point of initiation"),
        (TAG_NAPAS, "NAPAS merchant account"),
        (TAG_CURRENCY, "currency"),
        (TAG_COUNTRY, "country"),
    ):
        if tag not in fields:
            raise VietQRError(f"Mandatory tag {tag} ({name}) is missing.")

    if fields[TAG_PAYLOAD_FORMAT] != PAYLOAD_FORMAT_INDICATOR:
        raise VietQRError(f"Tag 00 must be {PAYLOAD_FORMAT_INDICATOR!r}.")
    initiation = fields[TAG_POINT_OF_INITIATION]
    if initiation not in (POINT_OF_INITIATION_STATIC, POINT_OF_INITIATION_DYNAMIC):
        raise VietQRError(f"Tag 01 must be '11' (static) or '12' (dynamic), not {initiation!r}.")
    if fields[TAG_CURRENCY] != CURRENCY_VND:
        raise VietQRError(f"Currency (tag 53) must be {CURRENCY_VND}, not {fields['53']!r}.")
    if fields[TAG_COUNTRY] != COUNTRY_VN:
        raise VietQRError(f"Country (tag 58) must be {COUNTRY_VN}, not {fields['58']!r}.")

    bank_bin, account_number, service = _decode_napas(fields[TAG_NAPAS])

    amount: int | None = None
    if TAG_AMOUNT in fields:
        amount_text = fields[TAG_AMOUNT]
        if not _AMOUNT_RE.fullmatch(amount_text):
            raise VietQRError(
                f"Amount (tag 54) must be a positive whole number of đồng, not {amount_text!r}."
            )
        amount = int(amount_text)

    purpose: str | None = None
    if TAG_ADDITIONAL_DATA in fields:
        additional = _decode_fields(fields[TAG_ADDITIONAL_DATA], context="tag 62")
        if SUBTAG_PURPOSE in additional:
            purpose = additional[SUBTAG_PURPOSE]
            _check_purpose(purpose)

    return VietQRPayload(
        bank_bin=bank_bin,
        account_number=account_number,
        service=service,
        amount=amount,
        purpose=purpose,
        is_dynamic=initiation == POINT_OF_INITIATION_DYNAMIC,
    )


def _crc_hex(text: str) -> str:
    return f"{crc16_ccitt_false(text.encode('ascii')):04X}"


def _decode_fields(text: str, *, context: str) -> dict[str, str]:
    """Split ``text`` into an ordered tag -> value mapping; the whole text must be used."""
    fields: dict[str, str] = {}
    position = 0
    while position < len(text):
        header = text[position : position + 4]
        if len(header) < 4:
            raise VietQRError(f"Truncated field header at offset {position} in {context}.")
        tag, length_text = header[:2], header[2:]
        if not _TAG_RE.fullmatch(tag):
            raise VietQRError(f"Tag {tag!r} at offset {position} in {context} is not two digits.")
        if not _TAG_RE.fullmatch(length_text):
            raise VietQRError(
                f"Length {length_text!r} of tag {tag} in {context} is not two digits."
            )
        length = int(length_text)
        if length == 0:
            raise VietQRError(f"Tag {tag} in {context} has an empty value.")
        start = position + 4
        end = start + length
        if end > len(text):
            raise VietQRError(
                f"Tag {tag} in {context} declares {length} characters but only "
                f"{len(text) - start} remain."
            )
        if tag in fields:
            raise VietQRError(f"Tag {tag} appears twice in {context}.")
        fields[tag] = text[start:end]
        position = end
    if not fields:
        raise VietQRError(f"{context.capitalize()} is empty.")
    return fields


def _decode_napas(value: str) -> tuple[str, str, str]:
    """Return (bank BIN, account, service) from the tag 38 template, validated."""
    napas = _decode_fields(value, context="tag 38")
    guid = napas.get(SUBTAG_GUID)
    if guid != NAPAS_GUID:
        raise VietQRError(f"Tag 38 must carry the NAPAS GUID {NAPAS_GUID}, not {guid!r}.")
    if SUBTAG_BENEFICIARY not in napas:
        raise VietQRError("Tag 38 has no beneficiary (sub-tag 01).")
    service = napas.get(SUBTAG_SERVICE)
    if service not in SERVICES:
        raise VietQRError(f"Tag 38 service must be one of {sorted(SERVICES)}, not {service!r}.")
    beneficiary = _decode_fields(napas[SUBTAG_BENEFICIARY], context="tag 38 beneficiary")
    if SUBTAG_BIN not in beneficiary or SUBTAG_ACCOUNT not in beneficiary:
        raise VietQRError("The beneficiary must carry a bank BIN (00) and an account (01).")
    bank_bin = beneficiary[SUBTAG_BIN]
    account_number = beneficiary[SUBTAG_ACCOUNT]
    _check_bank_bin(bank_bin)
    _check_account_number(account_number)
    return bank_bin, account_number, service


def _check_bank_bin(bank_bin: object) -> None:
    if not isinstance(bank_bin, str) or not _BIN_RE.fullmatch(bank_bin):
        raise VietQRError(f"Bank BIN must be exactly 6 digits, not {bank_bin!r}.")


def _check_account_number(account_number: object) -> None:
    if not isinstance(account_number, str) or not account_number:
        raise VietQRError("Account number must be a non-empty string.")
    if len(account_number) > MAX_ACCOUNT_LENGTH:
        raise VietQRError(
            f"Account number is {len(account_number)} characters long; "
            f"the maximum is {MAX_ACCOUNT_LENGTH}."
        )
    if not _ACCOUNT_RE.fullmatch(account_number):
        raise VietQRError("Account number may contain only ASCII letters and digits.")


def _check_amount(amount: object) -> None:
    # bool is a subclass of int, and True would otherwise become a 1-đồng transfer.
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise VietQRError(f"Amount must be a whole number of đồng, not {amount!r}.")
    if amount <= 0:
        raise VietQRError(f"Amount must be positive, not {amount}.")
    if len(str(amount)) > MAX_AMOUNT_DIGITS:
        raise VietQRError(f"Amount must have at most {MAX_AMOUNT_DIGITS} digits.")


def _check_purpose(purpose: object) -> None:
    if not isinstance(purpose, str) or not purpose:
        raise VietQRError("Purpose must be a non-empty string.")
    if len(purpose) > MAX_PURPOSE_LENGTH:
        raise VietQRError(
            f"Purpose is {len(purpose)} characters long; the maximum is {MAX_PURPOSE_LENGTH}."
        )
    # Banking apps render the description verbatim; Vietnamese diacritics must be
    # stripped by the caller (e.g. "Chuyen tien") because the payload is ASCII only.
    if not all(" " <= char <= "~" for char in purpose):
        raise VietQRError("Purpose may contain only printable ASCII characters.")
