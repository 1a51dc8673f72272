import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from graphql_relay import to_global_id

from backend.catalog.models import (
    AssignedProductAttributeValue,
    Attribute,
    AttributeProduct,
    AttributeValue,
    Category,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    ProductTranslation,
)
from backend.content.models import Menu, MenuItem, Page
from backend.inventory.models import Allocation, Stock
from tests.backend.catalog.factories import make_channel, make_product
from tests.conftest import ApiClient, content


@pytest.fixture
def channel(db):
    return make_channel()


@pytest.fixture
def staff_api_client(db):
    user = get_user_model().objects.create_user(email="staff@ocop.example", is_staff=True)
    client = ApiClient(user=user)
    client.force_login(user)
    return client


PRODUCT = """
query($slug: String, $lang: LanguageCodeEnum) {
  product(slug: $slug, channel: "vn") {
    name description seoTitle isAvailableForPurchase rating
    translation(languageCode: EN) { name language { code } }
    attributes { attribute { slug } values { name } }
    variants { sku quantityAvailable pricing { price { gross { amount currency } } } }
    productVariants(first: 1) { totalCount edges { node { sku } } }
    media { alt url url32: url(size: 30) }
  }
  bySlugEn: product(slug: "nem-chua-en", slugLanguageCode: $lang, channel: "vn") { name }
}
"""


def test_product_detail_with_translation_attributes_variants_and_stock(api_client, channel):
    # given
    product = make_product("Nem chua", channel=channel, prices=(45_000, 210_000), stock=20)
    ProductTranslation.objects.create(
        product=product, language_code="en", name="Fermented pork", slug="nem-chua-en"
    )
    region = Attribute.objects.create(name="Vùng miền", slug="vung-mien")
    AttributeProduct.objects.create(attribute=region, product_type=product.product_type)
    value = AttributeValue.objects.create(attribute=region, name="Thanh Hóa", slug="thanh-hoa")
    AssignedProductAttributeValue.objects.create(product=product, value=value)
    stock = Stock.objects.get(product_variant__sku=f"{product.variants.first().sku}")
    Allocation.objects.create(stock=stock, quantity_allocated=5)
    stock.quantity_allocated = 5
    stock.save()

    # when
    response = api_client.post_graphql(PRODUCT, {"slug": product.slug, "lang": "EN"})

    # then
    data = content(response)["data"]
    detail = data["product"]
    assert detail["translation"] == {"name": "Fermented pork", "language": {"code": "EN"}}
    assert detail["attributes"] == [
        {"attribute": {"slug": "vung-mien"}, "values": [{"name": "Thanh Hóa"}]}
    ]
    assert [v["quantityAvailable"] for v in detail["variants"]] == [15, 20]
    assert detail["variants"][0]["pricing"]["price"]["gross"] == {
        "amount": 45000,
        "currency": "VND",
    }
    assert detail["productVariants"]["totalCount"] == 2
    assert detail["isAvailableForPurchase"] is True
    media_id = to_global_id("ProductMedia", product.media.get().pk)
    assert detail["media"][0]["url"].startswith("http://testserver/media/")
    assert detail["media"][0]["url32"] == f"http://testserver/thumbnail/{media_id}/32/"
    assert data["bySlugEn"] == {"name": "Nem chua"}


def test_product_variant_by_sku_and_variants_list(api_client, channel):
    # given
    product = make_product("Mật ong", channel=channel, prices=(100_000, 180_000))
    sku = product.variants.order_by("sku").first().sku

    # when
    one = content(
        api_client.post_graphql(
            'query($sku: String) { productVariant(sku: $sku, channel: "vn") '
            "{ sku product { name } pricing { price { gross { amount } } } } }",
            {"sku": sku},
        )
    )["data"]["productVariant"]
    many = content(
        api_client.post_graphql(
            '{ productVariants(first: 10, channel: "vn") { totalCount edges { node { sku } } } }'
        )
    )["data"]["productVariants"]

    # then
    assert one == {
        "sku": sku,
        "product": {"name": "Mật ong"},
        "pricing": {"price": {"gross": {"amount": 100000}}},
    }
    assert many["totalCount"] == 2


