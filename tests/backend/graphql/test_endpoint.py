import json
from pathlib import Path

from backend.graphql.management.commands.export_schema import printed_schema
from tests.conftest import content

ROOT = Path(__file__).resolve().parents[3]


def test_typename_over_http(api_client):
    # when
    response = api_client.post_graphql("{ __typename }")

    # then
    assert response.status_code == 200
    assert content(response)["data"] == {"__typename": "Query"}


def test_shop_describes_the_marketplace(api_client):
    response = api_client.post_graphql(
        "{ shop { name defaultCountry { code } languages { code } } }"
    )

    shop = content(response)["data"]["shop"]
    assert shop["name"] == "OCOP Market"
    assert shop["defaultCountry"]["code"] == "VN"
    assert [language["code"] for language in shop["languages"]] == ["vi", "en"]


def test_malformed_json_body_is_a_400_with_a_graphql_error(api_client):
    # when
    response = api_client.post("/graphql/", "{not json", content_type="application/json")

    # then
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["errors"][0]["message"]


def test_query_syntax_error_is_a_400_not_a_500(api_client):
    response = api_client.post_graphql("{ shop { ")

    assert response.status_code == 400
    assert "Syntax Error" in json.loads(response.content)["errors"][0]["message"]


def test_unknown_field_is_a_validation_error(api_client):
    response = api_client.post_graphql("{ noSuchField }")

    assert response.status_code == 400
    assert json.loads(response.content)["errors"]


def test_get_in_a_browser_serves_graphiql(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert b"graphiql" in response.content.lower()


def test_committed_schema_is_up_to_date():
    committed = (ROOT / "schema.graphql").read_text()

    assert committed == printed_schema(), "schema.graphql is stale: run `make schema`"


def test_whole_amounts_render_without_a_fraction():
    from backend.graphql.views import _whole_floats_as_ints

    assert _whole_floats_as_ints({"a": [85000.0, 4.5, {"b": 0.0}], "c": "x"}) == {
        "a": [85000, 4.5, {"b": 0}],
        "c": "x",
    }
