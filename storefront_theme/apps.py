from django.apps import AppConfig


class StorefrontThemeConfig(AppConfig):
    name = "storefront_theme"
    label = "storefront_theme"
    verbose_name = "Storefront"
