from django.test import override_settings

from qr.gs1 import build_digital_link, parse_digital_link_path
from qr.serials import ALPHABET, SERIAL_LENGTH, new_serial, serial_is_signed

GTIN14 = "08931234567897"


def test_new_serial_is_signed_for_its_batch_only():
    # when
    serial = new_serial(gtin=GTIN14, lot="L1")

    # then
    assert len(serial) == SERIAL_LENGTH == 20
    assert set(serial) <= set(ALPHABET)
    assert serial_is_signed(serial, gtin=GTIN14, lot="L1")
    assert not serial_is_signed(serial, gtin=GTIN14, lot="L2")
    assert not serial_is_signed(serial, gtin="08931234567880", lot="L1")


def test_serials_are_random_and_travel_in_a_digital_link():
    # when
    serials = {new_serial(gtin=GTIN14, lot="L1") for _ in range(500)}

    # then
    assert len(serials) == 500
    serial = serials.pop()
    link = build_digital_link(base_url="https://ocop.example", gtin=GTIN14, lot="L1", serial=serial)
    assert parse_digital_link_path(link.removeprefix("https://ocop.example")).serial == serial


def test_counting_or_editing_a_serial_breaks_its_signature():
    # given
    serial = new_serial(gtin=GTIN14, lot="L1")
    last = ALPHABET.index(serial[12])
    counted = serial[:12] + ALPHABET[(last + 1) % 32] + serial[13:]

    # then
    assert not serial_is_signed(counted, gtin=GTIN14, lot="L1")
    assert not serial_is_signed(serial[:-1], gtin=GTIN14, lot="L1")
    assert not serial_is_signed(serial.lower(), gtin=GTIN14, lot="L1")
    assert not serial_is_signed("0" * 20, gtin=GTIN14, lot="L1")


def test_serials_signed_with_another_key_are_refused():
    # given
    with override_settings(QR_SIGNING_KEY="another-key-" + "x" * 40):
        serial = new_serial(gtin=GTIN14, lot="L1")

    # then
    assert not serial_is_signed(serial, gtin=GTIN14, lot="L1")
