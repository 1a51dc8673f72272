from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "backend.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from backend.core import metrics
        from backend.webhooks.selectors import webhook_metrics

        metrics.register(webhook_metrics)
