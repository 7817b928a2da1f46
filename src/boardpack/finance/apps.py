from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "boardpack.finance"
    label = "finance"
