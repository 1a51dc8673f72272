"""The English catalogue: complete, compiled from the committed .po, and actually served.

The msgids are Vietnamese (LANGUAGE_CODE = "vi"); English is the translation."""

from __future__ import annotations

import ast
import gettext
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from backend.ocop.models.certificates import CertificateStatus, IssuerLevel
from backend.orders.models import OrderStatus, PaymentMethod
from backend.payments.models import TransactionEventType
from producers.models import LegalForm, ProducerStatus
from tests.conftest import USER_PASSWORD

LC_MESSAGES = Path(settings.BASE_DIR) / "backend" / "locale" / "en" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")

TOKEN_CREATE = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { field code message } }
}
"""


def _read_po(path: Path) -> tuple[dict[str | tuple[str, int], str], list[str]]:
    """The catalogue of a .po as GNUTranslations keys it (plural forms under
    ``(msgid, index)``, a ``msgctxt`` as ``context\x04msgid``), and the msgids still
    flagged fuzzy."""
    catalog: dict[str | tuple[str, int], str] = {}
    fuzzy: list[str] = []
    entry: dict[str, str] = {}
    flags = ""
    last = ""

    def flush() -> None:
        if "msgid" in entry:
            msgid = entry["msgid"]
            if "msgctxt" in entry:
                msgid = f"{entry['msgctxt']}\x04{msgid}"
            if "fuzzy" in flags:
                fuzzy.append(msgid)
            if "msgid_plural" in entry:
                for key, value in entry.items():
                    if key.startswith("msgstr["):
                        catalog[(msgid, int(key[7:-1]))] = value
            else:
                catalog[msgid] = entry.get("msgstr", "")
        entry.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            flags = ""
        elif line.startswith("#,"):
            flags = line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[last] += ast.literal_eval(line)
        else:
            last, literal = line.split(" ", 1)
            entry[last] = ast.literal_eval(literal)
    flush()
    return catalog, fuzzy


def test_po_is_fully_translated_with_placeholders_kept():
    # given
    catalog, fuzzy = _read_po(LC_MESSAGES / "django.po")
    messages = {key: value for key, value in catalog.items() if key != ""}

    # then
    assert len(messages) > 500
    assert fuzzy == []
    assert [key for key, value in messages.items() if not value] == []
    for key, value in messages.items():
        msgid = key[0] if isinstance(key, tuple) else key
        assert sorted(PLACEHOLDER.findall(value)) == sorted(PLACEHOLDER.findall(msgid)), key
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in catalog[""]


def test_committed_mo_matches_the_po():
    # given
    po_catalog, _fuzzy = _read_po(LC_MESSAGES / "django.po")

    # when
    with (LC_MESSAGES / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    # then: compilemessages was run after the last edit of the .po
    mo_catalog = {key: value for key, value in compiled._catalog.items() if key != ""}  # type: ignore[attr-defined]
    assert mo_catalog == {key: value for key, value in po_catalog.items() if key != ""}
    assert compiled.ngettext("Mã này đã được kiểm tra %(counter)s lần kể từ %(since)s.", "", 2) == (
        "This code has been checked %(counter)s times since %(since)s."
    )


@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        # accounts
        ("Email hoặc mật khẩu không đúng.", "Incorrect email or password."),
        ("Token đã hết hạn.", "The token has expired."),
        # producers
        ("Mã số thuế phải có 10 hoặc 13 chữ số.", "The tax code must have 10 or 13 digits."),
        # ocop
        (
            "Chỉ Bộ Nông nghiệp và Môi trường được công nhận sản phẩm 5 sao.",
            "Only the Ministry of Agriculture and Environment may recognize 5-star products.",
        ),
        # checkout
        ("Giỏ hàng trống.", "The cart is empty."),
        ("Số lượng phải lớn hơn 0.", "The quantity must be greater than 0."),
        # payments
        (
            "Số tiền hoàn vượt quá số đã thu (%(refundable)s đồng).",
            "The refund amount exceeds the charged amount (%(refundable)s VND).",
        ),
    ],
)
def test_error_messages_render_in_english(vietnamese, english):
    # when
    with translation.override("en"):
        translated = _(vietnamese)

    # then
    assert translated == english
    with translation.override("vi"):
        assert _(vietnamese) == vietnamese


def test_choice_labels_from_each_app_render_in_english():
    # when
    with translation.override("en"):
        labels = [
            str(LegalForm.HOP_TAC_XA.label),
            str(LegalForm.HO_KINH_DOANH.label),
            str(ProducerStatus.APPROVED.label),
            str(CertificateStatus.REVOKED.label),
            str(IssuerLevel.PROVINCIAL.label),
            str(OrderStatus.UNFULFILLED.label),
            str(PaymentMethod.COD.label),
            str(TransactionEventType.CHARGE_SUCCESS.label),
        ]

    # then
    assert labels == [
        "Cooperative",
        "Household business",
        "Approved",
        "Revoked",
        "Provincial People's Committee",
        "Unfulfilled",
        "Cash on delivery",
        "Charge succeeded",
    ]


def test_plural_forms_in_english():
    # when
    with translation.override("en"):
        one, many = (
            ngettext(
                "Mã này đã được kiểm tra %(counter)s lần kể từ %(since)s.",
                "Mã này đã được kiểm tra %(counter)s lần kể từ %(since)s.",
                count,
            )
            % {"counter": count, "since": "01/07/2025"}
            for count in (1, 3)
        )

    # then
    assert one == "This code has been checked 1 time since 01/07/2025."
    assert many == "This code has been checked 3 times since 01/07/2025."


@pytest.mark.django_db
def test_graphql_error_follows_accept_language(api_client, user):
    # given
    cache.clear()
    variables = {"email": user.email, "password": "not-the-password"}
    assert variables["password"] != USER_PASSWORD

    # when
    default = json.loads(api_client.post_graphql(TOKEN_CREATE, variables).content)
    english = json.loads(
        api_client.post_graphql(TOKEN_CREATE, variables, HTTP_ACCEPT_LANGUAGE="en").content
    )
    cache.clear()

    # then
    default_error = default["data"]["tokenCreate"]
    english_error = english["data"]["tokenCreate"]
    assert default_error["token"] is None
    assert english_error["token"] is None
    assert default_error["errors"][0]["message"] == "Email hoặc mật khẩu không đúng."
    assert english_error["errors"][0]["message"] == "Incorrect email or password."
    assert english_error["errors"][0]["code"] == default_error["errors"][0]["code"]


@pytest.mark.django_db
def test_public_page_follows_accept_language(client):
    # when: a Digital Link that is not a GS1 key
    default = client.get("/01/not-a-gtin")
    english = client.get("/01/not-a-gtin", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    # then
    assert default.status_code == english.status_code == 400
    assert "Mã truy xuất không hợp lệ" in default.content.decode()
    assert "Invalid traceability code" in english.content.decode()
    assert english["Content-Language"] == "en"
