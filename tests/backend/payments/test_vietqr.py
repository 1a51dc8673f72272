import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend.payments.vietqr import (
    MAX_ACCOUNT_LENGTH,
    MAX_PURPOSE_LENGTH,
    SERVICE_TO_CARD,
    VietQRError,
    VietQRPayload,
    build_vietqr_payload,
    crc16_ccitt_false,
    encode_field,
    parse_vietqr_payload,
)

# Published vectors: ocop-domain.md section 5.
ACB_STATIC = (
    "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F"
)
ACB_DYNAMIC = (
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA"
    "53037045405100005802VN62150811Chuyen tien630453E6"
)
VCB_ORDER = (
    "00020101021238540010A00000072701240006970436011001234567890208QRIBFTTA"
    "530370454061500005802VN62170813OCOP DH1234566304A148"
)

PRINTABLE_ASCII = "".join(chr(code) for code in range(0x20, 0x7F))


def _with_crc(body: str) -> str:
    """Append a correct CRC so a test reaches the structural check it is aimed at."""
    body += "6304"
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def test_crc_check_value():
    # given / when / then
    assert crc16_ccitt_false(b"123456789") == 0x29B1


def test_crc_of_empty_input_is_the_initial_value():
    assert crc16_ccitt_false(b"") == 0xFFFF


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"bank_bin": "970416", "account_number": "257678859"}, ACB_STATIC),
        (
            {
                "bank_bin": "970416",
                "account_number": "257678859",
                "amount": 10000,
                "purpose": "Chuyen tien",
            },
            ACB_DYNAMIC,
        ),
        (
            {
                "bank_bin": "970436",
                "account_number": "0123456789",
                "amount": 150000,
                "purpose": "OCOP DH123456",
            },
            VCB_ORDER,
        ),
    ],
)
def test_build_reproduces_published_vectors(kwargs, expected):
    # when
    payload = build_vietqr_payload(**kwargs)

    # then
    assert payload == expected


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (
            ACB_STATIC,
            VietQRPayload(
                bank_bin="970416",
                account_number="257678859",
                service="QRIBFTTA",
                amount=None,
                purpose=None,
                is_dynamic=False,
            ),
        ),
        (
            ACB_DYNAMIC,
            VietQRPayload(
                bank_bin="970416",
                account_number="257678859",
                service="QRIBFTTA",
                amount=10000,
                purpose="Chuyen tien",
                is_dynamic=True,
            ),
        ),
        (
            VCB_ORDER,
            VietQRPayload(
                bank_bin="970436",
                account_number="0123456789",
                service="QRIBFTTA",
                amount=150000,
                purpose="OCOP DH123456",
                is_dynamic=True,
            ),
        ),
    ],
)
def test_parse_reads_published_vectors(payload, expected):
    assert parse_vietqr_payload(payload) == expected


def test_static_payload_may_carry_a_purpose():
    # given
    payload = build_vietqr_payload(bank_bin="970416", account_number="257678859", purpose="X")

    # when
    parsed = parse_vietqr_payload(payload)

    # then
    assert parsed.is_dynamic is False
    assert parsed.amount is None
    assert parsed.purpose == "X"


def test_card_service_round_trips():
    payload = build_vietqr_payload(
        bank_bin="970436", account_number="9704360000000000001", service=SERVICE_TO_CARD
    )

    assert parse_vietqr_payload(payload).service == "QRIBFTTC"


def test_maximum_lengths_are_accepted():
    # given
    account = "9" * MAX_ACCOUNT_LENGTH
    purpose = "P" * MAX_PURPOSE_LENGTH

    # when
    parsed = parse_vietqr_payload(
        build_vietqr_payload(
            bank_bin="970436", account_number=account, amount=10**13 - 1, purpose=purpose
        )
    )

    # then
    assert (parsed.account_number, parsed.amount, parsed.purpose) == (
        account,
        10**13 - 1,
        purpose,
    )


