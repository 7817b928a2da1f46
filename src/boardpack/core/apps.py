from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "boardpack.core"
    label = "core"
