"""Storefront catalogue URLs (Vietnamese paths). Cart, checkout, orders and account live
in the checkout half of the storefront."""

from django.urls import path

from storefront_theme.views import catalogue, ocop, seo

app_name = "storefront"

urlpatterns = [
    path("", catalogue.home, name="home"),
    path("danh-muc/<str:slug>/", catalogue.category, name="category"),
    path("tinh/<str:province_code>/", catalogue.province, name="province"),
    path("tim-kiem/", catalogue.search, name="search"),
    path("san-pham/<str:slug>/", catalogue.product, name="product"),
    path("products/<str:slug>/", catalogue.product_gs1_redirect, name="product_gs1"),
    path("nha-san-xuat/<str:slug>/", catalogue.producer, name="producer"),
    path("ocop/chung-nhan/", ocop.registry, name="certificates"),
    path("ocop/certificates/<str:number>/", ocop.verify, name="certificate"),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots, name="robots"),
]
