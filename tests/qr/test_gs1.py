import string
from urllib.parse import urlsplit

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qr.gs1 import (
    GS1_CHARSET_82,
    MAX_QUALIFIER_LENGTH,
    DigitalLinkKey,
    GS1Error,
    build_digital_link,
    gtin_check_digit,
    is_valid_gtin,
    normalize_gtin,
    parse_digital_link_path,
    platform_gtin,
)

GS1_EXAMPLE = "09506000134352"
VIETNAM_EXAMPLE = "8931234567897"
BASE = "https://ocop.example.vn"


def test_charset_82_has_82_characters():
    assert len(GS1_CHARSET_82) == 82
    assert all(char.isascii() and char.isprintable() and char != " " for char in GS1_CHARSET_82)
    assert not {"#", "$", "@", "[", "\\", "]", "^", "`", "{", "|", "}", "~"} & GS1_CHARSET_82


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("0950600013435", 2),
        ("893123456789", 7),
        ("9638507", 4),  # GTIN-8 96385074
        ("03600029145", 2),  # UPC-A 036000291452
        ("0", 0),
        ("00000000000000000", 0),  # SSCC length
    ],
)
def test_check_digit_vectors(body, expected):
    assert gtin_check_digit(body) == expected


@pytest.mark.parametrize("body", ["", "12a", "1" * 18, " 123", "１２３"])
def test_check_digit_rejects_bad_body(body):
    with pytest.raises(GS1Error):
        gtin_check_digit(body)


@pytest.mark.parametrize(
    "code", [GS1_EXAMPLE, VIETNAM_EXAMPLE, "96385074", "036000291452", "9506000134352"]
)
def test_valid_gtins(code):
    assert is_valid_gtin(code)


@pytest.mark.parametrize(
    "code",
    ["09506000134353", "8931234567890", "", "123", "893123456789", "893-1234567897", None, 8931],
)
def test_invalid_gtins_are_false_not_errors(code):
    assert is_valid_gtin(code) is False


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("96385074", "00000096385074"),
        ("036000291452", "00036000291452"),
        (VIETNAM_EXAMPLE, "08931234567897"),
        (GS1_EXAMPLE, GS1_EXAMPLE),
    ],
)
def test_normalize_pads_to_14(code, expected):
    assert normalize_gtin(code) == expected


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("8931234567890", "expected check digit is 7"),
        ("09506000134350", "expected check digit is 2"),
        ("893123456789X", "digits only"),
        ("893 1234567897", "digits only"),
        ("８９３１２３４５６７８９７", "digits only"),
        ("8931234567897\n", "digits only"),
        ("123456789", "9 digits; expected 8, 12, 13 or 14"),
        ("089312345678970", "15 digits"),
        (8931234567897, "must be a string"),
    ],
)
def test_normalize_explains_errors(code, message):
    with pytest.raises(GS1Error, match=message):
        normalize_gtin(code)


@given(st.from_regex(r"[0-9]{7}|[0-9]{11}|[0-9]{12}|[0-9]{13}", fullmatch=True))
def test_appending_the_check_digit_makes_a_valid_gtin(body):
    code = body + str(gtin_check_digit(body))

    assert is_valid_gtin(code)
    assert normalize_gtin(code) == code.zfill(14)


@given(
    st.from_regex(r"[0-9]{13}", fullmatch=True),
    st.integers(min_value=0, max_value=12),
    st.integers(min_value=1, max_value=9),
)
def test_any_single_digit_error_is_detected(body, index, delta):
    # given
    code = body + str(gtin_check_digit(body))
    wrong = code[:index] + str((int(code[index]) + delta) % 10) + code[index + 1 :]

    # then: mod-10 with weights 1 and 3 catches every single-digit substitution
    assert not is_valid_gtin(wrong)


def test_platform_gtin_builds_valid_gtin13():
    # when
    gtin = platform_gtin(company_prefix="8930000", item_reference=42)

    # then
    assert gtin == "893000000042" + str(gtin_check_digit("893000000042"))
    assert len(gtin) == 13
    assert is_valid_gtin(gtin)


