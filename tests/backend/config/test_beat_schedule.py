"""Every Celery beat entry names a task the worker knows; the search refresh does its job."""

from __future__ import annotations

from django.conf import settings

from backend.catalog.models import Product
from backend.config.celery import app
from tests.backend.catalog.factories import make_channel, make_product


def registered_tasks():
    app.loader.import_default_modules()  # what a worker does at start: every app's tasks.py
    return app.tasks


def test_every_beat_entry_names_a_registered_task():
    # when
    unknown = {
        name: entry["task"]
        for name, entry in settings.CELERY_BEAT_SCHEDULE.items()
        if entry["task"] not in registered_tasks()
    }

    # then
    assert unknown == {}
    assert {
        "webhooks-resend-pending",
        "ocop-certificates-daily",
        "orders.expire_unpaid_orders",
        "catalog-search-refresh",
        "qr-drain-scans",
    } <= set(settings.CELERY_BEAT_SCHEDULE)


def test_catalog_search_refresh_rebuilds_only_dirty_products(db):
    # given
    channel = make_channel()
    dirty = make_product("Nem chua", channel=channel, with_image=False)
    clean = make_product("Mật ong", channel=channel, with_image=False)
    Product.objects.filter(pk=dirty.pk).update(
        name="Chè Shan tuyết", search_index_dirty=True, search_name="cu"
    )
    Product.objects.filter(pk=clean.pk).update(search_index_dirty=False, search_name="giu nguyen")
    task = registered_tasks()[settings.CELERY_BEAT_SCHEDULE["catalog-search-refresh"]["task"]]

    # when
    refreshed = task.apply().get()

    # then
    assert refreshed == 1
    dirty.refresh_from_db()
    clean.refresh_from_db()
    assert (dirty.search_index_dirty, dirty.search_name) == (False, "che shan tuyet")
    assert clean.search_name == "giu nguyen"