@pytest.mark.parametrize(
    "bank_bin", ["97041", "9704166", "97041a", "", " 970416", "９７０４１６", 970416]
)
def test_build_rejects_bad_bin(bank_bin):
    with pytest.raises(VietQRError, match="BIN"):
        build_vietqr_payload(bank_bin=bank_bin, account_number="1")


@pytest.mark.parametrize(
    ("account", "message"),
    [
        ("", "non-empty"),
        (None, "non-empty"),
        ("1" * (MAX_ACCOUNT_LENGTH + 1), "maximum is 19"),
        ("0123-456", "letters and digits"),
        ("0123 456", "letters and digits"),
        ("012345\n", "letters and digits"),
        ("tàikhoản", "letters and digits"),
        ("١٢٣", "letters and digits"),
    ],
)
def test_build_rejects_bad_account(account, message):
    with pytest.raises(VietQRError, match=message):
        build_vietqr_payload(bank_bin="970416", account_number=account)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (0, "positive"),
        (-1, "positive"),
        (True, "whole number"),
        (False, "whole number"),
        (10.0, "whole number"),
        ("10000", "whole number"),
        (10**13, "at most 13 digits"),
    ],
)
def test_build_rejects_bad_amount(amount, message):
    with pytest.raises(VietQRError, match=message):
        build_vietqr_payload(bank_bin="970416", account_number="1", amount=amount)


@pytest.mark.parametrize(
    ("purpose", "message"),
    [
        ("", "non-empty"),
        ("x" * (MAX_PURPOSE_LENGTH + 1), "maximum is 25"),
        ("Chuyển tiền", "printable ASCII"),
        ("line\nbreak", "printable ASCII"),
        ("tab\there", "printable ASCII"),
        ("del\x7f", "printable ASCII"),
        (123, "non-empty string"),
    ],
)
def test_build_rejects_bad_purpose(purpose, message):
    with pytest.raises(VietQRError, match=message):
        build_vietqr_payload(bank_bin="970416", account_number="1", purpose=purpose)


def test_build_rejects_unknown_service():
    with pytest.raises(VietQRError, match="Service"):
        build_vietqr_payload(bank_bin="970416", account_number="1", service="QRPUSH")


def test_encode_field_refuses_values_longer_than_99():
    # given
    encode_field("62", "x" * 99)

    # when / then
    with pytest.raises(VietQRError, match="maximum is 99"):
        encode_field("62", "x" * 100)


@pytest.mark.parametrize(("tag", "value"), [("6", "x"), ("ab", "x"), ("62", ""), ("62", "é")])
def test_encode_field_refuses_bad_tag_or_value(tag, value):
    with pytest.raises(VietQRError):
        encode_field(tag, value)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("", "too short"),
        (ACB_STATIC[:-1], "end with the CRC"),
        (ACB_STATIC + "0", "end with the CRC"),
        (ACB_STATIC[:-4] + "ae9f", "uppercase"),
        (ACB_STATIC[:-4] + "AE9G", "uppercase"),
        (ACB_STATIC[:-4] + "AE9E", "CRC mismatch"),
        (ACB_DYNAMIC.replace("Chuyen", "Chuyên"), "ASCII"),
        (b"000201".decode(), "too short"),
    ],
)
def test_parse_rejects_bad_crc_or_framing(payload, message):
    with pytest.raises(VietQRError, match=message):
        parse_vietqr_payload(payload)


def test_parse_rejects_non_string():
    with pytest.raises(VietQRError, match="string"):
        parse_vietqr_payload(ACB_STATIC.encode())  # type: ignore[arg-type]


