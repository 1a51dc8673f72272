"""Fixtures shared by the GraphQL tests."""

import pytest
from django.core.cache import cache


@pytest.fixture
def response_cache(settings):
    """The anonymous whole-response cache switched on (test settings turn it off), empty."""
    settings.GRAPHQL_RESPONSE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()
