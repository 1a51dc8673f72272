"""Storefront test data: real products in a real channel, certificates through the services."""

from __future__ import annotations

from typing import Any

import pytest

from backend.channels.models import Channel
from backend.ocop.models import ApplicationStatus, Certificate
from tests.backend.catalog.factories import make_channel
from tests.backend.ocop.factories import World
from tests.backend.payments.fixtures import localstripe_url, payment_settings, stripe_settings
from tests.storefront_theme.factories import sell

__all__ = ["localstripe_url", "payment_settings", "stripe_settings"]


@pytest.fixture
def channel(db: Any) -> Channel:
    return make_channel()


@pytest.fixture
def certified(
    channel: Channel, django_capture_on_commit_callbacks: Any
) -> tuple[World, Certificate]:
    """The OCOP world's "Nem chua Thanh Hóa", on sale, with a four-star certificate."""
    world = World()
    sell(world.product, channel)
    with django_capture_on_commit_callbacks(execute=True):
        application = world.application(ApplicationStatus.CERTIFIED, total="75")
    return world, application.certificate
