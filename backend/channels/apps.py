from django.apps import AppConfig


class ChannelsConfig(AppConfig):
    name = "backend.channels"
    label = "channels"
    verbose_name = "Channels"
