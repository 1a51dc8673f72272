from django.urls import path

from backend.ocop import views

app_name = "ocop"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/",
        views.document_download,
        name="document",
    ),
    path("certificates/<str:number>/revoke/", views.certificate_revoke, name="revoke"),
    path("statistics/", views.statistics, name="statistics"),
]
