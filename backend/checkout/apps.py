from django.apps import AppConfig


class CheckoutConfig(AppConfig):
    name = "backend.checkout"
    label = "checkout"
    verbose_name = "Checkout"
