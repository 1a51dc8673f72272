from tests.backend.payments.fixtures import localstripe_url, payment_settings, stripe_settings

__all__ = ["localstripe_url", "payment_settings", "stripe_settings"]
