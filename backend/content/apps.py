from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "backend.content"
    label = "content"
    verbose_name = "Content pages and menus"
