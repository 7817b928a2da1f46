from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "boardpack.quality"
    label = "quality"
