import pytest

from backend.catalog.models import Product
from backend.catalog.search import normalise_query, search_products
from tests.backend.catalog.factories import make_channel, make_producer, make_product


@pytest.fixture
def catalogue(db):
    channel = make_channel()
    dong_son = make_producer("HTX Nem chua Đông Sơn")
    return {
        "nem": make_product("Nem chua Thanh Hóa", channel=channel, producer=dong_son),
        "mat_ong": make_product("Mật ong hoa nhãn Hưng Yên", channel=channel, product_set=4),
        "mam": make_product(
            "Mắm tép Hoằng Hóa", channel=channel, product_set=9, description="Mắm ủ chượp"
        ),
        "che": make_product("Chè lam Như Thanh", channel=channel, product_set=6),
    }


def names(text):
    return [p.name for p in search_products(Product.objects.all(), text).order_by("-search_rank")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nem chua thanh hoa", "Nem chua Thanh Hóa"),
        ("Nem chua Thanh Hóa", "Nem chua Thanh Hóa"),
        ("mat ong", "Mật ong hoa nhãn Hưng Yên"),
        ("MẬT ONG", "Mật ong hoa nhãn Hưng Yên"),
        ("nem chau", "Nem chua Thanh Hóa"),
        ("hoang hoa", "Mắm tép Hoằng Hóa"),
    ],
)
def test_search_with_or_without_diacritics_and_typos(catalogue, text, expected):
    # when
    found = names(text)

    # then
    assert found[0] == expected


def test_search_finds_products_by_their_producer(catalogue):
    # "Đông Sơn" is only in the producer's name (weight C).
    assert names("dong son") == ["Nem chua Thanh Hóa"]


def test_search_prefix_matches_a_partial_last_word(catalogue):
    assert names("mat o")[0] == "Mật ong hoa nhãn Hưng Yên"


def test_exact_name_match_ranks_first(db):
    # given
    channel = make_channel()
    longer = make_product("Nem chua Thanh Hóa đặc biệt loại 1", channel=channel)
    exact = make_product("Nem chua", channel=channel)

    # when
    found = list(search_products(Product.objects.all(), "nem chua").order_by("-search_rank"))

    # then
    assert found[0] == exact
    assert longer in found


ALL = {"Nem chua Thanh Hóa", "Mật ong hoa nhãn Hưng Yên", "Mắm tép Hoằng Hóa", "Chè lam Như Thanh"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'; DROP TABLE catalog_product; --", set()),
        ("nem' OR 1=1 --", set()),
        ("(nem|chua)+", {"Nem chua Thanh Hóa"}),
        ("nem:* | mat", {"Nem chua Thanh Hóa"}),
        ("%_%", set()),
        ("a" * 5000, set()),
        # No words at all: like an empty search, it filters nothing.
        (".*", ALL),
        ("!!! & | : * <-> ( )", ALL),
        ("\\", ALL),
        ("", ALL),
    ],
)
def test_metacharacters_are_only_text(catalogue, text, expected):
    # when
    found = names(text)

    # then
    assert set(found) == expected
    assert Product.objects.count() == 4


def test_normalise_query_keeps_words_only():
    assert normalise_query("nem' OR 1=1; --") == "nem OR 1 1"
    assert normalise_query("Mật-ong!") == "Mật ong"
