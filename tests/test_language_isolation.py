"""Each test starts in the default language, whatever the test before it asked for
(the autouse fixture in tests/conftest.py). Fails when run in this order without it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation


@pytest.mark.django_db
def test_a_request_in_english_switches_the_thread_to_english(client):
    client.get("/graphql/", HTTP_ACCEPT_LANGUAGE="en")

    assert translation.get_language() == "en"


def test_the_next_test_starts_in_the_default_language():
    assert translation.get_language() == settings.LANGUAGE_CODE == "vi"
