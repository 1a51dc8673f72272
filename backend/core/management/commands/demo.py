"""Load the demo marketplace. Idempotent: running it twice changes nothing the second time."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from backend.catalog.demo import load_demo_catalogue
from backend.content.demo import load_demo_content
from backend.core.demo.catalogue import PRODUCERS
from backend.ocop.demo import load_ocop_demo
from backend.orders.demo import load_demo_orders
from backend.payments.demo import load_demo_payments
from backend.shipping.demo import load_demo_delivery
from producers import demo as producers_demo
from producers.models import Producer, ProducerStatus
from qr.demo import load_demo as load_qr_demo

DEMO_PASSWORD = "ocop-demo-2026"  # noqa: S105  (published demo credentials, never production)
DEMO_USERS = (
    ("admin@ocop.example", "Quản trị", "Nền tảng", True),
    ("shopper@ocop.example", "Lan", "Nguyễn", False),
)


class Command(BaseCommand):
    help = "Create the demo marketplace: users, producers, products, stock, certificates."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            self._users()
            self._producers()
            load_demo_catalogue()
            load_demo_content()
            load_demo_delivery()
            producers_demo.load(password=DEMO_PASSWORD)
            load_ocop_demo()  # after products: skips the ones not created
            load_demo_orders(get_user_model().objects.get(email="admin@ocop.example"))
            load_demo_payments()
            load_qr_demo(actor=get_user_model().objects.get(email="admin@ocop.example"))
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"Staff sign-in: admin@ocop.example / {DEMO_PASSWORD}")

    def _users(self) -> None:
        user_model = get_user_model()
        for email, first_name, last_name, is_staff in DEMO_USERS:
            user, created = user_model.objects.get_or_create(
                email=email,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "is_staff": is_staff,
                    "is_superuser": is_staff,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])

    def _producers(self) -> None:
        for demo in PRODUCERS:
            Producer.objects.unscoped().update_or_create(
                slug=demo.slug,
                defaults={
                    "name": demo.name,
                    "legal_name": demo.legal_name,
                    "legal_form": demo.legal_form,
                    "tax_code": demo.tax_code,
                    "province_code": demo.province_code,
                    "commune_code": demo.commune_code,
                    "street_address": demo.street_address,
                    "phone": demo.phone,
                    "description": demo.description,
                    "status": ProducerStatus.APPROVED,
                },
            )
