from django.urls import path

from backend.payments import views

app_name = "payments"

urlpatterns = [
    path("bank-notices/", views.bank_notice, name="bank-notice"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path(
        "statements/<int:producer_id>/<int:year>-<int:month>.<str:fmt>",
        views.producer_statement,
        name="producer-statement",
    ),
]