@given(
    prefix=st.from_regex(r"[0-9]{3,11}", fullmatch=True),
    data=st.data(),
)
def test_platform_gtin_is_valid_and_injective(prefix, data):
    width = 12 - len(prefix)
    first = data.draw(st.integers(min_value=0, max_value=10**width - 1))
    second = data.draw(st.integers(min_value=0, max_value=10**width - 1))

    a = platform_gtin(company_prefix=prefix, item_reference=first)
    b = platform_gtin(company_prefix=prefix, item_reference=second)

    assert is_valid_gtin(a)
    assert a.startswith(prefix)
    assert (a == b) == (first == second)


@pytest.mark.parametrize(
    ("prefix", "reference", "message"),
    [
        ("89", 1, "3 to 11"),
        ("893000000000", 1, "3 to 11"),
        ("893a", 1, "digits"),
        (893, 1, "digits"),
        ("8930000", 100000, "does not fit in 5 digits"),
        ("8930000", -1, "does not fit"),
        ("8930000", True, "must be an int"),
        ("8930000", "1", "must be an int"),
    ],
)
def test_platform_gtin_rejects_bad_input(prefix, reference, message):
    with pytest.raises(GS1Error, match=message):
        platform_gtin(company_prefix=prefix, item_reference=reference)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"gtin": VIETNAM_EXAMPLE}, f"{BASE}/01/08931234567897"),
        ({"gtin": GS1_EXAMPLE, "lot": "L2026-01"}, f"{BASE}/01/{GS1_EXAMPLE}/10/L2026-01"),
        ({"gtin": GS1_EXAMPLE, "serial": "S001"}, f"{BASE}/01/{GS1_EXAMPLE}/21/S001"),
        (
            {"gtin": GS1_EXAMPLE, "lot": "ABC", "serial": "12345"},
            f"{BASE}/01/{GS1_EXAMPLE}/10/ABC/21/12345",
        ),
        (
            {"gtin": GS1_EXAMPLE, "lot": "A&B=C?", "serial": "x%y'z"},
            f"{BASE}/01/{GS1_EXAMPLE}/10/A%26B%3DC%3F/21/x%25y%27z",
        ),
        ({"gtin": GS1_EXAMPLE, "lot": "a.b_c-d"}, f"{BASE}/01/{GS1_EXAMPLE}/10/a.b_c-d"),
    ],
)
def test_build_digital_link(kwargs, expected):
    assert build_digital_link(base_url=BASE, **kwargs) == expected


def test_build_keeps_base_path_and_drops_trailing_slash():
    link = build_digital_link(base_url="https://ocop.example.vn/dl/", gtin=GS1_EXAMPLE)

    assert link == f"https://ocop.example.vn/dl/01/{GS1_EXAMPLE}"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"gtin": "8931234567890"}, "expected check digit is 7"),
        ({"gtin": GS1_EXAMPLE, "lot": ""}, "lot must be a non-empty"),
        ({"gtin": GS1_EXAMPLE, "serial": "x" * 21}, "serial is 21 characters"),
        ({"gtin": GS1_EXAMPLE, "lot": "lô 1"}, "outside GS1 character set 82"),
        ({"gtin": GS1_EXAMPLE, "lot": "A B"}, "outside GS1 character set 82"),
        ({"gtin": GS1_EXAMPLE, "serial": "A#1"}, "outside GS1 character set 82"),
        ({"gtin": GS1_EXAMPLE, "lot": "01/2026"}, "must not contain '/'"),
        ({"gtin": GS1_EXAMPLE, "lot": ".."}, r"must not be '\.' or '\.\.'"),
        ({"gtin": GS1_EXAMPLE, "serial": "."}, r"must not be '\.' or '\.\.'"),
    ],
)
def test_build_rejects_bad_values(kwargs, message):
    with pytest.raises(GS1Error, match=message):
        build_digital_link(base_url=BASE, **kwargs)


