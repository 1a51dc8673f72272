import json

import pytest
from django.core.cache import cache
from graphql import get_introspection_query

from backend.graphql.views import document_cache

SHOP = "{ shop { name domain { host url } } }"


def _errors(response):
    return json.loads(response.content)["errors"]


def test_a_too_deep_query_is_refused_with_a_clear_error(api_client, settings):
    # given
    settings.GRAPHQL_MAX_DEPTH = 2

    # when
    response = api_client.post_graphql(SHOP)

    # then
    assert response.status_code == 400
    [error] = _errors(response)
    assert error["message"] == "The query is nested 3 levels deep; the maximum is 2."
    assert error["extensions"]["exception"]["code"] == "QueryTooDeep"


def test_depth_follows_fragments(api_client, settings):
    settings.GRAPHQL_MAX_DEPTH = 2
    query = "query { shop { ...S } } fragment S on Shop { domain { ... on Domain { host } } }"

    response = api_client.post_graphql(query)

    assert _errors(response)[0]["extensions"]["exception"]["code"] == "QueryTooDeep"


def test_a_too_costly_query_is_refused(api_client, settings):
    settings.GRAPHQL_MAX_COST = 3

    response = api_client.post_graphql(SHOP)

    assert response.status_code == 400
    [error] = _errors(response)
    assert error["extensions"]["exception"]["code"] == "QueryTooCostly"
    assert "cost is 5; the maximum is 3" in error["message"]


def test_introspection_passes_the_default_limits(api_client):
    response = api_client.post_graphql(get_introspection_query(descriptions=True))

    assert response.status_code == 200
    assert "errors" not in json.loads(response.content)


def test_an_oversized_body_is_refused_before_parsing(api_client, settings):
    # given
    settings.GRAPHQL_MAX_BODY_BYTES = 2048
    query = "{ shop { name } }" + " " * 4096

    # when
    response = api_client.post_graphql(query)

    # then
    assert response.status_code == 413
    [error] = _errors(response)
    assert error["extensions"]["exception"]["code"] == "RequestTooLarge"
    assert "2048 bytes" in error["message"]


def test_graphql_is_rate_limited_per_client(api_client, settings):
    # given
    settings.GRAPHQL_RATE_LIMIT = "3/60"
    cache.clear()

    # when
    statuses = [api_client.post_graphql("{ __typename }").status_code for _ in range(4)]
    other_client = api_client.post_graphql("{ __typename }", REMOTE_ADDR="10.0.0.9")
    refused = api_client.post_graphql("{ __typename }")

    # then
    assert statuses == [200, 200, 200, 429]
    assert other_client.status_code == 200
    assert int(refused["Retry-After"]) >= 1
    [error] = _errors(refused)
    assert error["extensions"]["exception"]["code"] == "TooManyRequests"


def test_documents_are_parsed_and_validated_once(api_client):
    # given
    document_cache.clear()

    # when
    first = api_client.post_graphql(SHOP)
    second = api_client.post_graphql(SHOP)
    api_client.post_graphql("{ __typename }")

    # then
    assert json.loads(first.content) == json.loads(second.content)
    assert len(document_cache) == 2


def test_a_cached_invalid_document_still_fails(api_client):
    document_cache.clear()

    responses = [api_client.post_graphql("{ noSuchField }") for _ in range(2)]

    assert [response.status_code for response in responses] == [400, 400]


@pytest.mark.parametrize("path", ["/healthz", "/graphql/"])
def test_pages_carry_a_content_security_policy(client, path):
    response = client.get(path, HTTP_ACCEPT="text/html")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
