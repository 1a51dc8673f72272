"""GS1 identifiers (GTIN check digits) and GS1 Digital Link URIs for product QR codes.

A Digital Link is ``{base}/01/{GTIN-14}[/10/{lot}][/21/{serial}]``: the GTIN is the
primary key, batch/lot (AI 10) and serial (AI 21) qualify it, and qualifiers always appear
in that order. GS1 also defines AI 22 (consumer product variant) between 01 and 10; this
platform does not issue it, so the parser refuses it as unsupported.

Platform restrictions beyond GS1, both because the values travel in URL paths:

* ``/`` is in GS1 character set 82 but is refused in lot and serial values. GS1 would carry
  it as ``%2F``, yet web servers and proxies disagree on whether an encoded slash is a
  path separator (Apache refuses it by default, WSGI servers decode it into PATH_INFO),
  so the same link could resolve differently behind different front ends.
* The values ``.`` and ``..`` are refused because they are dot segments that URL
  normalisation removes.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

GTIN_LENGTHS = frozenset({8, 12, 13, 14})
GTIN_14_LENGTH = 14
GTIN_13_LENGTH = 13

AI_GTIN = "01"
AI_BATCH_LOT = "10"
AI_SERIAL = "21"
# Qualifiers in the only order GS1 Digital Link allows.
QUALIFIER_ORDER: tuple[str, ...] = (AI_BATCH_LOT, AI_SERIAL)
MAX_QUALIFIER_LENGTH = 20  # AI 10 and AI 21 are both X..20

# GS1 General Specifications, figure 7.11-1: the 82 characters allowed in AI values.
GS1_CHARSET_82 = frozenset(
    "!\"%&'()*+,-./"
    + string.digits
    + ":;<=>?"
    + string.ascii_uppercase
    + "_"
    + string.ascii_lowercase
)
# Characters of set 82 this platform refuses in path values (see the module docstring).
REFUSED_IN_PATH_VALUES = frozenset("/")
DOT_SEGMENTS = frozenset({".", ".."})

# RFC 3986 pchar without "%": characters a path segment may carry unencoded.
_RAW_PCHARS = frozenset(string.ascii_letters + string.digits + "-._~" + "!$&'()*+,;=" + ":@")
_PERCENT_ESCAPE_RE = re.compile(r"%([0-9A-Fa-f]{2})")
_DIGITS_RE = re.compile(r"[0-9]+")


class GS1Error(ValueError):
    """A GS1 identifier or Digital Link is invalid; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class DigitalLinkKey:
    """The identifiers a Digital Link path names: a GTIN-14 plus optional lot and serial."""

    gtin: str
    lot: str | None = None
    serial: str | None = None


def gtin_check_digit(body: str) -> int:
    """Return the GS1 mod-10 check digit for ``body``, the data digits without the check digit.

    Weights alternate 3, 1, 3, ... starting from the rightmost data digit, so left-padding
    with zeros never changes the result. ``body`` must be 1..17 ASCII digits (17 covers
    SSCC); otherwise GS1Error.
    """
    if not isinstance(body, str) or not _DIGITS_RE.fullmatch(body) or len(body) > 17:
        raise GS1Error(f"Check digit input must be 1 to 17 digits, not {body!r}.")
    total = sum(
        int(digit) * (3 if position % 2 == 0 else 1)
        for position, digit in enumerate(reversed(body))
    )
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """Return whether ``code`` is a GTIN-8, -12, -13 or -14 with a correct check digit.

    Never raises: anything that is not such a string gives False.
    """
    try:
        normalize_gtin(code)
    except GS1Error:
        return False
    return True


def normalize_gtin(code: str) -> str:
    """Return ``code`` as a 14-digit GTIN, left-padded with zeros.

    Accepts GTIN-8, -12, -13 and -14 as ASCII digits only (no spaces or dashes). Raises
    GS1Error naming the problem: non-digits, a wrong length, or a wrong check digit (with
    the digit that was expected).
    """
    if not isinstance(code, str):
        raise GS1Error(f"GTIN must be a string, not {type(code).__name__}.")
    if not _DIGITS_RE.fullmatch(code):
        raise GS1Error(f"GTIN {code!r} must contain digits only.")
    if len(code) not in GTIN_LENGTHS:
        raise GS1Error(f"GTIN {code!r} has {len(code)} digits; expected 8, 12, 13 or 14.")
    expected = gtin_check_digit(code[:-1])
    if int(code[-1]) != expected:
        raise GS1Error(
            f"GTIN {code!r} has check digit {code[-1]}; the expected check digit is {expected}."
        )
    return code.zfill(GTIN_14_LENGTH)


