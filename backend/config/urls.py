from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from backend.accounts import views as accounts_views
from backend.catalog import views as catalog_views
from backend.core import views as core_views
from backend.graphql.views import GraphQLView
from producers import urls as producer_urls

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("metrics", core_views.metrics, name="metrics"),
    path("graphql/", GraphQLView.as_view(), name="api"),
    path("admin/", admin.site.urls),
    path("officials/", include("backend.ocop.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path(".well-known/jwks.json", accounts_views.jwks, name="jwks"),
    path(
        "thumbnail/<str:instance_id>/<int:size>/<str:format>/",
        catalog_views.thumbnail,
        name="thumbnail",
    ),
    path("thumbnail/<str:instance_id>/<int:size>/", catalog_views.thumbnail, name="thumbnail"),
    path("workspace/", include(producer_urls.workspace_urls)),
    path("staff/producers/", include(producer_urls.staff_urls)),
    path("payments/", include("backend.payments.urls")),
    path("", include("qr.urls")),
    path("", include("storefront_theme.urls")),
    path("", include("storefront_theme.purchase_urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
