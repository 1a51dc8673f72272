from django.apps import AppConfig


class ProducersConfig(AppConfig):
    name = "producers"
    label = "producers"
    verbose_name = "Producers"
