import json

import pytest
from graphql_relay import to_global_id

from backend.accounts.addresses import address_create
from backend.accounts.models import Address, User
from tests.conftest import USER_PASSWORD, content

pytestmark = pytest.mark.django_db

ADDRESS_FIELDS = """
  id city countryArea provinceCode wardCode phone country { code }
  isDefaultShippingAddress isDefaultBillingAddress
"""
CREATE = f"""
mutation($input: AddressInput!, $type: AddressTypeEnum) {{
  accountAddressCreate(input: $input, type: $type) {{
    address {{ {ADDRESS_FIELDS} }} user {{ defaultShippingAddress {{ id }} }}
    errors {{ field code message }}
  }}
}}
"""
UPDATE = f"""
mutation($id: ID!, $input: AddressInput!) {{
  accountAddressUpdate(id: $id, input: $input) {{
    address {{ {ADDRESS_FIELDS} }} errors {{ field code }}
  }}
}}
"""
DELETE = """
mutation($id: ID!) {
  accountAddressDelete(id: $id) {
    address { id } user { addresses { id } } errors { field code }
  }
}
"""
SET_DEFAULT = """
mutation($id: ID!, $type: AddressTypeEnum!) {
  accountSetDefaultAddress(id: $id, type: $type) {
    user { defaultBillingAddress { id } defaultShippingAddress { id } } errors { field code }
  }
}
"""
ME = """
{ me { email addresses { id city isDefaultShippingAddress }
       defaultShippingAddress { id } defaultBillingAddress { id } } }
"""
RULES = """
query($area: String) {
  addressValidationRules(countryCode: VN, countryArea: $area) {
    countryCode countryName countryAreaType cityType requiredFields
    countryAreaChoices { raw verbose } cityChoices { raw verbose }
  }
}
"""
HANOI = {"streetAddress1": "12 Điện Biên Phủ", "city": "ba dinh", "countryArea": "ha noi"}


@pytest.fixture
def other_user(db):
    return User.objects.create_user("binh@example.com", USER_PASSWORD)


@pytest.fixture
def other_address(other_user):
    return address_create(
        actor=other_user,
        data={"street_address_1": "5 Lê Lợi", "city": "Ba Đình", "country_area": "Hà Nội"},
    )


def test_create_stores_canonical_names_codes_and_e164_phone(user_api_client, user):
    # when
    data = content(
        user_api_client.post_graphql(CREATE, {"input": {**HANOI, "phone": "0912345678"}})
    )["data"]["accountAddressCreate"]

    # then
    assert data["errors"] == []
    address = data["address"]
    assert address["city"] == "Phường Ba Đình"
    assert address["countryArea"] == "Thành phố Hà Nội"
    assert (address["provinceCode"], address["wardCode"]) == ("01", "00004")
    assert address["phone"] == "+84912345678"
    assert address["country"] == {"code": "VN"}
    # the first address becomes both defaults
    assert address["isDefaultShippingAddress"] is True
    assert address["isDefaultBillingAddress"] is True
    assert data["user"]["defaultShippingAddress"]["id"] == address["id"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"city": "15724"}, [("city", "INVALID")]),  # a Thanh Hóa commune in Hà Nội
        ({"countryArea": "Hà Giang"}, [("countryArea", "INVALID")]),  # old province, wrong commune
        ({"phone": "+12025550123"}, [("phone", "INVALID")]),
        ({"countryArea": "Nowhere"}, [("countryArea", "INVALID")]),
        ({"streetAddress1": ""}, [("streetAddress1", "REQUIRED")]),
        ({"postalCode": "ABC"}, [("postalCode", "INVALID")]),
    ],
)
def test_create_bad_input_returns_stable_codes_and_writes_nothing(
    user_api_client, user, changes, expected
):
    # when
    data = content(user_api_client.post_graphql(CREATE, {"input": {**HANOI, **changes}}))["data"][
        "accountAddressCreate"
    ]

    # then
    assert [(e["field"], e["code"]) for e in data["errors"]] == expected
    assert data["address"] is None
    assert Address.objects.count() == 0
    user.refresh_from_db()
    assert user.default_shipping_address_id is None