def platform_gtin(*, company_prefix: str, item_reference: int) -> str:
    """Return the GTIN-13 ``company_prefix + item_reference (zero-padded) + check digit``.

    For producers without GS1 membership the platform assigns identifiers itself. The
    prefix comes from settings and is configuration, not a GS1 allocation made by this
    code: a deployment must use a prefix it actually holds (a GS1 Vietnam company prefix,
    893...) or knowingly use a restricted-circulation range (GS1 prefixes 20-29), whose
    numbers are not unique outside the platform.

    ``company_prefix`` must be 3..11 digits so at least one digit is left for the item;
    ``item_reference`` must be an int in 0..10**(12 - len(prefix)) - 1. The result is unique
    per (prefix, item_reference) and always passes ``is_valid_gtin``.
    """
    if not isinstance(company_prefix, str) or not _DIGITS_RE.fullmatch(company_prefix):
        raise GS1Error(f"Company prefix must be digits, not {company_prefix!r}.")
    if not 3 <= len(company_prefix) <= 11:
        raise GS1Error(
            f"Company prefix {company_prefix!r} has {len(company_prefix)} digits; "
            "a GTIN-13 needs 3 to 11."
        )
    if isinstance(item_reference, bool) or not isinstance(item_reference, int):
        raise GS1Error(f"Item reference must be an int, not {item_reference!r}.")
    width = GTIN_13_LENGTH - 1 - len(company_prefix)
    if not 0 <= item_reference < 10**width:
        raise GS1Error(
            f"Item reference {item_reference} does not fit in {width} digits after "
            f"prefix {company_prefix}."
        )
    body = company_prefix + str(item_reference).zfill(width)
    return body + str(gtin_check_digit(body))


def build_digital_link(
    *, base_url: str, gtin: str, lot: str | None = None, serial: str | None = None
) -> str:
    """Return the GS1 Digital Link URI for a GTIN and optional lot and serial.

    ``base_url`` is an http(s) URL without query or fragment (a trailing slash is dropped);
    it may carry a path prefix. The GTIN is normalised to 14 digits. Lot and serial are
    percent-encoded wherever set 82 overlaps URI reserved characters, so the result is
    pure ASCII, and ``parse_digital_link_path`` of its path returns the same key.
    Raises GS1Error for an invalid base URL, GTIN, lot or serial.
    """
    base = _check_base_url(base_url)
    parts = [base, AI_GTIN, normalize_gtin(gtin)]
    for ai, name, value in ((AI_BATCH_LOT, "lot", lot), (AI_SERIAL, "serial", serial)):
        if value is not None:
            _check_qualifier_value(value, name=name)
            parts += [ai, quote(value, safe="")]
    return "/".join(parts)


