import pytest

from backend.ocop import certificate_services
from backend.ocop.models import ApplicationStatus
from tests.backend.ocop.factories import make_product

pytestmark = pytest.mark.django_db


def test_registry_finds_a_certificate_by_number_product_producer_and_province(client, certified):
    # given
    _world, certificate = certified

    # when
    searches = [
        {"q": certificate.number},
        {"q": "nem chua thanh hoa"},
        {"q": "Đông Sơn"},
        {"province": "38"},
        {"stars": "4", "status": "active"},
    ]
    bodies = [client.get("/ocop/chung-nhan/", params).content.decode() for params in searches]
    misses = [
        client.get("/ocop/chung-nhan/", params).content.decode()
        for params in ({"q": "mật ong"}, {"province": "01"}, {"status": "revoked"})
    ]

    # then
    for body in bodies:
        assert f'href="/ocop/certificates/{certificate.number}/"' in body
        assert "Còn hiệu lực" in body
    for body in misses:
        assert certificate.number not in body


def test_registry_shows_a_revocation_at_once(client, certified):
    # given
    world, certificate = certified
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
    )

    # when
    body = client.get("/ocop/chung-nhan/", {"q": certificate.number}).content.decode()

    # then
    assert 'class="status status-revoked">Đã thu hồi<' in body


def test_verification_page_states_validity_and_links_the_product(client, certified):
    # given
    _world, certificate = certified

    # when
    body = client.get(f"/ocop/certificates/{certificate.number}/").content.decode()

    # then
    assert "Còn hiệu lực: sản phẩm đạt OCOP 4 sao." in body
    assert certificate.issuing_body in body and certificate.decision_number in body
    assert 'href="/san-pham/nem-chua-thanh-hoa/"' in body


def test_verification_of_a_revoked_certificate_shows_no_stars(client, certified):
    # given
    world, certificate = certified
    certificate_services.certificate_revoke(
        actor=world.approver, certificate=certificate, reason="Vi phạm an toàn thực phẩm"
    )

    # when
    body = client.get(f"/ocop/certificates/{certificate.number}/").content.decode()

    # then
    assert "Chứng nhận không còn hiệu lực (Đã thu hồi)." in body
    assert "★" not in body


def test_an_unknown_certificate_number_is_a_clear_404(client, db):
    # when
    response = client.get("/ocop/certificates/OCOP-GIA-999/")

    # then
    assert response.status_code == 404
    assert "Không có chứng nhận OCOP nào mang số “OCOP-GIA-999”" in response.content.decode()


@pytest.mark.parametrize("extra", [0, 25])
def test_registry_renders_in_constant_queries(
    client, certified, django_capture_on_commit_callbacks, django_assert_max_num_queries, extra
):
    # given
    world, _certificate = certified
    for number in range(extra):
        product = make_product(world.producer, f"san-pham-{number}")
        with django_capture_on_commit_callbacks(execute=True):
            world.application(ApplicationStatus.CERTIFIED, product=product)

    # when
    with django_assert_max_num_queries(3):
        response = client.get("/ocop/chung-nhan/")

    # then
    assert response.status_code == 200
    assert response.content.decode().count('href="/ocop/certificates/') == 1 + extra