@pytest.mark.parametrize(
    "base_url",
    [
        "ftp://ocop.example.vn",
        "ocop.example.vn",
        "https://",
        "https://ocop.example.vn/?x=1",
        "https://ocop.example.vn/#top",
        "https://ốcop.vn",
        "https://ocop.example.vn/a b",
    ],
)
def test_build_rejects_bad_base_url(base_url):
    with pytest.raises(GS1Error, match="Base URL"):
        build_digital_link(base_url=base_url, gtin=GS1_EXAMPLE)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (f"/01/{GS1_EXAMPLE}", DigitalLinkKey(gtin=GS1_EXAMPLE)),
        ("/01/96385074", DigitalLinkKey(gtin="00000096385074")),
        ("/01/036000291452", DigitalLinkKey(gtin="00036000291452")),
        (f"/01/{VIETNAM_EXAMPLE}/10/ABC", DigitalLinkKey(gtin="08931234567897", lot="ABC")),
        (f"/01/{GS1_EXAMPLE}/21/S1", DigitalLinkKey(gtin=GS1_EXAMPLE, serial="S1")),
        (
            f"/01/{GS1_EXAMPLE}/10/A%26B/21/%2a%2B",
            DigitalLinkKey(gtin=GS1_EXAMPLE, lot="A&B", serial="*+"),
        ),
        # Sub-delimiters may also arrive unencoded.
        (f"/01/{GS1_EXAMPLE}/10/A&B=C", DigitalLinkKey(gtin=GS1_EXAMPLE, lot="A&B=C")),
        # Prefix paths, including one that itself holds a "01" segment.
        (f"/dl/v1/01/{GS1_EXAMPLE}", DigitalLinkKey(gtin=GS1_EXAMPLE)),
        (f"/01/x/01/{GS1_EXAMPLE}/10/01", DigitalLinkKey(gtin=GS1_EXAMPLE, lot="01")),
        # A lot that looks like an AI is a value, not a key.
        (f"/01/{GS1_EXAMPLE}/10/21/21/10", DigitalLinkKey(GS1_EXAMPLE, lot="21", serial="10")),
        # ".." inside a value is not a dot segment.
        (f"/01/{GS1_EXAMPLE}/10/A..B", DigitalLinkKey(gtin=GS1_EXAMPLE, lot="A..B")),
    ],
)
def test_parse_digital_link_path(path, expected):
    assert parse_digital_link_path(path) == expected


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("", "must start with '/'"),
        (f"01/{GS1_EXAMPLE}", "must start with '/'"),
        ("/", "empty segment"),
        (f"/01/{GS1_EXAMPLE}/", "empty segment"),
        (f"/01/{GS1_EXAMPLE}/10//21/1", "empty segment"),
        ("/01/09506000134353", "expected check digit is 2"),
        ("/01/09506000134", "11 digits"),
        ("/01/ABC", "digits only"),
        ("/10/ABC", "no /01/"),
        (f"/00/{GS1_EXAMPLE}", "no /01/"),
        (f"/01/{GS1_EXAMPLE}/10", "AI/value pairs"),
        (f"/01/{GS1_EXAMPLE}/21/S/10/L", "out of order"),
        (f"/01/{GS1_EXAMPLE}/10/L/10/M", "appears twice"),
        (f"/01/{GS1_EXAMPLE}/22/V/10/L", "AI '22' is unknown or not supported"),
        (f"/01/{GS1_EXAMPLE}/99/X", "AI '99'"),
        (f"/01/{GS1_EXAMPLE}/10/{'x' * (MAX_QUALIFIER_LENGTH + 1)}", "maximum is 20"),
        (f"/01/{GS1_EXAMPLE}/10/%40", "outside GS1 character set 82"),
        (f"/01/{GS1_EXAMPLE}/10/a@b", "outside GS1 character set 82"),
        (f"/01/{GS1_EXAMPLE}/10/%7E", "outside GS1 character set 82"),
        (f"/01/{GS1_EXAMPLE}/10/%C3%B4", "non-ASCII"),
        (f"/01/{GS1_EXAMPLE}/10/lô", "not allowed in a URI"),
        (f"/01/{GS1_EXAMPLE}/10/a b", "not allowed in a URI"),
        (f"/01/{GS1_EXAMPLE}/10/a%2", "Malformed percent-escape"),
        (f"/01/{GS1_EXAMPLE}/10/a%zz", "Malformed percent-escape"),
        (f"/01/{GS1_EXAMPLE}?linkType=all", "not allowed in a URI"),
        # Traversal attempts.
        (f"/../01/{GS1_EXAMPLE}", r"'\.' or '\.\.' segments"),
        (f"/01/{GS1_EXAMPLE}/10/..", r"'\.' or '\.\.' segments"),
        (f"/01/{GS1_EXAMPLE}/10/.", r"'\.' or '\.\.' segments"),
        (f"/01/{GS1_EXAMPLE}/10/%2E%2E", "encoded '.' or '..'"),
        (f"/01/{GS1_EXAMPLE}/10/%2e", "encoded '.' or '..'"),
        (f"/01/{GS1_EXAMPLE}/10/..%2F..%2Fetc", "encoded slashes"),
        (f"/01/{GS1_EXAMPLE}/10/a%2fb", "encoded slashes"),
        (f"/01/{GS1_EXAMPLE}/10/a%5Cb", "encoded slashes or backslashes"),
        (f"/static%2F..%2F/01/{GS1_EXAMPLE}", "encoded slashes"),
        (f"/01/{GS1_EXAMPLE}/10/a\\b", "not allowed in a URI"),
    ],
)
def test_parse_rejects_bad_paths(path, message):
    with pytest.raises(GS1Error, match=message):
        parse_digital_link_path(path)


