from django.apps import AppConfig


class DiscountsConfig(AppConfig):
    name = "backend.discounts"
    label = "discounts"
    verbose_name = "Discounts"