def test_categories_are_the_ocop_taxonomy(api_client, db):
    # when
    sectors = content(
        api_client.post_graphql(
            "{ categories(first: 100, level: 0) { totalCount edges { node { slug ocopSector "
            "children(first: 30) { totalCount } translation(languageCode: EN) { name } } } } }"
        )
    )["data"]["categories"]
    sets = content(api_client.post_graphql("{ categories(first: 100, level: 1) { totalCount } }"))

    # then
    assert sectors["totalCount"] == 6
    assert sum(e["node"]["children"]["totalCount"] for e in sectors["edges"]) == 26
    food = next(e["node"] for e in sectors["edges"] if e["node"]["ocopSector"] == "I")
    assert food["translation"] == {"name": "Food"}
    assert sets["data"]["categories"]["totalCount"] == 26


def test_category_products_include_the_sector_children(api_client, channel):
    # given
    product = make_product("Gạo", channel=channel, product_set=3)
    sector = Category.objects.get(slug="thuc-pham")

    # when
    data = content(
        api_client.post_graphql(
            'query($slug: String) { category(slug: $slug) { name products(first: 5, channel: "vn") '
            "{ edges { node { slug } } } } }",
            {"slug": sector.slug},
        )
    )["data"]["category"]

    # then
    assert data["products"]["edges"] == [{"node": {"slug": product.slug}}]


def test_collections_respect_publication(api_client, staff_api_client, channel):
    # given
    product = make_product("Chè lam", channel=channel)
    shown = Collection.objects.create(name="Nổi bật", slug="noi-bat")
    hidden = Collection.objects.create(name="Sắp ra mắt", slug="sap-ra-mat")
    CollectionChannelListing.objects.create(collection=shown, channel=channel, is_published=True)
    CollectionChannelListing.objects.create(collection=hidden, channel=channel, is_published=False)
    CollectionProduct.objects.create(collection=shown, product=product)
    query = (
        '{ collections(first: 10, channel: "vn") { edges { node { slug channel '
        "products(first: 5) { edges { node { name } } } } } } }"
    )

    # when
    shopper = content(api_client.post_graphql(query))["data"]["collections"]["edges"]
    staff = content(staff_api_client.post_graphql(query))["data"]["collections"]["edges"]

    # then
    assert shopper == [
        {
            "node": {
                "slug": "noi-bat",
                "channel": "vn",
                "products": {"edges": [{"node": {"name": "Chè lam"}}]},
            }
        }
    ]
    assert {edge["node"]["slug"] for edge in staff} == {"noi-bat", "sap-ra-mat"}


def test_channels_are_staff_only_and_channel_is_public_when_active(
    api_client, staff_api_client, channel
):
    # given
    make_channel("b2b", is_active=False)

    # when
    denied = api_client.post_graphql("{ channels { slug } }").json()
    listed = content(staff_api_client.post_graphql("{ channels { slug currencyCode } }"))
    public = content(
        api_client.post_graphql(
            '{ vn: channel(slug: "vn") { slug currencyCode defaultCountry { code } } '
            'b2b: channel(slug: "b2b") { slug } }'
        )
    )

    # then
    assert denied["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert denied["data"] == {"channels": None}
    assert listed["data"]["channels"] == [
        {"slug": "b2b", "currencyCode": "VND"},
        {"slug": "vn", "currencyCode": "VND"},
    ]
    assert public["data"] == {
        "vn": {"slug": "vn", "currencyCode": "VND", "defaultCountry": {"code": "VN"}},
        "b2b": None,
    }


def test_menu_and_pages(api_client, db):
    # given
    about = Page.objects.create(
        title="Giới thiệu", slug="gioi-thieu", is_published=True, published_at=timezone.now()
    )
    Page.objects.create(title="Nháp", slug="nhap", is_published=False)
    menu = Menu.objects.create(name="navbar", slug="navbar")
    food = MenuItem.objects.create(
        menu=menu, name="Thực phẩm", category=Category.objects.get(slug="thuc-pham")
    )
    MenuItem.objects.create(menu=menu, parent=food, name="Giới thiệu", page=about)

    # when
    data = content(
        api_client.post_graphql(
            '{ menu(slug: "navbar") { items { name level category { slug } '
            "children { name level page { slug } } } } "
            "pages(first: 10) { totalCount edges { node { slug title } } } "
            'page(slug: "nhap") { title } }'
        )
    )["data"]

    # then
    assert data["menu"]["items"] == [
        {
            "name": "Thực phẩm",
            "level": 0,
            "category": {"slug": "thuc-pham"},
            "children": [{"name": "Giới thiệu", "level": 1, "page": {"slug": "gioi-thieu"}}],
        }
    ]
    assert data["pages"]["totalCount"] == 1
    assert data["page"] is None
