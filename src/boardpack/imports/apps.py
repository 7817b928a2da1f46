from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "boardpack.imports"
    label = "imports"