def test_parse_rejects_non_string():
    with pytest.raises(GS1Error):
        parse_digital_link_path(b"/01/09506000134352")  # type: ignore[arg-type]


# Set 82 without the one character the platform refuses in path values.
PATH_SAFE_82 = "".join(sorted(GS1_CHARSET_82 - {"/"}))
qualifier_values = st.text(alphabet=PATH_SAFE_82, min_size=1, max_size=MAX_QUALIFIER_LENGTH).filter(
    lambda value: value not in {".", ".."}
)
gtin_bodies = st.from_regex(r"[0-9]{7}|[0-9]{11}|[0-9]{12}|[0-9]{13}", fullmatch=True)
base_urls = st.sampled_from(
    [BASE, BASE + "/", "http://localhost:8000", "https://ocop.example.vn/dl/01/x", "https://a.b/p"]
)


@given(
    base_url=base_urls,
    body=gtin_bodies,
    lot=st.none() | qualifier_values,
    serial=st.none() | qualifier_values,
)
def test_parse_inverts_build(base_url, body, lot, serial):
    # given
    gtin = body + str(gtin_check_digit(body))

    # when
    link = build_digital_link(base_url=base_url, gtin=gtin, lot=lot, serial=serial)
    key = parse_digital_link_path(urlsplit(link).path)

    # then
    assert link.isascii()
    assert link.startswith(base_url.rstrip("/") + "/01/")
    assert not set(link) & {" ", "#", "?", "\\"}
    assert key == DigitalLinkKey(gtin=gtin.zfill(14), lot=lot, serial=serial)


@given(value=st.text(min_size=1, max_size=MAX_QUALIFIER_LENGTH))
def test_build_accepts_exactly_the_path_safe_part_of_set_82(value):
    # given
    acceptable = set(value) <= set(PATH_SAFE_82) and value not in {".", ".."}

    # when / then
    if acceptable:
        build_digital_link(base_url=BASE, gtin=GS1_EXAMPLE, lot=value)
    else:
        with pytest.raises(GS1Error):
            build_digital_link(base_url=BASE, gtin=GS1_EXAMPLE, lot=value)


@given(
    segment=st.text(
        alphabet=string.ascii_letters + string.digits + "%./\\-_~!$&'()*+,;=:@", max_size=12
    )
)
def test_parse_never_returns_a_value_with_a_slash_or_dot_segment(segment):
    # given: arbitrary junk as the lot segment
    path = f"/01/{GS1_EXAMPLE}/10/{segment}"

    # when
    try:
        key = parse_digital_link_path(path)
    except GS1Error:
        return

    # then
    assume(key.lot is not None)
    assert "/" not in key.lot
    assert "\\" not in key.lot
    assert key.lot not in {".", ".."}
    assert set(key.lot) <= GS1_CHARSET_82
