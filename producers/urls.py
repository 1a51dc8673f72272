"""Two URL sets: the producer workspace (/workspace/) and staff review (/staff/producers/)."""

from django.urls import path

from producers import import_views, views, workspace_views

workspace_patterns = [
    path("", views.workspace_index, name="workspace"),
    path("register/", views.producer_register, name="register"),
    path("documents/<str:token>/", views.document_download, name="document-download"),
    path("<slug:slug>/", views.workspace_home, name="workspace-home"),
    path("<slug:slug>/profile/", views.workspace_profile, name="workspace-profile"),
    path("<slug:slug>/documents/", views.workspace_documents, name="workspace-documents"),
    path("<slug:slug>/submit/", views.workspace_submit, name="workspace-submit"),
    path("<slug:slug>/dashboard/", workspace_views.dashboard, name="workspace-dashboard"),
    path("<slug:slug>/products/", workspace_views.product_list, name="workspace-products"),
    path("<slug:slug>/products/<int:pk>/", workspace_views.product_edit, name="workspace-product"),
    path("<slug:slug>/orders/", workspace_views.order_list, name="workspace-orders"),
    path("<slug:slug>/money/", workspace_views.money, name="workspace-money"),
    path("<slug:slug>/import/", import_views.import_start, name="workspace-import-start"),
    path("<slug:slug>/import/<int:pk>/", import_views.import_progress, name="workspace-import"),
    path(
        "<slug:slug>/import/template.<str:fmt>",
        import_views.import_template,
        name="workspace-import-template",
    ),
]

staff_patterns = [
    path("", views.staff_queue, name="queue"),
    path("<slug:slug>/", views.staff_review, name="review"),
]

workspace_urls = (workspace_patterns, "producers")
staff_urls = (staff_patterns, "producers_staff")
