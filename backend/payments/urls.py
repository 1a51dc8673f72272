from django.urls import path, re_path

from backend.payments import views

app_name = "payments"

urlpatterns = [
    path("bank-notices/", views.bank_notice, name="bank-notice"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    re_path(
        r"^statements/(?P<producer_id>[0-9]+)/(?P<year>[0-9]{4})-(?P<month>[0-9]{2})\.(?P<fmt>csv|xlsx)$",
        views.producer_statement,
        name="producer-statement",
    ),
]
