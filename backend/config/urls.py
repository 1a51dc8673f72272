from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from backend.core import views as core_views
from backend.graphql.views import GraphQLView

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("graphql/", GraphQLView.as_view(), name="api"),
    path("admin/", admin.site.urls),
    path("officials/", include("backend.ocop.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("qr.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
