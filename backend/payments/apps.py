from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "backend.payments"
    label = "payments"
    verbose_name = "Payments"

    def ready(self) -> None:
        from backend.payments import checks  # noqa: F401  (registers the system checks)