NAPAS_ACB = "38530010A0000007270123000697041601092576788590208QRIBFTTA"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # Length runs past the end of the payload.
        ("000201010211" + "3899" + NAPAS_ACB[4:], "declares 99"),
        # Non-digit length.
        ("0002010102113A53" + NAPAS_ACB[4:] + "53037045802VN", "Length '3A'|Tag '3A'"),
        ("00020101021138x3" + NAPAS_ACB[4:] + "53037045802VN", "Length 'x3'"),
        # Empty value.
        ("000201010211" + NAPAS_ACB + "5300" + "5802VN", "empty value"),
        # Mandatory tags missing.
        ("000201" + NAPAS_ACB + "53037045802VN", "tag 01"),
        ("000201010211" + "53037045802VN", "tag 38"),
        ("000201010211" + NAPAS_ACB + "5802VN", "tag 53"),
        ("000201010211" + NAPAS_ACB + "5303704", "tag 58"),
        # Order and duplicates.
        ("010211000201" + NAPAS_ACB + "53037045802VN", "Tag 00"),
        ("000201010211" + NAPAS_ACB + "53037045802VN5802VN", "appears twice"),
        # Wrong values.
        ("000202010211" + NAPAS_ACB + "53037045802VN", "Tag 00 must be"),
        ("000201010213" + NAPAS_ACB + "53037045802VN", "Tag 01 must be"),
        ("000201010211" + NAPAS_ACB + "53038405802VN", "Currency"),
        ("000201010211" + NAPAS_ACB + "53037045802US", "Country"),
        # Amounts.
        ("000201010212" + NAPAS_ACB + "5303704540510.005802VN", "Amount"),
        ("000201010212" + NAPAS_ACB + "5303704" + "540201" + "5802VN", "Amount"),
        ("000201010212" + NAPAS_ACB + "53037045403-105802VN", "Amount"),
        # Purpose breaking the builder's rules.
        ("000201010211" + NAPAS_ACB + "53037045802VN" + "62300826" + "x" * 26, "maximum is 25"),
        ("000201010211" + NAPAS_ACB + "53037045802VN" + "62050801\x01", "printable"),
    ],
)
def test_parse_rejects_malformed_structure(body, message):
    # given a payload whose CRC is right, so only the structure is wrong
    payload = _with_crc(body)

    # when / then
    with pytest.raises(VietQRError, match=message):
        parse_vietqr_payload(payload)


def test_parse_rejects_a_crc_field_that_is_not_last():
    # given: tag 63 with a different length hides the real structure
    payload = _with_crc("000201010211" + NAPAS_ACB + "53037045802VN" + "6302AB")

    # when / then
    with pytest.raises(VietQRError, match="appears twice"):
        parse_vietqr_payload(payload)


def _napas(
    *,
    guid="A000000727",
    beneficiary=None,
    service="QRIBFTTA",
    bank_bin="970416",
    account="257678859",
):
    """Build a tag 38 template field by field; None leaves a sub-field out."""
    if beneficiary is None:
        beneficiary = encode_field("00", bank_bin) + encode_field("01", account)
    inner = ""
    if guid is not None:
        inner += encode_field("00", guid)
    if beneficiary:
        inner += encode_field("01", beneficiary)
    if service is not None:
        inner += encode_field("02", service)
    return encode_field("38", inner)


@pytest.mark.parametrize(
    ("napas", "message"),
    [
        (_napas(guid="A000000728"), "NAPAS GUID"),
        (_napas(guid=None), "NAPAS GUID"),
        (_napas(beneficiary=""), "no beneficiary"),
        (_napas(service="QRIBFTTX"), "service"),
        (_napas(service=None), "service"),
        (_napas(bank_bin="97041a"), "BIN"),
        (_napas(bank_bin="9704161"), "BIN"),
        (_napas(account="25767885-9"), "letters and digits"),
        (_napas(account="1" * 20), "maximum is 19"),
        (_napas(beneficiary=encode_field("00", "970416")), "account"),
        (_napas(beneficiary=encode_field("01", "257678859")), "BIN"),
        (_napas(beneficiary="0006970416011125767885"), "declares 11"),
        (_napas(beneficiary="00069704160"), "Truncated"),
    ],
)
def test_parse_rejects_bad_napas_template(napas, message):
    payload = _with_crc("000201010211" + napas + "53037045802VN")

    with pytest.raises(VietQRError, match=message):
        parse_vietqr_payload(payload)


