import json

import pytest

from producers.models import ProducerStatus

from .conftest import GTIN, GTIN14, LOT


def links_of(response) -> dict[str, str]:
    result = {}
    for part in response["Link"].split(", <"):
        href = part.lstrip("<").split(">")[0]
        rel = part.split('rel="')[1].split('"')[0]
        result[rel] = href
    return result


def test_resolver_redirects_to_the_trace_page_with_all_links(client, batch):
    # when
    response = client.get(f"/01/{GTIN14}/10/{LOT}")

    # then
    assert response.status_code == 307
    assert response["Location"] == f"http://testserver/trace/01/{GTIN14}/10/{LOT}"
    links = links_of(response)
    assert links["gs1:pip"] == "http://testserver/products/nem-chua-thanh-hoa/"
    assert links["gs1:traceability"] == response["Location"]
    assert links["gs1:epcis"] == f"http://testserver/trace/epcis/01/{GTIN14}/10/{LOT}"
    assert 'hreflang="vi"; hreflang="en"' in response["Link"]
    assert 'type="application/ld+json"' in response["Link"]


def test_resolver_accepts_a_gtin_13_and_keeps_the_serial(client, batch):
    # when
    response = client.get(f"/01/{GTIN}/10/{LOT}/21/ABC123")

    # then
    assert response.status_code == 307
    assert response["Location"].endswith(f"/trace/01/{GTIN14}/10/{LOT}/21/ABC123")


@pytest.mark.parametrize(
    ("link_type", "suffix"),
    [
        ("gs1:pip", "/products/nem-chua-thanh-hoa/"),
        ("pip", "/products/nem-chua-thanh-hoa/"),
        ("https://gs1.org/voc/epcis", f"/trace/epcis/01/{GTIN14}/10/{LOT}"),
        ("gs1:traceability", f"/trace/01/{GTIN14}/10/{LOT}"),
    ],
)
def test_resolver_link_type_selects_one_link(client, batch, link_type, suffix):
    # when
    response = client.get(f"/01/{GTIN14}/10/{LOT}", {"linkType": link_type})

    # then
    assert response.status_code == 307
    assert response["Location"] == "http://testserver" + suffix


@pytest.mark.parametrize("link_type", ["all", "linkset"])
def test_resolver_returns_an_rfc_9264_linkset(client, batch, link_type):
    # when
    response = client.get(f"/01/{GTIN14}/10/{LOT}", {"linkType": link_type})

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/linkset+json"
    [context] = json.loads(response.content)["linkset"]
    assert context["anchor"] == f"http://testserver/01/{GTIN14}/10/{LOT}"
    pip = context["https://gs1.org/voc/pip"][0]
    assert pip["href"] == "http://testserver/products/nem-chua-thanh-hoa/"
    assert pip["type"] == "text/html"
    assert pip["hreflang"] == ["vi", "en"]
    assert "https://gs1.org/voc/traceability" in context
    assert "https://gs1.org/voc/epcis" in context


def test_resolver_unknown_link_type_is_404(client, batch):
    # when
    response = client.get(f"/01/{GTIN14}/10/{LOT}", {"linkType": "gs1:recipeInfo"})

    # then
    assert response.status_code == 404


def test_resolver_walks_up_from_an_unknown_lot_to_the_gtin(client, batch):
    # when
    response = client.get(f"/01/{GTIN14}/10/UNKNOWN")

    # then
    assert response.status_code == 307
    assert response["Location"] == "http://testserver/products/nem-chua-thanh-hoa/"
    assert "gs1:traceability" not in links_of(response)


def test_resolver_finds_platform_identifiers(client, other_batch):
    # when
    response = client.get(f"/01/{other_batch.gtin}")

    # then
    assert response.status_code == 307
    assert response["Location"] == "http://testserver/products/mam-tep/"


def test_resolver_hides_batches_of_unapproved_producers(client, batch, producer):
    # given
    producer.status = ProducerStatus.SUSPENDED
    producer.save()

    # when
    response = client.get(f"/01/{GTIN14}/10/{LOT}")

    # then
    assert response.status_code == 404
    assert LOT.encode() not in response.content


def test_resolver_unknown_gtin_is_404(client, batch):
    # when
    response = client.get("/01/09506000134352/10/L1")

    # then
    assert response.status_code == 404
    assert "09506000134352" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/01/08931234567898/10/L1",  # wrong check digit
        "/01/0893123456789/10/L1",  # 13 digits padded wrongly -> bad check digit
        "/01/ABC/10/L1",
        "/01/08931234567897/10/L1/21/" + "S" * 21,  # oversized serial
        "/01/08931234567897/21/S1/10/L1",  # qualifiers out of order
        "/01/08931234567897/99/X",
        "/01/08931234567897/10/..",
        "/01/08931234567897/10/%2E%2E",
        "/01/08931234567897/10/a%2Fb",
        "/01/08931234567897/10/a%5Cb",
        "/01/08931234567897/10/",
    ],
)
def test_resolver_refuses_malformed_paths_with_a_clear_400(client, batch, path):
    # when
    response = client.get(path)

    # then
    assert response.status_code == 400
    body = response.content.decode()
    assert "Mã truy xuất không hợp lệ" in body
    assert "Nem chua" not in body


@pytest.mark.parametrize(
    "raw", [f"/01/{GTIN14}/10/..%2F..%2Fadmin", f"/01/{GTIN14}/10/%ZZ", f"/01/{GTIN14}/10/%2e%2e"]
)
def test_resolver_refuses_traversal_and_bad_escapes_on_the_raw_uri(client, batch, raw):
    # given: gunicorn passes the undecoded request line as RAW_URI

    # when
    response = client.get(f"/01/{GTIN14}/10/x", RAW_URI=raw + "?linkType=all")

    # then
    assert response.status_code == 400


def test_well_known_describes_the_resolver(client):
    # when
    response = client.get("/.well-known/gs1resolver")

    # then
    assert response.status_code == 200
    description = response.json()
    assert description["supportedPrimaryKeys"] == ["01"]
    assert "https://gs1.org/voc/pip" in description["supportedLinkType"]


def test_resolver_answers_head_and_refuses_post(client, batch):
    # when
    head = client.head(f"/01/{GTIN14}/10/{LOT}")
    post = client.post(f"/01/{GTIN14}/10/{LOT}")

    # then
    assert head.status_code == 307
    assert "gs1:pip" in head["Link"]
    assert post.status_code == 405
