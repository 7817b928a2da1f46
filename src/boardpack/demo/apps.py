from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "boardpack.demo"
    label = "demo"
