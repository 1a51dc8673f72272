from django.apps import AppConfig


class QrConfig(AppConfig):
    name = "qr"
    label = "qr"
    verbose_name = "Traceability"

    def ready(self) -> None:
        # Imported here: signal wiring needs the app registry to be ready.
        from qr import signals

        signals.connect()
