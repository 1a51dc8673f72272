from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from backend.accounts.models import Address, User
from tests.conftest import USER_PASSWORD, make_user
from tests.storefront_theme.purchase_factories import ADDRESS, BA_DINH, make_shop, place, ready

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "Rat-kho-doan-2026"


def _confirm_link(mailoutbox) -> str:
    body = mailoutbox[-1].body
    url = next(word for word in body.split() if "token=" in word)
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_register_confirm_by_email_then_sign_in(mailoutbox, django_capture_on_commit_callbacks):
    # given
    client = Client()

    # when
    with django_capture_on_commit_callbacks(execute=True):
        registered = client.post(
            "/tai-khoan/dang-ky/",
            {"email": "Mai@Example.com", "password": NEW_PASSWORD, "first_name": "Mai"},
        )
    refused = client.post(
        "/tai-khoan/dang-nhap/", {"email": "mai@example.com", "password": NEW_PASSWORD}
    )
    client.get(_confirm_link(mailoutbox))
    signed_in = client.post(
        "/tai-khoan/dang-nhap/", {"email": "mai@example.com", "password": NEW_PASSWORD}
    )

    # then
    assert registered.url == "/tai-khoan/dang-nhap/"
    assert "Tài khoản cần được xác nhận qua email." in refused.content.decode()
    assert signed_in.url == "/tai-khoan/"
    assert "mai@example.com" in client.get("/tai-khoan/").content.decode()


def test_register_with_a_weak_password_or_bad_email_says_why():
    # when
    response = Client().post("/tai-khoan/dang-ky/", {"email": "not-an-email", "password": "1"})

    # then
    assert response.status_code == 400
    assert "Địa chỉ email không hợp lệ." in response.content.decode()
    assert User.objects.count() == 0


def test_a_wrong_password_does_not_sign_in(user):
    # when
    client = Client()
    response = client.post(
        "/tai-khoan/dang-nhap/", {"email": user.email, "password": "wrong-password"}
    )

    # then
    assert response.status_code == 400
    assert "Email hoặc mật khẩu không đúng." in response.content.decode()
    assert client.get("/tai-khoan/").status_code == 302


def test_sign_out_ends_the_session(user):
    # given
    client = Client()
    client.post("/tai-khoan/dang-nhap/", {"email": user.email, "password": USER_PASSWORD})

    # when
    client.post("/tai-khoan/dang-xuat/")

    # then
    assert client.get("/tai-khoan/").url.startswith("/tai-khoan/dang-nhap/")


def test_the_guest_cart_becomes_the_shoppers_on_sign_in(user):
    # given
    shop, client = make_shop(), Client()
    token = ready(client, shop)

    # when
    client.post("/tai-khoan/dang-nhap/", {"email": user.email, "password": USER_PASSWORD})
    place(client, shop, token)

    # then
    assert user.orders.count() == 1


def test_the_orders_list_shows_only_own_orders_in_constant_queries(
    user, django_assert_max_num_queries
):
    # given
    shop, client, other = make_shop(), Client(), Client()
    client.force_login(user)
    place(client, shop, ready(client, shop))
    place(client, shop, ready(client, shop))
    place(other, shop, ready(other, shop))

    # when
    with django_assert_max_num_queries(6):
        page = client.get("/tai-khoan/don-hang/").content.decode()

    # then
    assert page.count("sf-order-row") == 2


def test_addresses_add_refuse_edit_default_and_delete(user):
    # given
    client = Client()
    client.force_login(user)
    fields = {k: v for k, v in ADDRESS.items() if k != "email"}

    # when
    refused = client.post("/tai-khoan/dia-chi/", {**fields, "city": BA_DINH})
    client.post("/tai-khoan/dia-chi/", fields)
    address = Address.objects.get(user=user)
    client.post(f"/tai-khoan/dia-chi/{address.pk}/", {**fields, "street_address_1": "3 Trần Phú"})

    # then
    assert refused.status_code == 400
    assert "không thuộc Tỉnh Thanh Hóa" in refused.content.decode()
    address.refresh_from_db()
    user.refresh_from_db()
    assert address.street_address_1 == "3 Trần Phú" and address.ward_code == "14758"
    assert user.default_shipping_address_id == address.pk
    client.post(f"/tai-khoan/dia-chi/{address.pk}/mac-dinh/")
    client.post(f"/tai-khoan/dia-chi/{address.pk}/xoa/")
    assert Address.objects.filter(user=user).count() == 0


def test_another_persons_address_is_not_found(user):
    # given
    stranger = make_user("stranger@example.com")
    theirs = Address.objects.create(user=stranger, street_address_1="x", city="y")
    client = Client()
    client.force_login(user)

    # when
    edit = client.get(f"/tai-khoan/dia-chi/{theirs.pk}/")
    delete = client.post(f"/tai-khoan/dia-chi/{theirs.pk}/xoa/")

    # then
    assert edit.status_code == delete.status_code == 404
    assert Address.objects.filter(pk=theirs.pk).exists()


def test_delete_account_by_the_emailed_link(user, mailoutbox, django_capture_on_commit_callbacks):
    # given
    client = Client()
    client.force_login(user)

    # when
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/tai-khoan/xoa/")
    token = parse_qs(urlsplit(_confirm_link(mailoutbox)).query)["token"][0]
    bad = client.post("/tai-khoan/xoa/", {"token": "nope"})
    done = client.post("/tai-khoan/xoa/", {"token": token})

    # then
    assert bad.status_code == 400
    assert done.url == "/tai-khoan/dang-nhap/"
    user.refresh_from_db()
    assert not user.is_active and user.email.endswith("@deleted.invalid")
