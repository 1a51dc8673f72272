import pytest
from django.core.exceptions import ValidationError

from backend.catalog.models import Product, ProductVariant
from backend.catalog.search import search_products
from backend.catalog.services import product_save, product_search_index_update
from backend.catalog.tasks import update_products_search_vector_task
from backend.core.errors import PermissionDenied
from tests.backend.catalog.factories import make_channel, make_product


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(email="staff@ocop.example", is_staff=True)


def found(text):
    return list(search_products(Product.objects.all(), text))


def test_saving_a_product_refreshes_its_search_index(db, staff):
    # given
    product = make_product("Nem chua", channel=make_channel())

    # when
    product.name = "Mật ong rừng"
    product_save(actor=staff, product=product)

    # then
    assert found("mat ong rung") == [product]
    assert found("nem chua") == []
    assert product.search_name == "mat ong rung"


def test_only_staff_may_save_and_bad_data_is_refused(db, django_user_model, staff):
    # given
    product = make_product("Nem chua", channel=make_channel())
    shopper = django_user_model.objects.create_user(email="b@ocop.example")

    # when / then
    product.name = "Đổi tên"
    with pytest.raises(PermissionDenied):
        product_save(actor=shopper, product=product)
    product.name = ""
    with pytest.raises(ValidationError) as error:
        product_save(actor=staff, product=product)
    assert "name" in error.value.error_dict
    product.refresh_from_db()
    assert product.name == "Nem chua"


def test_gtin_check_digit_is_validated(db):
    variant = ProductVariant(
        product=make_product("Nem", channel=None), sku="X-1", gtin="8931234567890"
    )

    with pytest.raises(ValidationError) as error:
        variant.full_clean()

    assert error.value.error_dict["gtin"][0].code == "invalid"
    variant.gtin = "8931234567897"
    variant.full_clean()


def test_rebuild_task_and_command_reindex_dirty_or_all_products(db):
    # given
    product = make_product("Chè lam", channel=make_channel())
    Product.objects.filter(pk=product.pk).update(name="Gạo tám", search_index_dirty=True)

    # when
    updated = update_products_search_vector_task.delay().get()

    # then
    assert updated == 1
    assert found("gao tam") == [Product.objects.get(pk=product.pk)]
    assert product_search_index_update() == Product.objects.count()
