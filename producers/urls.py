"""Two URL sets: the producer workspace (/workspace/) and staff review (/staff/producers/)."""

from django.urls import path

from producers import views

workspace_patterns = [
    path("", views.workspace_index, name="workspace"),
    path("register/", views.producer_register, name="register"),
    path("documents/<str:token>/", views.document_download, name="document-download"),
    path("<slug:slug>/", views.workspace_home, name="workspace-home"),
    path("<slug:slug>/profile/", views.workspace_profile, name="workspace-profile"),
    path("<slug:slug>/documents/", views.workspace_documents, name="workspace-documents"),
    path("<slug:slug>/submit/", views.workspace_submit, name="workspace-submit"),
]

staff_patterns = [
    path("", views.staff_queue, name="queue"),
    path("<slug:slug>/", views.staff_review, name="review"),
]

workspace_urls = (workspace_patterns, "producers")
staff_urls = (staff_patterns, "producers_staff")