def test_parse_ignores_unknown_tags_and_subfields():
    # given: tag 52 (merchant category), tag 59 (name) and a bill number in 62/01
    body = (
        "000201010212"
        + NAPAS_ACB
        + "52040000"
        + "5303704"
        + "540510000"
        + "5802VN"
        + "5911CUA HANG AI"
        + "62200105B12340807DH00001"
    )

    # when
    parsed = parse_vietqr_payload(_with_crc(body))

    # then
    assert parsed.amount == 10000
    assert parsed.purpose == "DH00001"


def test_parse_without_purpose_subfield_in_tag_62():
    parsed = parse_vietqr_payload(
        _with_crc("000201010211" + NAPAS_ACB + "53037045802VN" + "62090105B1234")
    )

    assert parsed.purpose is None


# Hypothesis strategies for valid inputs.
bank_bins = st.from_regex(r"[0-9]{6}", fullmatch=True)
accounts = st.text(
    alphabet=string.ascii_letters + string.digits, min_size=1, max_size=MAX_ACCOUNT_LENGTH
)
amounts = st.none() | st.integers(min_value=1, max_value=10**13 - 1)
purposes = st.none() | st.text(alphabet=PRINTABLE_ASCII, min_size=1, max_size=MAX_PURPOSE_LENGTH)
services = st.sampled_from(["QRIBFTTA", "QRIBFTTC"])


@given(bank_bin=bank_bins, account=accounts, amount=amounts, purpose=purposes, service=services)
def test_parse_inverts_build(bank_bin, account, amount, purpose, service):
    # when
    payload = build_vietqr_payload(
        bank_bin=bank_bin,
        account_number=account,
        amount=amount,
        purpose=purpose,
        service=service,
    )
    parsed = parse_vietqr_payload(payload)

    # then
    assert payload.isascii()
    assert payload[-8:-4] == "6304"
    assert int(payload[-4:], 16) == crc16_ccitt_false(payload[:-4].encode("ascii"))
    assert parsed == VietQRPayload(
        bank_bin=bank_bin,
        account_number=account,
        service=service,
        amount=amount,
        purpose=purpose,
        is_dynamic=amount is not None,
    )


@given(
    bank_bin=bank_bins,
    account=accounts,
    amount=amounts,
    purpose=purposes,
    data=st.data(),
)
def test_any_single_character_change_is_detected(bank_bin, account, amount, purpose, data):
    """CRC-16 with a degree-16 generator that has a constant term detects every error burst
    of at most 16 bits, and one changed ASCII character is an 8-bit burst. A change inside
    the CRC field itself either breaks the uppercase-hex rule or gives a different value.
    A non-ASCII replacement is refused outright. So every single change must raise."""
    # given
    payload = build_vietqr_payload(
        bank_bin=bank_bin, account_number=account, amount=amount, purpose=purpose
    )
    index = data.draw(st.integers(min_value=0, max_value=len(payload) - 1), label="index")
    replacement = data.draw(
        st.characters(codec="utf-8").filter(lambda char: char != payload[index]),
        label="replacement",
    )
    tampered = payload[:index] + replacement + payload[index + 1 :]

    # when / then
    with pytest.raises(VietQRError):
        parse_vietqr_payload(tampered)


@pytest.mark.parametrize("payload", [ACB_STATIC, ACB_DYNAMIC, VCB_ORDER])
def test_every_single_ascii_change_of_published_vectors_is_detected(payload):
    # An exhaustive sweep over the published strings complements the random search.
    for index, original in enumerate(payload):
        for replacement in PRINTABLE_ASCII:
            if replacement == original:
                continue
            tampered = payload[:index] + replacement + payload[index + 1 :]
            with pytest.raises(VietQRError):
                parse_vietqr_payload(tampered)