def test_foreign_phone_error_message_says_vietnamese_numbers_only(user_api_client):
    data = content(
        user_api_client.post_graphql(CREATE, {"input": {**HANOI, "phone": "+33123456789"}})
    )

    message = data["data"]["accountAddressCreate"]["errors"][0]["message"]
    assert "+84" in message
    assert "+33123456789" in message


def test_create_with_old_province_name_maps_to_the_current_province(user_api_client):
    # given: Hà Giang province joined Tuyên Quang on 1 July 2025
    data = content(
        user_api_client.post_graphql(
            CREATE,
            {
                "input": {
                    "streetAddress1": "Thôn 1",
                    "city": "Phường Hà Giang 1",
                    "countryArea": "ha giang",
                }
            },
        )
    )["data"]["accountAddressCreate"]

    assert data["errors"] == []
    assert data["address"]["countryArea"] == "Tỉnh Tuyên Quang"
    assert data["address"]["provinceCode"] == "08"


def test_create_with_type_sets_that_default(user_api_client, user):
    first = address_create(
        actor=user, data={"street_address_1": "1", "city": "Ba Đình", "country_area": "01"}
    )

    data = content(user_api_client.post_graphql(CREATE, {"input": HANOI, "type": "BILLING"}))[
        "data"
    ]["accountAddressCreate"]

    user.refresh_from_db()
    assert user.default_shipping_address_id == first.pk
    assert to_global_id("Address", user.default_billing_address_id) == data["address"]["id"]


def test_update_revalidates_the_whole_address(user_api_client, user):
    address = address_create(
        actor=user, data={"street_address_1": "1", "city": "Ba Đình", "country_area": "01"}
    )
    address_id = to_global_id("Address", address.pk)

    moved = content(
        user_api_client.post_graphql(
            UPDATE, {"id": address_id, "input": {"city": "Hoàn Kiếm", "phone": "84987654321"}}
        )
    )["data"]["accountAddressUpdate"]
    wrong = content(
        user_api_client.post_graphql(
            UPDATE, {"id": address_id, "input": {"countryArea": "Thanh Hóa"}}
        )
    )["data"]["accountAddressUpdate"]

    assert moved["errors"] == []
    assert moved["address"]["city"] == "Phường Hoàn Kiếm"
    assert moved["address"]["phone"] == "+84987654321"
    # a province change alone leaves a commune that is not in it
    assert wrong["errors"] == [{"field": "city", "code": "INVALID"}]
    address.refresh_from_db()
    assert address.country_area == "Thành phố Hà Nội"


def test_another_users_address_cannot_be_updated_deleted_or_made_default(
    user_api_client, other_address
):
    address_id = to_global_id("Address", other_address.pk)

    updated = content(
        user_api_client.post_graphql(UPDATE, {"id": address_id, "input": {"firstName": "X"}})
    )
    deleted = content(user_api_client.post_graphql(DELETE, {"id": address_id}))
    default = content(
        user_api_client.post_graphql(SET_DEFAULT, {"id": address_id, "type": "SHIPPING"})
    )

    not_found = [{"field": "id", "code": "NOT_FOUND"}]
    assert updated["data"]["accountAddressUpdate"] == {"address": None, "errors": not_found}
    assert deleted["data"]["accountAddressDelete"]["errors"] == not_found
    assert default["data"]["accountSetDefaultAddress"]["errors"] == not_found
    other_address.refresh_from_db()
    assert other_address.first_name == ""
    assert Address.objects.filter(pk=other_address.pk).exists()


