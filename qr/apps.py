from django.apps import AppConfig


class QrConfig(AppConfig):
    name = "qr"
    label = "qr"
    verbose_name = "Traceability"