def parse_digital_link_path(path: str) -> DigitalLinkKey:
    """Return the key named by the path of a GS1 Digital Link URI.

    ``path`` is the raw (still percent-encoded) path component, e.g. from ``urlsplit``; it
    must start with ``/``. Any prefix before the last ``/01/`` key segment is ignored. The
    path is split on ``/`` before percent-decoding, so an escape can never add a segment.

    Guarantees of a returned key: the GTIN is 14 digits with a correct check digit; lot and
    serial are 1..20 characters of set 82 without ``/`` and are not dot segments. Raises
    GS1Error for a wrong check digit, qualifiers out of order, repeated or unknown AIs,
    empty or over-long values, characters outside set 82, malformed escapes, and anything
    that looks like path traversal (``.``/``..`` segments, encoded slashes or backslashes).
    """
    if not isinstance(path, str) or not path.startswith("/"):
        raise GS1Error(f"Digital Link path must start with '/', not {path!r}.")
    segments = path[1:].split("/")
    for segment in segments:
        _check_raw_segment(segment)

    # Walk (AI, value) pairs from the right: a prefix path may itself contain "01".
    qualifiers: list[tuple[str, str]] = []
    end = len(segments)
    while True:
        if end < 2:
            if AI_GTIN in segments:
                raise GS1Error("After /01/{GTIN} the path must hold AI/value pairs.")
            raise GS1Error("Digital Link path has no /01/{GTIN} key.")
        ai, value = segments[end - 2], segments[end - 1]
        if ai == AI_GTIN:
            break
        qualifiers.insert(0, (ai, value))
        end -= 2

    gtin = normalize_gtin(_decode_segment(segments[end - 1]))
    values: dict[str, str] = {}
    last_position = -1
    for ai, raw_value in qualifiers:
        if ai not in QUALIFIER_ORDER:
            raise GS1Error(f"AI {ai!r} is unknown or not supported in this Digital Link.")
        if ai in values:
            raise GS1Error(f"AI {ai} appears twice.")
        position = QUALIFIER_ORDER.index(ai)
        if position < last_position:
            raise GS1Error("Qualifiers are out of order: AI 10 (lot) must come before AI 21.")
        last_position = position
        name = "lot" if ai == AI_BATCH_LOT else "serial"
        value = _decode_segment(raw_value)
        _check_qualifier_value(value, name=name)
        values[ai] = value
    return DigitalLinkKey(gtin=gtin, lot=values.get(AI_BATCH_LOT), serial=values.get(AI_SERIAL))


def _check_base_url(base_url: str) -> str:
    if not isinstance(base_url, str) or not base_url.isascii():
        raise GS1Error("Base URL must be an ASCII string.")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GS1Error(f"Base URL {base_url!r} must be an absolute http or https URL.")
    if parts.query or parts.fragment or "?" in base_url or "#" in base_url:
        raise GS1Error(f"Base URL {base_url!r} must not have a query or fragment.")
    if any(char in base_url for char in " \t\r\n\\"):
        raise GS1Error(f"Base URL {base_url!r} contains whitespace or a backslash.")
    return base_url.rstrip("/")


def _check_qualifier_value(value: str, *, name: str) -> None:
    if not isinstance(value, str) or not value:
        raise GS1Error(f"The {name} must be a non-empty string.")
    if len(value) > MAX_QUALIFIER_LENGTH:
        raise GS1Error(
            f"The {name} is {len(value)} characters long; the maximum is {MAX_QUALIFIER_LENGTH}."
        )
    outside = sorted({char for char in value if char not in GS1_CHARSET_82})
    if outside:
        raise GS1Error(f"The {name} contains characters outside GS1 character set 82: {outside!r}.")
    if any(char in REFUSED_IN_PATH_VALUES for char in value):
        raise GS1Error(f"The {name} must not contain '/' (it cannot travel safely in a URL path).")
    if value in DOT_SEGMENTS:
        raise GS1Error(f"The {name} must not be '.' or '..'.")


def _check_raw_segment(segment: str) -> None:
    if not segment:
        raise GS1Error("Digital Link path has an empty segment.")
    if segment in DOT_SEGMENTS:
        raise GS1Error("Digital Link path must not contain '.' or '..' segments.")
    bad = sorted({char for char in segment if char not in _RAW_PCHARS and char != "%"})
    if bad:
        raise GS1Error(f"Digital Link path contains characters not allowed in a URI: {bad!r}.")
    decoded = _decode_segment(segment)
    # Decoded slashes and backslashes are how traversal hides from a naive router.
    if "/" in decoded or "\\" in decoded:
        raise GS1Error("Digital Link path must not contain encoded slashes or backslashes.")
    if decoded in DOT_SEGMENTS:
        raise GS1Error("Digital Link path must not contain encoded '.' or '..' segments.")


def _decode_segment(segment: str) -> str:
    """Strictly percent-decode one segment to ASCII text; malformed escapes raise."""
    if "%" in _PERCENT_ESCAPE_RE.sub("", segment):
        raise GS1Error(f"Malformed percent-escape in {segment!r}.")
    decoded = _PERCENT_ESCAPE_RE.sub(lambda match: chr(int(match.group(1), 16)), segment)
    if not decoded.isascii():
        raise GS1Error(f"Segment {segment!r} decodes to non-ASCII characters.")
    return decoded