def test_missing_address_answers_the_same_not_found(user_api_client):
    data = content(user_api_client.post_graphql(DELETE, {"id": to_global_id("Address", 999999)}))

    assert data["data"]["accountAddressDelete"]["errors"] == [{"field": "id", "code": "NOT_FOUND"}]


@pytest.mark.parametrize("bad_id", ["junk", to_global_id("User", 1)])
def test_malformed_or_wrong_type_id(user_api_client, bad_id):
    data = content(user_api_client.post_graphql(DELETE, {"id": bad_id}))

    assert data["data"]["accountAddressDelete"]["errors"] == [
        {"field": "id", "code": "GRAPHQL_ERROR"}
    ]


def test_delete_removes_the_address_and_the_default(user_api_client, user):
    address = address_create(
        actor=user, data={"street_address_1": "1", "city": "Ba Đình", "country_area": "01"}
    )

    data = content(
        user_api_client.post_graphql(DELETE, {"id": to_global_id("Address", address.pk)})
    )["data"]["accountAddressDelete"]

    assert data["errors"] == []
    assert data["address"]["id"] == to_global_id("Address", address.pk)
    assert data["user"]["addresses"] == []
    user.refresh_from_db()
    assert user.default_shipping_address_id is None


def test_set_default_address(user_api_client, user):
    address_create(
        actor=user, data={"street_address_1": "1", "city": "Ba Đình", "country_area": "01"}
    )
    second = address_create(
        actor=user, data={"street_address_1": "2", "city": "Hoàn Kiếm", "country_area": "01"}
    )
    second_id = to_global_id("Address", second.pk)

    data = content(user_api_client.post_graphql(SET_DEFAULT, {"id": second_id, "type": "BILLING"}))[
        "data"
    ]["accountSetDefaultAddress"]

    assert data["errors"] == []
    assert data["user"]["defaultBillingAddress"] == {"id": second_id}
    assert data["user"]["defaultShippingAddress"] != {"id": second_id}


def test_anonymous_cannot_create_addresses(api_client):
    response = api_client.post_graphql(CREATE, {"input": HANOI})

    assert (
        json.loads(response.content)["errors"][0]["extensions"]["exception"]["code"]
        == "PermissionDenied"
    )
    assert Address.objects.count() == 0


def test_me_with_addresses_uses_a_constant_number_of_queries(
    user_api_client, user, django_assert_num_queries
):
    # given
    for street in ("1", "2", "3", "4", "5"):
        address_create(
            actor=user, data={"street_address_1": street, "city": "Ba Đình", "country_area": "01"}
        )

    # when: one query for the token's user (with its defaults), one for the address book
    with django_assert_num_queries(2):
        data = content(user_api_client.post_graphql(ME))["data"]["me"]

    # then
    assert len(data["addresses"]) == 5
    assert [a["isDefaultShippingAddress"] for a in data["addresses"]] == [
        True,
        False,
        False,
        False,
        False,
    ]
    assert data["defaultShippingAddress"]["id"] == data["addresses"][0]["id"]


def test_address_validation_rules_for_vietnam(api_client):
    # when
    rules = content(api_client.post_graphql(RULES))["data"]["addressValidationRules"]
    thanh_hoa = content(api_client.post_graphql(RULES, {"area": "Thanh Hoá"}))["data"][
        "addressValidationRules"
    ]

    # then
    assert rules["countryCode"] == "VN"
    assert rules["countryName"] == "Việt Nam"
    assert rules["countryAreaType"] == "province"
    assert rules["cityType"] == "commune"
    assert len(rules["countryAreaChoices"]) == 34
    assert rules["cityChoices"] == []
    assert len(thanh_hoa["cityChoices"]) == 166
    assert {"raw": "Xã Đồng Tiến", "verbose": "Xã Đồng Tiến"} in thanh_hoa["cityChoices"]


def test_address_validation_rules_refuse_other_countries(api_client):
    response = api_client.post_graphql(
        "{ addressValidationRules(countryCode: US) { countryCode } }"
    )

    assert response.status_code == 400
